"""Display of metric values: rounded only here, and a missing value always says why.

Data keeps full precision; a page shows two decimals. A missing value is written as its
status (未公开 / 不适用 / 无法读取), an unknown population as 未知 — never 0 and never blank.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from generator.metrics.definitions import METRIC_DOCS, STATUS_ZH
from generator.metrics.types import MetricValue
from generator.model import KIND_ZH
from generator.site.charts import money

TWO = Decimal("0.01")


def _q(value: Decimal) -> Decimal:
    return value.quantize(TWO, rounding=ROUND_HALF_UP)


def number(value: Decimal | None, unit: str) -> str:
    """A number in its unit for display: ratio as percent with 2 decimals."""
    if value is None:
        return ""
    if unit == "ratio":
        return f"{_q(value * 100):,}%"
    if unit == "万元":
        return amount(value)
    if unit == "元/人":
        return f"{_q(value):,} 元/人"
    return f"{value:,} {unit}".strip()


def amount(value: Decimal | None) -> str:
    """A published amount in 万元, two decimals: the site's one way to show an amount (the
    printed digits are on the linked source line)."""
    if value is None:
        return ""
    return f"{money(value)} 万元"


def missing(mv: MetricValue) -> str:
    """Why a value is absent, in the page's words."""
    if mv.metric == "per_capita_expenditure" and mv.note == "人口未知":
        return "未知（人口未知）"
    return STATUS_ZH.get(mv.status, mv.status)


def value(mv: MetricValue | None) -> str:
    if mv is None:
        return STATUS_ZH["not_disclosed"]
    if not mv.numeric:
        return missing(mv)
    unit = METRIC_DOCS[mv.metric].unit if mv.metric in METRIC_DOCS else mv.unit
    if unit == "万元" and mv.metric not in METRIC_DOCS:
        return amount(mv.value)
    return number(mv.value, unit)


def signed_percent(value: Decimal | None) -> str:
    if value is None:
        return ""
    q = _q(value * 100)
    return f"{'+' if q > 0 else ''}{q:,}%"


def signed_amount(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = amount(value)
    return ("+" + text) if value > 0 else text


def kind_zh(kind: str | None) -> str:
    return KIND_ZH.get(kind or "", kind or "")
