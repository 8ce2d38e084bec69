"""Cross-table and cross-document rules, and the documentation contract of RULES."""

from __future__ import annotations

import re

from generator.checks import RULES, run_checks
from generator.checks.registry import REGISTRY
from tests.factory import cell, rules_fired, table
from tests.factory import rule_document as document


def summary(total="100.00", gpb="100.00", line=100):
    return table(
        ["收入/项目", "收入/金额", "支出/项目", "支出/金额"],
        [
            ["一、一般公共预算", gpb, "八、社会保障和就业", total],
            ["本年收入合计", total, "本年支出合计", total],
            ["收入总计", total, "支出总计", total],
        ],
        id="income_expenditure_summary",
        title="部门收支总体情况表",
        line=line,
    )


def spending(tid, total, basic, project, line):
    return table(
        ["科目名称", "合计", "基本支出/小计", "项目支出/小计"],
        [["合计", total, basic, project]],
        id=tid,
        title=f"{tid}表",
        line=line,
    )


def test_same_figure_in_summary_and_spending_table():
    ok = document(summary(), spending("expenditure", "100.00", "40.00", "60.00", 200))
    assert not rules_fired(run_checks([ok]), "cross_table.same_figure")
    bad = document(summary(), spending("expenditure", "110.00", "50.00", "60.00", 200))
    got = rules_fired(run_checks([bad]), "cross_table.same_figure", "error")
    assert len(got) == 1 and {e.source.line for e in got[0].evidence} == {103, 202}


def test_general_budget_table_may_differ_when_other_money_exists():
    # 政府性基金 income: the 一般公共预算支出表 legitimately shows less than the 支出表.
    docs = document(
        summary(gpb="90.00"),
        spending("expenditure", "100.00", "40.00", "60.00", 200),
        spending("general_budget_expenditure", "90.00", "40.00", "50.00", 300),
    )
    assert not rules_fired(run_checks([docs]), "cross_table.same_figure")
    only = document(
        summary(),
        spending("expenditure", "100.00", "40.00", "60.00", 200),
        spending("general_budget_expenditure", "90.00", "40.00", "50.00", 300),
    )
    assert rules_fired(run_checks([only]), "cross_table.same_figure", "error")


def test_personnel_rounding_001():
    cols = [
        "科目名称",
        "合计",
        "基本支出/小计",
        "基本支出/人员经费/工资福利支出",
        "基本支出/人员经费/对个人和家庭的补助",
        "基本支出/公用经费/商品和服务支出",
        "项目支出/小计",
    ]
    gbe = table(
        cols,
        [["合计", "23,278.10", "797.18", "735.44", "3.10", "58.63", "22,480.92"]],
        id="general_budget_expenditure",
        title="2024年一般公共预算支出情况表",
        line=200,
    )
    basic = table(
        ["科目编码", "科目名称", "合计", "人员经费", "公用经费"],
        [["合计", "", "797.18", "738.55", "58.63"]],
        id="general_budget_basic",
        title="2024 年一般公共预算基本支出表",
        line=300,
    )
    got = rules_fired(
        run_checks([document(gbe, basic)]), "cross_table.personnel_matches_economic_columns"
    )
    assert [(f.severity, f.status) for f in got] == [("info", "rounding")]
    assert "735.44 + 3.10" in got[0].message and "738.55" in got[0].message
    basic.rows[0].cells[3].text, basic.rows[0].cells[3].value = (
        "748.55",
        basic.rows[0].cells[3].value + 10,
    )
    got = rules_fired(
        run_checks([document(gbe, basic)]), "cross_table.personnel_matches_economic_columns"
    )
    assert [f.severity for f in got] == ["error"]


CHANGE = "2024 年收入总计 23278.10 万元，支出总计 23278.10 万元，与 2023 年相比，收、支总计各增加 6683.89 万元，增长 40.28%。"


def test_previous_year_document():
    this = document(lines=[CHANGE], year=2024, source="b2024.txt")
    alone = rules_fired(run_checks([this]), "cross_document.previous_year")
    assert [(f.severity, f.status) for f in alone] == [("info", "not_checked")]
    last = document(summary(total="16594.21", gpb="16594.21"), year=2023, source="b2023.txt")
    assert not rules_fired(run_checks([this, last]), "cross_document.previous_year")
    wrong = document(summary(total="17594.21", gpb="17594.21"), year=2023, source="b2023.txt")
    got = rules_fired(run_checks([this, wrong]), "cross_document.previous_year", "error")
    assert got and got[0].other_documents == ["b2023.txt"]
    other_dept = document(
        summary(total="17594.21", gpb="17594.21"), year=2023, source="x.txt", department="别的局"
    )
    assert (
        rules_fired(run_checks([this, other_dept]), "cross_document.previous_year")[0].status
        == "not_checked"
    )


def test_previous_year_narrative_when_its_tables_are_missing():
    # last year's document prints no summary table: its narrative figure is compared instead
    this = document(lines=[CHANGE], year=2024, source="b2024.txt")
    said = "2023 年收入总计 16594.21 万元，支出总计 16594.21 万元。"
    last = document(lines=[said], year=2023, source="b2023.txt")
    assert not rules_fired(run_checks([this, last]), "cross_document.previous_year", "error")
    wrong = document(lines=[said.replace("16594.21", "17594.21")], year=2023, source="b2023.txt")
    got = rules_fired(run_checks([this, wrong]), "cross_document.previous_year", "error")
    assert got and {e.source.line for e in got[0].evidence} == {1}
    assert "17594.21" in got[0].message


FINAL = [
    "2020年度一般公共预算财政拨款支出年初预算为1,910,630.99元，支出决算为3,470,158.34元，完成年初预算的181.62%。"
    "决算数大于预算数的主要原因：我单位于2019年4月份运行。"
]


def test_final_against_budget():
    final = document(
        spending("general_budget_expenditure", "3470158.34", "1420085.06", "2050073.28", 200),
        lines=FINAL,
        kind="final",
        year=2020,
        source="f.txt",
        units=["元"],
    )
    final.tables[0].unit = "元"
    alone = rules_fired(run_checks([final]), "cross_document.final_vs_budget")
    assert [f.status for f in alone] == ["not_checked"]
    budget = document(
        spending("general_budget_expenditure", "191.06", "120.00", "71.06", 200),
        year=2020,
        source="b.txt",
    )
    got = rules_fired(run_checks([final, budget]), "cross_document.final_vs_budget")
    assert not [f for f in got if f.severity == "error"]
    assert any(
        "我单位于2019年4月份运行" in f.message for f in got
    )  # execution with the stated reason
    wrong = document(
        spending("general_budget_expenditure", "200.00", "120.00", "80.00", 200),
        year=2020,
        source="b.txt",
    )
    assert rules_fired(run_checks([final, wrong]), "cross_document.final_vs_budget", "error")


def test_every_rule_is_documented():
    assert len(RULES) >= 20
    families = {r.family for r in RULES}
    assert families == {
        "identities",
        "cross_table",
        "narrative",
        "completeness",
        "text",
        "cross_document",
    }
    for r in RULES:
        assert re.fullmatch(r"[a-z_]+\.[a-z_0-9]+", r.id)
        assert r.id.split(".")[0] == r.family
        for text in (r.title_zh, r.explanation_zh):
            assert re.search(r"[\u4e00-\u9fff]", text), r.id
        for text in (r.title_en, r.explanation_en):
            assert re.search(r"[A-Za-z]{3}", text), r.id
        assert len(r.explanation_zh) >= 20 and len(r.explanation_en) >= 40, r.id


def test_findings_only_name_registered_rules():
    lines = ["基本支出1420085.06万元。", "增加（减少）", CHANGE]
    for f in run_checks([document(lines=lines)]):
        assert f.rule in REGISTRY


def test_class_totals_summary_against_spending_table():
    left = table(
        ["收入/项目", "收入/金额", "支出/项目", "支出/金额"],
        [
            ["一、一般公共预算", "100.00", "八、社会保障和就业", "30.00"],
            ["", "", "十、卫生健康", "70.00"],
        ],
        id="income_expenditure_summary",
        title="部门收支总体情况表",
    )
    right = table(
        ["科目编码", "科目名称", "合计", "基本支出/小计", "项目支出/小计"],
        [
            ["2080109", "社会保险经办机构", "30.00", "30.00", ""],
            ["2101101", "行政单位医疗", "20.00", "20.00", ""],
            ["2101301", "城乡医疗救助", "50.00", "", "50.00"],
        ],
        id="expenditure",
        title="部门支出总体情况表",
        code_col=0,
        label_col=1,
        line=200,
    )
    assert not rules_fired(run_checks([document(left, right)]), "cross_table.class_totals")
    right.rows[2].cells[2] = cell("55.00", right.rows[2].line)
    got = rules_fired(run_checks([document(left, right)]), "cross_table.class_totals", "error")
    assert len(got) == 1 and "210" in got[0].message
    assert {e.source.line for e in got[0].evidence} == {103, 203, 204}


def test_budget_appropriations_match_spending_tables():
    fiscal = table(
        ["收入/项目", "收入/金额", "支出/项目", "支出/合计"],
        [
            ["一般公共预算收入", "7,117.1", "支出合计", "7,672.7"],
            ["政府性基金收入", "555.6", "", ""],
        ],
        id="fiscal_summary",
        title="财政拨款收支总体情况表",
    )
    gbe = spending("general_budget_expenditure", "7,117.1", "3,107.2", "4,009.9", 200)
    fund = spending("government_fund", "555.6", "", "555.6", 300)
    assert not rules_fired(
        run_checks([document(fiscal, gbe, fund, year=2021)]), "cross_table.same_figure"
    )
    fund.rows[0].cells[1] = cell("545.6", fund.rows[0].line)
    got = rules_fired(
        run_checks([document(fiscal, gbe, fund, year=2021)]), "cross_table.same_figure", "error"
    )
    assert len(got) == 1 and "545.6" in got[0].message
    final = run_checks([document(fiscal, gbe, fund, kind="final", year=2021)])
    assert not rules_fired(final, "cross_table.same_figure")  # final accounts carry balances over


def test_a_broken_rule_is_reported_not_raised(monkeypatch):
    from generator.checks.registry import Registered

    def boom(doc):
        raise KeyError("x")

    doc = REGISTRY["text.placeholder"].doc
    monkeypatch.setitem(
        REGISTRY, "text.placeholder", Registered(doc=doc, func=boom, scope="document")
    )
    got = rules_fired(run_checks([document(lines=["XX万元"])]), "text.placeholder")
    assert [(f.severity, f.status) for f in got] == [("info", "not_checked")]
