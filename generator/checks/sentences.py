"""The narrative as paragraphs of sentences, with every amount, share and change located.

Narrative rules recompute what a sentence claims (a share, a year-on-year change, a
completion rate) from the figures printed in the same sentence, so they need those figures
with the text just before each one (its label) and the line it was printed on. Table rows
are excluded; a sentence broken over several lines (a PDF page break, a DOC export) is joined
back, keeping each character's line so evidence points at the right one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from generator.checks.stated import Amount
from generator.checks.tableview import LABELS, norm
from generator.checks.textscan import AMOUNT, Paragraph, text_paragraphs
from generator.model import Document

SHARE = re.compile(r"占(?P<of>[^，,。；;%％\d]{0,15}?)(?P<pct>\d+(?:\.\d+)?)\s*[%％]")
_DELIMS = "，,。；;：:（(、"
_LABEL_SUFFIXES = ("为", "是", "共", "年初预算", "预算数", "决算数", "安排")


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


_FUND_WORDS = ("政府性基金", "国有资本")
# words that make "…支出预算" a part of the budget rather than the department's total
_QUALIFIERS = (
    "拨款",
    "一般公共预算",
    "基金",
    "国有资本",
    "项目",
    "基本",
    "三公",
    "采购",
    "运行",
    "经费",
)
_INCOME_IDS = ("general_public_budget", "government_fund", "income_total", "income_current_year")


def indicator_of_label(label: str) -> str | None:
    """Narrative label -> canonical id, by the vocabulary term the label ends with.

    A label about a fund or state-capital budget ("政府性基金预算财政拨款本年收入") is not the
    department's 本年收入, so generic ids are refused there; a label that only matches after
    dropping 支出/预算 must not land on an income id ("一般公共预算财政拨款支出" is spending).
    """
    n = norm(label)
    for _ in range(3):
        for suffix in _LABEL_SUFFIXES:
            n = n.removesuffix(suffix)
    found = _ending(n)
    if found is None:
        for extra in ("支出预算", "支出决算", "预算", "决算", "支出"):
            if n.endswith(extra):
                found = _ending(n.removesuffix(extra))
                if found in _INCOME_IDS:
                    found = None
                if found:
                    break
    if found is None:
        for term, ind in (
            ("收入预算", "income_total"),
            ("支出预算", "expenditure_total"),
            ("收入预算总额", "income_total"),
            ("支出安排预算总额", "expenditure_total"),
        ):
            head = n.removesuffix(term)
            if n.endswith(term) and not any(w in head for w in _QUALIFIERS):
                found = ind
                break
    if found and any(w in n for w in _FUND_WORDS) and found != "government_fund":
        return None
    return found


def _ending(n: str) -> str | None:
    best = None
    for lab, ind in LABELS.items():
        if lab and n.endswith(lab) and (best is None or len(lab) > len(best[0])):
            best = (lab, ind)
    return best[1] if best else None


def in_fund_context(p: FigureParagraph, a: Amount) -> bool:
    """The sentence is about a fund or state-capital budget, not the department's totals."""
    s, _ = p.sentence_bounds(a.start)
    return any(w in p.text[s : a.start] for w in _FUND_WORDS)


def is_change_label(label: str) -> bool:
    return bool(re.search(r"(增加|减少|增长|下降|降低|上升|节约|持平|各)$", label))


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


def share_interval(part: Amount, whole: Amount) -> tuple[Decimal, Decimal]:
    pu, wu = part.wan_ulp / 2, whole.wan_ulp / 2
    lo = (part.wan - pu) / (whole.wan + wu) * 100
    hi = (part.wan + pu) / max(whole.wan - wu, Decimal("1e-12")) * 100
    return lo, hi


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
