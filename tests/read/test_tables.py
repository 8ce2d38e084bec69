from decimal import Decimal

import pytest
from seedlines import seed_file, seed_lines

from generator.model import Line
from generator.read.layout import to_blocks
from generator.read.table_kinds import match_title
from generator.read.tables import read_tables, read_tables_with_problems


def _tables(key):
    return read_tables(seed_file(key), to_blocks(seed_lines(key)))


def _by_line(key, line):
    return next(t for t in _tables(key) if t.line == line)


# Standard tables present in each body (titles read from the seeds, with their lines).
@pytest.mark.parametrize(
    "key, expected",
    [
        (
            "000",
            {
                17: "organization",
                59: "three_public",
                155: "project_performance",
                248: "project_performance",
                348: "project_performance",
                441: "project_performance",
                598: "assets",
            },
        ),
        (
            "001",
            {
                183: "income_expenditure_summary",
                225: "income",
                239: "expenditure",
                263: "fiscal_summary",
                307: "general_budget_expenditure",
                332: "general_budget_basic",
                364: "economic_summary",
                402: "three_public",
                414: "government_fund",
                428: "project_expenditure",
                451: "overall_performance",
                507: "project_performance",
            },
        ),
        (
            "002",
            {
                148: "expenditure",
                180: "fiscal_summary",
                233: "general_budget_expenditure",
                260: "three_public",
                276: "government_fund",
                292: "overall_performance",
                343: "project_performance",
                1206: "project_performance",
            },
        ),
        (
            "003",
            {
                30: "project_performance",
                106: "project_performance",
                181: "project_performance",
                254: "project_performance",
                327: "project_performance",
            },
        ),
        (
            "004",
            {
                100: "income_expenditure_summary",
                143: "income",
                172: "expenditure",
                200: "fiscal_summary",
                247: "general_budget_expenditure",
                276: "general_budget_basic",
                323: "three_public",
                338: "government_fund",
                353: "state_capital",
                445: "performance_self_evaluation",
            },
        ),
    ],
)
def test_standard_tables_found_by_title(key, expected):
    found = {t.line: t.id for t in _tables(key)}
    for line, kind in expected.items():
        assert found.get(line) == kind, (line, kind)


def test_tables_absent_from_the_body_are_not_invented():
    ids = {t.id for t in _tables("002")}
    assert not ids & {
        "income_expenditure_summary",
        "income",
        "economic_summary",
        "general_budget_basic",
    }
    assert {t.id for t in _tables("003")} == {"project_performance"}


def test_title_aliases():
    assert match_title("2024 年部门收支总体情况表") == "income_expenditure_summary"
    assert match_title("六、一般公共预算基本支出表（按经济分类）") == "general_budget_basic"
    assert match_title("一般公共预算财政拨款基本支出决算表") == "general_budget_basic"
    assert match_title("财政拨款收入支出决算总表") == "fiscal_summary"
    assert match_title("收入支出决算总表") == "income_expenditure_summary"
    assert match_title("1.社保专网切换建立医保专网经费绩效目标表") == "project_performance"
    assert match_title("公开 01 表") == "income_expenditure_summary"
    assert match_title("第二部分 部门概况") is None


def test_units_declared_per_table():
    units = {t.line: t.unit for t in _tables("001")}
    assert units[183] == "万元"
    assert units[225] == "万元"  # "单位：" / "万元" broken over two lines
    assert units[307] == "万元"  # "单位：万" cut short
    assert units[364] is None  # "单位：" with nothing after it
    assert {t.unit for t in _tables("004") if t.id and t.line < 400} == {"元"}
    assert _by_line("002", 148).unit == "万元"  # 单位：济源…局 is not a unit


def test_unit_problems_name_the_line():
    _, problems = read_tables_with_problems(seed_file("001"), to_blocks(seed_lines("001")))
    by_line = {p.line: p.message for p in problems}
    assert "单位：万" in by_line[311]
    assert 368 in by_line and 432 in by_line


def test_header_columns_and_typed_cells():
    t = _by_line("001", 239)
    assert len(t.header) == 4
    assert t.columns[5] == "合计" and t.columns[6] == "基本支出/小计"
    total = t.rows[0]
    assert total.label == "合计" and total.line == 249
    assert [c.value for c in total.cells[5:7]] == [Decimal("23278.10"), Decimal("797.18")]
    row = next(r for r in t.rows if r.line == 251)
    assert row.code.full == "2080109" and row.label == "社会保险经办机构"
    assert row.cells[0].value is None  # a code column is not a number
    unit_row = next(r for r in t.rows if r.line == 250)
    assert unit_row.cells[3].text == "099" and unit_row.cells[3].value is None


def test_joined_codes_and_codes_with_names():
    t = _by_line("004", 143)
    row = next(r for r in t.rows if r.line == 165)
    assert row.code.full == "2101501" and row.label == "行政运行"
    assert row.cells[3].value == Decimal("1234620.63")
    assert next(r for r in t.rows if r.line == 155).cells[5].value == Decimal("0")  # "00.00"


def test_continued_table_is_merged():
    fiscal = [t for t in _tables("002") if t.id == "fiscal_summary"]
    assert len(fiscal) == 1
    t = fiscal[0]
    assert t.line == 180 and t.parts == [211] and t.end_line == 231
    lines = [r.line for r in t.rows]
    assert 209 in lines and 231 in lines and 217 not in lines  # repeated header dropped


def test_project_tables_with_the_same_title_stay_apart():
    assert len([t for t in _tables("002") if t.id == "project_performance"]) >= 19


def test_side_by_side_blocks_are_unfolded():
    t = _by_line("004", 276)
    assert t.columns[:3] == ["科目编码", "科目名称", "金额"]
    by_code = {r.code.full: r for r in t.rows if r.code}
    assert by_code["301"].cells[2].value == Decimal("1292095.92")
    assert by_code["302"].cells[2].value == Decimal("127989.14")
    assert by_code["310"].cells[2].value is None  # printed without a figure
    assert by_code["30228"].cells[2].value == Decimal("7924.61")
    assert by_code["30101"].cells[3].text == "人员经费"
    assert by_code["30201"].cells[3].text == "公用经费"
    totals = {r.label: (r.cells[2].value, r.line) for r in t.rows if r.code is None}
    assert totals == {
        "人员经费合计": (Decimal("1292095.92"), 318),
        "公用经费合计": (Decimal("127989.14"), 318),
        "合计": (Decimal("1420085.06"), 319),
    }


def test_empty_table_statements_and_notes():
    fund = _by_line("001", 414)
    assert fund.empty_statement == "我单位没有政府性基金安排的支出预算，故本表无数据"
    assert _by_line("001", 402).notes[0].startswith("注：按照党中央")
    assert _by_line("001", 307).notes == ["备注：本表仅含当年财政拨款安排的支出"]
    procurement = next(t for t in _tables("000") if t.line > 540 and t.line < 560)
    assert procurement.empty_statement.startswith("2021年本部门无政府采购预算，空表列示")
    assert procurement.id is None  # a part heading is not a table title


def test_header_lines_are_kept_in_the_preamble():
    t = _by_line("003", 30)
    texts = [ln.text for ln in t.preamble]
    assert any(x.startswith("450002秦皇岛市北戴河区医疗保障局") for x in texts)
    assert t.preamble[0].number == 31 and t.unit == "万元"
    assert [ln.text for ln in _by_line("004", 100).preamble] == [
        "公开 01 表",
        "金额单位：元",
        "公开部门：固原市医疗保障局",
    ]


def test_grid_without_title_or_unit():
    lines = [Line(1, "说明文字。"), Line(2, "项目\t金额"), Line(3, "合计\t5")]
    tables = read_tables("x", to_blocks(lines))
    assert len(tables) == 1 and tables[0].id is None and tables[0].unit is None
    assert tables[0].rows[0].cells[1].value == Decimal("5")
