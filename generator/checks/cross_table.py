"""The same figure printed in two tables of one document must be the same figure.

Which tables must agree is domain knowledge: the 收支总表 and the 支出表 both show all spending,
but the 一般公共预算支出表 shows only general-budget money, so it must match the 支出表 only
when the department has no other income (a fund budget or carry-over makes them differ
legitimately). Differences up to one unit of the last printed digit are rounding.
"""

from __future__ import annotations

from decimal import Decimal

from generator.checks.evidence import cell_evidence, finding
from generator.checks.figures import Figure, document_figures, general_only
from generator.checks.registry import rule
from generator.checks.sums import tname
from generator.checks.tolerance import classify, fmt, ulp
from generator.model import CANONICAL_INDICATORS, Document

ALWAYS, GENERAL_ONLY = "always", "general_only"
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
]


def wan_ulp(fig: Figure) -> Decimal:
    u = ulp(fig.places)
    return u / 10000 if fig.unit == "元" else u


def evidence_of(doc: Document, fig: Figure, label: str):
    return cell_evidence(
        doc, fig.table, fig.loc.row, fig.loc.cell, f"{label}（{tname(fig.table)}）"
    )


def show(fig: Figure) -> str:
    return f"{fig.loc.cell.text.strip()}{fig.unit or ''}"


def compare(
    rule_id: str,
    doc: Document,
    label: str,
    a: Figure,
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
            "info",
            f"{where}，{b_text}，{gap}，属于四舍五入误差。",
            doc,
            ev,
            "rounding",
            b_value,
            diff,
        )
    return finding(
        rule_id, "error", f"{where}，{b_text}，{gap}。", doc, ev, "failed", b_value, diff
    )


@rule(
    "cross_table.same_figure",
    title_zh="同一数字在不同表中一致",
    title_en="The same figure agrees across tables",
    explanation_zh="收支总表、收入表、支出表、财政拨款收支总表、一般公共预算支出表、基本支出表、项目支出表中代表同一事项的合计数必须相同。一般公共预算支出表只在部门全部收入都来自一般公共预算时才与支出表比较，因为政府性基金和结转资金会使两表合法地不同。",
    explanation_en="Totals that denote the same thing in the summary, income, spending, fiscal summary, general-budget spending, basic-spending and project tables must be equal. The general-budget spending table is compared with the spending table only when all income is general-budget money, since fund budgets and carry-over make them differ legitimately.",
    severity="error",
)
def same_figure(doc: Document):
    figs = document_figures(doc)
    only_general = general_only(figs)
    for ind, ta, tb, cond in PAIRS:
        if cond == GENERAL_ONLY and not only_general:
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
