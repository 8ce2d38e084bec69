"""Amounts the narrative (情况说明) states, against the tables and against each other.

An amount the text states for a canonical item must be the table's figure (rounded to the
digits the text prints), and the parts listed after 其中 cannot exceed their total. Shares
are checked in narrative_shares.py, changes and completion rates in narrative_changes.py.
"""

from __future__ import annotations

from decimal import Decimal

from generator.checks.evidence import finding
from generator.checks.prose.stated import Amount, sentence_statements, stated_amount
from generator.checks.registry import rule
from generator.checks.tables.figures import (
    SWAPS,
    TableFigure,
    amount_evidence,
    document_figures,
    evidence_of,
    show,
    table_figure,
    wan_ulp,
)
from generator.checks.tables.sums import tname
from generator.checks.tolerance import decimals, fmt
from generator.model import CANONICAL_INDICATORS, Document
from generator.read.narrative_terms import indicator_of_label


@rule(
    "narrative.amount_matches_table",
    title_zh="说明中的金额与表格一致",
    title_en="Amounts in the narrative match the tables",
    explanation_zh="情况说明中写明的收入总计、支出合计、基本支出、人员经费、公用经费、项目支出、“三公”经费等金额，应与对应表格的数字一致（允许按说明所印位数四舍五入）。说明把“本年收入合计”称为“收入总计”时记为警告；相差正好一万倍时记为单位错误（见 text.unit_magnitude）。",
    explanation_en="Amounts the narrative states for canonical items (total income, expenditure, basic, personnel, public, project, three-public costs …) must match the corresponding table figure, allowing rounding to the digits the narrative prints. Calling current-year income 'total income' is a warning; a factor of exactly 10,000 is a unit error (see text.unit_magnitude).",
    severity="error",
)
def amount_matches_table(doc: Document):
    figs = document_figures(doc)
    for st in doc.statements:
        if st.kind != "amount" or st.period != "current" or st.unit not in ("元", "万元"):
            continue  # another year's or the budget's figure, or 亿元 (never in the tables)
        ind = indicator_of_label(st.subject)
        if ind is None or ind != "government_fund" and st.fund:
            continue  # a fund budget's 本年支出 is not the department's
        a = stated_amount(st)
        fig = table_figure(figs, ind, a.label)
        if fig is not None:
            f = _compare(doc, figs, ind, a, fig)
            if f:
                yield f


def _compare(doc, figs, ind, a: Amount, fig: TableFigure):
    diff = a.wan - fig.wan
    if abs(diff) <= (a.wan_ulp + wan_ulp(fig)) / 2:
        return None
    name = CANONICAL_INDICATORS.get(ind, ind)
    ev = [amount_evidence(doc, a, f"{name}（情况说明）"), evidence_of(doc, fig, name)]
    said = f"情况说明写“{a.phrase}{a.raw}”"
    table_said = f"{tname(fig.table)}为{show(fig)}"
    if abs(diff) <= a.wan_ulp:
        return finding(
            "narrative.amount_matches_table",
            f"{said}，{table_said}，属于四舍五入误差。",
            doc,
            ev,
            "rounding",
            fig.wan,
            diff,
            severity="info",
        )
    other = SWAPS.get(ind)
    if other:
        alt = table_figure(figs, other, a.label)
        if alt is not None and abs(a.wan - alt.wan) <= (a.wan_ulp + wan_ulp(alt)) / 2:
            ev.append(evidence_of(doc, alt, CANONICAL_INDICATORS[other]))
            msg = (
                f"{said}，与表中“{CANONICAL_INDICATORS[other]}”{show(alt)}相同，而表中“{name}”为"
                f"{show(fig)}：说明把本年数称作了总计（含结转）。"
            )
            return finding(
                "narrative.amount_matches_table",
                msg,
                doc,
                ev,
                "failed",
                fig.wan,
                diff,
                severity="warning",
            )
    if fig.wan != 0 and a.wan / fig.wan in (Decimal(10000), Decimal("0.0001")):
        msg = f"{said}，{table_said}，两者正好相差一万倍：说明中的单位（元/万元）写错了。"
        return finding(
            "text.unit_magnitude", msg, doc, ev, "failed", fig.wan, diff, severity="error"
        )
    msg = f"{said}，但{table_said}，相差{fmt(abs(diff) * (10000 if a.unit == '元' else 1), max(decimals(a.raw), fig.places))}{a.unit}。"
    return finding("narrative.amount_matches_table", msg, doc, ev, "failed", fig.wan, diff)


SIBLINGS = {
    "basic_expenditure": ("project_expenditure",),
    "project_expenditure": ("basic_expenditure",),
    "income_total": ("expenditure_total", "expenditure_current_year"),
    "income_current_year": ("expenditure_total", "expenditure_current_year"),
    "expenditure_total": ("income_total", "income_current_year"),
    "expenditure_current_year": ("income_total", "income_current_year"),
}


@rule(
    "narrative.parts_exceed_total",
    title_zh="“其中”各项之和不应超过总数",
    title_en="The parts listed after 其中 cannot exceed the total",
    explanation_zh="“总额X，其中：A、B、C……”列出的各项金额之和超过X，说明总额或某一分项写错（只列部分项目时和小于总额是正常的）。",
    explanation_en="When the amounts listed after '其中' add up to more than the total they belong to, the total or a part is wrong (a partial list adding up to less is normal).",
    severity="error",
)
def parts_exceed_total(doc: Document):
    for stmts in sentence_statements(doc):
        for n in sorted({st.listed for st in stmts if st.listed}):
            before = [st for st in stmts if st.listed == (n - 1 or None) and st.kind == "amount"]
            if not before:
                continue
            total = stated_amount(before[-1])
            siblings = SIBLINGS.get(indicator_of_label(total.label) or "", ())
            parts = []
            for st in stmts:
                if st.listed != n or st.kind != "amount":
                    continue
                if indicator_of_label(st.subject) in siblings or st.unit != total.unit:
                    break
                parts.append(stated_amount(st))
            if len(parts) < 2:
                continue
            s = sum((a.wan for a in parts), Decimal(0))
            slack = sum((a.wan_ulp for a in parts), total.wan_ulp)
            if s > total.wan + slack:
                ev = [amount_evidence(doc, total, "总额")] + [
                    amount_evidence(doc, a, a.label or "分项") for a in parts
                ]
                msg = f"说明称“{total.phrase}{total.raw}”，其后“其中”所列各项之和为{fmt(s, 2)}万元，超过了总额。"
                yield finding(
                    "narrative.parts_exceed_total",
                    msg,
                    doc,
                    ev,
                    "failed",
                    total.wan,
                    s - total.wan,
                )
