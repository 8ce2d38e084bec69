"""Year-on-year changes in the narrative: the one reading of "比上年增加A万元，增长p%".

Two stages read them. The reader's statements take every change a direction word opens —
with or without its percentage, in 亿元 too, the template's "增加（减少）" kept as a change
without a direction (``change_phrases``). The checks do arithmetic on a change, so they take
only one printed with its percentage and the word before it, in 万元 or 元: "增加A万元，增长
p%", "各增加A元和B元，增长分别为x%和y%" (``printed_changes``). The second reading is the
stricter one on purpose: a percentage the wording does not tie to the change ("增加A万元，
占p%") is no growth rate to verify, and 上升 or a "（下降）" left in the template still is.
Both are defined here, beside each other, so that a new way of writing a change is taught
to both at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

_NUM = r"(?<![\d.,])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
AMOUNT = re.compile(
    _NUM + r"\s*(?P<unit>亿元|万元|元)(?![/／])(?!\s*(?:[（(]含[）)])?\s*(?:以上|以下|以内|左右))"
)
PERCENT = r"(?<![\d.,])(?P<pct>\d+(?:\.\d+)?)\s*%"

# The reader's statements: a direction word, an amount, maybe "和 <amount>" and a percentage.
_VERB = (
    r"(?P<verb>增加（减少）|增加\(减少\)|增加减少|增（减）|增\(减\)|增加|减少|增长|下降|降低"
    r"|压减|压缩|节约)"
)
CHANGE = re.compile(_VERB + r"\s*(?:了|为|分别为)?\s*(?=\d)")
_PCT_AFTER = re.compile(
    r"\s*[，,]?\s*(?:增长|下降|降低|增加|减少|增幅|降幅)?了?\s*(?:分别为|为)?\s*" + PERCENT
)
_PCT_AND = re.compile(r"\s*和\s*" + PERCENT)
_AND_AMOUNT = re.compile(r"\s*和\s*" + AMOUNT.pattern)
INCREASE, DECREASE = ("增加", "增长"), ("减少", "下降", "降低", "压减", "压缩", "节约")


def change_phrases(sent: str) -> list[tuple[re.Match, list[re.Match], list[tuple[Decimal, int]]]]:
    """Each change of ``sent``: its direction word, its amounts, its percentages (with ends)."""
    out: list[tuple[re.Match, list[re.Match], list[tuple[Decimal, int]]]] = []
    for m in CHANGE.finditer(sent):
        am = AMOUNT.match(sent, m.end())
        if not am:
            continue
        amounts = [am]
        more = _AND_AMOUNT.match(sent, am.end())
        if more:
            amounts.append(AMOUNT.search(sent, am.end()))
        pcts: list[tuple[Decimal, int]] = []
        pm = _PCT_AFTER.match(sent, amounts[-1].end())
        if pm:
            pcts.append((Decimal(pm.group("pct")), pm.end()))
            pm2 = _PCT_AND.match(sent, pm.end())
            if pm2:
                pcts.append((Decimal(pm2.group("pct")), pm2.end()))
        out.append((m, amounts, pcts))
    return out


# The checks: a change printed with its percentage and the word before it.
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_UP = ("增加", "增长", "上升", "增幅")
_WITH_PERCENT = re.compile(
    rf"(?P<verb>增加|减少|增长|下降|降低|节约|上升)了?\s*(?P<amt>{_NUMBER})\s*(?P<unit>万元|元)\s*[，,]?\s*"
    rf"(?P<pword>增长|下降|降低|增加|减少|上升|增幅|降幅)(?:[（(][^）)]{{1,4}}[)）])?(?:了|为)?\s*"
    rf"(?P<pct>-?\d+(?:\.\d+)?)\s*[%％]"
)
_PAIR_WITH_PERCENT = re.compile(
    rf"各(?P<verb>增加|减少)\s*(?P<a1>{_NUMBER})\s*(?P<u1>万元|元)\s*和\s*(?P<a2>{_NUMBER})\s*(?P<u2>万元|元)\s*[，,]\s*"
    rf"(?P<pword>增长|下降|降低)分别为\s*(?P<p1>\d+(?:\.\d+)?)\s*[%％]\s*和\s*(?P<p2>\d+(?:\.\d+)?)\s*[%％]"
)


@dataclass
class PrintedChange:
    """One "增加A万元，增长p%" (or a pair of them) as printed, by offsets into the text."""

    match: re.Match
    items: list[tuple[int, str, int]]  # (amount start, percent as printed, percent start)
    increase: bool
    words_agree: bool  # 增加 … 增长 (not 增加 … 下降)
    against: str  # "previous" (上年/上年度决算) or "budget" (年初预算)


def printed_changes(text: str) -> list[PrintedChange]:
    """Every change of ``text`` printed with its percentage: single ones, then pairs."""
    found: list[tuple[re.Match, list[tuple[int, str, int]]]] = []
    for m in _WITH_PERCENT.finditer(text):
        found.append((m, [(m.start("amt"), m.group("pct"), m.start("pct"))]))
    for m in _PAIR_WITH_PERCENT.finditer(text):
        found.append(
            (
                m,
                [
                    (m.start("a1"), m.group("p1"), m.start("p1")),
                    (m.start("a2"), m.group("p2"), m.start("p2")),
                ],
            )
        )
    out: list[PrintedChange] = []
    for m, items in found:
        before = text[max(0, m.start() - 16) : m.start()]
        against = "budget" if re.search(r"(较|比)[^，。；]{0,12}预算", before) else "previous"
        increase = m.group("verb") not in ("减少", "下降", "降低", "节约")
        agree = (m.group("pword") in _UP) == increase
        out.append(PrintedChange(m, items, increase, agree, against))
    return out
