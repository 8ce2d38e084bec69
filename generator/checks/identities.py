"""Identities that must hold inside one published table.

Totals equal the sum of their items, each row equals the sum of its columns, 类 = Σ款 = Σ项,
收入总计 = 支出总计, carry-over closes, 人员经费 = 301 + 303, and 三公 = 出国 + 车 + 接待 with
车 = 购置 + 运行. Differences within rounding (see tolerance.py) are ``info``; a table layout
the rule cannot place is ``unverifiable``, never an error.
"""

from __future__ import annotations

from decimal import Decimal

from generator.checks.columns import change_columns, distinct_columns, spending_columns
from generator.checks.evidence import cell_evidence
from generator.checks.registry import rule
from generator.checks.rowroles import (
    basic_parts,
    class_sum,
    coded_blocks,
    is_parent,
    top_level,
    total_row,
)
from generator.checks.sums import (
    check_sum,
    col_name,
    loc_evidence,
    pair_finding,
    sum_finding,
    tname,
)
from generator.checks.tableview import (
    Located,
    all_series,
    row_label,
    row_series,
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
        for parent in rows:
            children = [r for r in rows if is_parent(parent.code, r.code)]
            if not children:
                continue
            for j in distinct_columns(table, cols):
                items = [
                    (r, j, f"{r.code.full} {r.label}（{col_name(table, j)}）") for r in children
                ]
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
    "identities.three_public_sum",
    title_zh="“三公”经费 = 出国 + 公务用车 + 接待；公务用车 = 购置 + 运行",
    title_en="Three public costs = travel abroad + vehicles + hospitality; vehicles = purchase + running",
    explanation_zh="“三公”经费表的每一组数（预算数、决算数、上年数、增减数各列）都应满足：合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费，公务用车购置及运行费 = 购置费 + 运行维护费。空白单元格按零计。",
    explanation_en="In every column group of the three-public-costs table (budget, final, last year, change): total = overseas travel + vehicles + hospitality, and vehicles = purchase + running costs. Blank cells count as zero.",
    severity="error",
)
def three_public_sum(doc: Document):
    for table in doc.tables:
        if table.id != "three_public" and "三公" not in (table.title or ""):
            continue
        for s in all_series(table):
            if "vehicle_total" in s:
                f = check_sum(
                    "identities.three_public_sum",
                    doc,
                    table,
                    s,
                    "three_public_total",
                    ["overseas_travel", "vehicle_total", "official_reception"],
                    "“三公”经费合计",
                )
            else:
                f = check_sum(
                    "identities.three_public_sum",
                    doc,
                    table,
                    s,
                    "three_public_total",
                    [
                        "overseas_travel",
                        "vehicle_purchase",
                        "vehicle_operation",
                        "official_reception",
                    ],
                    "“三公”经费合计",
                )
            if f:
                yield f
            f = check_sum(
                "identities.three_public_sum",
                doc,
                table,
                s,
                "vehicle_total",
                ["vehicle_purchase", "vehicle_operation"],
                "公务用车购置及运行费",
            )
            if f:
                yield f


SUMMARY_TABLES = ("income_expenditure_summary", "fiscal_summary")


@rule(
    "identities.income_equals_expenditure",
    title_zh="收入总计 = 支出总计",
    title_en="Total income = total expenditure",
    explanation_zh="收支总表和财政拨款收支总表的收入总计应等于支出总计（含结转结余）；没有总计行时比较本年收入合计与本年支出合计加结转。",
    explanation_en="In the summary and fiscal summary tables, total income must equal total expenditure (including carry-over); without total rows, current-year income plus brought-forward must equal current-year expenditure plus carried-forward.",
    severity="error",
)
def income_equals_expenditure(doc: Document):
    for table in doc.tables:
        if table.id not in SUMMARY_TABLES:
            continue
        s = row_series(table).get("0", {})
        if "income_total" in s and "expenditure_total" in s:
            a, b = s["income_total"], s["expenditure_total"]
            f = pair_finding(
                "identities.income_equals_expenditure",
                doc,
                table,
                a,
                b.value,
                [loc_evidence(doc, table, b, "支出总计")],
                "收入总计",
                "支出总计",
                1,
            )
        elif "income_current_year" in s and "expenditure_current_year" in s:
            inc = (
                s["income_current_year"].value
                + _v(s, "carryover_begin")
                + _v(s, "nonfiscal_surplus_used")
            )
            exp = (
                s["expenditure_current_year"].value
                + _v(s, "carryover_end")
                + _v(s, "surplus_distribution")
            )
            a = s["income_current_year"]
            ev = [
                loc_evidence(doc, table, s[k], k)
                for k in ("expenditure_current_year", "carryover_begin", "carryover_end")
                if k in s
            ]
            f = pair_finding(
                "identities.income_equals_expenditure",
                doc,
                table,
                Located(inc, a.cell, a.row, a.label, a.column),
                exp,
                ev,
                "收入合计（含年初结转）",
                "支出合计（含年末结转）",
                3,
            )
        else:
            continue
        if f:
            yield f


def _v(s: dict[str, Located], key: str) -> Decimal:
    return s[key].value if key in s else Decimal(0)


@rule(
    "identities.carryover",
    title_zh="总计 = 本年合计 + 结转结余",
    title_en="Total = current year + carry-over",
    explanation_zh="收入总计 = 本年收入合计 + 年初（上年）结转和结余（+ 使用非财政拨款结余）；支出总计 = 本年支出合计 + 年末结转和结余（+ 结余分配）。决算表由此得出：本年收入 + 年初结转 = 本年支出 + 年末结转。",
    explanation_en="Total income = current-year income + brought-forward balances (+ non-fiscal surplus used); total expenditure = current-year expenditure + carried-forward balances (+ surplus distribution). Hence, for final accounts, income + opening balance = expenditure + closing balance.",
    severity="error",
)
def carryover(doc: Document):
    for table in doc.tables:
        if table.id not in SUMMARY_TABLES:
            continue
        s = row_series(table).get("0", {})
        for total, current, extras, what in (
            (
                "income_total",
                "income_current_year",
                ("carryover_begin", "nonfiscal_surplus_used"),
                "收入总计",
            ),
            (
                "expenditure_total",
                "expenditure_current_year",
                ("carryover_end", "surplus_distribution"),
                "支出总计",
            ),
        ):
            if total not in s or current not in s:
                continue
            parts = [current] + [e for e in extras if e in s]
            value = sum((s[k].value for k in parts), Decimal(0))
            ev = [loc_evidence(doc, table, s[k], s[k].label) for k in parts]
            names = " + ".join(s[k].label.strip() for k in parts)
            f = pair_finding(
                "identities.carryover", doc, table, s[total], value, ev, what, names, len(parts)
            )
            if f:
                yield f


BASIC_TABLES = ("general_budget_basic",)


@rule(
    "identities.basic_personnel_public",
    title_zh="基本支出 = 人员经费 + 公用经费",
    title_en="Basic expenditure = personnel + public (office) costs",
    explanation_zh="一般公共预算基本支出表的合计应等于人员经费合计加公用经费合计。",
    explanation_en="The basic-expenditure table's total must equal personnel costs plus public (office) costs.",
    severity="error",
)
def basic_personnel_public(doc: Document):
    for table in doc.tables:
        if table.id not in BASIC_TABLES:
            continue
        total, personnel, public = basic_parts(table)
        if total is None or personnel is None or public is None:
            continue
        f = pair_finding(
            "identities.basic_personnel_public",
            doc,
            table,
            total,
            personnel.value + public.value,
            [
                loc_evidence(doc, table, personnel, "人员经费"),
                loc_evidence(doc, table, public, "公用经费"),
            ],
            "基本支出合计",
            "人员经费与公用经费之和",
            2,
        )
        if f:
            yield f


@rule(
    "identities.personnel_301_303",
    title_zh="人员经费 = 301 工资福利支出 + 303 对个人和家庭的补助",
    title_en="Personnel costs = 301 wages and benefits + 303 transfers to households",
    explanation_zh="基本支出表中的人员经费合计，应等于经济分类301与303（类，或未列类行时其下各款）之和。公用经费应等于其余各类（302，以及部分地区计入的310等）之和，只等于302时也视为一致。",
    explanation_en="In the basic-expenditure table, personnel costs must equal economic classes 301 + 303 (or their sections where no class row is printed). Public costs must equal the remaining classes (302, plus 310 etc. where included); equal to 302 alone is accepted too.",
    severity="error",
)
def personnel_301_303(doc: Document):
    for table in doc.tables:
        if table.id not in BASIC_TABLES:
            continue
        _, personnel, public = basic_parts(table)
        if personnel is not None:
            got = class_sum(table, ("301", "303"))
            if got:
                f = _versus_classes(doc, table, personnel, got, "人员经费", "301、303之和")
                if f:
                    yield f
        if public is not None:
            others = tuple(
                sorted(
                    {
                        r.code.class_
                        for rows, _ in coded_blocks(table)
                        for r in rows
                        if r.code.class_ not in ("301", "303")
                    }
                )
            )
            wide, only302 = class_sum(table, others), class_sum(table, ("302",))
            if wide and only302 and only302[0] == public.value:
                continue
            if wide:
                f = _versus_classes(
                    doc, table, public, wide, "公用经费", "、".join(others) + "之和"
                )
                if f:
                    yield f


def _versus_classes(doc, table, loc: Located, got, what, what_b):
    value, picked = got
    ev = [
        cell_evidence(doc, table, r, r.cells[k], f"{r.code.full} {r.label}（{tname(table)}）")
        for r, k in picked
    ]
    return pair_finding(
        "identities.personnel_301_303", doc, table, loc, value, ev, what, what_b, len(picked)
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
