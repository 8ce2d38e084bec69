"""The headline figures of each standard table, read the same way for every rule.

Cross-table and narrative rules compare "基本支出 in the 支出表" with "基本支出 in the 基本支出表"
or with the narrative; this module answers "what does table X print for indicator Y, and in
which cell" once, from the table itself (total row × role column), so each rule compares
like with like.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.checks.evidence import cell_evidence, ref, table_unit
from generator.checks.memo import once
from generator.checks.model import Evidence
from generator.checks.prose.stated import Amount
from generator.checks.tables.columns import spending_columns
from generator.checks.tables.rows import basic_parts, total_row
from generator.checks.tables.sums import col_name, tname
from generator.checks.tables.view import (
    Located,
    all_series,
    places,
    row_series,
    value_columns,
)
from generator.checks.tolerance import ulp
from generator.model import THREE_PUBLIC_INDICATORS, Document, Table, to_wan
from generator.read.vocabulary import canonical_label


@dataclass
class TableFigure:
    """One headline figure of one table, with its value in 万元 for comparisons."""

    indicator: str
    loc: Located
    table: Table
    unit: str | None
    wan: Decimal
    places: int  # decimals printed in the table (its precision, in the table's unit)


def _fig(doc: Document, table: Table, ind: str, loc: Located | None) -> TableFigure | None:
    if loc is None:
        return None
    unit = table_unit(doc, table)
    return TableFigure(ind, loc, table, unit, to_wan(loc.value, unit or "万元"), places(table))


def _cell(table: Table, j: int | None, label: str) -> Located | None:
    row = total_row(table)
    if row is None or j is None or j >= len(row.cells) or row.cells[j].value is None:
        return None
    c = row.cells[j]
    return Located(c.value, c, row, label, col_name(table, j))


def _col(table: Table, *words: str, exclude: tuple[str, ...] = ()) -> int | None:
    for j, name in enumerate(table.columns):
        n = canonical_label(name, loose=True)
        if all(w in n for w in words) and not any(x in n for x in exclude):
            return j
    return None


def table_figures(doc: Document, table: Table) -> dict[str, TableFigure]:
    out: dict[str, Located | None] = {}
    tid = table.id
    if tid in ("income_expenditure_summary", "fiscal_summary"):
        out.update(row_series(table).get("0", {}))
    elif tid in ("expenditure", "general_budget_expenditure", "fiscal_expenditure"):
        roles = spending_columns(table)
        if roles is not None:
            out["expenditure_current_year"] = _cell(table, roles.total, "合计")
            out["basic_expenditure"] = _cell(table, roles.basic, "基本支出")
            out["project_expenditure"] = _cell(table, roles.project, "项目支出")
            wages = _cell(table, _col(table, "工资福利"), "工资福利支出")
            transfers = _cell(table, _col(table, "对个人和家庭"), "对个人和家庭的补助")
            if wages is not None:
                out["wages_301"] = wages
                out["transfers_303"] = transfers
    elif tid == "general_budget_basic":
        total, personnel, public = basic_parts(table)
        out["basic_expenditure"] = total
        out["personnel_expenditure"] = personnel
        out["public_expenditure"] = public
    elif tid == "income":
        out["income_total"] = _cell(table, _col(table, "总计"), "总计")
        out["income_current_year"] = _cell(table, _col(table, "本年收入", "合计"), "本年收入合计")
        if out["income_current_year"] is None and out["income_total"] is None:
            out["income_current_year"] = _cell(
                table, _col(table, "合计", exclude=("上年",)), "合计"
            )
        out["general_public_budget"] = _cell(
            table, _col(table, "一般公共预算", exclude=("其中", "上年")), "一般公共预算"
        ) or _cell(table, _col(table, "财政拨款收入"), "财政拨款收入")
    elif tid == "government_fund":
        row = total_row(table)
        j = _col(table, "合计") if _col(table, "合计") is not None else _col(table, "总计")
        out["government_fund"] = _cell(table, j, "合计") if row is not None else None
    elif tid in ("procurement", "organ_operating"):
        row = total_row(table)
        first = next(
            (
                j
                for j in value_columns(table)
                if row and j < len(row.cells) and row.cells[j].value is not None
            ),
            None,
        )
        ind = "government_procurement" if tid == "procurement" else "organ_operating_expenses"
        out[ind] = _cell(table, first, "合计")
    elif tid == "three_public":
        series = all_series(table)
        if series:
            out.update(_current_series(series, doc))
    elif tid == "project_expenditure":
        out["project_expenditure"] = _cell(table, _col(table, "合计"), "合计")
        if out["project_expenditure"] is None and table.rows:
            first = table.rows[0]
            j = _col(table, "合计")
            if j is not None and j < len(first.cells) and first.cells[j].value is not None:
                c = first.cells[j]
                out["project_expenditure"] = Located(c.value, c, first, "合计", col_name(table, j))
    figs = {k: _fig(doc, table, k, v) for k, v in out.items()}
    return {k: v for k, v in figs.items() if v is not None}


def document_figures(doc: Document) -> dict[str, dict[str, TableFigure]]:
    """table id -> figures; the first table of each standard id wins (computed once per doc)."""
    return once(doc, "figures", lambda: _document_figures(doc))


def _document_figures(doc: Document) -> dict[str, dict[str, TableFigure]]:
    out: dict[str, dict[str, TableFigure]] = {}
    for t in doc.tables:
        if t.id and t.id not in out:
            figs = table_figures(doc, t)
            if figs:
                out[t.id] = figs
    return out


def general_only(figs: dict[str, dict[str, TableFigure]]) -> bool:
    """True when all income is general-public-budget money (so every table shows the same)."""
    s = figs.get("income_expenditure_summary", {})
    total = s.get("income_total") or s.get("income_current_year")
    gpb = s.get("general_public_budget")
    return total is not None and gpb is not None and total.wan == gpb.wan


def _current_series(series: list[dict[str, Located]], doc: Document) -> dict[str, Located]:
    """The series of the document's own year (a 决算数 block in final accounts)."""
    year = str(doc.metadata.year or "")

    def score(s: dict[str, Located]) -> int:
        cols = " ".join(loc.column for loc in s.values())
        points = 0
        if year and year in cols:
            points += 2
        if doc.metadata.kind == "final" and "决算" in cols:
            points += 3
        if "增减" in cols or "变化" in cols:
            points -= 5
        return points

    return max(series, key=score)


TABLE_ORDER: dict[str, tuple[str, ...]] = {
    "income_total": ("income_expenditure_summary", "income"),
    "income_current_year": ("income_expenditure_summary", "income"),
    "expenditure_total": ("income_expenditure_summary",),
    "expenditure_current_year": ("income_expenditure_summary", "expenditure"),
    "general_public_budget": ("income_expenditure_summary", "income", "fiscal_summary"),
    "government_fund": ("income_expenditure_summary", "fiscal_summary"),
    "carryover_begin": ("income_expenditure_summary",),
    "carryover_end": ("income_expenditure_summary",),
    "basic_expenditure": ("expenditure", "general_budget_basic", "general_budget_expenditure"),
    "project_expenditure": ("expenditure", "general_budget_expenditure", "project_expenditure"),
    "personnel_expenditure": ("general_budget_basic",),
    "public_expenditure": ("general_budget_basic",),
    "government_procurement": ("procurement",),
    "organ_operating_expenses": ("organ_operating",),
}
for _id in THREE_PUBLIC_INDICATORS:
    TABLE_ORDER[_id] = ("three_public",)
SWAPS = {"income_total": "income_current_year", "expenditure_total": "expenditure_current_year"}


def amount_evidence(doc: Document, a: Amount, label: str) -> Evidence:
    return Evidence(label=label, source=ref(doc, a.line), value=a.value, unit=a.unit, raw=a.raw)


def table_figure(
    figs: dict[str, dict[str, TableFigure]], ind: str, label: str
) -> TableFigure | None:
    order = TABLE_ORDER.get(ind, ())
    if "财政拨款" in label and ind in SWAPS.keys() | set(SWAPS.values()):
        order = (
            "fiscal_summary",
        )  # 财政拨款收入支出总计 is the fiscal summary's, not the department's
    if "一般公共预算" in label and ind in ("basic_expenditure", "project_expenditure"):
        order = ("general_budget_basic", "general_budget_expenditure") + order
    for tid in order:
        fig = figs.get(tid, {}).get(ind)
        if fig is not None:
            return fig
    return None


def wan_ulp(fig: TableFigure) -> Decimal:
    return to_wan(ulp(fig.places), fig.unit or "万元")


def evidence_of(doc: Document, fig: TableFigure, label: str) -> Evidence:
    return cell_evidence(
        doc, fig.table, fig.loc.row, fig.loc.cell, f"{label}（{tname(fig.table)}）"
    )


def show(fig: TableFigure) -> str:
    return f"{fig.loc.cell.text.strip()}{fig.unit or ''}"
