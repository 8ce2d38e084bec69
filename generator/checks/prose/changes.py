"""Year-on-year changes of the narrative, each with the figure it applies to.

"比上年增加A万元，增长p%" is checked against the current figure it follows (and, across
documents, against last year's). The change itself is read by the reader stage's one change
reading (read/narrative_changes.printed_changes), here in the checks' paragraphs
(paragraphs.py); what this module adds is what the arithmetic needs and a ``Statement``
does not record: every amount of the paragraph as printed, with its precision and label,
and the current figure each change applies to. Every other narrative figure is read from
``Document.statements`` (see stated.py).

Why not the reader's change statements: a statement carries no printed precision, no
figure it applies to and no word before its percentage, and exported Statement fields are
part of the site's JSON downloads, so adding them changes the published output.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from generator.checks.memo import once
from generator.checks.prose.paragraphs import text_paragraphs
from generator.checks.prose.stated import Amount
from generator.model import Document
from generator.read.narrative_changes import printed_changes
from generator.read.narrative_text import PRINTED_AMOUNT, Para
from generator.read.vocabulary import canonical_label

_DELIMS = "，,。；;：:（(、"


@dataclass
class FigureParagraph(Para):
    amounts: list[Amount] = field(default_factory=list)


def figure_paragraphs(doc: Document) -> list[FigureParagraph]:
    return once(doc, "figure_paragraphs", lambda: _figure_paragraphs(doc))


def _figure_paragraphs(doc: Document) -> list[FigureParagraph]:
    out = [FigureParagraph(p.text, p.starts) for p in text_paragraphs(doc)]
    for p in out:
        prev_end = 0
        for m in PRINTED_AMOUNT.finditer(p.text):
            a = _amount(p, m, prev_end)
            p.amounts.append(a)
            prev_end = a.end
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
    return Amount(value, m.group(2), raw, start, m.end(), p.line_at(start).number, label, phrase)


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
    return canonical_label(t, loose=True)


def _current_for(p: FigureParagraph, change_amt: Amount, changes: set[int]) -> Amount | None:
    earlier = [a for a in p.amounts if a.start < change_amt.start and a.start not in changes]
    subject = _subject(change_amt.phrase)
    if subject:
        for a in reversed(earlier):
            lab = canonical_label(a.label, loose=True)
            if len(subject) >= 2 and (
                lab.endswith(subject) or subject.endswith(lab) and len(lab) >= 2
            ):
                return a
    return earlier[-1] if earlier else None


def changes(doc: Document) -> list[Change]:
    out: list[Change] = []
    for p in figure_paragraphs(doc):
        by_start = {a.start: a for a in p.amounts}
        found = [
            (pc, [(by_start[at], pct, pct_at) for at, pct, pct_at in pc.items])
            for pc in printed_changes(p.text)
            if all(at in by_start for at, _, _ in pc.items)
        ]
        change_starts = {a.start for _, items in found for a, _, _ in items}
        for pc, items in found:
            m = pc.match
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
                        pc.increase,
                        Decimal(pct),
                        pct,
                        p.line_at(pct_at).number,
                        pc.words_agree,
                        pc.against,
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
