"""Indicator readings from the expenditure, income and budget tables, and the shared parts.

Each reader knows where one table kind prints its figures: the 合计 row of an expenditure
table under its 基本支出/项目支出 columns, a single 合计 column, the 合计 rows of unfolded
column blocks. A figure becomes a reading only when it is printed in a table or column that
declares its unit, so that 元 and 万元 are never confused; nothing is inferred, and the one
sum made (a 基本支出 printed only as its parts) is in indicator_groups. The
two-sided summaries are read in indicator_summary, the “三公” table in indicator_three_public.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.model import Cell, Reading, Row, SourceRef, Table
from generator.read.indicator_labels import TOTAL_WORDS, canonical_label, label_id
from generator.read.numbers import to_wan

# how a table prints "nothing" in a cell (DOMAIN.md: empty cell = nothing)
NOTHING = ("", "-", "—", "－")
INCOME_SIDE = (
    "income_total",
    "income_current_year",
    "general_public_budget",
    "government_fund",
    "carryover_begin",
)
EXPENDITURE_SIDE = ("expenditure_total", "expenditure_current_year", "carryover_end")


def cell_reading(
    source: str, table: Table, ind: str, row: Row, cell: Cell, period: str = "current"
) -> Reading | None:
    """A printed cell as a reading in 万元, tied to its line; shared with the “三公” reader."""
    if cell.value is None:
        return None
    unit = _unit(table, row, cell)
    value = to_wan(cell.value, unit)
    if value is None:
        return None
    return Reading(
        id=ind,
        value=value,
        origin="table",
        source=SourceRef(
            file=source, line=cell.line or row.line, page=cell.page, text=_row_text(row, cell)
        ),
        raw=cell.text,
        unit=unit or "",
        table_id=table.id,
        period=period,  # type: ignore[arg-type]
    )


def _unit(table: Table, row: Row, cell: Cell) -> str | None:
    """The unit of one cell: its column's own declaration, else the table's."""
    j = next((k for k, c in enumerate(row.cells) if c is cell), None)
    if j is not None and j < len(table.column_units) and table.column_units[j]:
        return table.column_units[j]
    return table.unit


def _row_text(row: Row, cell: Cell) -> str:
    """The printed line: a tab row's cells joined, or the value cell of a cell-per-line row."""
    if all(c.line == row.line for c in row.cells):
        return "\t".join(c.text for c in row.cells).rstrip("\t")
    return cell.text


def pairs_of(row: Row, skip: set[int]) -> list[tuple[int, str, Cell]]:
    """(label column, label, value cell) for each label printed with a figure to its right.

    A '小计' between the label and the figure ('一般公共 预算 收入 | 小计 | 7,117.1') belongs
    to the label; 行次/栏次 columns are skipped.
    """
    out = []
    label: tuple[int, str] | None = None
    for j, c in enumerate(row.cells):
        if j in skip:
            continue
        t = c.text.strip()
        if not t:
            continue
        if c.value is None:
            if label is not None and canonical_label(t) == "小计":
                continue
            label = (j, t)
            continue
        if label is not None:
            out.append((label[0], label[1], c))
            label = None
    return out


def skip_columns(table: Table) -> set[int]:
    return {j for j, name in enumerate(table.columns) if "行次" in name or "栏次" == name}


_ROW_TOTALS = TOTAL_WORDS | {"本年支出合计", "本年收入合计", "支出合计", "收入合计"}


def total_row(table: Table) -> Row | None:
    """The row of the table's totals: 合计/总计 in any of its label cells, else its only 小计.

    The label need not be the row's first text: a 合计 can share its ruled row with the
    类/款/项 header cells or sit beside a blank code column.
    """
    for row in table.rows:
        if canonical_label(row.label) in _ROW_TOTALS:
            return row
    for row in table.rows:
        if not any(c.value is not None for c in row.cells):
            continue
        texts = [canonical_label(c.text) for c in row.cells if c.value is None and c.text]
        if any(t in _ROW_TOTALS for t in texts):
            return row
    data = [r for r in table.rows if any(c.value is not None for c in r.cells)]
    if len(data) == 1 and not data[0].label:
        return data[0]
    # a table whose only total is labelled 小计 (several 小计 rows are group subtotals)
    subtotals = [
        r
        for r in data
        if any(canonical_label(c.text) == "小计" for c in r.cells if c.value is None)
    ]
    return subtotals[0] if len(subtotals) == 1 else None


UNIT_IN_NAME = re.compile(r"[（(]\s*(?:金额)?(?:单位[:：])?\s*(?:亿元|万元|千元|元)\s*[）)]")


def column_of(table: Table, name: str) -> int | None:
    """Column of a group ('基本支出', or its '基本支出/小计'), or of a leaf named ``name``.

    A unit printed in the header ('基本支出（万元）') is not part of the name.
    """
    columns = [UNIT_IN_NAME.sub("", col) for col in table.columns]
    for j, col in enumerate(columns):
        if col in (name, name + "/小计", name + "/合计"):
            return j
    for j, col in enumerate(columns):
        parts = col.split("/")
        if col.endswith("/" + name) or (
            len(parts) >= 2 and parts[-2] == name and parts[-1] in ("小计", "合计")
        ):
            return j  # '2026年预算数/基本支出/小计'
    return None


def expenditure(source: str, table: Table) -> list[Reading]:
    row = total_row(table)
    if row is None:
        return []
    columns = (
        ("basic_expenditure", "基本支出"),
        ("project_expenditure", "项目支出"),
        ("personnel_expenditure", "人员经费"),
        ("public_expenditure", "公用经费"),
        ("business_expenditure", "事业单位经营支出"),
        ("business_expenditure", "经营支出"),
        ("remittance_expenditure", "上缴上级支出"),
        ("subsidiary_expenditure", "对附属单位补助支出"),
    )
    return _first_per_id(_column_readings(source, table, row, columns)) + _total_column(
        source, table, row, "expenditure_current_year"
    )


def _first_per_id(readings: list[Reading]) -> list[Reading]:
    """One reading per indicator: '事业单位经营支出' and '经营支出' name one column."""
    seen: set[str] = set()
    out = []
    for r in readings:
        if r.id not in seen:
            seen.add(r.id)
            out.append(r)
    return out


def income(source: str, table: Table) -> list[Reading]:
    """The 合计 column of an income table's total row: all income, carry-over included."""
    row = total_row(table)
    return _total_column(source, table, row, "income_total") if row is not None else []


_COLUMN_TOTALS = ("合计", "总计")


def _total_column(source: str, table: Table, row: Row, ind: str) -> list[Reading]:
    """The figure of ``row`` under the table's first 合计/总计 column (not a group's 小计)."""
    for j, col in enumerate(table.columns):
        parts = [canonical_label(p) for p in UNIT_IN_NAME.sub("", col).split("/")]
        if parts[-1] in _COLUMN_TOTALS and len(parts) <= 2 and not any("上年" in p for p in parts):
            if j < len(row.cells):
                r = cell_reading(source, table, ind, row, row.cells[j])
                return [r] if r else []
            return []
    return []


def _column_readings(
    source: str, table: Table, row: Row, columns: tuple[tuple[str, str], ...]
) -> list[Reading]:
    """The figures of ``row`` under the named columns: one reading per (indicator, column name)."""
    out = []
    for ind, name in columns:
        j = column_of(table, name)
        if j is not None and j < len(row.cells):
            r = cell_reading(source, table, ind, row, row.cells[j])
            if r:
                out.append(r)
    return out


def basic(source: str, table: Table) -> list[Reading]:
    out = []
    # unfolded column blocks: '人员经费合计' / '公用经费合计' rows, or both on one row
    # ('人员经费合计 2,152.26 公用经费合计 184.65')
    for row in table.rows:
        for _, label, cell in pairs_of(row, set()):
            ind = label_id(label, ("personnel_expenditure", "public_expenditure"))
            if ind and canonical_label(label).endswith("合计"):
                r = cell_reading(source, table, ind, row, cell)
                if r:
                    out.append(r)
    if out:
        return out
    row = total_row(table)
    if row is None:
        return []
    columns = (("personnel_expenditure", "人员经费"), ("public_expenditure", "公用经费"))
    return _column_readings(source, table, row, columns)


def basic_table_total(source: str, table: Table) -> Reading | None:
    """The 基本支出 total a 基本支出 table prints beside its 人员经费 and 公用经费 columns.

    Not an indicator reading (a 一般公共预算基本支出表 covers one fund, not the department):
    it tells whether that table's 人员经费 and 公用经费 are the department's.
    """
    row = total_row(table)
    if row is None or table.unit is None:
        return None
    for j, col in enumerate(table.columns):
        last = canonical_label(col.split("/")[-1]) if col else ""
        if last in ("合计", "小计", "总计") and j < len(row.cells):
            return cell_reading(source, table, "basic_expenditure", row, row.cells[j])
    return None


def fund_figures(source: str, table: Table) -> list[Reading]:
    """基本支出, 项目支出, 人员经费, 公用经费 of one fund's table (一般公共预算支出表 and its
    基本支出表): not the department's figures, but what a narrative section on that fund
    states, so that such a sentence is not taken for the department's figure."""
    if table.id not in ("general_budget_expenditure", "fiscal_expenditure", "general_budget_basic"):
        return []
    row = total_row(table)
    if row is None or table.unit is None:
        return []
    out = _column_readings(source, table, row, _FUND_COLUMNS)
    if table.id == "general_budget_basic":
        own = basic_table_total(source, table)
        out += [own] if own else []
    return out


_FUND_COLUMNS = (
    ("basic_expenditure", "基本支出"),
    ("project_expenditure", "项目支出"),
    ("personnel_expenditure", "人员经费"),
    ("public_expenditure", "公用经费"),
)


def government_fund(source: str, table: Table) -> list[Reading]:
    row = total_row(table)
    if row is None:
        return []
    for j, col in enumerate(table.columns):
        if col.split("/")[0] == "本年收入" and j < len(row.cells):
            r = cell_reading(source, table, "government_fund", row, row.cells[j])
            return [r] if r else []
    return []


def single_total(ind: str, names: tuple[str, ...]) -> Callable[[str, Table], list[Reading]]:
    """Reader of a table whose 合计 row states one indicator (机关运行经费, 政府采购)."""

    def read(source: str, table: Table) -> list[Reading]:
        row = total_row(table)
        if row is None:
            return []
        cols = [
            j
            for j, col in enumerate(table.columns)
            if any(n in col.split("/")[-1] or col.split("/")[-1] == n for n in names)
        ]
        cells = [
            row.cells[j] for j in cols if j < len(row.cells) and row.cells[j].value is not None
        ]
        if not cols:
            cells = [c for c in row.cells if c.value is not None]
            if len(cells) != 1:
                return []  # which column is the total is not printed: read nothing
        r = cell_reading(source, table, ind, row, cells[0]) if cells else None
        return [r] if r else []

    return read
