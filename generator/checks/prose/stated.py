"""Figures the narrative states, taken from the reader's statements in the shape rules need.

The reader records each figure as a ``Statement`` (value in 万元, the text as printed, its
line, the paragraph and sentence it belongs to); the rules also need the number as printed,
with its precision, so that a table figure can be compared "to the digits the text prints",
and the statements grouped as the sentence groups them (a completion rate with its two
figures, the parts of a 其中 list).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.model import Document, Statement, decimals, to_wan, ulp


@dataclass
class Amount:
    value: Decimal  # as printed, in ``unit``
    unit: str
    raw: str
    start: int
    end: int
    line: int
    label: str  # text printed just before the number (back to a delimiter or a digit)
    phrase: str = ""  # the same back to a delimiter only ("2020年度本年收入合计"), for messages

    @property
    def wan(self) -> Decimal:
        wan = to_wan(self.value, self.unit)
        return self.value if wan is None else wan

    @property
    def wan_ulp(self) -> Decimal:
        u = ulp(decimals(self.raw))
        wan = to_wan(u, self.unit)
        return u if wan is None else wan


def stated_amount(st: Statement) -> Amount:
    """The statement's figure as printed (e.g. 3470158.34 元), labelled with its subject."""
    per_unit = to_wan(Decimal(1), st.unit)  # the reader gives 万元; back to the printed unit
    printed = st.value / per_unit if per_unit else st.value
    printed = printed.quantize(Decimal(1).scaleb(-decimals(st.raw)))
    return Amount(printed, st.unit, st.raw, 0, 0, st.source.line, st.subject, st.subject)


def completions(doc: Document) -> list[tuple[Statement, Amount, Amount]]:
    """Each "完成年初预算的C%" with the budget and final figures stated just before it.

    "年初预算为A，支出决算为B，完成年初预算的C%": the two statements before the rate, in its
    sentence, must be a budget figure and then a final (current) one; anything else is not a
    completion rate the figures can verify.
    """
    out: list[tuple[Statement, Amount, Amount]] = []
    prior: list[Statement] = []
    for st in doc.statements:
        if prior and prior[-1].sentence != st.sentence:
            prior = []
        if st.kind == "rate" and "预算" in st.raw and len(prior) >= 2:
            b, f = prior[-2], prior[-1]
            if (b.kind, b.period, f.kind, f.period) == ("amount", "budget", "amount", "current"):
                out.append((st, stated_amount(b), stated_amount(f)))
        prior.append(st)
    return out


def sentence_statements(doc: Document) -> list[list[Statement]]:
    """The statements of each narrative sentence, in order."""
    out: list[list[Statement]] = []
    for st in doc.statements:
        last = out[-1][-1] if out else None
        if last is None or (last.sentence, last.paragraph) != (st.sentence, st.paragraph):
            out.append([])
        out[-1].append(st)
    return out


def share_interval(part: Amount, whole: Amount) -> tuple[Decimal, Decimal]:
    pu, wu = part.wan_ulp / 2, whole.wan_ulp / 2
    lo = (part.wan - pu) / (whole.wan + wu) * 100
    hi = (part.wan + pu) / max(whole.wan - wu, Decimal("1e-12")) * 100
    return lo, hi
