"""What a department-year page shows: headline figures and chart data, from Documents only.

Each figure keeps the Reading it came from, so every number on the page links to its line.
A chart shows figures the document prints. Functional classes come from the 类 rows of a
spending table, else from the 收支总表's spending side; only where neither prints a class
total are 项-level rows added up, and the chart says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.model import THREE_PUBLIC_INDICATORS, Reading, Row, SourceRef, Table, to_wan
from generator.read.codes import functional_class_of, functional_names
from generator.site.charts import Chart, ChartRow, indicator_name, money
from generator.site.model import DepartmentYear, Site, SourceDoc

HEADLINE = [
    "income_total",
    "expenditure_total",
    "basic_expenditure",
    "project_expenditure",
    "three_public_total",
]
THREE_PUBLIC = THREE_PUBLIC_INDICATORS
EXPENDITURE_TABLES = ("expenditure", "general_budget_expenditure", "fiscal_expenditure")
TOTAL_COLUMNS = ("合计", "本年支出合计", "总计", "小计", "支出合计")
TIMELINE = ["income_total", "expenditure_total", "basic_expenditure", "project_expenditure"]


@dataclass
class HeadlineFigure:
    indicator: str
    reading: Reading
    doc: SourceDoc
    href: str | None
    others: list[Reading]  # other readings of the same indicator (e.g. the narrative's)

    @property
    def agreeing(self) -> list[Reading]:
        return [r for r in self.others if r.value == self.reading.value]

    @property
    def differing(self) -> list[Reading]:
        return [r for r in self.others if r.value != self.reading.value]


def headline(site: Site, doc: SourceDoc) -> list[HeadlineFigure]:
    out = []
    for ind in HEADLINE:
        reading = doc.document.indicators.get(ind)
        if reading is None:
            continue
        others = [
            r
            for r in doc.document.readings
            if r.id == ind
            and r.period == reading.period
            and r is not reading
            and (r.source.line != reading.source.line or r.origin != reading.origin)
        ]
        out.append(HeadlineFigure(ind, reading, doc, site.source_url(reading.source), others))
    return out


def _row(site: Site, doc: SourceDoc, label: str, reading: Reading, series: str = "") -> ChartRow:
    return ChartRow(
        label, reading.value, money(reading.value), series, site.source_url(reading.source)
    )


def _indicator_chart(site, doc, cid, kind, title, ids) -> Chart | None:
    rows = [
        _row(site, doc, indicator_name(i), doc.document.indicators[i])
        for i in ids
        if i in doc.document.indicators
    ]
    if kind == "share":
        if len(rows) < 2:
            return None
        for r in rows:  # the legend is the only label of a stacked bar: give it the figure
            r.label = f"{r.label} {r.text}"
    return Chart(kind, cid, title, rows) if rows else None


def _total_index(table: Table) -> int | None:
    for i, name in enumerate(table.columns):
        if name.strip() in TOTAL_COLUMNS:
            return i
    return None


def _row_total(table: Table, row: Row) -> Decimal | None:
    idx = _total_index(table)
    if idx is not None and idx < len(row.cells):
        return row.cells[idx].value
    for cell in row.cells:
        if cell.value is not None and cell.text.strip() not in (row.code.raw if row.code else "",):
            return cell.value
    return None


SUMMARY_TABLES = ("income_expenditure_summary", "fiscal_summary")


def _printed_class_totals(doc: SourceDoc) -> tuple[Table, dict[str, tuple[Decimal, int]]] | None:
    """Class totals from the spending side of a 收支总表: "十、卫生健康 | 22,517.58"."""
    for wanted in SUMMARY_TABLES:
        for table in doc.document.tables:
            if table.id != wanted or not _money_table(table):
                continue
            totals: dict[str, tuple[Decimal, int]] = {}
            for row in table.rows:
                for i, cell in enumerate(row.cells):
                    column = table.columns[i] if i < len(table.columns) else ""
                    if cell.value is not None or not column.startswith("支出"):
                        continue
                    code = functional_class_of(cell.text)
                    amount = next((c for c in row.cells[i + 1 :] if c.value is not None), None)
                    if code and amount is not None and code not in totals:
                        totals[code] = (
                            to_wan(amount.value, table.unit or "万元"),
                            amount.line or row.line,
                        )
            if totals:
                return table, totals
    return None


def _money_table(table: Table) -> bool:
    """A table in a money unit (undeclared: 万元, the standard tables' unit); any other
    unit is not charted as money."""
    return to_wan(Decimal(1), table.unit or "万元") is not None


def functional_chart(site: Site, doc: SourceDoc) -> Chart | None:
    names = functional_names()
    found: tuple[Table, dict[str, tuple[Decimal, int]], bool] | None = None
    for table in doc.document.tables:
        if table.id not in EXPENDITURE_TABLES or not _money_table(table):
            continue
        rows = [r for r in table.rows if r.code and r.code.scheme == "functional"]
        class_rows = [r for r in rows if r.code.section is None]
        if not rows or (not class_rows and found):
            continue
        totals: dict[str, tuple[Decimal, int]] = {}
        for r in class_rows or rows:
            value = _row_total(table, r)
            if value is None:
                continue
            prev = totals.get(r.code.class_, (Decimal(0), r.line))
            totals[r.code.class_] = (prev[0] + to_wan(value, table.unit or "万元"), prev[1])
        if totals:
            found = (table, totals, not class_rows)
            if class_rows:
                break
    if found is None or found[2]:
        printed = _printed_class_totals(doc)
        if printed is not None:
            found = (printed[0], printed[1], False)
    if found is None:
        return None
    table, totals, summed = found
    chart_rows = [
        ChartRow(
            f"{code} {names.get(code, '')}".strip(),
            value,
            money(value),
            href=site.source_url(_ref(doc, line)),
        )
        for code, (value, line) in sorted(totals.items(), key=lambda kv: (-kv[1][0], kv[0]))
    ]
    note = f"来源：{table.title}（第 {table.line} 行起）。"
    if summed:
        note += "文件未列“类”级合计，此处按项级科目相加，非公开数字。"
    return Chart("bars", "functional", "按支出功能分类（类）", chart_rows, note)


def _ref(doc: SourceDoc, line: int) -> SourceRef:
    return SourceRef(file=doc.rel, line=line)


def three_public_chart(site: Site, doc: SourceDoc) -> Chart | None:
    rows = []
    previous = {r.id: r for r in doc.document.readings if r.period == "previous"}
    for ind in THREE_PUBLIC:
        cur = doc.document.indicators.get(ind)
        if cur is not None:
            rows.append(_row(site, doc, indicator_name(ind), cur, f"{doc.year} 年"))
        if ind in previous:
            rows.append(_row(site, doc, indicator_name(ind), previous[ind], f"{doc.year - 1} 年"))
    if not rows:
        return None
    note = "" if previous else "文件未列出上年数，仅显示本年。"
    zero = [n for n in dict.fromkeys(r.label for r in rows) if _all_zero(rows, n)]
    if zero and len(zero) < len({r.label for r in rows}):  # no bars of floating 0.00 labels
        rows = [r for r in rows if r.label not in zero]
        note += f"{'、'.join(zero)}均为 0，图中不画。"
    return Chart("compare", "three_public", "“三公”经费", rows, note)


def _all_zero(rows: list[ChartRow], label: str) -> bool:
    return all(r.value == 0 for r in rows if r.label == label)


def projects_chart(site: Site, doc: SourceDoc) -> Chart | None:
    projects = [p for p in doc.document.projects if p.amount is not None]
    if not projects:
        return None
    rows = [
        ChartRow(
            _project_label(p, projects), p.amount, money(p.amount), href=site.source_url(p.source)
        )
        for p in sorted(projects, key=lambda p: -p.amount)
    ]
    return Chart("bars", "projects", "项目支出（按金额）", rows)


def _project_label(project, projects) -> str:
    """Two projects printed under one name on different lines stay two bars: each name
    that is not unique carries its line (a chart draws one band per distinct label)."""
    if sum(1 for p in projects if p.name == project.name) < 2:
        return project.name
    src = project.source
    if src is None:  # no line to tell them apart: their order in the document
        order = next(i for i, p in enumerate(projects) if p is project) + 1
        return f"{project.name}（第 {order} 个）"
    where = f"第 {src.page} 页 " if src.page else ""
    return f"{project.name}（{where}第 {src.line} 行）"


def charts_for(site: Site, doc: SourceDoc) -> list[Chart]:
    k = doc.anchor
    found = [
        _indicator_chart(
            site,
            doc,
            "income",
            "bars",
            "收入来源",
            ["general_public_budget", "government_fund", "carryover_begin"],
        ),
        _indicator_chart(
            site,
            doc,
            "basic_project",
            "share",
            "基本支出与项目支出",
            ["basic_expenditure", "project_expenditure"],
        ),
        _indicator_chart(
            site,
            doc,
            "personnel_public",
            "share",
            "人员经费与公用经费",
            ["personnel_expenditure", "public_expenditure"],
        ),
        functional_chart(site, doc),
        three_public_chart(site, doc),
        projects_chart(site, doc),
    ]
    charts = [c for c in found if c is not None]
    for c in charts:
        c.id = f"{k}-{c.id}"
    return charts


def timeline_chart(site: Site, dys: list[DepartmentYear]) -> Chart | None:
    rows = []
    for ind in TIMELINE:
        for dy in dys:
            found = dy.reading(ind)
            if found is None:
                continue
            reading, doc = found
            rows.append(
                ChartRow(
                    str(dy.year),
                    reading.value,
                    money(reading.value),
                    f"{indicator_name(ind)}（{doc.kind_zh}）",
                    site.source_url(reading.source),
                )
            )
    if not rows:
        return None
    return Chart("timeline", "timeline", "历年主要数字", rows)
