"""Identities between the named totals of a table: the parts a canonical figure is made of.

三公 = 出国 + 车 + 接待 with 车 = 购置 + 运行, 收入总计 = 支出总计, 总计 = 本年合计 + 结转,
基本支出 = 人员经费 + 公用经费, and 人员经费 = 301 + 303. Differences within rounding (see
tolerance.py) are ``info``, as in identities.py.
"""

from __future__ import annotations

from decimal import Decimal

from generator.checks.evidence import cell_evidence
from generator.checks.registry import rule
from generator.checks.tables.rows import basic_parts, class_sum, coded_blocks
from generator.checks.tables.sums import check_sum, loc_evidence, pair_finding, tname
from generator.checks.tables.view import Located, all_series, row_series, tables_with
from generator.model import Document


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
            vehicles = ["vehicle_purchase", "vehicle_operation"]
            items = ["vehicle_total"] if "vehicle_total" in s else vehicles
            for total, parts, what in (
                (
                    "three_public_total",
                    ["overseas_travel", *items, "official_reception"],
                    "“三公”经费合计",
                ),
                ("vehicle_total", vehicles, "公务用车购置及运行费"),
            ):
                f = check_sum("identities.three_public_sum", doc, table, s, total, parts, what)
                if f:
                    yield f


SUMMARY_TABLES = ("income_expenditure_summary", "fiscal_summary")


def _summary_series(doc: Document):
    """Each summary table with its named totals (收入总计, 本年支出合计, 结转 …)."""
    for table in tables_with(doc.tables, SUMMARY_TABLES):
        yield table, row_series(table).get("0", {})


@rule(
    "identities.income_equals_expenditure",
    title_zh="收入总计 = 支出总计",
    title_en="Total income = total expenditure",
    explanation_zh="收支总表和财政拨款收支总表的收入总计应等于支出总计（含结转结余）；没有总计行时比较本年收入合计与本年支出合计加结转。",
    explanation_en="In the summary and fiscal summary tables, total income must equal total expenditure (including carry-over); without total rows, current-year income plus brought-forward must equal current-year expenditure plus carried-forward.",
    severity="error",
)
def income_equals_expenditure(doc: Document):
    for table, s in _summary_series(doc):
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
    for table, s in _summary_series(doc):
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
    for table in tables_with(doc.tables, BASIC_TABLES):
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
    for table in tables_with(doc.tables, BASIC_TABLES):
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
