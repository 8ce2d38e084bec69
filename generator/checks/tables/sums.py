"""The arithmetic shared by identity rules: compare a printed total with printed items.

Both sides keep their cells, so a finding lists every figure with its line; the tolerance
for rounding is the one documented in tolerance.py.
"""

from __future__ import annotations

from decimal import Decimal

from generator.checks.evidence import cell_evidence, finding, table_unit
from generator.checks.model import Evidence, Finding
from generator.checks.tables.view import Located, places
from generator.checks.tolerance import classify, fmt, sum_tolerance, ulp
from generator.model import Document, Row, Table


def tname(table: Table) -> str:
    return f"《{table.title.strip()}》" if table.title else "表格"


def col_name(table: Table, j: int) -> str:
    return table.columns[j] if j < len(table.columns) and table.columns[j] else f"第{j + 1}列"


def sum_finding(
    rule_id: str,
    doc: Document,
    table: Table,
    what: str,
    total: tuple[Row, int],
    items: list[tuple[Row, int, str]],
    extra_note: str = "",
) -> Finding | None:
    """Compare a printed total cell with the sum of printed item cells (same table)."""
    t_row, t_j = total
    t_cell = t_row.cells[t_j]
    cells = [
        (r, r.cells[j], lab)
        for r, j, lab in items
        if j < len(r.cells) and r.cells[j].value is not None
    ]
    if t_cell.value is None or not cells:
        return None
    expected = sum((c.value for _, c, _ in cells), Decimal(0))
    diff = t_cell.value - expected
    p = places(table)
    status = classify(diff, sum_tolerance(len(cells), ulp(p)))
    if status == "passed":
        return None
    unit = table_unit(doc, table) or ""
    ev = [cell_evidence(doc, table, t_row, t_cell, f"{what}（{tname(table)}）")]
    ev += [cell_evidence(doc, table, r, c, lab) for r, c, lab in cells]
    parts = " + ".join(c.text.strip() for _, c, _ in cells[:6]) + (" + …" if len(cells) > 6 else "")
    if status == "rounding":
        msg = (
            f"{tname(table)}中{what}为{t_cell.text.strip()}{unit}，各项相加为{fmt(expected, p)}{unit}"
            f"（{parts}），相差{fmt(abs(diff), p)}{unit}，属于四舍五入误差。"
        )
        return finding(rule_id, msg, doc, ev, "rounding", expected, diff, severity="info")
    msg = (
        f"{tname(table)}中{what}为{t_cell.text.strip()}{unit}，但各项相加为{fmt(expected, p)}{unit}"
        f"（{parts}），相差{fmt(abs(diff), p)}{unit}。{extra_note}"
    )
    return finding(rule_id, msg, doc, ev, "failed", expected, diff, severity="error")


def check_sum(rule_id, doc, table, series, total_id, item_ids, what) -> Finding | None:
    """A total and its items found by label (any layout) in one table."""
    if total_id not in series or not any(i in series for i in item_ids):
        return None
    t: Located = series[total_id]
    items = [
        (series[i].row, _find_cell(series[i].row, series[i].cell), series[i].label)
        for i in item_ids
        if i in series
    ]
    return sum_finding(rule_id, doc, table, what, (t.row, _find_cell(t.row, t.cell)), items)


def _find_cell(row: Row, cell) -> int:
    for j, c in enumerate(row.cells):
        if c is cell:
            return j
    return 0


def pair_finding(
    rule_id,
    doc,
    table,
    a: Located,
    b_value: Decimal,
    b_evidence: list[Evidence],
    what_a,
    what_b,
    n_items,
):
    diff = a.value - b_value
    p = places(table)
    status = classify(diff, sum_tolerance(n_items, ulp(p)))
    if status == "passed":
        return None
    unit = table_unit(doc, table) or ""
    ev = [cell_evidence(doc, table, a.row, a.cell, f"{what_a}（{tname(table)}）")] + b_evidence
    sev = "info" if status == "rounding" else "error"
    tail = "，属于四舍五入误差。" if status == "rounding" else "。"
    msg = (
        f"{tname(table)}中{what_a}为{a.cell.text.strip()}{unit}，{what_b}为{fmt(b_value, p)}{unit}，"
        f"相差{fmt(abs(diff), p)}{unit}{tail}"
    )
    return finding(rule_id, msg, doc, ev, status, b_value, diff, severity=sev)


def loc_evidence(doc, table, loc: Located, label: str) -> Evidence:
    return cell_evidence(doc, table, loc.row, loc.cell, f"{label}（{tname(table)}）")
