from decimal import Decimal

import pytest

from generator.read.numbers import (
    find_unit,
    parse_amount,
    parse_indicator_value,
    split_amount,
    to_wan,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("23,278.10", Decimal("23278.10")),
        ("4,300,085.06 元", Decimal("4300085.06")),
        ("0.0", Decimal("0")),
        ("0", Decimal("0")),
        ("３，５１８.８５", Decimal("3518.85")),
        ("7119.13万元", Decimal("7119.13")),
        ("00.00", Decimal("0")),
        ("-1.5", Decimal("-1.5")),
        ("1420085.06", Decimal("1420085.06")),
    ],
)
def test_amounts(text, expected):
    value = parse_amount(text)
    assert value == expected
    assert isinstance(value, Decimal)


@pytest.mark.parametrize("text", ["", "-", "—", "——", "  ", None, "无增减变化", "1,2345", "≥90%"])
def test_nothing_printed_is_none_not_zero(text):
    assert parse_amount(text) is None


def test_printed_digits_are_kept():
    assert str(parse_amount("23,278.10")) == "23278.10"
    assert split_amount("4,300,085.06 元") == (Decimal("4300085.06"), "元")
    assert split_amount("7119.13万元") == (Decimal("7119.13"), "万元")


def test_yuan_to_wan_is_exact():
    assert to_wan(Decimal("4300085.06"), "元") == Decimal("430.008506")
    assert str(to_wan(Decimal("4300085.06"), "元")) == "430.008506"
    assert to_wan(Decimal("7059.5"), "元") == Decimal("0.70595")
    assert to_wan(Decimal("23278.10"), "万元") == Decimal("23278.10")
    assert to_wan(Decimal("1"), None) is None


@pytest.mark.parametrize(
    "text, op, number, unit",
    [
        ("≥90%", "≥", "90", "%"),
        ("≤250000 元", "≤", "250000", "元"),
        ("≥90百分比", "≥", "90", "百分比"),
        ("348000%", None, "348000", "%"),
        ("=100%", "=", "100", "%"),
        ("≥2 月", "≥", "2", "月"),
        ("1条", None, "1", "条"),
        ("≥1000人次", "≥", "1000", "人次"),
        ("0%", None, "0", "%"),
        ("33万人以上", "≥", "33", "万人"),
    ],
)
def test_indicator_values(text, op, number, unit):
    v = parse_indicator_value(text)
    assert (v.operator, v.number, v.unit, v.raw) == (op, Decimal(number), unit, text)


@pytest.mark.parametrize(
    "text", ["2月份之前完成", "12 月底前", "有效保障", "较去年降低", "2021年3月底之前"]
)
def test_textual_targets_keep_no_number(text):
    v = parse_indicator_value(text)
    assert v.number is None and v.unit is None and v.raw == text


@pytest.mark.parametrize(
    "line, unit, truncated",
    [
        ("单位：万元", "万元", False),
        ("金额单位：元", "元", False),
        ("单位:万元", "万元", False),
        ("价值（单位：万元）", "万元", False),
        ("单位：万", "万元", True),
    ],
)
def test_unit_declarations(line, unit, truncated):
    decl = find_unit(line)
    assert decl is not None and decl.unit == unit and decl.truncated is truncated


def test_unit_broken_over_two_lines_and_not_a_unit():
    assert find_unit("单位：").unit is None  # the unit follows on the next line
    assert find_unit("单位：济源产城融合示范区医疗保障局") is None  # 单位 = organisation here
    assert find_unit("部门名称：滑县医疗保障局") is None
