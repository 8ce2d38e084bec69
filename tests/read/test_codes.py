import pytest

from generator.read.codes import name_of, parse_code, row_code, split_name


@pytest.mark.parametrize(
    "text, scheme, cls, sec, item",
    [
        ("2101501", "functional", "210", "15", "01"),
        ("210 15 01", "functional", "210", "15", "01"),
        ("20805", "functional", "208", "05", None),
        ("201", "functional", "201", None, None),
        ("30101", "economic_dept", "301", "01", None),
        ("302", "economic_dept", "302", None, None),
        ("50101", "economic_gov", "501", "01", None),
    ],
)
def test_parse_code(text, scheme, cls, sec, item):
    code = parse_code(text)
    assert (code.scheme, code.class_, code.section, code.item) == (scheme, cls, sec, item)
    assert code.full == text.replace(" ", "")


@pytest.mark.parametrize(
    "text", ["099", "036", "099001", "2024", "41052624000000006004", "合计", ""]
)
def test_not_codes(text):
    assert parse_code(text) is None


def test_code_with_name():
    code, name = split_name("201 一般公共服务支出")
    assert code.full == "201" and name == "一般公共服务支出"
    code, name = split_name("2101501 行政运行")
    assert (code.class_, code.section, code.item, name) == ("210", "15", "01", "行政运行")


def test_row_codes_in_columns():
    code, used = row_code(["208", "01", "09", "", "社会保险经办机构"])
    assert code.full == "2080109" and used == [0, 1, 2]
    code, used = row_code(["301", "02", "津贴补贴", "501", "01"])
    assert code.full == "30102" and code.scheme == "economic_dept" and used == [0, 1]
    code, used = row_code(["", "2101501", "行政运行"])
    assert code.full == "2101501" and used == [1]
    assert row_code(["", "", "", "099", "滑县医疗保障局"]) == (None, [])


def test_reference_names():
    assert name_of(parse_code("210")) == "卫生健康支出"
    assert name_of(parse_code("30101")) == "基本工资"
