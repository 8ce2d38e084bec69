"""Classes of layout met in Zhejiang and Chongqing budgets, on tables the tests make:

- a “三公” table of units (单位名称 | “三公”经费合计 | 因公出国 | …) with its 合计 row first;
- parts printed as empty cells (nothing spent) that the “三公” identities count as zero;
- 基本支出 printed only as 人员支出 | 公用经费 (no 小计): summed only when the row adds up;
- 事业单位经营支出 beside 基本支出 and 项目支出 in 本年支出合计.
"""

from __future__ import annotations

from decimal import Decimal

from generator.read.identities import check_identities
from generator.read.indicator_groups import expenditure, group_sum
from generator.read.indicator_tables import total_row
from generator.read.indicator_three_public import blank_parts, nothing_spent, three_public
from generator.read.indicators import collect
from tests.factory import table

UNITS_COLUMNS = [
    "单位名称",
    "“三公”经费合计",
    "因公出国(境)费用",
    "公务用车购置及运行费/小计",
    "公务用车购置及运行费/公务用车购置费",
    "公务用车购置及运行费/公务用车运行维护费",
    "公务接待费",
]


def _units_table(first_total: bool = True):
    rows = [
        ["合计", "413.68", "", "339.68", "151.68", "188.00", "74.00"],
        ["某某市司法局", "17.00", "", "", "", "", "17.00"],
        ["某某市东郊监狱", "89.60", "", "74.60", "28.00", "46.60", "15.00"],
    ]
    if not first_total:
        rows = rows[1:] + rows[:1]
    return table(UNITS_COLUMNS, rows, id="three_public", title="“三公”经费预算表")


def _ids(readings):
    return {r.id: r.value for r in readings}


def test_a_table_of_units_is_read_by_columns_from_its_total_row():
    for first in (True, False):
        got = _ids(three_public("t.pdf", _units_table(first)))
        assert got == {
            "three_public_total": Decimal("413.68"),
            "vehicle_total": Decimal("339.68"),
            "vehicle_purchase": Decimal("151.68"),
            "vehicle_operation": Decimal("188.00"),
            "official_reception": Decimal("74.00"),
        }


def test_items_printed_as_rows_are_still_read_by_rows():
    t = table(
        ["项目", "2026年预算数"],
        [["合计", "8.00"], ["因公出国（境）费", "0.00"], ["公务接待费", "3.00"]],
        id="three_public",
        title="“三公”经费预算表",
    )
    assert _ids(three_public("t.pdf", t)) == {
        "three_public_total": Decimal("8.00"),
        "overseas_travel": Decimal("0.00"),
        "official_reception": Decimal("3.00"),
    }


def test_a_three_public_group_subtotal_is_the_total():
    t = table(
        [
            "部门名称",
            "三公经费预（决）算数（财政拨款）/小计",
            "三公经费预（决）算数（财政拨款）/公务接待费",
        ],
        [["合计", "8.00", "8.00"]],
        id="three_public",
        title="“三公”经费支出情况表",
    )
    assert _ids(three_public("t.pdf", t))["three_public_total"] == Decimal("8.00")


def test_empty_cells_of_the_total_row_are_nothing_spent_for_the_identities():
    t = _units_table()
    assert set(blank_parts("t.pdf", t)) == {"overseas_travel"}
    figures, _ = collect("t.pdf", [t], [])
    nothing = nothing_spent([t], figures["three_public_total"])
    assert set(nothing) == {"overseas_travel"} and nothing["overseas_travel"].raw == ""
    status = {i.name: i.status for i in check_identities(figures, kind="budget")}
    assert status["three_public_parts"] == "unverifiable"
    status = {i.name: i.status for i in check_identities(figures, kind="budget", nothing=nothing)}
    assert status["three_public_parts"] == "held" and status["vehicle_parts"] == "held"


def test_a_blank_in_a_unit_row_or_a_printed_figure_is_not_nothing():
    t = _units_table()
    t.rows[0].cells[2].text = "未编制"  # words, not an empty cell
    assert blank_parts("t.pdf", t) == {}


def test_nothing_never_hides_a_wrong_total():
    t = table(
        UNITS_COLUMNS,
        [["合计", "420.00", "", "339.68", "151.68", "188.00", "74.00"]],
        id="three_public",
        title="“三公”经费预算表",
    )
    figures, _ = collect("t.pdf", [t], [])
    nothing = nothing_spent([t], figures["three_public_total"])
    status = {i.name: i.status for i in check_identities(figures, kind="budget", nothing=nothing)}
    assert status["three_public_parts"] == "failed"


ZHEJIANG_COLUMNS = [
    "科目编码",
    "科目名称",
    "总计",
    "基本支出/人员支出",
    "基本支出/公用经费",
    "项目支出",
    "事业单位经营支出",
    "上缴上级支出",
    "对附属单位补助支出",
]


def _zhejiang(total: str, business: str = "") -> object:
    return table(
        ZHEJIANG_COLUMNS,
        [
            ["", "合计", total, "26435.02", "3388.68", "171262.41", business, "", ""],
            ["208", "社会保障和就业支出", "100.00", "100.00", "", "", "", "", ""],
        ],
        id="expenditure",
        title="2026年市级部门支出预算总表",
        label_col=1,
        code_col=0,
    )


def test_basic_printed_only_as_its_parts_is_their_sum_when_the_row_adds_up():
    t = _zhejiang("201286.11", "200.00")
    got = {r.id: r for r in expenditure("t.pdf", t)}
    basic = got["basic_expenditure"]
    assert basic.value == Decimal("29823.70") and basic.raw == "26435.02 + 3388.68"
    assert basic.summed and basic.source.line == total_row(t).line
    assert got["business_expenditure"].value == Decimal("200.00")
    assert got["project_expenditure"].value == Decimal("171262.41")


def test_no_sum_when_the_row_does_not_add_up():
    t = _zhejiang("201286.11")  # the 200.00 of 经营支出 missing: the columns are not proven
    assert "basic_expenditure" not in {r.id for r in expenditure("t.pdf", t)}


def test_no_sum_where_the_group_prints_its_own_subtotal():
    t = table(
        ["科目名称", "合计", "基本支出/小计", "基本支出/人员经费", "基本支出/公用经费", "项目支出"],
        [["合计", "10.00", "6.00", "5.00", "1.00", "4.00"]],
        id="expenditure",
        title="支出总表",
    )
    row = total_row(t)
    assert group_sum("t.pdf", t, row, "basic_expenditure", "基本支出") is None
    got = {r.id: r for r in expenditure("t.pdf", t)}
    assert got["basic_expenditure"].raw == "6.00"


def test_other_spending_completes_basic_plus_project():
    t = _zhejiang("201286.11", "200.00")
    figures, _ = collect("t.pdf", [t], [], kind="budget")
    status = {i.name: i for i in check_identities(figures, kind="budget")}
    assert status["basic_plus_project"].status == "held"
    assert "事业单位经营支出" in status["basic_plus_project"].title_zh


def test_a_printed_basic_is_preferred_to_a_sum():
    summed = _zhejiang("201286.11", "200.00")
    printed = table(
        ["科目名称", "合计", "基本支出", "项目支出"],
        [["合计", "201286.11", "29823.70", "171462.41"]],
        id="expenditure",
        title="支出表",
        line=300,
    )
    figures, _ = collect("t.pdf", [summed, printed], [], kind="budget")
    assert not figures["basic_expenditure"].summed
