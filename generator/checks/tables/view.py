"""Read the figures a rule needs out of a published Table, whatever its layout.

Tables arrive row-wise (labels down the side, one column per year or block), column-wise
(one column per item, as in the 三公 and 基本支出决算 tables), or two-sided (收入 | 支出 in one
row). Rules ask for "the value printed next to 基本支出" and get the same answer in each
layout, with the cell so the finding can point at its line.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal

from generator.checks.memo import once
from generator.checks.tolerance import decimals
from generator.model import Cell, Row, Table
from generator.read.vocabulary import TOTAL_WORDS, canonical_label, table_label_id

ID_COLUMN_WORDS = ("编码", "代码", "行次", "栏次", "科目名称", "项目名称", "单位名称")


def is_total_label(label: str) -> bool:
    n = canonical_label(label, loose=True)
    return n in TOTAL_WORDS or n.endswith(("合计", "总计")) and len(n) <= 6


def tables_with(tables: list[Table], ids: Collection[str]) -> list[Table]:
    """The tables recognised as one of the standard ``ids`` (a rule's scope)."""
    return [t for t in tables if t.id in ids]


def value_columns(table: Table) -> list[int]:
    """Columns holding figures (not codes, row numbers or names). Kept while the table is
    checked (as ``places``): most rules ask it of the same tables."""
    return list(once(table, "value_columns", lambda: _value_columns(table)))


def _value_columns(table: Table) -> tuple[int, ...]:
    width = max((len(r.cells) for r in table.rows), default=0)
    out = []
    for j in range(width):
        name = table.columns[j] if j < len(table.columns) else ""
        if any(w in name for w in ID_COLUMN_WORDS):
            continue
        if any(j < len(r.cells) and r.cells[j].value is not None for r in table.rows):
            out.append(j)
    return tuple(out)


def row_label(row: Row) -> str:
    if row.label:
        return row.label
    for c in row.cells:
        if c.value is None and c.text.strip():
            return c.text
    return ""


def places(table: Table) -> int:
    """The finest decimal place printed anywhere in the table (its precision)."""
    return once(table, "places", lambda: _places(table))


def _places(table: Table) -> int:
    best = 0
    for r in table.rows:
        for c in r.cells:
            if c.value is not None:
                best = max(best, decimals(c.text))
    return best


@dataclass
class Located:
    """One figure found under a label: the cell, its row, and the column or block name."""

    value: Decimal
    cell: Cell
    row: Row
    label: str
    column: str


def _is_row_number(table: Table, j: int, cell: Cell) -> bool:
    name = table.columns[j] if j < len(table.columns) else ""
    if "行次" in name or "栏次" in name:
        return True
    return False


def row_series(table: Table) -> dict[str, dict[str, Located]]:
    """Row-wise and two-sided layouts: label cell, then the figures to its right.

    Series are keyed by the position of the figure after its label ("0", "1", …; blank cells
    do not count) so a table with a 2020 and a 2021 column gives two series. Row numbers
    (行次) between a label and its figure are skipped. In summary tables a bare 总计/合计
    is 收入总计 on the income side (first label of the row) and 支出总计 on the other.
    """
    series: dict[str, dict[str, Located]] = {}
    summary = table.id in ("income_expenditure_summary", "fiscal_summary")
    for row in table.rows:
        current: str | None = None
        label = ""
        k = 0
        labels_seen = 0
        for j, cell in enumerate(row.cells):
            if cell.value is None:
                text = cell.text.strip()
                if not text or _is_row_number(table, j, cell):
                    continue
                if text.isdigit() and len(text) <= 3 and current is not None and k == 0:
                    continue  # a 行次 number between a label and its figure
                ind = table_label_id(text)
                if (
                    ind is None
                    and current is not None
                    and k == 0
                    and canonical_label(text, loose=True) in ("小计", "合计", "共计")
                ):
                    continue  # "一般公共预算收入 | 小计 | 7,117.1": the 小计 belongs to the row's label
                if ind is None and is_total_label(text) and _is_three_public(table):
                    ind = "three_public_total"
                if (
                    ind is None
                    and summary
                    and canonical_label(text, loose=True) in ("总计", "合计")
                ):
                    ind = "income_total" if labels_seen == 0 else "expenditure_total"
                labels_seen += 1
                current, label, k = ind, text, 0
                continue
            if _is_row_number(table, j, cell):
                continue
            if current is not None:
                col = table.columns[j] if j < len(table.columns) else str(k)
                series.setdefault(str(k), {}).setdefault(
                    current, Located(cell.value, cell, row, label, col)
                )
                k += 1
    return series


def _is_three_public(table: Table) -> bool:
    return table.id == "three_public" or "三公" in (table.title or "")


def column_series(table: Table) -> dict[str, dict[str, Located]]:
    """Column-wise layouts: each column names an item; repeated names start a new block.

    Keyed by "row index/block" so the 预算数 and 决算数 blocks of a 三公 table are two series.
    """
    named: list[tuple[int, str]] = []
    for j, name in enumerate(table.columns):
        parts = [x for x in name.split("/") if x]
        last = parts[-1] if parts else name
        if last in ("小计", "合计") and len(parts) > 1:
            ind = table_label_id(parts[-2])
        else:
            ind = table_label_id(last) or table_label_id(name)
        bare_total = (
            any(w in canonical_label(last, loose=True) for w in TOTAL_WORDS) and "用车" not in name
        )
        if ind is None and bare_total and _is_three_public(table):
            if len(parts) == 1 or any(w in parts[0] for w in ("预算数", "决算数", "年")):
                ind = "three_public_total"
        if ind is not None:
            named.append((j, ind))
    # A bare 合计 that also counts 会议费/培训费 is not the 三公 total when a column under
    # “三公”经费 prints its own (Jiangsu's 三公、会议费、培训费 table).
    own = {j for j, ind in named if ind == "three_public_total" and "三公" in table.columns[j]}
    if own:
        named = [(j, ind) for j, ind in named if ind != "three_public_total" or j in own]
    ids: list[tuple[int, str, int]] = []
    seen: dict[str, int] = {}
    for j, ind in named:
        block = seen.get(ind, 0)
        seen[ind] = block + 1
        ids.append((j, ind, block))
    series: dict[str, dict[str, Located]] = {}
    if len({i for _, i, _ in ids}) < 2:
        return series
    for r_i, row in enumerate(table.rows):
        for j, ind, block in ids:
            if j < len(row.cells) and row.cells[j].value is not None:
                cell = row.cells[j]
                key = f"{r_i}/{block}"
                series.setdefault(key, {}).setdefault(
                    ind, Located(cell.value, cell, row, table.columns[j], table.columns[j])
                )
    return series


def all_series(table: Table) -> list[dict[str, Located]]:
    out = [s for _, s in sorted(row_series(table).items())]
    out += [s for _, s in sorted(column_series(table).items())]
    return [s for s in out if s]


def column_index(table: Table, *needles: str, exclude: tuple[str, ...] = ()) -> int | None:
    """First column whose name contains every needle and none of ``exclude``."""
    for j, name in enumerate(table.columns):
        n = canonical_label(name, loose=True)
        if all(x in n for x in needles) and not any(x in n for x in exclude):
            return j
    return None
