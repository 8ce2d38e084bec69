"""Canonical indicators against the documents: every expectation names the printed text and
its line, and the test first checks that the seed really prints that text on that line."""

from decimal import Decimal
from pathlib import Path

import pytest
from seedlines import seed_file, seed_lines

from generator.model import SourceRef, Statement
from generator.read.indicators import canonical_label, collect, label_id
from generator.read.layout import to_blocks
from generator.read.tables import read_tables

# (indicator, printed figure, line, unit of the table) read from the seeds with `cat -n`.
TABLE_FIGURES = {
    "000": [
        ("overseas_travel", "0", 75, "万元"),
        ("vehicle_purchase", "0", 81, "万元"),
        ("vehicle_operation", "6", 87, "万元"),
        ("official_reception", "0.57", 95, "万元"),
        ("three_public_total", "6.57", 101, "万元"),
    ],
    "001": [
        ("income_total", "23,278.10", 223, "万元"),
        ("expenditure_total", "23,278.10", 223, "万元"),
        ("income_current_year", "23,278.10", 221, "万元"),
        ("expenditure_current_year", "23,278.10", 221, "万元"),
        ("general_public_budget", "23,278.10", 191, "万元"),
        ("basic_expenditure", "797.18", 249, "万元"),
        ("project_expenditure", "22,480.92", 249, "万元"),
        ("personnel_expenditure", "738.55", 340, "万元"),
        ("public_expenditure", "58.63", 340, "万元"),
        ("three_public_total", "9.20", 410, "万元"),
        ("vehicle_total", "7.20", 410, "万元"),
        ("vehicle_operation", "7.20", 410, "万元"),
        ("official_reception", "2.00", 410, "万元"),
    ],
    "002": [
        ("general_public_budget", "7,117.1", 190, "万元"),
        ("government_fund", "555.6", 203, "万元"),
        # the 总计 of the expenditure table's 合计 row, confirmed by 基本支出 + 项目支出
        ("expenditure_current_year", "7,764.9", 157, "万元"),
        ("basic_expenditure", "3,107.2", 157, "万元"),
        ("project_expenditure", "4,657.7", 157, "万元"),
        ("public_expenditure", "118.9", 157, "万元"),
        ("three_public_total", "2.5", 267, "万元"),
        ("official_reception", "0.3", 269, "万元"),
        ("vehicle_total", "2.2", 270, "万元"),
        ("vehicle_operation", "2.2", 271, "万元"),
    ],
    "003": [],
    "004": [
        ("general_public_budget", "4300085.06", 110, "元"),
        ("income_current_year", "4300085.06", 136, "元"),
        ("expenditure_current_year", "3470158.34", 136, "元"),
        ("carryover_begin", "7059.5", 138, "元"),
        ("carryover_end", "836986.22", 138, "元"),
        ("income_total", "4307144.56", 139, "元"),
        ("expenditure_total", "4307144.56", 139, "元"),
        ("basic_expenditure", "1420085.06", 182, "元"),
        ("project_expenditure", "2050073.28", 182, "元"),
        ("personnel_expenditure", "1292095.92", 318, "元"),
        ("public_expenditure", "127989.14", 318, "元"),
        ("government_fund", "0", 349, "元"),
        ("three_public_total", "0.00", 334, "元"),
        ("overseas_travel", "0.00", 334, "元"),
        ("vehicle_total", "0.00", 334, "元"),
        ("vehicle_purchase", "0.00", 334, "元"),
        ("vehicle_operation", "0.00", 334, "元"),
        ("official_reception", "0.00", 334, "元"),
        # 支出决算表 (公开03表) 合计 row prints 0.00 under each of these columns
        ("remittance_expenditure", "0.00", 182, "元"),
        ("business_expenditure", "0.00", 182, "元"),
        ("subsidiary_expenditure", "0.00", 182, "元"),
    ],
}


def _collect(key, statements=()):
    tables = read_tables(seed_file(key), to_blocks(seed_lines(key)))
    return collect(seed_file(key), tables, list(statements), [])


def _raw_line(key, number):
    return Path(seed_file(key)).read_text(encoding="utf-8").split("\n")[number - 1]


@pytest.mark.parametrize("key", sorted(TABLE_FIGURES))
def test_table_indicators_exact_with_their_line(key):
    preferred, _ = _collect(key)
    expected = TABLE_FIGURES[key]
    assert set(preferred) == {ind for ind, *_ in expected}
    for ind, printed, line, unit in expected:
        assert printed in _raw_line(key, line), (ind, line)  # the expectation is in the document
        r = preferred[ind]
        number = Decimal(printed.replace(",", ""))
        wan = number if unit == "万元" else number.scaleb(-4)
        assert (r.value, r.source.line, r.origin, r.unit) == (wan, line, "table", unit), ind
        assert r.raw == printed and printed in r.source.text
        assert r.source.file == seed_file(key)


def test_yuan_figures_keep_every_digit():
    preferred, _ = _collect("004")
    assert str(preferred["income_current_year"].value) == "430.008506"
    assert str(preferred["carryover_begin"].value) == "0.70595"
    assert preferred["income_total"].source.text == "总计\t30\t4307144.56\t总计\t62\t4307144.56"


def test_001_income_total_line():
    preferred, _ = _collect("001")
    r = preferred["income_total"]
    assert r.source.text == "收入总计\t23,278.10\t支出总计\t23,278.10"
    assert r.value == Decimal("23278.10")


def test_empty_cells_are_not_readings():
    preferred, readings = _collect("001")
    assert "government_fund" not in preferred  # 二、政府性基金预算拨款收入 is an empty cell
    assert "carryover_begin" not in preferred and "overseas_travel" not in preferred


def test_previous_year_and_budget_columns():
    _, readings = _collect("000")
    previous = {r.id: (r.value, r.source.line) for r in readings if r.period == "previous"}
    assert previous["vehicle_operation"] == (Decimal("7.5"), 86)
    assert previous["three_public_total"] == (Decimal("7.5"), 100)
    _, readings = _collect("004")
    budget = [r for r in readings if r.period == "budget"]
    assert {r.id for r in budget} >= {"three_public_total", "official_reception"}
    assert all(r.source.line == 334 for r in budget)


def _statement(ind, value, line, raw):
    return Statement(
        kind="amount",
        subject="基本支出",
        indicator=ind,
        value=Decimal(value),
        unit="元",
        raw=raw,
        sentence=raw,
        source=SourceRef(seed_file("004"), line, None, raw),
    )


def test_table_is_preferred_and_the_contradicting_narrative_is_kept():
    narrative = _statement("basic_expenditure", "347.015834", 397, "基本支出3,470,158.34元")
    preferred, readings = _collect("004", [narrative])
    assert preferred["basic_expenditure"].origin == "table"
    assert preferred["basic_expenditure"].value == Decimal("142.008506")
    kept = [r for r in readings if r.id == "basic_expenditure" and r.origin == "narrative"]
    assert [(r.value, r.source.line) for r in kept] == [(Decimal("347.015834"), 397)]


def test_narrative_only_indicator_is_preferred_when_no_table_prints_it():
    s = _statement("organ_operating_expenses", "12.798914", 427, "机关运行经费支出127,989.14元")
    preferred, _ = _collect("004", [s])
    assert preferred["organ_operating_expenses"].origin == "narrative"


def test_labels():
    assert canonical_label("（一）一般公共 预算 收入：") == "一般公共预算收入"
    assert canonical_label("其中：（1）公务用车运行维护费") == "公务用车运行维护费"
    assert label_id("一、一般公共预算", ["general_public_budget"]) == "general_public_budget"
    assert (
        label_id("本年收入合计", ["income_total", "income_current_year"]) == "income_current_year"
    )
    assert label_id("其中：财政拨款", ["general_public_budget"]) is None


def test_004_contradiction_kept_through_the_whole_reader():
    from generator.read.reader import read_file

    doc = read_file(seed_file("004"))
    r = doc.indicators["basic_expenditure"]
    assert (r.origin, r.value, r.source.line, r.raw) == (
        "table",
        Decimal("142.008506"),
        182,
        "1420085.06",
    )
    narrative = {
        (x.value, x.source.line)
        for x in doc.readings
        if x.id == "basic_expenditure" and x.origin == "narrative"
    }
    assert (Decimal("347.015834"), 397) in narrative  # 基本支出3,470,158.34元, line 397
    assert "3,470,158.34" in _raw_line("004", 397)


def _synthetic(rows):
    from generator.model import Line

    lines = [Line(i, t) for i, t in enumerate(rows, 1)]
    tables = read_tables("t.txt", to_blocks(lines))
    return collect("t.txt", tables, [], [])


def test_three_public_total_by_name_not_a_wider_sum():
    # shape of a PDF budget: 合计 includes 会议费 and 培训费; the 三公 total is "“三公”经费/小计"
    preferred, _ = _synthetic(
        [
            "一般公共预算“三公”经费、会议费、培训费支出预算表",
            "单位：万元",
            "合计\t“三公”经费\t\t\t\t\t\t会议费\t培训费",
            "\t小计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\t\t",
            "\t\t\t小计\t公务用车购置费\t公务用车运行维护费\t\t\t",
            "2,599.37\t670.12\t180.00\t304.40\t\t304.40\t185.72\t228.00\t1,701.25",
        ]
    )
    got = {k: (r.value, r.source.line) for k, r in preferred.items()}
    assert got == {
        "three_public_total": (Decimal("670.12"), 6),
        "overseas_travel": (Decimal("180.00"), 6),
        "vehicle_total": (Decimal("304.40"), 6),
        "vehicle_operation": (Decimal("304.40"), 6),
        "official_reception": (Decimal("185.72"), 6),
    }


def test_three_public_short_child_names_and_organ_costs():
    preferred, _ = _synthetic(
        [
            "2025年部门“三公”经费和机关运行经费预算表",
            "单位:万元",
            "“三公”经费预算数\t\t\t\t\t\t机关运行经费预算数",
            "合计\t因公出国(境)费\t公务接待费\t公务用车购置及运行费\t\t\t",
            "\t\t\t小计\t购置费\t运行费\t",
            "3.00\t0\t1.00\t2.00\t0.50\t1.50\t171.01",
        ]
    )
    got = {k: r.value for k, r in preferred.items()}
    assert got == {
        "three_public_total": Decimal("3.00"),
        "overseas_travel": Decimal("0"),
        "official_reception": Decimal("1.00"),
        "vehicle_total": Decimal("2.00"),
        "vehicle_purchase": Decimal("0.50"),
        "vehicle_operation": Decimal("1.50"),
        "organ_operating_expenses": Decimal("171.01"),
    }


def test_table_without_unit_gives_no_reading():
    preferred, readings = _synthetic(["部门收支总体情况表", "项目\t金额", "收入总计\t5.00"])
    assert preferred == {} and readings == []


def test_organ_costs_and_procurement_tables():
    preferred, _ = _synthetic(
        [
            "十、2017年度部门一般公共预算机关运行经费支出预算表",
            "单位：万元",
            "科目编码\t科目名称\t机关运行经费支出",
            "\t合计\t9,193.40",
            "302\t商品和服务支出\t9,050.00",
            "",
            "十二、2017年部门政府采购预算表",
            "单位：万元",
            "采购品目大类\t专项名称\t总计",
            "合计\t\t3,742.40",
            "一、货物A\t\t525.40",
        ]
    )
    assert preferred["organ_operating_expenses"].value == Decimal("9193.40")
    assert preferred["organ_operating_expenses"].source.line == 4
    assert (
        preferred["government_procurement"].value,
        preferred["government_procurement"].source.line,
    ) == (
        Decimal("3742.40"),
        10,
    )
