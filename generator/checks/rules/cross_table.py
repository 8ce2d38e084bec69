"""The same figure printed in two tables of one document must be the same figure.

Which tables must agree is domain knowledge: the 收支总表 and the 支出表 both show all spending,
but the 一般公共预算支出表 shows only general-budget money, so it must match the 支出表 only
when the department has no other income (a fund budget or carry-over makes them differ
legitimately). Differences up to one unit of the last printed digit are rounding.
"""

from __future__ import annotations

from decimal import Decimal

from generator.checks.evidence import cell_evidence, finding, table_unit
from generator.checks.registry import rule
from generator.checks.tables.columns import spending_columns
from generator.checks.tables.figures import (
    TableFigure,
    document_figures,
    evidence_of,
    general_only,
    show,
    wan_ulp,
)
from generator.checks.tables.rows import top_level
from generator.checks.tables.sums import col_name, tname
from generator.checks.tables.view import Located, places
from generator.checks.tolerance import classify, fmt
from generator.model import CANONICAL_INDICATORS, Document, to_wan
from generator.read.codes import FORMER_CLASS_NAMES, names
from generator.read.vocabulary import canonical_label

ALWAYS, GENERAL_ONLY, BUDGET_NO_CARRYOVER = "always", "general_only", "budget_no_carryover"
PAIRS: list[tuple[str, str, str, str]] = [
    ("income_total", "income_expenditure_summary", "income", ALWAYS),
    ("income_current_year", "income_expenditure_summary", "income", ALWAYS),
    ("general_public_budget", "income_expenditure_summary", "income", ALWAYS),
    ("general_public_budget", "income_expenditure_summary", "fiscal_summary", ALWAYS),
    ("expenditure_current_year", "income_expenditure_summary", "expenditure", ALWAYS),
    ("basic_expenditure", "general_budget_expenditure", "general_budget_basic", ALWAYS),
    ("project_expenditure", "expenditure", "project_expenditure", ALWAYS),
    ("expenditure_current_year", "expenditure", "general_budget_expenditure", GENERAL_ONLY),
    ("basic_expenditure", "expenditure", "general_budget_basic", GENERAL_ONLY),
    ("project_expenditure", "expenditure", "general_budget_expenditure", GENERAL_ONLY),
    ("government_fund", "fiscal_summary", "government_fund", BUDGET_NO_CARRYOVER),
]
# A budget without carry-over spends exactly its general-budget appropriation.
INCOME_SPENT = [
    (
        "general_public_budget",
        "fiscal_summary",
        "expenditure_current_year",
        "general_budget_expenditure",
    )
]


def compare(
    rule_id: str,
    doc: Document,
    label: str,
    a: TableFigure,
    b_value: Decimal,
    b_evidence,
    b_text: str,
    b_ulp: Decimal,
    n: int = 1,
):
    diff = a.wan - b_value
    tol = max(wan_ulp(a), b_ulp) * Decimal(n + 1) / 2
    status = classify(diff, tol)
    if status == "passed":
        return None
    where = f"{tname(a.table)}中{label}为{show(a)}"
    gap = f"相差{fmt(abs(diff), 6 if a.unit == '元' else max(a.places, 2)).rstrip('0').rstrip('.')}万元"
    ev = [evidence_of(doc, a, label)] + b_evidence
    if status == "rounding":
        return finding(
            rule_id,
            f"{where}，{b_text}，{gap}，属于四舍五入误差。",
            doc,
            ev,
            "rounding",
            b_value,
            diff,
            severity="info",
        )
    return finding(
        rule_id, f"{where}，{b_text}，{gap}。", doc, ev, "failed", b_value, diff, severity="error"
    )


@rule(
    "cross_table.same_figure",
    title_zh="同一数字在不同表中一致",
    title_en="The same figure agrees across tables",
    explanation_zh="收支总表、收入表、支出表、财政拨款收支总表、一般公共预算支出表、基本支出表、项目支出表中代表同一事项的合计数必须相同。一般公共预算支出表只在部门全部收入都来自一般公共预算时才与支出表比较，因为政府性基金和结转资金会使两表合法地不同；没有上年结转的预算，财政拨款收支总表的一般公共预算拨款应等于一般公共预算支出表的合计，政府性基金拨款应等于政府性基金支出表的合计。",
    explanation_en="Totals that denote the same thing in the summary, income, spending, fiscal summary, general-budget spending, basic-spending and project tables must be equal. The general-budget spending table is compared with the spending table only when all income is general-budget money, since fund budgets and carry-over make them differ legitimately; in a budget without carry-over the fiscal summary's general-budget and fund appropriations must equal the totals of the general-budget and fund spending tables.",
    severity="error",
)
def same_figure(doc: Document):
    figs = document_figures(doc)
    only_general = general_only(figs)
    no_carryover = doc.metadata.kind == "budget" and "carryover_begin" not in figs.get(
        "fiscal_summary", {}
    )
    for ind, ta, tb, cond in PAIRS:
        if (
            cond == GENERAL_ONLY
            and not only_general
            or cond == BUDGET_NO_CARRYOVER
            and not no_carryover
        ):
            continue
        a, b = figs.get(ta, {}).get(ind), figs.get(tb, {}).get(ind)
        if a is None or b is None:
            continue
        label = CANONICAL_INDICATORS.get(ind, ind)
        f = compare(
            "cross_table.same_figure",
            doc,
            label,
            a,
            b.wan,
            [evidence_of(doc, b, label)],
            f"在{tname(b.table)}中为{show(b)}",
            wan_ulp(b),
        )
        if f:
            yield f
    for ia, ta, ib, tb in INCOME_SPENT if no_carryover else ():
        a, b = figs.get(ta, {}).get(ia), figs.get(tb, {}).get(ib)
        if a is None or b is None:
            continue
        text = f"而{tname(b.table)}的支出合计为{show(b)}（没有上年结转时两者应相等）"
        ev = [evidence_of(doc, b, "一般公共预算支出合计")]
        f = compare(
            "cross_table.same_figure", doc, "一般公共预算拨款", a, b.wan, ev, text, wan_ulp(b)
        )
        if f:
            yield f


@rule(
    "cross_table.personnel_matches_economic_columns",
    title_zh="基本支出表的人员经费 = 支出表的工资福利支出 + 对个人和家庭的补助",
    title_en="Personnel costs in the basic table = wages (301) + transfers (303) in the spending table",
    explanation_zh="一般公共预算基本支出表的人员经费，应等于一般公共预算支出表（或全部收入为一般公共预算时的部门支出表）合计行的工资福利支出与对个人和家庭的补助之和；相差不超过末位四舍五入范围时只作提示。",
    explanation_en="Personnel costs in the basic-expenditure table must equal wages and benefits plus transfers to households on the total row of the general-budget spending table (or of the spending table when all income is general-budget money). Differences within rounding are info.",
    severity="error",
)
def personnel_matches_economic_columns(doc: Document):
    figs = document_figures(doc)
    personnel = figs.get("general_budget_basic", {}).get("personnel_expenditure")
    if personnel is None:
        return
    sources = ["general_budget_expenditure"] + (["expenditure"] if general_only(figs) else [])
    for tid in sources:
        wages = figs.get(tid, {}).get("wages_301")
        transfers = figs.get(tid, {}).get("transfers_303")
        if wages is None:
            continue
        value = wages.wan + (transfers.wan if transfers else 0)
        ev = [evidence_of(doc, wages, "工资福利支出")]
        text = wages.loc.cell.text.strip()
        if transfers:
            ev.append(evidence_of(doc, transfers, "对个人和家庭的补助"))
            text += f" + {transfers.loc.cell.text.strip()}"
        native = wages.loc.value + (transfers.loc.value if transfers else 0)
        b_text = (
            f"而{tname(wages.table)}中工资福利支出与对个人和家庭的补助之和为"
            f"{text} = {fmt(native, wages.places)}{wages.unit or ''}"
        )
        f = compare(
            "cross_table.personnel_matches_economic_columns",
            doc,
            "人员经费",
            personnel,
            value,
            ev,
            b_text,
            wan_ulp(wages),
            2,
        )
        if f:
            yield f
        return


def _class_names() -> dict[str, str]:
    out = dict(FORMER_CLASS_NAMES)
    for (scheme, code), name in names().items():
        if scheme == "functional" and len(code) == 3:
            out[canonical_label(name, loose=True).removesuffix("支出")] = code
    return out


CLASS_NAMES = _class_names()


def _class_of(text: str) -> str | None:
    key = canonical_label(text, loose=True).replace("（类）", "").removesuffix("支出")
    return CLASS_NAMES.get(key)


def summary_classes(doc: Document, table) -> dict[str, TableFigure]:
    """Functional class -> figure printed beside its name in a summary table."""
    gpb_col = next(
        (j for j, c in enumerate(table.columns) if "一般公共预算" in c and "其中" not in c), None
    )
    out: dict[str, TableFigure] = {}
    for row in table.rows:
        current = None
        for j, cell in enumerate(row.cells):
            name = table.columns[j] if j < len(table.columns) else ""
            if cell.value is None:
                text = cell.text.strip()
                if text and not text.isdigit():
                    current = _class_of(text)
                continue
            if current is None or "行次" in name or "栏次" in name:
                continue
            if table.id == "fiscal_summary" and gpb_col is not None and j != gpb_col:
                continue
            loc = Located(cell.value, cell, row, name, name)
            unit = table_unit(doc, table)
            out.setdefault(
                current,
                TableFigure(
                    current, loc, table, unit, to_wan(cell.value, unit or "万元"), places(table)
                ),
            )
            current = None
    return out


def spending_classes(doc: Document, table) -> dict[str, tuple[TableFigure, list]]:
    """Functional class -> (its figure in a spending table, the (row, cell) pairs summed)."""
    roles = spending_columns(table)
    if roles is None or roles.total is None:
        return {}
    unit = table_unit(doc, table)
    rows = [r for r in table.rows if r.code and r.code.scheme == "functional"]
    out: dict[str, tuple[TableFigure, list]] = {}
    for cls in sorted({r.code.class_ for r in rows}):
        head = [r for r in rows if r.code.class_ == cls and r.code.section is None]
        members = head or top_level([r for r in rows if r.code.class_ == cls])
        pairs = [(r, r.cells[roles.total]) for r in members if roles.total < len(r.cells)]
        pairs = [(r, c) for r, c in pairs if c.value is not None]
        if not pairs:
            continue
        value = sum((c.value for _, c in pairs), Decimal(0))
        loc = Located(value, pairs[0][1], pairs[0][0], cls, col_name(table, roles.total))
        fig = TableFigure(cls, loc, table, unit, to_wan(value, unit or "万元"), places(table))
        out[cls] = (fig, pairs)
    return out


@rule(
    "cross_table.class_totals",
    title_zh="收支总表中各功能分类（类）支出 = 支出表中该类之和",
    title_en="Each functional class in the summary table = that class in the spending table",
    explanation_zh="收支总表（或财政拨款收支总表的一般公共预算列）按功能分类列出的各类支出，应等于支出表（或一般公共预算支出表）中该类的金额（类行，或未列类行时其下各行之和）。",
    explanation_en="Each functional class the summary table (or the general-budget column of the fiscal summary) lists must equal that class in the spending table (or the general-budget spending table): its class row, or the sum of its rows where no class row is printed.",
    severity="error",
)
def class_totals(doc: Document):
    by_id = {}
    for t in doc.tables:
        if t.id and t.id not in by_id:
            by_id[t.id] = t
    for summary_id, spending_id in (
        ("income_expenditure_summary", "expenditure"),
        ("fiscal_summary", "general_budget_expenditure"),
    ):
        if summary_id not in by_id or spending_id not in by_id:
            continue
        left = summary_classes(doc, by_id[summary_id])
        right = spending_classes(doc, by_id[spending_id])
        for cls in sorted(set(left) & set(right)):
            a, (b, pairs) = left[cls], right[cls]
            name = names().get(("functional", cls), cls)
            shown = f"{fmt(b.loc.value, b.places)}{b.unit or ''}"
            ev = [
                cell_evidence(doc, b.table, r, c, f"{r.code.full} {r.label}（{tname(b.table)}）")
                for r, c in pairs
            ]
            f = compare(
                "cross_table.class_totals",
                doc,
                f"{cls} {name}",
                a,
                b.wan,
                ev,
                f"{tname(b.table)}中该类为{shown}",
                wan_ulp(b),
                len(pairs),
            )
            if f:
                yield f
