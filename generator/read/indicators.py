"""Canonical indicators (generator.model.CANONICAL_INDICATORS) read from standard tables.

Each reading is a figure printed in a standard table (or stated in the narrative), converted
to 万元 exactly and tied to the line it was printed on. Nothing is computed: a total that is
not printed (人员经费 = 301 + 303) is not a reading, and an empty cell is no reading at all.
The preferred reading of an indicator is the one from the first standard table, in document
order, that prints it; narrative readings are kept beside it so the checks can compare them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from generator.model import Cell, Reading, Row, SourceRef, Statement, Table
from generator.read.numbers import to_wan
from generator.read.vocabulary import INDICATOR_LABELS

_SPACES = re.compile(r"[\s\u3000]+")
_NUMBERING = re.compile(
    r"^(?:其中[:：]?|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|[A-Za-z][.．、])+"
)
_YEAR = re.compile(r"(\d{4})\s*年")

INCOME_SIDE = (
    "income_total",
    "income_current_year",
    "general_public_budget",
    "government_fund",
    "carryover_begin",
)
EXPENDITURE_SIDE = ("expenditure_total", "expenditure_current_year", "carryover_end")
THREE_PUBLIC = (
    "three_public_total",
    "overseas_travel",
    "vehicle_total",
    "vehicle_purchase",
    "vehicle_operation",
    "official_reception",
)
_TOTAL_WORDS = {"合计", "总计", "共计"}


def canonical_label(text: str) -> str:
    """'（一）一般公共 预算 收入：' -> '一般公共预算收入' (numbering, spaces, colons removed)."""
    t = _SPACES.sub("", text).replace("(", "（").replace(")", "）").rstrip("：:")
    return _NUMBERING.sub("", t)


def label_id(text: str, allowed: Iterable[str]) -> str | None:
    """The canonical id whose vocabulary names this label exactly, among ``allowed`` ids."""
    label = canonical_label(text)
    if not label:
        return None
    for ind in allowed:
        if label in INDICATOR_LABELS.get(ind, ()):
            return ind
    return None


def collect(
    source: str,
    tables: list[Table],
    statements: list[Statement],
    units: list[str] | None = None,
) -> tuple[dict[str, Reading], list[Reading]]:
    """(preferred current reading per id, every reading in document order).

    ``units`` (the document's declared units) is accepted for the interface but not used to
    fill in a table's missing unit: a table that declares none gives no reading, because
    guessing 元 against 万元 would be wrong by a factor of 10,000.
    """
    readings: list[Reading] = []
    for table in sorted(tables, key=lambda t: t.line):
        readings.extend(table_readings(source, table))
    for st in statements:
        if st.indicator and st.kind == "amount":
            readings.append(
                Reading(
                    id=st.indicator,
                    value=st.value,
                    origin="narrative",
                    source=st.source,
                    raw=st.raw,
                    unit=st.unit,
                    period=st.period,
                )
            )
    preferred: dict[str, Reading] = {}
    for origin in ("table", "narrative"):
        for r in readings:
            if r.origin == origin and r.period == "current" and r.id not in preferred:
                preferred[r.id] = r
    ordered = {k: preferred[k] for k in _id_order() if k in preferred}
    ordered.update({k: v for k, v in preferred.items() if k not in ordered})
    return ordered, readings


def _id_order() -> list[str]:
    from generator.model import CANONICAL_INDICATORS

    return list(CANONICAL_INDICATORS)


# --- per table kind -----------------------------------------------------------------------


def table_readings(source: str, table: Table) -> list[Reading]:
    if table.unit is None or not table.rows:
        return []
    reader = _READERS.get(table.id or "")
    return reader(source, table) if reader else []


def _reading(
    source: str, table: Table, ind: str, row: Row, cell: Cell, period: str = "current"
) -> Reading | None:
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


def _summary(source: str, table: Table) -> list[Reading]:
    return _two_sided(source, table, INCOME_SIDE, EXPENDITURE_SIDE)


def _fiscal_summary(source: str, table: Table) -> list[Reading]:
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
                r = _reading(source, table, ind, row, cell)
                if r:
                    out.append(r)
    return out


def _total_row(table: Table) -> Row | None:
    for row in table.rows:
        if canonical_label(row.label) in _TOTAL_WORDS | {"本年支出合计", "本年收入合计"}:
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


def _expenditure(source: str, table: Table) -> list[Reading]:
    row = _total_row(table)
    if row is None:
        return []
    out = []
    for ind, name in (
        ("basic_expenditure", "基本支出"),
        ("project_expenditure", "项目支出"),
        ("personnel_expenditure", "人员经费"),
        ("public_expenditure", "公用经费"),
    ):
        j = _column(table, name)
        if j is not None and j < len(row.cells):
            r = _reading(source, table, ind, row, row.cells[j])
            if r:
                out.append(r)
    return out


def _basic(source: str, table: Table) -> list[Reading]:
    out = []
    # unfolded column blocks: '人员经费合计' / '公用经费合计' rows
    for row in table.rows:
        ind = label_id(row.label, ("personnel_expenditure", "public_expenditure"))
        if ind and row.label.endswith("合计"):
            value_cell = next((c for c in row.cells if c.value is not None), None)
            if value_cell is not None:
                r = _reading(source, table, ind, row, value_cell)
                if r:
                    out.append(r)
    if out:
        return out
    row = _total_row(table)
    if row is None:
        return []
    for ind, name in (("personnel_expenditure", "人员经费"), ("public_expenditure", "公用经费")):
        j = _column(table, name)
        if j is not None and j < len(row.cells):
            r = _reading(source, table, ind, row, row.cells[j])
            if r:
                out.append(r)
    return out


def _government_fund(source: str, table: Table) -> list[Reading]:
    row = _total_row(table)
    if row is None:
        return []
    for j, col in enumerate(table.columns):
        if col.split("/")[0] == "本年收入" and j < len(row.cells):
            r = _reading(source, table, "government_fund", row, row.cells[j])
            return [r] if r else []
    return []


def _three_public(source: str, table: Table) -> list[Reading]:
    periods = _column_periods(table)
    vertical = [
        (row, label_id(row.label, THREE_PUBLIC) or _total_id(row.label)) for row in table.rows
    ]
    out: list[Reading] = []
    if any(ind for _, ind in vertical):
        for row, ind in vertical:
            if not ind:
                continue
            for j, cell in enumerate(row.cells):
                period = periods.get(j)
                if period is None or cell.value is None:
                    continue
                r = _reading(source, table, ind, row, cell, period)
                if r:
                    out.append(r)
        return out
    ids = {j: _column_id(name) for j, name in enumerate(table.columns)}
    named_total = any(
        ind == "three_public_total" and canonical_label(name.split("/")[0]) not in _TOTAL_WORDS
        for ind, name in ((ids[j], name) for j, name in enumerate(table.columns))
    )
    if named_total:  # a bare 合计 may include 会议费/培训费: the 三公 total is the named one
        for j, name in enumerate(table.columns):
            if canonical_label(name.split("/")[0]) in _TOTAL_WORDS:
                ids[j] = None
    # two columns claiming the same indicator and period mean the header does not line up
    # with the figures (a PDF header with fewer cells): such an indicator is not read at all
    claims: dict[tuple[str, str], int] = {}
    for j, ind in ids.items():
        if ind:
            key = (ind, periods.get(j, "current"))
            claims[key] = claims.get(key, 0) + 1
    for row in table.rows:
        if not any(c.value is not None for c in row.cells):
            continue
        for j, cell in enumerate(row.cells):
            ind = ids.get(j)
            period = periods.get(j, "current")
            if ind and cell.value is not None and claims.get((ind, period)) == 1:
                r = _reading(source, table, ind, row, cell, period)
                if r:
                    out.append(r)
        break  # one row of figures
    return out


def _total_id(label: str) -> str | None:
    return "three_public_total" if canonical_label(label) in _TOTAL_WORDS else None


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
            return _VEHICLE_PARTS.get(sub, ind)
        if ind:
            return ind
        if part.startswith("机关运行经费") and k == 0:
            return "organ_operating_expenses"
    return None


_VEHICLE_PARTS = {
    "购置费": "vehicle_purchase",
    "运行费": "vehicle_operation",
    "运行维护费": "vehicle_operation",
}


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
        if "上年" in name:
            out[j] = "previous"
        elif len(distinct) > 1 and j in years and years[j] < max(distinct):
            out[j] = "previous"
        elif final and "预算" in name and "决算" not in name:
            out[j] = "budget"
        else:
            out[j] = "current"
    return out


def _single_total(ind: str, names: tuple[str, ...]) -> Callable[[str, Table], list[Reading]]:
    """Reader of a table whose 合计 row states one indicator (机关运行经费, 政府采购)."""

    def read(source: str, table: Table) -> list[Reading]:
        row = _total_row(table)
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
        r = _reading(source, table, ind, row, cells[0]) if cells else None
        return [r] if r else []

    return read


_READERS = {
    "income_expenditure_summary": _summary,
    "fiscal_summary": _fiscal_summary,
    "expenditure": _expenditure,
    "general_budget_basic": _basic,
    "three_public": _three_public,
    "government_fund": _government_fund,
    "organ_operating": _single_total("organ_operating_expenses", ("机关运行经费",)),
    "procurement": _single_total("government_procurement", ("总计", "采购金额", "合计")),
}
