"""Rows of a table by role: coded rows and their parents, the total row, 基本支出 parts.

Identity rules ask structural questions ("which rows are the classes?", "where is the 合计
row?") that do not depend on how the table was laid out; the answers live here.
"""

from __future__ import annotations

from decimal import Decimal

from generator.checks.tables.sums import col_name
from generator.checks.tables.view import Located, all_series, row_label, value_columns
from generator.model import Code, Row, Table
from generator.read.codes import parse_code
from generator.read.vocabulary import canonical_label


def code_rows(table: Table) -> list[Row]:
    return [r for r in table.rows if r.code is not None and r.code.scheme != "unknown"]


def is_parent(parent: Code, child: Code) -> bool:
    if parent.scheme != child.scheme or parent.class_ != child.class_:
        return False
    if parent.section is None:
        return child.section is not None and child.item is None
    return parent.item is None and child.section == parent.section and child.item is not None


def children(rows: list[Row]) -> list[list[Row]]:
    """For each row, the rows ``is_parent`` of it, in table order: grouped by class and
    section once instead of asking every pair."""
    sections: dict[tuple, list[Row]] = {}  # (scheme, class) -> its section rows
    items: dict[tuple, list[Row]] = {}  # (scheme, class, section) -> its item rows
    for r in rows:
        c = r.code
        if c.section is not None and c.item is None:
            sections.setdefault((c.scheme, c.class_), []).append(r)
        elif c.section is not None and c.item is not None:
            items.setdefault((c.scheme, c.class_, c.section), []).append(r)
    out = []
    for p in rows:
        c = p.code
        if c.section is None:
            out.append(sections.get((c.scheme, c.class_), []))
        elif c.item is None:
            out.append(items.get((c.scheme, c.class_, c.section), []))
        else:
            out.append([])
    return out


def total_row(table: Table) -> Row | None:
    for r in table.rows:
        if r.code is None and canonical_label(row_label(r), loose=True) in (
            "合计",
            "总计",
            "共计",
            "合计数",
        ):
            return r
    return None


def top_level(rows: list[Row]) -> list[Row]:
    """The rows no other row is the parent or grandparent of.

    A row is below another when a class row (no section) of its class exists and it has a
    section, or a section row (no item) of its section exists and it has an item: what
    ``is_parent``/``is_grandparent`` ask of every pair, asked once per row."""
    classes = {(p.code.scheme, p.code.class_) for p in rows if p.code.section is None}
    sections = {
        (p.code.scheme, p.code.class_, p.code.section)
        for p in rows
        if p.code.section is not None and p.code.item is None
    }
    return [
        r
        for r in rows
        if not (r.code.section is not None and (r.code.scheme, r.code.class_) in classes)
        and not (
            r.code.item is not None and (r.code.scheme, r.code.class_, r.code.section) in sections
        )
    ]


def is_grandparent(g: Code, c: Code) -> bool:
    return (
        g.scheme == c.scheme
        and g.class_ == c.class_
        and g.section is None
        and c.section is not None
        and g is not c
    )


def basic_parts(table: Table) -> tuple[Located | None, Located | None, Located | None]:
    """(basic total, personnel, public) as printed in a 基本支出 table, any layout."""
    personnel = public = total = None
    for s in all_series(table):
        if "personnel_expenditure" in s and "public_expenditure" in s:
            personnel, public = s["personnel_expenditure"], s["public_expenditure"]
            row = personnel.row
            if personnel.row is public.row and personnel.column != personnel.label:
                # column-wise: the total is the row's first figure left of 人员经费
                j = next((k for k, c in enumerate(row.cells) if c is personnel.cell), 0)
                first = next((k for k in range(j) if row.cells[k].value is not None), None)
                if first is not None:
                    c = row.cells[first]
                    total = Located(c.value, c, row, "合计", col_name(table, first))
            break
    if total is None:
        row = total_row(table)
        if row is not None:
            k = next(
                (
                    k
                    for k in value_columns(table)
                    if k < len(row.cells) and row.cells[k].value is not None
                ),
                None,
            )
            if k is not None:
                total = Located(
                    row.cells[k].value, row.cells[k], row, row_label(row), col_name(table, k)
                )
    return total, personnel, public


def class_sum(
    table: Table, classes: tuple[str, ...]
) -> tuple[Decimal, list[tuple[Row, int]]] | None:
    """Σ of economic class rows (or of their items where the class row is not printed)."""
    picked: list[tuple[Row, int]] = []
    for rows, cols in coded_blocks(table):
        rows = [r for r in rows if r.code.class_ in classes]
        for cls in classes:
            head = [r for r in rows if r.code.class_ == cls and r.code.section is None]
            chosen = head or [
                r for r in rows if r.code.class_ == cls and r.code.section and not r.code.item
            ]
            for r in chosen:
                k = next(
                    (k for k in cols if k < len(r.cells) and r.cells[k].value is not None), None
                )
                if k is not None:
                    picked.append((r, k))
    if not picked:
        return None
    return sum((r.cells[k].value for r, k in picked), Decimal(0)), picked


def coded_blocks(table: Table) -> list[tuple[list[Row], list[int]]]:
    """(coded rows, their value columns) for each side-by-side block of a table.

    A 基本支出决算表 printed as two or three blocks (人员经费 | 公用经费) has a code column per
    block; a row's code then belongs to one block only, so each block is checked on its own
    columns, with its own codes read from its code column.
    """
    code_cols = [j for j, c in enumerate(table.columns) if "编码" in c or "代码" in c]
    starts = [j for k, j in enumerate(code_cols) if k == 0 or j > code_cols[k - 1] + 1]
    values = value_columns(table)
    # a code column with no figures before the next one is a parallel classification
    # (部门 and 政府 economic codes side by side), not a block of its own
    starts = [
        j
        for k, j in enumerate(starts)
        if k + 1 == len(starts) or any(j < v < starts[k + 1] for v in values)
    ]
    if len(starts) < 2:
        return [(code_rows(table), values)]
    out = []
    for b, start in enumerate(starts):
        end = starts[b + 1] if b + 1 < len(starts) else len(table.columns)
        cols = [j for j in values if start < j < end]
        rows = []
        for r in table.rows:
            if start >= len(r.cells):
                continue
            code = parse_code(r.cells[start].text.strip())
            if code is None or code.scheme == "unknown":
                continue
            name = r.cells[start + 1].text.strip() if start + 1 < len(r.cells) else ""
            rows.append(Row(cells=r.cells, line=r.line, page=r.page, code=code, label=name))
        out.append((rows, cols))
    return out
