"""Sums that must hold inside one published table, row by row and column by column.

Totals equal the sum of their items, each row equals the sum of its columns, 类 = Σ款 = Σ项,
and a change column equals this year minus last year. The identities between named totals
(三公, 收支总计, 结转, 人员经费) are in identities_totals.py. Differences within rounding (see
tolerance.py) are ``info``; a table layout the rule cannot place is ``unverifiable``, never an
error.
"""

from __future__ import annotations

from generator.checks.registry import rule
from generator.checks.tables.columns import change_columns, distinct_columns, spending_columns
from generator.checks.tables.rows import (
    children,
    coded_blocks,
    top_level,
    total_row,
)
from generator.checks.tables.sums import (
    col_name,
    sum_finding,
    tname,
)
from generator.checks.tables.view import (
    row_label,
    value_columns,
)
from generator.model import Document, Row, Table

SPENDING_TABLES = (
    "expenditure",
    "general_budget_expenditure",
    "government_fund",
    "fiscal_expenditure",
)


@rule(
    "identities.code_hierarchy",
    title_zh="类 = Σ款，款 = Σ项",
    title_en="Class = sum of its sections, section = sum of its items",
    explanation_zh="按功能分类或经济分类编码，类级金额应等于其下各款之和，款级金额应等于其下各项之和，逐列核对。差额在四舍五入范围内记为提示。",
    explanation_en="For functional and economic codes, each class (类) must equal the sum of its sections (款) and each section the sum of its items (项), column by column. Differences within rounding are info.",
    severity="error",
)
def code_hierarchy(doc: Document):
    for table in doc.tables:
        for rows, cols in coded_blocks(table):
            yield from _hierarchy(doc, table, rows, cols)


def _hierarchy(doc: Document, table: Table, rows: list[Row], cols: list[int]):
    if len(rows) >= 2:
        for parent, below in zip(rows, children(rows), strict=True):
            if not below:
                continue
            for j in distinct_columns(table, cols):
                items = [(r, j, f"{r.code.full} {r.label}（{col_name(table, j)}）") for r in below]
                f = sum_finding(
                    "identities.code_hierarchy",
                    doc,
                    table,
                    f"{parent.code.full} {parent.label}的“{col_name(table, j)}”",
                    (parent, j),
                    items,
                )
                if f:
                    yield f


@rule(
    "identities.total_equals_items",
    title_zh="合计 = 各科目之和",
    title_en="Total row = sum of the coded rows",
    explanation_zh="表中“合计/总计”行的每一列，应等于最高一级编码行（类，或没有类行时的款、项）之和。",
    explanation_en="Each column of a table's 合计/总计 row must equal the sum of its top-level coded rows (classes, or sections/items where no class rows are printed).",
    severity="error",
)
def total_equals_items(doc: Document):
    for table in doc.tables:
        total = total_row(table)
        blocks = coded_blocks(table)
        rows = blocks[0][0]
        if total is None or not rows or len(blocks) > 1:
            continue
        top = top_level(rows)
        for j in distinct_columns(table, value_columns(table)):
            items = [(r, j, f"{r.code.full} {r.label}（{col_name(table, j)}）") for r in top]
            f = sum_finding(
                "identities.total_equals_items",
                doc,
                table,
                f"合计行的“{col_name(table, j)}”",
                (total, j),
                items,
            )
            if f:
                yield f


@rule(
    "identities.row_equals_columns",
    title_zh="每行：合计 = 基本支出 + 项目支出，基本支出 = 各经济分类列之和",
    title_en="Each row: total = basic + project; basic and project = sum of their columns",
    explanation_zh="支出表每一行的合计应等于基本支出与项目支出（决算表另加上缴上级、经营、对附属单位补助支出）之和；基本支出、项目支出应等于其下各列之和。表中有无法归类的列（如单位预留机动经费）时，不判为错误，只提示无法核实。",
    explanation_en="In spending tables each row's total must equal basic + project (plus remittances, business and subsidiary spending in final accounts), and basic and project must equal the sum of their sub-columns. When the table has a column the rule cannot place (e.g. a reserve fund), it reports 'unverifiable' instead of an error.",
    severity="error",
)
def row_equals_columns(doc: Document):
    for table in doc.tables:
        roles = spending_columns(table)
        if roles is None or roles.total is None:
            continue
        seen: set[tuple] = set()
        for row in table.rows:
            if roles.total >= len(row.cells) or row.cells[roles.total].value is None:
                continue
            values = tuple(c.value for c in row.cells)
            if values in seen:  # a unit row repeating the 合计 row: one finding is enough
                continue
            seen.add(values)
            label = row_label(row) or (row.code.full if row.code else "")
            comps = [roles.basic, roles.project] + roles.extras
            items = [(row, j, f"{label}（{col_name(table, j)}）") for j in comps]
            f = sum_finding(
                "identities.row_equals_columns",
                doc,
                table,
                f"“{label}”行的合计",
                (row, roles.total),
                items,
            )
            if f and f.status == "failed" and _unknown_explains(row, roles.unknown):
                f.severity, f.status = "info", "unverifiable"
                f.message = (
                    f"无法核实，因为{tname(table)}另有未能归类的列"
                    f"（{'、'.join(col_name(table, j) for j in roles.unknown)}）：" + f.message
                )
            if f:
                yield f
            for sub, parts, what in (
                (roles.basic, roles.basic_parts, "基本支出"),
                (roles.project, roles.project_parts, "项目支出"),
            ):
                if not parts or sub >= len(row.cells):
                    continue
                items = [(row, j, f"{label}（{col_name(table, j)}）") for j in parts]
                f = sum_finding(
                    "identities.row_equals_columns",
                    doc,
                    table,
                    f"“{label}”行的{what}",
                    (row, sub),
                    items,
                )
                if f:
                    yield f


def _unknown_explains(row: Row, unknown: list[int]) -> bool:
    return any(j < len(row.cells) and row.cells[j].value not in (None, 0) for j in unknown) or bool(
        unknown
    )


@rule(
    "identities.change_column",
    title_zh="增减数 = 本年数 − 上年数",
    title_en="Change column = this year − last year",
    explanation_zh="表中同时列出两个年度和“增减”列时（如“三公”经费预算情况表的2020年度预算、2021年度预算、增减金额），每一行的增减数应等于本年数减上年数。",
    explanation_en="When a table prints two years and a change column (e.g. 2020 budget, 2021 budget, change), each row's change must equal this year minus last year.",
    severity="error",
)
def change_column(doc: Document):
    for table in doc.tables:
        cols = change_columns(table)
        if cols is None:
            continue
        prev, cur, change = cols
        for row in table.rows:
            if max(cols) >= len(row.cells):
                continue
            a, b, c = row.cells[prev], row.cells[cur], row.cells[change]
            if a.value is None or b.value is None or c.value is None:
                continue
            label = row_label(row)
            # change + previous = current, checked as a sum so rounding is handled the same way
            f = sum_finding(
                "identities.change_column",
                doc,
                table,
                f"“{label}”的{col_name(table, cur)}",
                (row, cur),
                [(row, prev, col_name(table, prev)), (row, change, col_name(table, change))],
            )
            if f:
                yield f
