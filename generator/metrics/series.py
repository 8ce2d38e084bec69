"""Metrics that join two documents: change against last year, budget execution, time series.

A comparison across years is only made between documents of the same department and kind
(budget with budget, final with final). When the site lacks last year's document, the
document's own statement about last year is used instead, and the page says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from generator.metrics.definitions import LARGE_CHANGE, METRIC_DOCS
from generator.metrics.types import Change, DocumentMetrics, Input, MetricValue, SeriesPoint
from generator.model import Document, Reading, Statement

BASIS_ZH = {
    "previous_document": "上年数取自本站收录的上年同类文件",
    "stated_change": "上年数由本文件自述的比上年增减额推算",
    "previous_reading": "上年数取自本文件列出的上年数",
    "none": "没有上年数：本站未收录上年同类文件，本文件也未说明比上年增减",
}


_PARTIAL = ("财政拨款", "一般公共预算", "政府性基金", "国有资本")  # sub-totals, not 支出总计


def _is_total_change(st: Statement) -> bool:
    """A narrative change of 支出总计 (also printed as 收、支总计 / 总收支 / 支出预算总额)."""
    if st.kind != "change" or st.period != "current":
        return False
    if st.indicator == "expenditure_total":
        return True
    if st.indicator is not None:
        return False
    s = st.subject
    if any(w in s for w in _PARTIAL):
        return False
    return "支" in s and any(w in s for w in ("总计", "总收支", "总额"))


def _stated_total_change(doc: Document, no_carryover: bool) -> tuple[Statement | None, str]:
    """The document's own change of 支出总计, or (None, why not) — never a guess.

    A joint subject (收、支总计) stated with two different amounts is ambiguous and skipped.
    A change of 本年支出合计 stands in only when the document has no carry-over (then the two
    figures are the same), and the note says so.
    """
    changes = [s for s in doc.statements if s.kind == "change" and s.period == "current"]
    direct = [s for s in changes if s.indicator == "expenditure_total"]
    if direct:
        return direct[0], ""
    joint = [s for s in changes if _is_total_change(s)]
    if joint:
        same = [
            s
            for s in joint
            if s.subject == joint[0].subject and s.source.line == joint[0].source.line
        ]
        if len({_signed(s) for s in same}) == 1:
            return joint[0], ""
    current = [s for s in changes if s.indicator == "expenditure_current_year"]
    if current and no_carryover:
        return current[0], "文件说明的是本年支出合计的增减；本文件没有结转，支出合计即支出总计"
    if current:
        return None, (
            f"文件只说明了本年支出合计比上年增减 {current[0].raw}，支出总计含结转，不能代替"
        )
    return None, ""


def _signed(st: Statement) -> Decimal:
    if st.direction == "decrease":
        return -abs(st.value)
    if st.direction == "increase":
        return abs(st.value)
    if st.direction == "flat":
        return Decimal(0)
    return st.value


def _previous_reading(doc: Document, indicator: str) -> Reading | None:
    return next((r for r in doc.readings if r.id == indicator and r.period == "previous"), None)


def change(
    dy: DocumentMetrics, doc: Document, previous: tuple[DocumentMetrics, Document] | None
) -> tuple[Change, MetricValue, MetricValue]:
    """Change of 支出总计 against last year, same kind; the two yoy metrics from it."""
    cur = dy.figures["expenditure_total"]
    carry = [dy.figures.get(k) for k in ("carryover_begin", "carryover_end")]
    no_carryover = not any(c is not None and c.numeric and c.value != 0 for c in carry)
    stated, stated_note = _stated_total_change(doc, no_carryover)
    inputs: list[Input] = list(cur.inputs)
    prev_value: Decimal | None = None
    amount: Decimal | None = None
    basis = "none"
    prev_doc = prev_key = None
    if previous is not None and previous[0].figures["expenditure_total"].numeric:
        pfig = previous[0].figures["expenditure_total"]
        prev_value, basis = pfig.value, "previous_document"
        prev_doc, prev_key = previous[1].source, previous[0].key
        inputs += [
            Input(i.indicator, f"上年{i.label}", i.value, i.unit, i.document, i.source, "上年文件")
            for i in pfig.inputs
        ]
    elif stated is not None:
        amount, basis = _signed(stated), "stated_change"
        inputs.append(
            Input(
                "stated_change",
                f"文件自述比上年增减（{stated.subject}）",
                amount,
                "万元",
                doc.source,
                stated.source,
                stated.raw,
            )
        )
        if cur.numeric:
            prev_value = cur.value - amount
    else:
        reading = _previous_reading(doc, "expenditure_total")
        if reading is not None:
            prev_value, basis = reading.value, "previous_reading"
            inputs.append(
                Input(
                    "expenditure_total",
                    "上年支出总计（本文件列出）",
                    reading.value,
                    "万元",
                    doc.source,
                    reading.source,
                    reading.raw,
                )
            )
    if amount is None and cur.numeric and prev_value is not None:
        amount = cur.value - prev_value
    percent = amount / prev_value if amount is not None and prev_value else None
    reason = stated.reason if stated is not None else None
    flagged = bool(percent is not None and abs(percent) >= Decimal(LARGE_CHANGE) and not reason)
    ch = Change(
        current=cur.value if cur.numeric else None,
        previous=prev_value,
        amount=amount,
        percent=percent,
        basis=basis,
        basis_zh=BASIS_ZH[basis],
        previous_document=prev_doc,
        previous_key=prev_key,
        stated_percent=stated.percent if stated is not None else None,
        reason=reason,
        reason_source=stated.source if stated is not None and reason else None,
        flagged=flagged,
    )
    note = "；".join(x for x in (BASIS_ZH[basis], stated_note) if x)
    if basis == "none" and stated_note:
        note = ch.basis_zh = f"没有可用的上年支出总计：{stated_note}"
    elif stated_note and stated is not None:
        ch.basis_zh = note
    findings = list(cur.findings)
    if amount is None:
        status = cur.status if cur.status in ("not_applicable", "unreadable") else "not_disclosed"
        missing = MetricValue(
            "yoy_expenditure_total", status, None, "万元", inputs, note, basis, findings
        )
        return (
            ch,
            missing,
            MetricValue(
                "yoy_expenditure_total_pct", status, None, "ratio", inputs, note, basis, findings
            ),
        )
    mv_amount = MetricValue(
        "yoy_expenditure_total",
        "zero" if amount == 0 else "value",
        amount,
        "万元",
        inputs,
        note,
        basis,
        findings,
    )
    if percent is None:
        pct = MetricValue(
            "yoy_expenditure_total_pct",
            "not_disclosed",
            None,
            "ratio",
            inputs,
            note + "；上年数未知，无法计算增减率",
            basis,
            findings,
        )
    else:
        pct = MetricValue(
            "yoy_expenditure_total_pct",
            "zero" if percent == 0 else "value",
            percent,
            "ratio",
            inputs,
            note,
            basis,
            findings,
        )
    return ch, mv_amount, pct


def execution(
    dy: DocumentMetrics, doc: Document, spend: MetricValue, budget: DocumentMetrics | None
) -> MetricValue:
    """决算 ÷ 预算 of the same year, on the same spending basis; only for final accounts."""
    metric = "execution_rate"
    if dy.kind != "final":
        return MetricValue(metric, "not_applicable", None, "ratio", note="仅决算计算预算执行率")
    if not spend.numeric:
        return MetricValue(metric, spend.status, None, "ratio", list(spend.inputs), spend.note)
    indicator = spend.metric  # expenditure_current_year or expenditure_total
    if budget is not None and budget.figures.get(indicator) and budget.figures[indicator].numeric:
        bfig = budget.figures[indicator]
        b_inputs = [
            Input(
                i.indicator, f"预算{i.label}", i.value, i.unit, i.document, i.source, "同年预算文件"
            )
            for i in bfig.inputs
        ]
        basis, note, b_value = "budget_document", "预算数取自本站收录的同年预算文件", bfig.value
    else:
        reading = next(
            (r for r in doc.readings if r.id == indicator and r.period == "budget"), None
        )
        if reading is None:
            return MetricValue(
                metric, "not_disclosed", None, "ratio", list(spend.inputs), "没有同年预算数"
            )
        b_inputs = [
            Input(
                indicator,
                "年初预算数（本文件列出）",
                reading.value,
                "万元",
                doc.source,
                reading.source,
                reading.raw,
            )
        ]
        basis, note, b_value = (
            "stated_budget",
            "预算数取自决算文件自己列出的年初预算数",
            reading.value,
        )
    inputs = list(spend.inputs) + b_inputs
    if b_value == 0:
        return MetricValue(
            metric, "not_applicable", None, "ratio", inputs, "预算数为0，执行率无意义"
        )
    value = spend.value / b_value
    return MetricValue(
        metric,
        "zero" if value == 0 else "value",
        value,
        "ratio",
        inputs,
        note,
        basis,
        list(spend.findings),
    )


def series(
    department_years: Mapping[str, DocumentMetrics],
) -> dict[str, dict[str, list[SeriesPoint]]]:
    """department_id -> metric -> points in (year, kind) order, missing points kept."""
    out: dict[str, dict[str, list[SeriesPoint]]] = {}
    ordered = sorted(
        department_years.values(), key=lambda d: (d.department_id, d.year or 0, d.kind or "", d.key)
    )
    for dy in ordered:
        if dy.year is None or dy.kind is None:
            continue
        per = out.setdefault(dy.department_id, {})
        for mid in list(METRIC_DOCS) + ["expenditure_total"]:
            mv = dy.metrics.get(mid) or dy.figures.get(mid)
            if mv is None:
                continue
            per.setdefault(mid, []).append(
                SeriesPoint(dy.year, dy.kind, dy.key, mv.status, mv.value if mv.numeric else None)
            )
    return out
