"""A column group printed only as its parts: 基本支出 over 人员支出 | 公用经费, with no 小计.

Zhejiang's 部门支出预算总表 (and other provinces' templates) head two columns with 基本支出 and
print no subtotal under it, so the department's 基本支出 is nowhere printed as one number. It is
the only figure the reader adds up itself, and only when the document's own row proves the
columns were placed right: the row's 合计/总计 equals the sum of every other figure in the row
(the group's parts, 项目支出, 经营支出 …). The reading keeps its parts as printed in ``raw``
("1487.48 + 116.93", ``Reading.summed``), so the site shows where the sum came from; it is
never a printed figure.
"""

from __future__ import annotations

from decimal import Decimal

from generator.model import Reading, Row, SourceRef, Table, decimals, sum_tolerance, ulp
from generator.read import indicator_tables
from generator.read.indicator_labels import TOTAL_WORDS, canonical_label
from generator.read.indicator_tables import (
    NOTHING,
    UNIT_IN_NAME,
    cell_reading,
    column_of,
    total_row,
)

_SUBTOTALS = TOTAL_WORDS | {"小计", "合计", "总计"}


def expenditure(source: str, table: Table) -> list[Reading]:
    """An expenditure table's readings, with its 基本支出 summed where only its parts print."""
    out = indicator_tables.expenditure(source, table)
    row = total_row(table)
    derived = group_sum(source, table, row, "basic_expenditure", "基本支出") if row else None
    return [*out, derived] if derived else out


def group_sum(source: str, table: Table, row: Row, ind: str, name: str) -> Reading | None:
    """``name``'s figure in ``row`` as the sum of its printed parts, if the row adds up."""
    if column_of(table, name) is not None:
        return None  # the group prints its own figure: read that, never a sum
    columns = [UNIT_IN_NAME.sub("", c) for c in table.columns]
    parts = [
        j
        for j, col in enumerate(columns)
        if col.split("/")[0] == name and col.count("/") == 1 and j < len(row.cells)
    ]
    if len(parts) < 2 or any(
        canonical_label(columns[j].split("/")[1]) in _SUBTOTALS for j in parts
    ):
        return None
    cells = [row.cells[j] for j in parts]
    if any(c.value is None and c.text.strip() not in NOTHING for c in cells):
        return None
    readings = [cell_reading(source, table, ind, row, c) for c in cells if c.value is not None]
    if not readings or any(r is None for r in readings):
        return None
    if len({r.unit for r in readings}) != 1 or not _row_adds_up(row, columns):
        return None
    first = readings[0]
    return Reading(
        id=ind,
        value=sum((r.value for r in readings), Decimal(0)),
        origin="table",
        source=SourceRef(
            file=source, line=row.line, page=first.source.page, text=first.source.text
        ),
        raw=" + ".join(c.text for c in cells if c.value is not None),
        unit=first.unit,
        table_id=table.id,
    )


def _row_adds_up(row: Row, columns: list[str]) -> bool:
    """The row's single 合计/总计 column equals the sum of every other figure it prints."""
    totals = [
        j
        for j, col in enumerate(columns)
        if "/" not in col and canonical_label(col) in ("合计", "总计") and j < len(row.cells)
    ]
    if len(totals) != 1 or row.cells[totals[0]].value is None:
        return False
    total = row.cells[totals[0]]
    others = [
        c
        for j, c in enumerate(row.cells)
        if j != totals[0] and c.value is not None and not (row.code and c.text == row.code.raw)
    ]
    if len(others) < 2:
        return False
    places = max(decimals(c.text) for c in [total, *others])
    difference = abs(total.value - sum((c.value for c in others), Decimal(0)))
    return difference <= sum_tolerance(len(others), ulp(places))
