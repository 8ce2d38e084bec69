"""Turning a printed figure into Evidence: the value, its unit, and the line it came from.

Every finding links each figure to its source line; these helpers are the only place that
builds SourceRefs, so all rules point at lines the same way.
"""

from __future__ import annotations

from decimal import Decimal

from generator.checks.memo import once
from generator.checks.model import Evidence, Finding, FindingSeverity, FindingStatus
from generator.checks.registry import REGISTRY
from generator.model import Cell, Document, Row, SourceRef, Table


def _line(doc: Document, number: int | None):
    index = once(doc, "line_index", lambda: {ln.number: ln for ln in doc.lines})
    return index.get(number) if number is not None else None


def line_text(doc: Document, number: int | None) -> str:
    ln = _line(doc, number)
    return ln.text if ln is not None else ""


def ref(
    doc: Document, line: int | None, page: int | None = None, text: str | None = None
) -> SourceRef:
    """A SourceRef to a line of ``doc``; the page (PDFs) comes from the line when not given."""
    n = line or 0
    ln = _line(doc, n)
    if page is None and ln is not None:
        page = ln.page
    return SourceRef(
        file=doc.source, line=n, page=page, text=text if text is not None else line_text(doc, n)
    )


def table_unit(doc: Document, table: Table) -> str | None:
    """The table's declared unit; else the document's only declared unit; else None."""
    if table.unit:
        return "元" if table.unit.strip().endswith("元") and "万" not in table.unit else "万元"
    units = {u for u in doc.metadata.units if u}
    if len(units) == 1:
        u = units.pop()
        return "元" if "万" not in u else "万元"
    return None


def cell_evidence(doc: Document, table: Table, row: Row, cell: Cell, label: str) -> Evidence:
    line = cell.line or row.line
    page = cell.page if cell.page is not None else row.page
    return Evidence(
        label=label,
        source=ref(doc, line, page),
        value=cell.value,
        unit=table_unit(doc, table),
        raw=cell.text,
    )


def percent_evidence(doc: Document, label: str, line: int, value: Decimal, raw: str) -> Evidence:
    """A percentage the document prints (a share, a growth or completion rate)."""
    return Evidence(label=label, source=ref(doc, line), value=value, unit="%", raw=raw)


def finding(
    rule: str,
    message: str,
    doc: Document | str,
    evidence: list[Evidence] | None = None,
    status: FindingStatus = "failed",
    expected: Decimal | None = None,
    difference: Decimal | None = None,
    other_documents: list[str] | None = None,
    *,
    severity: FindingSeverity | None = None,
) -> Finding:
    """A finding of ``rule``, with the severity its ``@rule`` declares unless this case says
    otherwise (a difference within rounding is info, whatever the rule's usual severity)."""
    return Finding(
        rule=rule,
        severity=severity or REGISTRY[rule].doc.severity,
        message=message,
        document=doc if isinstance(doc, str) else doc.source,
        evidence=evidence or [],
        status=status,
        expected=expected,
        difference=difference,
        other_documents=other_documents or [],
    )


def percent_finding(
    rule_id: str,
    doc: Document,
    ev: list[Evidence],
    stated: Decimal,
    exact: Decimal,
    gap: Decimal,
    half: Decimal,
    warn_below: Decimal,
    message: str,
    rounding_message: str,
) -> Finding:
    """A printed percentage outside what its figures allow: within two units of its last digit
    it is rounding (info); closer than ``warn_below`` points a warning; further an error."""
    if gap <= 2 * half:
        return finding(
            rule_id, rounding_message, doc, ev, "rounding", exact, stated - exact, severity="info"
        )
    severity = "warning" if gap < warn_below else "error"
    return finding(rule_id, message, doc, ev, "failed", exact, stated - exact, severity=severity)


def not_checked(rule: str, doc: Document, why: str) -> Finding:
    """A rule that lacked its data: info, status not_checked, never counted as passed."""
    return finding(rule, f"未检查：{why}", doc, status="not_checked", severity="info")
