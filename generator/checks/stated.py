"""A figure the narrative states, in the shape the narrative rules compare and quote.

The reader records each figure as a ``Statement`` (value in 万元, the text as printed, its
line); the rules need the number as printed too, with its precision, so that a table figure
can be compared "to the digits the text prints".
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.checks.evidence import WAN
from generator.checks.tolerance import decimals, ulp
from generator.model import Statement


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
        return self.value / WAN if self.unit == "元" else self.value

    @property
    def wan_ulp(self) -> Decimal:
        u = ulp(decimals(self.raw))
        return u / WAN if self.unit == "元" else u


def stated_amount(st: Statement) -> Amount:
    """The statement's figure as printed (e.g. 3470158.34 元), labelled with its subject."""
    printed = st.value * WAN if st.unit == "元" else st.value
    printed = printed.quantize(Decimal(1).scaleb(-decimals(st.raw)))
    return Amount(printed, st.unit, st.raw, 0, 0, st.source.line, st.subject, st.subject)
