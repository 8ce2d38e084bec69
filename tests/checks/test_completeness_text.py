"""Completeness and text-defect rules: one case where each fires, one where it must not."""

from __future__ import annotations

from generator.checks import run_checks
from generator.checks.rules.completeness import REQUIRED, completeness_score
from generator.model import TocEntry
from tests.factory import rule_document as document
from tests.factory import rules_fired, table


def standard(tid: str, values: bool = True, **kw):
    rows = [["合计", "10.00" if values else ""]]
    return table(["项目", "金额"], rows, id=tid, title=f"{tid}表", **kw)


def test_toc_entry_without_table():
    toc = [
        TocEntry("一、部门收支总体情况表", 18, "income_expenditure_summary", False),
        TocEntry("三、部门支出总体情况表", 20, "expenditure", True),
    ]
    got = rules_fired(run_checks([document(toc=toc)]), "completeness.toc_table_missing")
    assert len(got) == 1 and got[0].evidence[0].source.line == 18


def test_required_tables_budget_and_final():
    all8 = [standard(t, line=100 + 10 * i) for i, t in enumerate(REQUIRED["budget"])]
    doc = document(*all8)
    assert not rules_fired(run_checks([doc]), "completeness.required_tables")
    assert completeness_score(doc) == 1.0
    doc7 = document(*all8[:-1])
    got = rules_fired(run_checks([doc7]), "completeness.required_tables")
    assert len(got) == 1 and "政府性基金" in got[0].message
    assert completeness_score(doc7) == 7 / 8
    final = document(*all8, kind="final")
    assert [
        f.message for f in rules_fired(run_checks([final]), "completeness.required_tables")
    ] == ["部门决算应公开的《国有资本经营预算财政拨款支出决算表（公开09表）》在文件中没有找到。"]
    perf = document(kind="performance")
    assert not rules_fired(run_checks([perf]), "completeness.required_tables")
    assert completeness_score(perf) is None


def test_empty_table_needs_statement():
    silent = standard("government_fund", values=False)
    got = rules_fired(run_checks([document(silent)]), "completeness.empty_table_statement")
    assert [f.severity for f in got] == ["warning"]
    stated = standard(
        "government_fund",
        values=False,
        empty_statement="我单位没有政府性基金安排的支出预算，故本表无数据",
    )
    assert not rules_fired(run_checks([document(stated)]), "completeness.empty_table_statement")
    lying = standard("government_fund", values=True, empty_statement="本表无数据")
    assert [
        f.severity
        for f in rules_fired(run_checks([document(lying)]), "completeness.empty_table_statement")
    ] == ["error"]


def test_template_residue_and_missing_reason():
    lines = [
        "资本性支出94,651元，较2019年度决算数增加减少5,149元，降低5.16%。",
        "一般公共预算支出比上年下降（增长）3.2%，主要原因是：。",
    ]
    got = rules_fired(run_checks([document(lines=lines, kind="final")]), "text.template_residue")
    assert len(got) == 3
    clean = ["资本性支出94,651元，较2019年度决算数减少5,149元，降低5.16%，主要原因是设备购置减少。"]
    assert not rules_fired(
        run_checks([document(lines=clean, kind="final")]), "text.template_residue"
    )


def test_placeholder_and_share_without_percent():
    lines = [
        "本年度“三公”经费XX万元。",
        "基本支出797.18万元，占3.42；项目支出22480.92万元，占96.58%。",
    ]
    found = run_checks([document(lines=lines)])
    assert len(rules_fired(found, "text.placeholder")) == 1
    got = rules_fired(found, "text.share_without_percent")
    assert len(got) == 1 and "3.42" in got[0].message
    fine = ["基本支出797.18万元，占3.42%；共有车辆2辆，占用房屋120平方米。"]
    found = run_checks([document(lines=fine)])
    assert not rules_fired(found, "text.share_without_percent") and not rules_fired(
        found, "text.placeholder"
    )


def test_impossible_percentage_head_count():
    lines = [
        "数量指标",
        "参保人数",
        "城乡居民参保人数",
        "348000%",
        "工作方案",
        "质量指标",
        "城乡居民参保覆盖率",
        "≥97%",
    ]
    got = rules_fired(run_checks([document(lines=lines, year=2021)]), "text.impossible_percentage")
    assert len(got) == 1 and got[0].severity == "error" and got[0].evidence[0].source.line == 4
    growth = [
        "支出决算为3,470,158.34元，完成年初预算的181.62%。",
        "比上年增加2,903,896.56元，增长207.99%。",
    ]
    assert not rules_fired(
        run_checks([document(lines=growth, kind="final")]), "text.impossible_percentage"
    )


def test_cost_target_off_by_power_of_ten():
    cols = [
        "单位编码(项目编码)",
        "项目单位(项目名称)",
        "项目金额(万元)/资金总额",
        "绩效目标/成本指标/三级指标",
        "绩效目标/成本指标/指标值",
    ]
    t = table(
        cols,
        [
            ["41052624000000006004", "2024 年离休干部医疗费", "250.00", "项目总成本", "≤250000 元"],
            [
                "41052624000000006010",
                "城乡居民医保县财政补助",
                "8,321.40",
                "项目总成本",
                "≤83214000元",
            ],
        ],
        id="project_performance",
        title="2024 年部门预算项目绩效目标汇总表",
        label_col=None,
    )
    got = rules_fired(run_checks([document(t)]), "text.unit_magnitude")
    assert len(got) == 1 and "离休干部" in got[0].message and "10倍" in got[0].message


def test_wrong_year_and_outdated_name():
    lines = [
        "2020年收入总计7119.13万元，支出总计7119.13万元。",
        "与2020年相比，收入总计增加了486.6万元，增长6.69%。",
        "医疗卫生与计划生育（类）支出5860.7万元。",
    ]
    found = run_checks([document(lines=lines, year=2021)])
    assert len(rules_fired(found, "text.wrong_year")) == 1  # the sentence that names the year
    assert len(rules_fired(found, "text.outdated_class_name", "info")) == 1
    old = run_checks([document(lines=lines[1:], year=2017)])
    assert not rules_fired(old, "text.wrong_year") and not rules_fired(
        old, "text.outdated_class_name"
    )


def test_missing_unit_on_a_change():
    lines = ["其中: 基本支出  553.99万元，较上年增加46.55，主要原因为人员增加。"]
    got = rules_fired(run_checks([document(lines=lines, year=2021)]), "text.missing_unit")
    assert len(got) == 1 and "46.55" in got[0].message
    fine = ["基本支出553.99万元，较上年增加46.55万元；支出增加 2,903,896.56 元，增长 207.99%。"]
    assert not rules_fired(run_checks([document(lines=fine)]), "text.missing_unit")
