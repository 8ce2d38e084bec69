from decimal import Decimal

from seedlines import seed_lines

from generator.model import Line
from generator.read.narrative import indicator_for, read_statements


def _stmts(key):
    return read_statements(f"seed{key}", seed_lines(key))


def _find(stmts, kind, line, raw_part):
    hits = [s for s in stmts if s.kind == kind and s.source.line == line and raw_part in s.raw]
    assert len(hits) == 1, (kind, line, raw_part, [(s.kind, s.source.line, s.raw) for s in stmts])
    return hits[0]


def test_sentence_wrapped_over_two_lines_seed_002():
    # line 56 "…2021年收入总计7764.9万元" / line 58 "，支出总计7764.9万元，…"
    st = _stmts("002")
    income = [s for s in st if s.subject == "收入总计" and s.kind == "amount"][0]
    spend = [s for s in st if s.subject == "支出总计" and s.kind == "amount"][0]
    assert (income.source.line, income.value, income.unit) == (56, Decimal("7764.9"), "万元")
    assert (spend.source.line, spend.indicator) == (58, "expenditure_total")
    assert income.indicator == "income_total"
    assert "支出总计7764.9万元" in income.sentence  # one sentence across the wrap


def test_change_with_percent_and_reason_seed_002():
    st = _stmts("002")
    ch = _find(st, "change", 70, "274.8")
    assert (ch.direction, ch.value, ch.percent) == ("increase", Decimal("274.8"), Decimal("4.02"))
    assert ch.subject == "一般公共预算收支预算"
    assert ch.reason.startswith("根据《中共济源产城融合示范区工作委员会")
    fund = _find(st, "change", 70, "119.6")
    assert fund.reason == "增加了对市属破产企业退休人员个人账户的预算"
    assert fund.percent == Decimal("27.43")


def test_share_belongs_to_the_amount_before_it_seed_001():
    st = _stmts("001")
    amount = _find(st, "amount", 93, "797.18")
    share = _find(st, "share", 93, "3.42")
    assert amount.subject == share.subject == "基本支出"
    assert amount.indicator == share.indicator == "basic_expenditure"
    assert share.value == Decimal("3.42") and share.unit == "%"


def test_amounts_in_yuan_are_converted_exactly_seed_004():
    st = _stmts("004")
    basic = _find(st, "amount", 379, "1,420,085.06")
    assert basic.value == Decimal("142.008506") and basic.unit == "元"
    assert basic.indicator == "basic_expenditure"
    # the contradicting narrative figure: 一般公共预算财政拨款基本支出3,470,158.34元 (line 397)
    contra = _find(st, "amount", 397, "3,470,158.34")
    assert contra.indicator == "basic_expenditure"
    assert contra.subject == "一般公共预算财政拨款基本支出"
    assert contra.value == Decimal("347.015834")


def test_rate_and_budget_period_seed_004():
    st = _stmts("004")
    rate = _find(st, "rate", 393, "181.62")
    assert rate.raw == "完成年初预算的181.62%" and rate.value == Decimal("181.62")
    assert rate.reason.startswith("我单位于2019年4月份运行")
    budget = _find(st, "amount", 393, "1,910,630.99")
    assert budget.period == "budget"
    share = _find(st, "share", 387, "100%")
    assert share.raw == "占本年支出合计的 100%"


def test_reason_in_the_next_sentence_and_unit_less_change_seed_000():
    st = _stmts("000")
    proj = _find(st, "change", 55, "12975.86")
    assert proj.subject == "项目支出" and proj.direction == "decrease"
    assert proj.reason.startswith("2021年城乡居民医疗保险基金市级统筹")
    # "较上年增加46.55" prints no unit: no statement invents one
    assert not any("46.55" in s.raw for s in st)
    total = _find(st, "amount", 48, "7119.13")
    assert total.indicator == "expenditure_total"


def test_previous_and_year_subjects_seed_000():
    st = _stmts("000")
    assets = _find(st, "amount", 597, "83.1")
    assert assets.period == "previous"  # 2020年末 in a 2021 budget


def test_changes_against_budget_and_last_year_seed_004():
    st = _stmts("004")
    a = _find(st, "change", 399, "170,021.08")
    b = _find(st, "change", 399, "389,460.42")
    assert a.subject == b.subject == "工资福利支出"
    assert (a.direction, a.percent) == ("decrease", Decimal("11.40"))
    assert a.reason == "本年度10月份我局退休1人"
    assert b.reason is None
    odd = _find(st, "change", 407, "5,149")
    assert odd.direction is None  # "增加减少": no direction is invented


def test_fund_totals_are_not_department_totals_seed_004():
    st = _stmts("004")
    at_417 = [s for s in st if s.source.line == 417]
    assert [s.subject for s in at_417] == [
        "政府性基金预算财政拨款本年收入",
        "本年支出",
        "年末结转和结余",
    ]
    # the fund's own income is the government_fund figure; its 本年支出 is not the department's
    assert [s.indicator for s in at_417] == ["government_fund", None, None]
    assert not any(s.source.line == 383 and s.indicator == "expenditure_total" for s in st)


def test_template_text_is_not_a_direction():
    lines = [Line(1, "2024年本部门支出合计100万元，比上年增加（减少）0万元，增长（下降）0%。")]
    st = read_statements("x", lines, year=2024, kind="budget")
    ch = [s for s in st if s.kind == "change"][0]
    assert ch.direction is None and "增加（减少）" in ch.raw


def test_toc_tables_and_glossary_are_skipped():
    for key in ("001", "002", "004"):
        st = _stmts(key)
        lines = {ln.number: ln.text for ln in seed_lines(key)}
        assert all("\t" not in lines[s.source.line] for s in st)
    st = _stmts("001")
    assert all(s.source.line < 159 for s in st)  # 名词解释 from 159, tables from 183


def test_thresholds_and_per_capita_are_not_amounts():
    lines = [Line(1, "单价50万元以上通用设备0台，人均补助为570元/人。")]
    assert read_statements("x", lines, year=2021, kind="budget") == []


def test_indicator_only_when_the_subject_is_the_indicator():
    assert indicator_for("一般公共预算财政拨款基本支出") == "basic_expenditure"
    assert indicator_for("部门支出安排预算总额") == "expenditure_total"
    assert indicator_for("财政拨款收入总计") is None
    assert indicator_for("一般公共预算支出") is None
    assert indicator_for("机关运行经费支出") == "organ_operating_expenses"
    # seed 004 lines 413 and 417
    assert indicator_for("“三公”经费一般公共预算财政拨款支出决算") == "three_public_total"
    assert indicator_for("政府性基金预算财政拨款本年收入") == "government_fund"
    assert indicator_for("一般公共预算财政拨款本年支出") is None


def test_bad_text_never_raises():
    st = read_statements("x", [Line(1, "\x00\ufffd%%%万元元"), Line(2, "9" * 500 + "万元")])
    assert [s.kind for s in st] == ["amount"] and st[0].source.line == 2


def test_pdf_table_rows_inside_a_grid_are_not_statements():
    from generator.read.blocks import Grid, GridCell, GridRow

    lines = [
        Line(1, "本年支出合计 9759.38 万元，其中：基本支出 5377.64 万元，", 20),
        Line(2, "占 55.10%；项目支出 4381.74 万元，占 44.90%。", 20),
        Line(3, "基本支出合计 5377.64 万元", 21),  # a table row printed without tabs
    ]
    grid = Grid(
        [GridRow([GridCell("基本支出合计", 3), GridCell("5377.64 万元", 3)], 3)],
        "pdf-table",
        3,
        3,
        21,
    )
    st = read_statements("x.pdf", lines, year=2024, kind="final", blocks=[lines[0], lines[1], grid])
    assert [(s.kind, s.subject, s.source.line) for s in st] == [
        ("amount", "本年支出合计", 1),
        ("amount", "基本支出", 1),
        ("share", "基本支出", 2),
        ("amount", "项目支出", 2),
        ("share", "项目支出", 2),
    ]
    assert st[0].source.page == 20


def test_subject_from_the_sentence_before_and_from_the_item_heading():
    lines = [
        Line(1, "（三）一般公共预算财政拨款支出决算具体情况"),
        Line(2, "1、社会保障和就业支出（类）行政事业单位养老支出（款）"),
        Line(3, "年初预算为 54.53 万元，支出决算为 54.53 万元，完成年初预算的100.00%。"),
        Line(
            4,
            "公共安全（类）支出 23513.11 万元，主要用于人员支出、日常公用支出。与上年相比增加 410.44 万元，增长 1.78%。",
        ),
    ]
    st = read_statements("x", lines, year=2024, kind="final")
    budget = st[0]
    assert (budget.subject, budget.period) == (
        "社会保障和就业支出（类）行政事业单位养老支出（款）",
        "budget",
    )
    rate = [s for s in st if s.kind == "rate"][0]
    assert rate.subject == budget.subject
    change = [s for s in st if s.kind == "change"][0]
    assert change.subject == "公共安全（类）支出" and change.percent == Decimal("1.78")


def test_thresholds_with_inclusive_marker_are_not_amounts():
    lines = [Line(1, "单价100万元（含）以上设备（不含车辆）0台（套）。")]
    assert read_statements("x", lines, year=2025, kind="budget") == []


def test_head_noun_after_de():
    assert indicator_for("财政拨款的机关运行经费") == "organ_operating_expenses"
    assert indicator_for("部门的收入总计") is None


def test_fund_budget_named_before_a_figure_seed_004():
    # L417 "2020年度政府性基金预算财政拨款本年收入0元，本年支出0元，年末结转和结余0元。":
    # that 本年支出 is the fund's, not the department's (its 本年支出合计 is 3,470,158.34 元)
    st = [s for s in _stmts("004") if s.source.line == 417 and s.kind == "amount"]
    assert [(s.subject, s.fund) for s in st] == [
        ("政府性基金预算财政拨款本年收入", "政府性基金"),
        ("本年支出", "政府性基金"),
        ("年末结转和结余", "政府性基金"),
    ]
    # L371 "2020 年度本年收入合计 4,300,085.06 元，支出合计 3,470,158.34 元。…": the department's
    assert _find(_stmts("004"), "amount", 371, "4,300,085.06").fund is None


def test_fund_is_only_what_comes_before_the_figure():
    lines = [Line(1, "本年支出合计100万元，其中政府性基金预算支出20万元。")]
    st = read_statements("t", lines, year=2024, kind="budget")
    assert [(s.raw, s.fund) for s in st] == [("100万元", None), ("20万元", "政府性基金")]


def test_completion_rate_keeps_the_words_that_compare_final_with_budget_seed_004():
    # L393 "…年初预算为1,910,630.99元，支出决算为3,470,158.34元，完成年初预算的181.62%。
    # 决算数大于预算数的主要原因：我单位于2019年4月份运行，…"
    rate = _find(_stmts("004"), "rate", 393, "181.62")
    assert rate.verdict == "决算数大于预算数的"
    assert rate.reason.startswith("我单位于2019年4月份运行")


def test_completion_rate_without_a_verdict():
    lines = [Line(1, "年初预算为100万元，决算为90万元，完成年初预算的90%。主要原因是项目延期。")]
    st = read_statements("t", lines, year=2024, kind="final")
    assert [(s.kind, s.period, s.verdict) for s in st] == [
        ("amount", "budget", None),
        ("amount", "current", None),
        ("rate", "current", None),
    ]


def test_year_a_clause_opens_with():
    lines = [Line(1, "2020年收入总计7119.13万元，支出总计7119.13万元。")]
    st = read_statements("t", lines, year=2021, kind="budget")
    assert [(s.subject, s.year) for s in st] == [("收入总计", 2020), ("支出总计", None)]


def test_share_keeps_the_whole_it_names_and_its_paragraph_seed_004():
    st = _stmts("004")
    # L387 "…一般公共预算财政拨款支出 3,470,158.34 元，占本年支出合计的 100%。"
    assert _find(st, "share", 387, "100%").of == "本年支出合计"
    # L379 "2020 年度支出合计 3,470,158.34 元，其中：基本支出 1,420,085.06 元，占 40.92%；…"
    share = _find(st, "share", 379, "40.92")
    total = _find(st, "amount", 379, "3,470,158.34")
    assert share.of is None and share.paragraph == total.paragraph
    assert _find(st, "share", 387, "100%").paragraph != share.paragraph


def test_figures_listed_after_qizhong_seed_004():
    # L379 "2020 年度支出合计 3,470,158.34 元，其中：基本支出 1,420,085.06 元，占 40.92%；
    # 项目支出 2,050,073.28 元，占 59.08%。"
    amounts = [s for s in _stmts("004") if s.source.line == 379 and s.kind == "amount"]
    assert [(s.subject, s.listed) for s in amounts] == [
        ("支出合计", None),
        ("基本支出", 1),
        ("项目支出", 1),
    ]
