"""Year-on-year changes located in the narrative paragraphs, with the figure each applies to.

"比上年增加A万元，增长p%" is checked against the current figure it follows (and, across
documents, against last year's). A ``Statement`` of kind "change" does not yet record what
that needs — the printed amount with its precision, the figure it applies to, the word
before its percentage and whether it compares with last year or with the budget — so the
changes are still located here. Every other narrative figure is read from
``Document.statements`` (see stated.py); wording defects are scanned in textscan.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from generator.checks.prose.paragraphs import AMOUNT, Paragraph, text_paragraphs
from generator.checks.prose.stated import Amount
from generator.checks.tables.view import norm
from generator.model import Document

_DELIMS = "，,。；;：:（(、"


@dataclass
class FigureParagraph(Paragraph):
    amounts: list[Amount] = field(default_factory=list)


def paragraphs(doc: Document) -> list[FigureParagraph]:
    cached = getattr(doc, "_checks_paragraphs", None)
    if cached is not None:
        return cached
    out = [FigureParagraph(p.text, p.starts) for p in text_paragraphs(doc)]
    for p in out:
        prev_end = 0
        for m in AMOUNT.finditer(p.text):
            a = _amount(p, m, prev_end)
            p.amounts.append(a)
            prev_end = a.end
    try:
        object.__setattr__(doc, "_checks_paragraphs", out)
    except (AttributeError, TypeError):  # pragma: no cover
        pass
    return out


def _amount(p: FigureParagraph, m: re.Match, floor: int = 0) -> Amount:
    raw = m.group(0)
    value = Decimal(m.group(1).replace(",", ""))
    start = m.start()
    k = start
    while k > floor and p.text[k - 1] not in _DELIMS and not p.text[k - 1].isdigit():
        k -= 1
    while k > floor and p.text[k - 1] in "（(" and "）" in p.text[k:start]:
        # "因公出国（境）费用": the bracket is part of the name, not a delimiter
        k -= 1
        while k > floor and p.text[k - 1] not in _DELIMS and not p.text[k - 1].isdigit():
            k -= 1
    label = p.text[k:start].strip()
    if not label and k > 0:  # "人员经费，1,321,478.92元": the label sits before the comma
        j = k - 1
        i = j
        while i > 0 and p.text[i - 1] not in _DELIMS and not p.text[i - 1].isdigit():
            i -= 1
        label = p.text[i:j].strip()
    i = start
    while i > floor and p.text[i - 1] not in _DELIMS:
        i -= 1
    while i > floor and p.text[i - 1] in "（(" and "）" in p.text[i:start]:
        i -= 1
        while i > floor and p.text[i - 1] not in _DELIMS:
            i -= 1
    phrase = p.text[i:start].strip() or label
    return Amount(value, m.group(2), raw, start, m.end(), p.line_at(start), label, phrase)


_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_UP = ("增加", "增长", "上升", "增幅")
CHANGE = re.compile(
    rf"(?P<verb>增加|减少|增长|下降|降低|节约|上升)了?\s*(?P<amt>{_NUM})\s*(?P<unit>万元|元)\s*[，,]?\s*"
    rf"(?P<pword>增长|下降|降低|增加|减少|上升|增幅|降幅)(?:[（(][^）)]{{1,4}}[)）])?(?:了|为)?\s*"
    rf"(?P<pct>-?\d+(?:\.\d+)?)\s*[%％]"
)
PAIR_CHANGE = re.compile(
    rf"各(?P<verb>增加|减少)\s*(?P<a1>{_NUM})\s*(?P<u1>万元|元)\s*和\s*(?P<a2>{_NUM})\s*(?P<u2>万元|元)\s*[，,]\s*"
    rf"(?P<pword>增长|下降|降低)分别为\s*(?P<p1>\d+(?:\.\d+)?)\s*[%％]\s*和\s*(?P<p2>\d+(?:\.\d+)?)\s*[%％]"
)


@dataclass
class Change:
    """比上年增加 A，增长 p%: the current amount it applies to, the change and the percent."""

    paragraph: FigureParagraph
    current: Amount | None
    amount: Amount
    increase: bool
    percent: Decimal
    percent_raw: str
    percent_line: int
    words_agree: bool  # 增加 … 增长 (not 增加 … 下降)
    against: str  # "previous" (上年/上年度决算) or "budget" (年初预算)
    text: str

    @property
    def previous(self) -> Decimal | None:
        """The base implied by current and change, in 万元."""
        if self.current is None:
            return None
        return (
            self.current.wan - self.amount.wan
            if self.increase
            else self.current.wan + self.amount.wan
        )


def _subject(label: str) -> str:
    t = re.sub(r"(增加|减少|增长|下降|降低|节约|上升)了?$", "", label)
    t = re.sub(r"(比|较|与)(上年|\d{4}年度?|上年度)?.*$", "", t)
    return norm(t)


def _current_for(p: FigureParagraph, change_amt: Amount, changes: set[int]) -> Amount | None:
    earlier = [a for a in p.amounts if a.start < change_amt.start and a.start not in changes]
    subject = _subject(change_amt.phrase)
    if subject:
        for a in reversed(earlier):
            lab = norm(a.label)
            if len(subject) >= 2 and (
                lab.endswith(subject) or subject.endswith(lab) and len(lab) >= 2
            ):
                return a
    return earlier[-1] if earlier else None


def changes(doc: Document) -> list[Change]:
    out: list[Change] = []
    for p in paragraphs(doc):
        by_start = {a.start: a for a in p.amounts}
        found: list[tuple[re.Match, list[tuple[Amount, str, int]]]] = []
        for m in CHANGE.finditer(p.text):
            a = by_start.get(m.start("amt"))
            if a is not None:
                found.append((m, [(a, m.group("pct"), m.start("pct"))]))
        for m in PAIR_CHANGE.finditer(p.text):
            a1, a2 = by_start.get(m.start("a1")), by_start.get(m.start("a2"))
            if a1 is not None and a2 is not None:
                found.append(
                    (m, [(a1, m.group("p1"), m.start("p1")), (a2, m.group("p2"), m.start("p2"))])
                )
        change_starts = {a.start for _, items in found for a, _, _ in items}
        for m, items in found:
            before = p.text[max(0, m.start() - 16) : m.start()]
            against = "budget" if re.search(r"(较|比)[^，。；]{0,12}预算", before) else "previous"
            increase = m.group("verb") not in ("减少", "下降", "降低", "节约")
            agree = (m.group("pword") in _UP) == increase
            currents = (
                [a for a in p.amounts if a.start < m.start() and a.start not in change_starts][
                    -len(items) :
                ]
                if len(items) > 1
                else None
            )
            for k, (amt, pct, pct_at) in enumerate(items):
                cur = (
                    currents[k]
                    if currents and len(currents) == len(items)
                    else _current_for(p, amt, change_starts)
                )
                out.append(
                    Change(
                        p,
                        cur,
                        amt,
                        increase,
                        Decimal(pct),
                        pct,
                        p.line_at(pct_at),
                        agree,
                        against,
                        m.group(0),
                    )
                )
    return out


def percent_interval(c) -> tuple[Decimal, Decimal] | None:
    """Range of growth percentages the printed figures allow (each ± half its last digit)."""
    cur, amt = c.current, c.amount
    cu, au = cur.wan_ulp / 2, amt.wan_ulp / 2
    values = []
    for dc in (-cu, cu):
        for da in (-au, au):
            a = amt.wan + da
            base = (cur.wan + dc) - a if c.increase else (cur.wan + dc) + a
            if base <= 0:
                return None
            values.append(a / base * 100)
    return min(values), max(values)
