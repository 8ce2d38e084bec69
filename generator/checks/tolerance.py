"""How far two printed figures may differ before the difference means something.

A published figure is rounded to its last printed digit, so the true value lies within half a
unit of that digit (½ ulp). A total compared with the sum of n items can therefore be off by
(n + 1) × ½ ulp without anyone having made a mistake: each of the n items and the total carry
their own rounding. The ulp is the table's precision — the finest digit printed anywhere in
the table — because exports drop trailing zeros ("46310.4" is 46,310.40). Differences within
that bound are reported as ``info`` rounding, never as errors. A narrative figure that rounds
a table figure (3,470,158.34 元 written as 347.02 万元) is compared with half the narrative's
ulp plus half the table's.
"""

from __future__ import annotations

from decimal import Decimal

from generator.model import decimals, ulp

__all__ = ["EXPLANATION_ZH", "classify", "decimals", "fmt", "sum_tolerance", "ulp"]

# The same rule in plain words, for the methodology page (generated with the rule list).
EXPLANATION_ZH = (
    "公开数字都按最后一位四舍五入，所以每个数字本身可能偏差末位的半个单位。n 个分项相加与合计比较时，"
    "最多可差 (n + 1) × 半个末位单位；末位取该表印出的最细一位（例如保留两位小数的万元表，末位是 0.01 万元）。"
    "差额在此范围内记为“尾差”（说明），不算错误；说明文字把表中数字四舍五入后引用（如 3,470,158.34 元写成"
    " 347.02 万元）也不算不一致。"
)
EXPLANATION_EN = (
    "Every published figure is rounded at its last printed digit, so each may be off by half a unit of that "
    "digit. A total compared with the sum of n items may therefore differ by up to (n + 1) × half a unit, the "
    "unit being the finest digit the table prints (0.01 万元 for a table with two decimals). Such differences are "
    "reported as rounding (info), never as errors; a narrative quoting a table figure rounded to fewer digits is "
    "not a contradiction either."
)

ZERO = Decimal(0)


def sum_tolerance(n_items: int, unit_ulp: Decimal) -> Decimal:
    """Largest difference rounding alone explains between a total and the sum of n items."""
    return unit_ulp * Decimal(max(n_items, 1) + 1) / 2


def classify(difference: Decimal, tolerance: Decimal) -> str:
    """``passed`` (exactly equal), ``rounding`` (within tolerance) or ``failed``."""
    d = abs(difference)
    if d == 0:
        return "passed"
    if d <= tolerance:
        return "rounding"
    return "failed"


def fmt(value: Decimal | None, places: int | None = None) -> str:
    """A figure for a message: thousands separators, the printed number of decimals."""
    if value is None:
        return "—"
    if places is None:
        places = max(0, -value.normalize().as_tuple().exponent) if value != 0 else 0
        places = min(places, 6)
    q = value.quantize(ulp(places)) if places >= 0 else value
    return f"{q:,.{places}f}"
