"""Narrative rules against hand-built documents: each fires once and stays silent when right."""

from __future__ import annotations

from generator.checks import run_checks
from tests.factory import rule_document as document
from tests.factory import rules_fired, table


def basic_table(total="1420085.06", personnel="1292095.92", public="127989.14"):
    return table(
        ["科目编码", "科目名称", "金额"],
        [["", "人员经费合计", personnel], ["", "公用经费合计", public], ["", "合计", total]],
        id="general_budget_basic",
        title="一般公共预算财政拨款基本支出决算表",
        unit="元",
        label_col=1,
    )


def test_basic_expenditure_narrative_contradicts_table_004():
    lines = [
        "六、一般公共预算财政拨款基本支出决算情况说明",
        "2020年度一般公共预算财政拨款基本支出3,470,158.34元，其中：人员经费，1,292,095.92元，公用经费127,989.14元。",
    ]
    found = run_checks(
        [document(basic_table(), lines=lines, kind="final", year=2020, units=["元"])]
    )
    err = rules_fired(found, "narrative.amount_matches_table", "error")
    assert len(err) == 1
    assert {e.source.line for e in err[0].evidence} == {
        2,
        104,
    }  # the narrative line and the table's 合计 row
    assert "3,470,158.34" in err[0].message and "1420085.06" in err[0].message


def test_narrative_rounding_to_wan_is_not_a_finding():
    lines = ["基本支出142.01万元，其中：人员经费129.21万元，公用经费12.80万元。"]
    found = run_checks([document(basic_table(), lines=lines, kind="final", year=2020)])
    assert not rules_fired(found, "narrative.amount_matches_table")


def test_narrative_yuan_for_wan_is_a_unit_error():
    lines = ["基本支出1420085.06万元。"]
    found = run_checks([document(basic_table(), lines=lines, kind="final", year=2020)])
    assert rules_fired(found, "text.unit_magnitude", "error")
    assert not rules_fired(found, "narrative.amount_matches_table", "error")


def summary():
    return table(
        ["收入/项目", "收入/金额", "支出/项目", "支出/金额"],
        [
            ["本年收入合计", "4300085.06", "本年支出合计", "3470158.34"],
            ["年初结转和结余", "7059.5", "年末结转和结余", "836986.22"],
            ["总计", "4307144.56", "总计", "4307144.56"],
        ],
        id="income_expenditure_summary",
        title="收入支出决算总表",
        unit="元",
    )


def test_total_called_for_current_year_is_a_wording_warning():
    lines = ["2020 年度财政拨款收入总计 4,300,085.06 元，支出总计 3,470,158.34 元。"]
    found = run_checks([document(summary(), lines=lines, kind="final", year=2020)])
    got = rules_fired(found, "narrative.amount_matches_table")
    assert got and all(f.severity == "warning" for f in got)


def test_share_recomputed():
    good = [
        "2024 年支出合计 23278.10 万元，其中：基本支出 797.18 万元，占 3.42%；项目支出 22480.92 万元，占 96.58%。"
    ]
    assert not rules_fired(run_checks([document(lines=good)]), "narrative.share_recomputed")
    bad = [
        "2024 年支出合计 23278.10 万元，其中：基本支出 797.18 万元，占 13.42%；项目支出 22480.92 万元，占 96.58%。"
    ]
    err = rules_fired(run_checks([document(lines=bad)]), "narrative.share_recomputed", "error")
    assert len([f for f in err if "应为3.42%" in f.message]) == 1
    assert len([f for f in err if "超过100%" in f.message]) == 1


def test_share_forced_to_hundred_is_rounding():
    text = [
        "一般公共预算支出年初预算为7117.1万元。主要用于以下方面：社会保障和就业（类）支出1200.4万元，占16.87%；卫生健康（类）支出5860.7万元，占82.35%；住房保障（类）支出56.0万元，占0.78%。"
    ]
    got = rules_fired(run_checks([document(lines=text, year=2021)]), "narrative.share_recomputed")
    assert [(f.severity, f.status) for f in got] == [("info", "rounding")]


def test_change_amount_and_percent_must_agree():
    ok = [
        "2024 年收入总计 23278.10 万元，支出总计 23278.10 万元，与 2023 年相比，收、支总计各增加 6683.89 万元，增长 40.28%。"
    ]
    assert not rules_fired(run_checks([document(lines=ok)]), "narrative.change_consistent")
    bad = [ok[0].replace("40.28%", "30.28%")]
    assert rules_fired(run_checks([document(lines=bad)]), "narrative.change_consistent", "error")


def test_change_words_contradict():
    text = ["机关运行经费支出127,989.14元，比2019年度增加7,180.86元，下降5.31%。"]
    assert rules_fired(run_checks([document(lines=text)]), "narrative.change_consistent", "error")


def test_change_from_zero_is_unverifiable_info():
    text = ["公务接待费0.3万元，比2020年增加0.3万元，增加100%。"]
    got = rules_fired(run_checks([document(lines=text)]), "narrative.change_consistent")
    assert [(f.severity, f.status) for f in got] == [("info", "unverifiable")]


def test_balanced_changes_002():
    text = [
        "医疗保障局2021年收入总计7764.9万元，支出总计7764.9万元，与2020年相比，收入总计增加了486.6万元，增长6.69%；支出总计增加447.7万元，增长6.12%。"
    ]
    got = rules_fired(
        run_checks([document(lines=text, year=2021)]), "narrative.balanced_changes", "error"
    )
    assert len(got) == 1
    same = [text[0].replace("增加447.7万元，增长6.12%", "增加486.6万元，增长6.69%")]
    assert not rules_fired(
        run_checks([document(lines=same, year=2021)]), "narrative.balanced_changes"
    )


def test_completion_rate_and_growth_rate_are_not_confused():
    text = [
        "一般公共预算财政拨款支出3,470,158.34元。与 2019 年度相比，一般公共预算财政拨款支出增加 2,081,029.34 元，增长 149.81%。",
        "2020年度一般公共预算财政拨款支出年初预算为1,910,630.99元，支出决算为3,470,158.34元，完成年初预算的181.62%。决算数大于预算数的主要原因：新机构。",
    ]
    found = run_checks([document(lines=text, kind="final", year=2020)])
    assert not rules_fired(found, "narrative.completion_rate")
    assert not rules_fired(found, "narrative.change_consistent")
    wrong = [text[0], text[1].replace("181.62%", "150.00%")]
    assert rules_fired(
        run_checks([document(lines=wrong, kind="final", year=2020)]),
        "narrative.completion_rate",
        "error",
    )
    words = [text[0], text[1].replace("大于", "小于")]
    assert rules_fired(
        run_checks([document(lines=words, kind="final", year=2020)]),
        "narrative.completion_rate",
        "error",
    )


def test_parts_cannot_exceed_their_total():
    ok = [
        "基本支出  553.99万元",
        "其中：人员经费524.92万元",
        "公用经费29.07万元",
        "项目支出  6565.14万元",
        "其中：本级支出6565.14万元",
    ]
    assert not rules_fired(
        run_checks([document(lines=ok, year=2021)]), "narrative.parts_exceed_total"
    )
    bad = ["基本支出553.99万元，其中：人员经费624.92万元，公用经费29.07万元。"]
    got = rules_fired(
        run_checks([document(lines=bad, year=2021)]), "narrative.parts_exceed_total", "error"
    )
    assert len(got) == 1 and len(got[0].evidence) == 3


def test_increase_with_a_negative_number_is_contradictory():
    text = ["公务用车运行经费6万元，比上年增加-1.5万元。"]
    got = rules_fired(run_checks([document(lines=text)]), "narrative.change_consistent", "error")
    assert len(got) == 1 and "-1.5" in got[0].message
    table_cell = ["增减金额为-1.5万元。"]
    assert not rules_fired(run_checks([document(lines=table_cell)]), "narrative.change_consistent")


def test_another_years_figure_is_not_compared_with_this_years_table():
    lines = [
        "2019年度一般公共预算财政拨款基本支出900,000.00元。",
        "2020年度基本支出1,420,085.06元。",
    ]
    found = run_checks([document(basic_table(), lines=lines, kind="final", year=2020)])
    assert not rules_fired(found, "narrative.amount_matches_table")


def test_shares_of_one_whole_cannot_exceed_hundred():
    ok = [
        "支出合计 100.00 万元，其中：基本支出 40.00 万元，占 40.00%；项目支出 60.00 万元，占 60.00%。"
    ]
    assert not rules_fired(run_checks([document(lines=ok)]), "narrative.share_recomputed")
    bad = [
        "支出合计 100.00 万元，其中：基本支出 40.00 万元，占 40.00%；项目支出 60.00 万元，占 70.00%。"
    ]
    got = rules_fired(run_checks([document(lines=bad)]), "narrative.share_recomputed", "error")
    assert any("110.00%" in f.message for f in got)
