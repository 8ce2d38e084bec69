"""Indicator readings from the summary, expenditure and budget tables (all but “三公”).

Each reader knows where one table kind prints its figures: both sides of an income-expenditure
summary, the 合计 row of an expenditure table, or a single 合计 column. A figure becomes a
reading only when it is printed in a table that declares its unit, so that 元 and 万元 are
never confused; nothing is summed or inferred.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.model import Cell, Reading, Row, SourceRef, Table
from generator.read.indicator_labels import TOTAL_WORDS, canonical_label, label_id
from generator.read.numbers import to_wan

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
    value = to_wan(cell.value, table.unit)
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
        unit=table.unit or "",
        table_id=table.id,
        period=period,  # type: ignore[arg-type]
    )


def _row_text(row: Row, cell: Cell) -> str:
    """The printed line: a tab row's cells joined, or the value cell of a cell-per-line row."""
    if all(c.line == row.line for c in row.cells):
        return "\t".join(c.text for c in row.cells).rstrip("\t")
    return cell.text


def _pairs(row: Row, skip: set[int]) -> list[tuple[int, str, Cell]]:
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


def _skip_columns(table: Table) -> set[int]:
    return {j for j, name in enumerate(table.columns) if "行次" in name or "栏次" == name}


def _expenditure_start(table: Table) -> int | None:
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
_TOTAL_AFTER_SUBTOTAL = {"收入合计": "income_total", "支出合计": "expenditure_total"}


def _two_sided(source: str, table: Table, income_ids, expenditure_ids) -> list[Reading]:
    skip = _skip_columns(table)
    split = _expenditure_start(table)
    out: list[Reading] = []
    labels = {canonical_label(label) for row in table.rows for _, label, _ in _pairs(row, skip)}
    subtotals = {_CURRENT_SUBTOTALS[t] for t in labels if t in _CURRENT_SUBTOTALS}
    for row in table.rows:
        pairs = _pairs(row, skip)
        for k, (j, label, cell) in enumerate(pairs):
            income_side = j < split if split is not None else k == 0
            ids = income_ids if income_side else expenditure_ids
            total_id = "income_total" if income_side else "expenditure_total"
            ind = label_id(label, ids)
            name = canonical_label(label)
            if name in _CURRENT_SUBTOTALS and _CURRENT_SUBTOTALS[name] in ids:
                ind = _CURRENT_SUBTOTALS[name]
            elif name in _TOTAL_AFTER_SUBTOTAL and _TOTAL_AFTER_SUBTOTAL[name] in ids:
                current = _TOTAL_AFTER_SUBTOTAL[name].replace("_total", "_current_year")
                if current in subtotals:
                    ind = _TOTAL_AFTER_SUBTOTAL[name]
            if ind is None and canonical_label(label) == "总计" and total_id in ids:
                ind = total_id
            if ind:
                r = cell_reading(source, table, ind, row, cell)
                if r:
                    out.append(r)
    return out


def total_row(table: Table) -> Row | None:
    for row in table.rows:
        if canonical_label(row.label) in TOTAL_WORDS | {"本年支出合计", "本年收入合计"}:
            return row
    data = [r for r in table.rows if any(c.value is not None for c in r.cells)]
    if len(data) == 1 and not data[0].label:
        return data[0]
    return None


def _column(table: Table, name: str) -> int | None:
    """Column of a group ('基本支出', or its '基本支出/小计'), or of a leaf named ``name``."""
    for j, col in enumerate(table.columns):
        if col == name or col == name + "/小计":
            return j
    for j, col in enumerate(table.columns):
        if col.endswith("/" + name):
            return j
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
    )
    return _column_readings(source, table, row, columns)


def _column_readings(
    source: str, table: Table, row: Row, columns: tuple[tuple[str, str], ...]
) -> list[Reading]:
    """The figures of ``row`` under the named columns: one reading per (indicator, column name)."""
    out = []
    for ind, name in columns:
        j = _column(table, name)
        if j is not None and j < len(row.cells):
            r = cell_reading(source, table, ind, row, row.cells[j])
            if r:
                out.append(r)
    return out


def basic(source: str, table: Table) -> list[Reading]:
    out = []
    # unfolded column blocks: '人员经费合计' / '公用经费合计' rows
    for row in table.rows:
        ind = label_id(row.label, ("personnel_expenditure", "public_expenditure"))
        if ind and row.label.endswith("合计"):
            value_cell = next((c for c in row.cells if c.value is not None), None)
            if value_cell is not None:
                r = cell_reading(source, table, ind, row, value_cell)
                if r:
                    out.append(r)
    if out:
        return out
    row = total_row(table)
    if row is None:
        return []
    columns = (("personnel_expenditure", "人员经费"), ("public_expenditure", "公用经费"))
    return _column_readings(source, table, row, columns)


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
