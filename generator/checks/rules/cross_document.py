"""What no single-document check can see: last year's document and the same year's budget.

A budget's "比上年增加…" must agree with last year's published budget of the same department,
and a final account's execution is measured against that year's budget. Documents are matched
by department name and region code, year and kind. Where the site does not hold the other
document, the rule says so ("not_checked"), which never counts as passed.
"""

from __future__ import annotations

import re

from generator.checks.evidence import finding
from generator.checks.prose.changes import changes
from generator.checks.prose.paragraphs import text_paragraphs
from generator.checks.prose.stated import Amount, completions, stated_amount
from generator.checks.registry import rule
from generator.checks.tables.figures import (
    TableFigure,
    amount_evidence,
    document_figures,
    evidence_of,
    show,
    table_figure,
    wan_ulp,
)
from generator.checks.tolerance import fmt
from generator.model import CANONICAL_INDICATORS, KIND_ZH, Document
from generator.read.narrative_terms import indicator_of_label

_SPACES = re.compile(r"\s+")


def department_key(doc: Document) -> tuple[str, str] | None:
    name = _SPACES.sub("", doc.metadata.department or "")
    if not name:
        return None
    return name, doc.metadata.region_code or ""


def corpus_index(documents: list[Document]) -> dict[tuple, Document]:
    """(department key, year, kind) -> document, built once per corpus rule run."""
    table: dict[tuple, Document] = {}
    for other in documents:
        key = department_key(other)
        if key is not None:
            table.setdefault((key, other.metadata.year, other.metadata.kind), other)
    return table


def find(index: dict[tuple, Document], doc: Document, year: int, kind: str) -> Document | None:
    key = department_key(doc)
    found = index.get((key, year, kind)) if key is not None else None
    return found if found is not doc else None


def _figure(doc: Document, ind: str, label: str) -> TableFigure | None:
    return table_figure(document_figures(doc), ind, label)


def _narrative_amount(doc: Document, ind: str) -> Amount | None:
    """The first figure the narrative states for ``ind`` (when the tables do not print it)."""
    for st in doc.statements:
        if (
            st.kind == "amount"
            and st.unit in ("元", "万元")
            and indicator_of_label(st.subject) == ind
        ):
            return stated_amount(st)
    return None


@rule(
    "cross_document.previous_year",
    title_zh="“比上年增减”与上一年度公开文件核对",
    title_en="'Compared with last year' checked against last year's published document",
    explanation_zh="说明称“比上年增加（减少）X万元”时，用本年数减去X得到的上年数，应等于网站所收该部门上一年度同类文件（预算对预算、决算对决算）中的相应数字；增减方向也应一致。网站没有上一年度文件时记为“未检查”。",
    explanation_en="When the narrative says 'X more (less) than last year', current minus X must equal the same figure in the department's previous-year document of the same kind held by the site (budget to budget, final to final), and the direction must agree. Without that document the rule reports 'not checked'.",
    severity="error",
    scope="corpus",
)
def previous_year(documents: list[Document]):
    index = corpus_index(documents)
    for doc in documents:
        if doc.metadata.kind not in ("budget", "final") or not doc.metadata.year:
            continue
        stated = [c for c in changes(doc) if c.against == "previous" and c.current is not None]
        stated = [(c, indicator_of_label(c.current.label)) for c in stated]
        stated = [(c, ind) for c, ind in stated if ind]
        if not stated:
            continue
        prev = find(index, doc, doc.metadata.year - 1, doc.metadata.kind)
        if prev is None:
            yield finding(
                "cross_document.previous_year",
                f"未检查：网站没有该部门{doc.metadata.year - 1}年度的{KIND_ZH[doc.metadata.kind]}，"
                f"无法核对说明中{len(stated)}处“比上年增减”。",
                doc,
                status="not_checked",
                severity="info",
            )
            continue
        for c, ind in stated:
            fig = _figure(prev, ind, c.current.label)
            if fig is not None:
                value, ulp_b, ev_b, shown = (
                    fig.wan,
                    wan_ulp(fig),
                    evidence_of(prev, fig, "上年数"),
                    show(fig),
                )
            else:
                a = _narrative_amount(prev, ind)
                if a is None:
                    continue
                value, ulp_b, ev_b, shown = (
                    a.wan,
                    a.wan_ulp,
                    amount_evidence(prev, a, "上年数（说明）"),
                    a.raw,
                )
            implied = c.previous
            diff = implied - value
            tol = (c.current.wan_ulp + c.amount.wan_ulp + ulp_b) / 2
            if abs(diff) <= tol:
                continue
            name = CANONICAL_INDICATORS.get(ind, ind)
            ev = [
                amount_evidence(doc, c.current, "本年数"),
                amount_evidence(doc, c.amount, "所称增减额"),
                ev_b,
            ]
            actual = c.current.wan - value
            direction = "增加" if actual > 0 else "减少"
            wording = "" if (actual > 0) == c.increase or actual == 0 else "，连增减方向都说反了"
            msg = (
                f"说明称{name}{c.current.raw}，“{c.text}”，推算上年为{fmt(implied, 2)}万元；但{prev.metadata.year}年度"
                f"{KIND_ZH[prev.metadata.kind]}中为{shown}，实际{direction}{fmt(abs(actual), 2)}万元{wording}。"
            )
            yield finding(
                "cross_document.previous_year",
                msg,
                doc,
                ev,
                "failed",
                value,
                diff,
                [prev.source],
            )


EXECUTION_IDS = ("expenditure_current_year", "basic_expenditure", "project_expenditure")


@rule(
    "cross_document.final_vs_budget",
    title_zh="决算与同年预算核对（执行情况）",
    title_en="Final accounts against the same year's budget (execution)",
    explanation_zh="决算说明所称“年初预算数”应等于网站所收同年部门预算中的数字，不符为错误。支出合计、基本支出、项目支出的执行率偏离100%超过10%时列出预算数、决算数和执行率：说明给出原因的作为提示并附上原因，没有原因的作为警告；没有同年预算文件时记为“未检查”。",
    explanation_en="The 'initial budget' a final account's narrative states must equal the figure in the same year's department budget held by the site; a mismatch is an error. When total, basic or project spending deviates from the budget by more than 10%, budget, final and execution rate are listed: as info with the narrative's stated reason, as a warning when no reason is given. Without the budget document the rule reports 'not checked'.",
    severity="error",
    scope="corpus",
)
def final_vs_budget(documents: list[Document]):
    index = corpus_index(documents)
    for doc in documents:
        if doc.metadata.kind != "final" or not doc.metadata.year:
            continue
        budget = find(index, doc, doc.metadata.year, "budget")
        if budget is None:
            yield finding(
                "cross_document.final_vs_budget",
                f"未检查：网站没有该部门{doc.metadata.year}年度的部门预算，无法核对决算执行情况。",
                doc,
                status="not_checked",
                severity="info",
            )
            continue
        yield from _stated_budget(doc, budget)
        yield from _execution(doc, budget)


def _stated_budget(doc: Document, budget: Document):
    bfigs = document_figures(budget)
    planned = bfigs.get("general_budget_expenditure", {}).get("expenditure_current_year")
    if planned is None:
        return
    for _, b, _ in completions(doc):
        diff = b.wan - planned.wan
        if abs(diff) <= (b.wan_ulp + wan_ulp(planned)) / 2:
            continue
        ev = [
            amount_evidence(doc, b, "决算说明所称年初预算"),
            evidence_of(budget, planned, "同年部门预算"),
        ]
        msg = (
            f"决算说明称一般公共预算支出年初预算为{b.raw}，但{budget.metadata.year}年度部门预算的"
            f"一般公共预算支出为{show(planned)}。"
        )
        yield finding(
            "cross_document.final_vs_budget",
            msg,
            doc,
            ev,
            "failed",
            planned.wan,
            diff,
            [budget.source],
        )


def _reason(doc: Document) -> str | None:
    for p in text_paragraphs(doc):
        k = (
            p.text.find("决算数大于预算数")
            if "决算数大于预算数" in p.text
            else p.text.find("决算数小于预算数")
        )
        if k >= 0:
            m = re.search(r"主要原因[是为：:]*([^。]+)", p.text[k:])
            if m:
                return m.group(1).strip("：: ")
    return None


def _execution(doc: Document, budget: Document):
    ffigs, bfigs = document_figures(doc), document_figures(budget)
    reason = _reason(doc)
    for ind in EXECUTION_IDS:
        f = table_figure(ffigs, ind, "")
        b = table_figure(bfigs, ind, "")
        if f is None or b is None or b.wan == 0:
            continue
        rate = f.wan / b.wan * 100
        if abs(rate - 100) <= 10:
            continue
        name = CANONICAL_INDICATORS[ind]
        msg = f"{name}：{doc.metadata.year}年预算{show(b)}，决算{show(f)}，执行率{fmt(rate, 2)}%，偏离预算超过10%。"
        msg += f"决算说明给出的原因：{reason}。" if reason else "决算说明没有解释偏离的原因。"
        ev = [evidence_of(budget, b, f"{name}（预算）"), evidence_of(doc, f, f"{name}（决算）")]
        yield finding(
            "cross_document.final_vs_budget",
            msg,
            doc,
            ev,
            "failed",
            b.wan,
            f.wan - b.wan,
            [budget.source],
            severity="info" if reason else "warning",
        )
