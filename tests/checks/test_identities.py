"""Identity rules: each fires on a broken table and stays silent (or says rounding) otherwise."""

from __future__ import annotations

from generator.checks import run_checks
from tests.factory import cell, rules_fired, table
from tests.factory import rule_document as document

SPEND_COLS = ["类", "款", "项", "科目名称", "合计", "基本支出", "项目支出"]


def spending(rows, **kw):
    return table(
        SPEND_COLS, rows, id="expenditure", title="支出决算表", code_col=None, label_col=3, **kw
    )


def coded(rows, **kw):
    t = table(
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        rows,
        code_col=0,
        label_col=1,
        **kw,
    )
    return t


def test_code_hierarchy_fires_when_section_differs_from_items():
    t = coded(
        [
            ["合计", "", "3470158.34", "1420085.06", "2050073.28"],
            ["210", "卫生健康支出", "3320099.84", "1308016.96", "2012082.88"],
            ["21015", "医疗保障管理事务", "1234620.63", "0.00", "2012082.88"],
            ["2101501", "行政运行", "1234620.63", "0.00", "0.00"],
            ["2101504", "信息化建设", "1818019.76", "0.00", "1818019.76"],
            ["2101505", "医疗保障政策管理", "148063.12", "0.00", "148063.12"],
            ["21011", "行政事业单位医疗", "73396.33", "73396.33", "0.00"],
        ],
        id="general_budget_expenditure",
        title="一般公共预算财政拨款支出决算表",
        unit="元",
    )
    found = rules_fired(
        run_checks([document(t, kind="final")]), "identities.code_hierarchy", "error"
    )
    assert any("21015" in f.message and "1234620.63" in f.message for f in found), [
        f.message for f in found
    ]
    # every figure involved is evidence with its line
    f = next(f for f in found if "21015" in f.message)
    assert {e.source.line for e in f.evidence} >= {104, 105, 106, 107}


def test_code_hierarchy_silent_when_consistent():
    t = coded(
        [
            ["210", "卫生健康支出", "3320099.84", "1308016.96", "2012082.88"],
            ["21011", "行政事业单位医疗", "73396.33", "73396.33", "0.00"],
            ["21015", "医疗保障管理事务", "3246703.51", "1234620.63", "2012082.88"],
        ],
        unit="元",
    )
    assert not rules_fired(run_checks([document(t)]), "identities.code_hierarchy")


def test_total_equals_items_rounding_is_info():
    # 12 items printed to 0.01 may miss their total by 0.01 through rounding alone.
    rows = [["合计", "", "22480.92", "", "22480.92"]]
    rows += [[f"2101{i:03d}", f"项目{i}", "1873.41", "", "1873.41"] for i in range(11)]
    rows += [["2101599", "项目末", "1873.42", "", "1873.42"]]
    t = coded(rows)
    found = rules_fired(run_checks([document(t)]), "identities.total_equals_items")
    assert found and all(f.severity == "info" and f.status == "rounding" for f in found)


def test_total_equals_items_fires_on_real_gap():
    t = coded(
        [
            ["合计", "", "100.00", "60.00", "40.00"],
            ["208", "社会保障和就业", "50.00", "30.00", "20.00"],
            ["210", "卫生健康", "40.00", "30.00", "10.00"],
        ]
    )
    found = rules_fired(run_checks([document(t)]), "identities.total_equals_items", "error")
    assert len(found) == 2  # 合计 and 项目支出 columns; 基本支出 adds up
    assert found[0].difference is not None and abs(found[0].difference) == 10


def test_row_equals_columns_fires_and_rounds():
    t = spending(
        [
            ["", "", "", "合计", "3470158.34", "1420085.06", "2050073.28"],
            ["210", "15", "", "医疗保障管理事务", "1234620.63", "0.00", "2012082.88"],
        ],
        unit="元",
    )
    found = rules_fired(run_checks([document(t, kind="final")]), "identities.row_equals_columns")
    assert [f.severity for f in found] == ["error"]
    assert "医疗保障管理事务" in found[0].message


def test_row_equals_columns_basic_parts_rounding_001():
    # 滑县 2024: 735.44 + 3.10 + 58.63 = 797.17 against 797.18 printed: rounding.
    cols = [
        "合计",
        "基本支出/小计",
        "基本支出/工资福利支出",
        "基本支出/对个人和家庭的补助",
        "基本支出/商品和服务支出",
        "项目支出/小计",
        "项目支出/特定目标类",
    ]
    t = table(
        cols,
        [["23,278.10", "797.18", "735.44", "3.10", "58.63", "22,480.92", "22,480.92"]],
        id="expenditure",
        title="部门支出总体情况表",
        label_col=None,
    )
    found = rules_fired(run_checks([document(t)]), "identities.row_equals_columns")
    assert [(f.severity, f.status) for f in found] == [("info", "rounding")]


def test_row_equals_columns_unknown_column_is_unverifiable():
    # Jiangsu budgets: 支出 = 基本 + 项目 + 单位预留机动经费; not an error.
    cols = ["科目名称", "合计", "基本支出", "项目支出", "单位预留机动经费"]
    t = table(
        cols,
        [["合计", "10,500.00", "6,000.00", "4,000.00", "500.00"]],
        id="expenditure",
        title="一般公共预算支出表",
    )
    found = rules_fired(run_checks([document(t)]), "identities.row_equals_columns")
    assert found and all(f.severity == "info" and f.status == "unverifiable" for f in found)
    assert "无法核实" in found[0].message


def test_three_public_row_wise_with_three_columns():
    t = table(
        ["项目名称", "2020年度预算", "2021年度预算", "增减金额", "变化原因"],
        [
            ["因公出国经费", "0", "0", "0", "无增减变化"],
            ["公务用车购置经费", "0", "0", "0", "无增减变化"],
            ["公务用车运行经费", "7.5", "6", "-1.5", "压减"],
            ["公务接待费支出", "0", "0.57", "0.57", "调整"],
            ["合计", "7.5", "6.57", "-0.93", "调整"],
        ],
        id="three_public",
        title="“三公”经费预算情况及增减变化原因",
    )
    assert not rules_fired(run_checks([document(t)]), "identities.three_public_sum")
    t.rows[4].cells[2] = cell("7.57", t.rows[4].line)
    found = rules_fired(run_checks([document(t)]), "identities.three_public_sum", "error")
    assert len(found) == 1 and "7.57" in found[0].message and "6.57" in found[0].message


def test_three_public_column_wise_two_blocks():
    cols = [
        "合计",
        "因公出国（境）费",
        "公务用车购置及运行费/小计",
        "公务用车购置费",
        "公务用车运行费",
        "公务接待费",
    ] * 2
    t = table(
        cols,
        [["9.20", "", "7.20", "", "7.20", "2.00", "9.00", "0", "7.20", "0", "7.20", "2.00"]],
        id="three_public",
        title="“三公”经费支出决算表",
        label_col=None,
    )
    found = rules_fired(
        run_checks([document(t, kind="final")]), "identities.three_public_sum", "error"
    )
    assert len(found) == 1 and "9.00" in found[0].message


def summary(rows, **kw):
    return table(
        ["项目", "金额", "项目", "金额"],
        rows,
        id="income_expenditure_summary",
        title="收入支出决算总表",
        **kw,
    )


def test_carryover_and_balance_hold_for_004():
    t = summary(
        [
            ["本年收入合计", "4300085.06", "本年支出合计", "3470158.34"],
            ["年初结转和结余", "7059.5", "年末结转和结余", "836986.22"],
            ["总计", "4307144.56", "总计", "4307144.56"],
        ],
        unit="元",
    )
    found = run_checks([document(t, kind="final")])
    assert not rules_fired(found, "identities.carryover")
    assert not rules_fired(found, "identities.income_equals_expenditure")


def test_carryover_fires():
    t = summary(
        [
            ["本年收入合计", "4300085.06", "本年支出合计", "3470158.34"],
            ["年初结转和结余", "7059.5", "年末结转和结余", "836986.22"],
            ["收入总计", "4307144.56", "支出总计", "4307244.56"],
        ],
        unit="元",
    )
    found = run_checks([document(t, kind="final")])
    assert rules_fired(found, "identities.carryover", "error")
    assert rules_fired(found, "identities.income_equals_expenditure", "error")


def basic_table(rows):
    return table(
        ["科目编码", "科目名称", "金额"],
        rows,
        id="general_budget_basic",
        title="一般公共预算财政拨款基本支出决算表",
        unit="元",
        code_col=0,
        label_col=1,
    )


def test_personnel_must_include_303_004():
    # 固原 2020: 人员经费合计 1,292,095.92 equals 301 alone; 303 (3,000.00) is left out.
    t = basic_table(
        [
            ["301", "工资福利支出", "1292095.92"],
            ["303", "对个人和家庭的补助", "3000.00"],
            ["302", "商品和服务支出", "127989.14"],
            ["", "人员经费合计", "1292095.92"],
            ["", "公用经费合计", "127989.14"],
            ["", "合计", "1420085.06"],
        ]
    )
    found = run_checks([document(t, kind="final")])
    err = rules_fired(found, "identities.personnel_301_303", "error")
    assert len(err) == 1 and "3,000.00" in err[0].message
    assert not rules_fired(found, "identities.basic_personnel_public")


def test_personnel_and_basic_split_hold():
    t = basic_table(
        [
            ["301", "工资福利支出", "1289095.92"],
            ["303", "对个人和家庭的补助", "3000.00"],
            ["302", "商品和服务支出", "127989.14"],
            ["", "人员经费合计", "1292095.92"],
            ["", "公用经费合计", "127989.14"],
            ["", "合计", "1420085.06"],
        ]
    )
    found = run_checks([document(t, kind="final")])
    assert not rules_fired(found, "identities.personnel_301_303")
    assert not rules_fired(found, "identities.basic_personnel_public")
    t.rows[5].cells[2] = cell("1420090.06", t.rows[5].line)
    assert rules_fired(
        run_checks([document(t, kind="final")]), "identities.basic_personnel_public", "error"
    )


def test_side_by_side_blocks_are_checked_per_block():
    # A PDF 基本支出决算表 keeps 人员经费 | 公用经费 as two blocks in one row.
    cols = ["经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"]
    rows = [
        ["301", "工资福利支出", "4816.14", "302", "商品和服务支出", "440.90"],
        ["30101", "基本工资", "4000.00", "30201", "办公费", "440.90"],
        ["30102", "津贴补贴", "816.14", "310", "资本性支出", "39.76"],
        ["303", "对个人和家庭的补助", "67.96", "31002", "办公设备购置", "39.76"],
        ["人员经费合计", "", "4884.10", "公用经费合计", "", "480.66"],
    ]
    t = table(
        cols,
        rows,
        id="general_budget_basic",
        title="一般公共预算财政拨款基本支出决算表",
        code_col=0,
        label_col=1,
    )
    found = run_checks([document(t, kind="final")])
    assert not rules_fired(found, "identities.code_hierarchy")
    assert not rules_fired(found, "identities.personnel_301_303")
    t.rows[1].cells[5] = cell("400.90", t.rows[1].line)
    got = rules_fired(run_checks([document(t, kind="final")]), "identities.code_hierarchy", "error")
    assert len(got) == 1 and "302" in got[0].message


def test_change_column_equals_difference_of_years():
    rows = [
        ["公务用车运行经费", "7.5", "6", "-1.5", "压减"],
        ["公务接待费支出", "0", "0.57", "0.57", "调整"],
        ["合计", "7.5", "6.57", "-0.93", "调整"],
    ]
    t = table(
        ["项目名称", "2020年度预算", "2021年度预算", "增减金额", "变化原因"],
        rows,
        id="three_public",
        title="“三公”经费预算情况及增减变化原因",
    )
    assert not rules_fired(run_checks([document(t, year=2021)]), "identities.change_column")
    t.rows[2].cells[3] = cell("-0.83", t.rows[2].line)
    got = rules_fired(run_checks([document(t, year=2021)]), "identities.change_column", "error")
    assert len(got) == 1 and "-0.83" in got[0].message
