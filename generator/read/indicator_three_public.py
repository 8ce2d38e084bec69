"""Indicator readings from the “三公” table, laid out by rows or by columns.

The “三公” table is the one standard table printed both ways (items as rows or as columns) and
with several periods side by side (this year, last year, the budget of a final account), so it
needs its own reading of header paths and periods. A header that does not line up with its
figures reads nothing rather than a figure under the wrong name.
"""

from __future__ import annotations

import re
from decimal import Decimal

from generator.model import THREE_PUBLIC_INDICATORS, Reading, Row, SourceRef, Table
from generator.read.indicator_labels import TOTAL_WORDS, canonical_label, label_id
from generator.read.indicator_tables import NOTHING, cell_reading

_YEAR = re.compile(r"(\d{4})\s*年")
_CARRIED = "carried"  # columns of money carried over from last year (上年结转结余)
THREE_PUBLIC = THREE_PUBLIC_INDICATORS


def three_public(source: str, table: Table) -> list[Reading]:
    periods = _column_periods(table)
    vertical = _row_ids(table)
    out: list[Reading] = []
    if _items_as_rows(table, vertical):
        for row, ind in vertical:
            if not ind:
                continue
            for j, cell in enumerate(row.cells):
                period = periods.get(j)
                if period in (None, _CARRIED) or cell.value is None:
                    continue
                r = cell_reading(source, table, ind, row, cell, period)
                if r:
                    out.append(r)
        return out
    ids = {
        j: _column_id(name) if periods.get(j) != _CARRIED else None
        for j, name in enumerate(table.columns)
    }
    named_total = any(
        ind == "three_public_total" and canonical_label(name.split("/")[0]) not in TOTAL_WORDS
        for ind, name in ((ids[j], name) for j, name in enumerate(table.columns))
    )
    if named_total:  # a bare 合计 may include 会议费/培训费: the 三公 total is the named one
        for j, name in enumerate(table.columns):
            if canonical_label(name.split("/")[0]) in TOTAL_WORDS:
                ids[j] = None
    # two columns claiming the same indicator and period mean the header does not line up
    # with the figures (a PDF header with fewer cells): such an indicator is not read at all
    claims: dict[tuple[str, str], int] = {}
    for j, ind in ids.items():
        if ind:
            key = (ind, periods.get(j, "current"))
            claims[key] = claims.get(key, 0) + 1
    _keep_group_subtotals(table, ids, periods, claims)
    row = _figures_row(table)
    if row is None:
        return out
    for j, cell in enumerate(row.cells):
        ind = ids.get(j)
        period = periods.get(j, "current")
        if ind and cell.value is not None and claims.get((ind, period)) == 1:
            r = cell_reading(source, table, ind, row, cell, period)
            if r:
                out.append(r)
    return out


def nothing_spent(tables: list[Table], total: Reading | None) -> dict[str, Reading]:
    """Zero readings (raw "", nothing printed) for the parts the chosen “三公” total's own row
    leaves empty (see ``blank_parts``), for the identities to add up; never shown as figures."""
    if total is None or total.origin != "table":
        return {}
    for table in tables:
        if table.id != total.table_id or not any(r.line == total.source.line for r in table.rows):
            continue
        return {
            ind: Reading(ind, Decimal(0), "table", ref, raw="", unit=total.unit, table_id=table.id)
            for ind, ref in blank_parts(total.source.file, table).items()
        }
    return {}


def _row_ids(table: Table) -> list[tuple[Row, str | None]]:
    """Each row with the “三公” indicator its label names, if any."""
    return [(row, label_id(row.label, THREE_PUBLIC) or _total_id(row.label)) for row in table.rows]


def _items_as_rows(table: Table, vertical: list[tuple[Row, str | None]]) -> bool:
    """Items printed as rows, unless the only row a label names is a 合计 whose columns name
    the items: a table of units (单位名称 | 合计 | 因公出国 | …) with its 合计 row first."""
    named = {ind for _, ind in vertical if ind}
    if not named:
        return False
    if named != {"three_public_total"}:
        return True
    items = {_column_id(name) for name in table.columns} - {None, "three_public_total"}
    return len(items) < 2


def _figures_row(table: Table) -> Row | None:
    """The row of figures: the 合计 row of a table of units, else the first row with figures."""
    rows = [r for r in table.rows if any(c.value is not None for c in r.cells)]
    totals = [r for r in rows if _total_id(r.label)]
    return (totals or rows or [None])[0]


def blank_parts(source: str, table: Table) -> dict[str, SourceRef]:
    """Parts (因公出国, 购置费 …) printed as an empty cell in the figures row of a “三公” table
    laid out by columns: an empty cell is nothing spent (DOMAIN.md), so the identities may
    count it as zero. Only current-period columns that the header names once, in a row that
    prints the total, count: an empty cell anywhere else says nothing."""
    if _items_as_rows(table, _row_ids(table)):
        return {}
    row = _figures_row(table)
    if row is None:
        return {}
    periods = _column_periods(table)
    ids = [
        _column_id(name) if periods.get(j) == "current" else None
        for j, name in enumerate(table.columns)
    ]
    if (
        sum(
            1
            for j, ind in enumerate(ids)
            if ind == "three_public_total" and j < len(row.cells) and row.cells[j].value is not None
        )
        != 1
    ):
        return {}
    out: dict[str, SourceRef] = {}
    for j, ind in enumerate(ids):
        if not ind or ind == "three_public_total" or ids.count(ind) != 1 or j >= len(row.cells):
            continue
        cell = row.cells[j]
        if cell.value is None and cell.text.strip() in NOTHING:
            out[ind] = SourceRef(
                file=source,
                line=row.line,
                page=cell.page or row.page,
                text="\t".join(c.text for c in row.cells).rstrip("\t"),
            )
    return out


def _keep_group_subtotals(table: Table, ids, periods, claims) -> None:
    """'因公出国（境）费/小计' beside '因公出国（境）费/科研因公出国（境）费用': the group's 小计
    is the indicator, its sub-columns are parts of it (a claim the header explains)."""
    for key, n in list(claims.items()):
        if n < 2:
            continue
        same = [j for j, ind in ids.items() if ind and (ind, periods.get(j, "current")) == key]
        subtotal = [j for j in same if table.columns[j].endswith("/小计")]
        if len(subtotal) != 1:
            continue
        group = table.columns[subtotal[0]][: -len("/小计")]
        if all(table.columns[j].startswith(group) for j in same):
            for j in same:
                if j != subtotal[0]:
                    ids[j] = None
            claims[key] = 1


def _total_id(label: str) -> str | None:
    return "three_public_total" if canonical_label(label) in TOTAL_WORDS else None


_CAR_CHILDREN = {
    "购置费": "vehicle_purchase",
    "运行费": "vehicle_operation",
    "运行维护费": "vehicle_operation",
}


def _column_id(name: str) -> str | None:
    """Indicator of a three-public column from its header path, most specific part first.

    '公务用车购置及运行费/购置费' is the car purchase column: a short child name is read
    together with its 公务用车 parent. A 机关运行经费 column printed in the same table is read too.
    """
    parts = [canonical_label(p) for p in name.split("/") if p]
    if len(parts) > 1 and parts[-1] in ("小计", "合计") and all("三公" in p for p in parts[:-1]):
        return "three_public_total"  # '三公经费预（决）算数（财政拨款）/小计'
    for k in range(len(parts) - 1, -1, -1):
        part = parts[k]
        if part == "小计":
            continue
        if part in _CAR_CHILDREN and k > 0 and parts[k - 1].startswith("公务用车"):
            return _CAR_CHILDREN[part]
        ind = label_id(part, THREE_PUBLIC) or _total_id(part)
        if ind == "vehicle_total" and k < len(parts) - 1:
            # 公务用车购置及运行费 / 购置费 | 运行费: the short sub-column names one part of it
            sub = canonical_label(parts[k + 1])
            return _CAR_CHILDREN.get(sub, ind)
        if ind:
            return ind
        if part.startswith("机关运行经费") and k == 0:
            return "organ_operating_expenses"
    return None


def _column_periods(table: Table) -> dict[int, str]:
    """Value columns -> 'current' / 'previous' / 'budget'; change and text columns left out."""
    final = "决算" in table.title
    years = {}
    for j, name in enumerate(table.columns):
        m = _YEAR.search(name)
        if m:
            years[j] = int(m[1])
    distinct = set(years.values())
    out: dict[int, str] = {}
    for j, name in enumerate(table.columns):
        if any(w in name for w in ("增减", "变化", "原因", "项目", "名称", "增长", "说明")):
            if not _column_id(name):
                continue
        if "上年结转" in name or "结转结余" in name:
            out[j] = _CARRIED  # a source of this year's money, not last year's figure
            continue
        if "上年" in name:
            out[j] = "previous"
        elif len(distinct) > 1 and j in years and years[j] < max(distinct):
            out[j] = "previous"
        elif final and "预算" in name and "决算" not in name:
            out[j] = "budget"
        else:
            out[j] = "current"
    return out
