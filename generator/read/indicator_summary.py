"""Indicator readings from the two-sided tables: 部门收支总表 and 财政拨款收支总表.

Income on the left, expenditure on the right, each with its own label column; templates
differ in where the sides split, which row is the grand total (收入总计, a bare 合计 or 总计,
a 收入合计 below a 本年收入小计) and what sits under 上年结转. The rows say it: a row's second
label starts the expenditure side, a label names its own side where it can (收入总计 /
支出总计), and rows under a carry-over row split the carry-over, not this year's income.
"""

from __future__ import annotations

from generator.model import Cell, Reading, Row, Table
from generator.read.indicator_labels import canonical_label, label_id
from generator.read.indicator_tables import (
    EXPENDITURE_SIDE,
    INCOME_SIDE,
    cell_reading,
    pairs_of,
    skip_columns,
)


def _expenditure_start(table: Table, pairs: list[list[tuple[int, str, Cell]]]) -> int | None:
    """First column of the expenditure side: where the second label of a row is printed.

    The rows say it better than the header: a header may put '项目' over the expenditure
    labels and '支出' only over their figures, or span 支出 across both.
    """
    seconds = [row[1][0] for row in pairs if len(row) >= 2]
    if seconds:
        return min(seconds)
    for j, name in enumerate(table.columns):
        if name.startswith("支出") and j > 0:
            return j
    return None


def summary(source: str, table: Table) -> list[Reading]:
    return _two_sided(source, table, INCOME_SIDE, EXPENDITURE_SIDE)


def fiscal_summary(source: str, table: Table) -> list[Reading]:
    # fiscal-appropriation totals are not the department's totals: only the appropriations
    return _two_sided(source, table, ("general_public_budget", "government_fund"), ())


# Templates that print the current year as a 小计 (当年收入小计 + 上年结转资金 = 收入合计):
# there the 合计 below the 小计 is the grand total, carry-over included.
_CURRENT_SUBTOTALS = {
    "当年收入小计": "income_current_year",
    "本年收入小计": "income_current_year",
    "当年支出小计": "expenditure_current_year",
    "本年支出小计": "expenditure_current_year",
}
_SIDES = {
    # total id, current-year id, carry-over id, bare totals that may name the side's total
    "income": ("income_total", "income_current_year", "carryover_begin", ("收入合计",)),
    "expenditure": (
        "expenditure_total",
        "expenditure_current_year",
        "carryover_end",
        ("支出合计",),
    ),
}
_BARE_TOTALS = ("总计", "合计", "共计")
_SOURCES = ("general_public_budget", "government_fund")


def _two_sided(source: str, table: Table, income_ids, expenditure_ids) -> list[Reading]:
    skip = skip_columns(table)
    pairs = [pairs_of(row, skip) for row in table.rows]
    split = _expenditure_start(table, pairs)
    sides: dict[str, list[tuple[Row, str, Cell]]] = {"income": [], "expenditure": []}
    for row, row_pairs in zip(table.rows, pairs, strict=True):
        for k, (j, label, cell) in enumerate(row_pairs):
            sides[_side(label, j, k, split)].append((row, label, cell))
    out: list[Reading] = []
    for side, ids in (("income", income_ids), ("expenditure", expenditure_ids)):
        totals = _side_totals(side, [label for _, label, _ in sides[side]], ids)
        carried = False  # rows under 上年结转 split the carry-over, not this year's income
        for row, label, cell in sides[side]:
            name = canonical_label(label)
            ind = totals.get(name) or label_id(label, ids)
            if name in _CURRENT_SUBTOTALS and _CURRENT_SUBTOTALS[name] in ids:
                ind = _CURRENT_SUBTOTALS[name]
            if label_id(label, ("carryover_begin", "carryover_end")) or name in totals:
                carried = name not in totals
            elif carried and ind in _SOURCES:
                continue
            if ind:
                r = cell_reading(source, table, ind, row, cell)
                if r:
                    out.append(r)
    return out


def _side(label: str, column: int, k: int, split: int | None) -> str:
    """Which side a label belongs to: its own words when they say, else where it is printed."""
    income = label_id(label, INCOME_SIDE) is not None
    spending = label_id(label, EXPENDITURE_SIDE) is not None
    if income != spending:
        return "income" if income else "expenditure"
    if split is not None:
        return "expenditure" if column >= split else "income"
    return "income" if k == 0 else "expenditure"


def _side_totals(side: str, labels: list[str], ids) -> dict[str, str]:
    """Printed total labels of one side that name its grand total (or its current year).

    收入总计 names itself; where no such label is printed, the side's total is its last bare
    total (总计 / 合计, or a 收入合计 printed after the carry-over row or after a 本年收入小计):
    templates that print one total print the grand total. When both 合计 and 总计 are printed,
    the 合计 is the current year.
    """
    total_id, current_id, carry_id, side_totals = _SIDES[side]
    if total_id not in ids:
        return {}
    names = [canonical_label(t) for t in labels]
    if any(label_id(t, (total_id,)) for t in names):
        return {n: total_id for n in names if n == "总计"}
    out: dict[str, str] = {}
    carry_at = next((k for k, n in enumerate(names) if label_id(n, (carry_id,))), None)
    subtotal = any(n in _CURRENT_SUBTOTALS for n in names)
    candidates = [
        k
        for k, n in enumerate(names)
        if n in _BARE_TOTALS
        or (n in side_totals and (subtotal or (carry_at is not None and k > carry_at)))
    ]
    if not candidates:
        return {}
    last = candidates[-1]
    out[names[last]] = total_id
    for k in candidates[:-1]:
        if names[k] in _BARE_TOTALS and names[last] == "总计" and current_id in ids:
            out[names[k]] = current_id
    return out
