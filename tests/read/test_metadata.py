import pytest
from seedlines import seed_file, seed_lines

from generator.model import Line
from generator.read.metadata import department_type, find_units, org_name, read_metadata


def _meta(key, sidecar=None):
    return read_metadata(seed_file(key), seed_lines(key), [], sidecar or {})


# Expected values read from the seeds themselves (title lines, table headers, unit lines).
@pytest.mark.parametrize(
    "key, department, code, level, year, kind, units, dept_line",
    [
        ("000", "保定市满城区医疗保障局", "130607", "县级", 2021, "budget", ["万元"], 1),
        ("001", "滑县医疗保障局", "410526", "县级", 2024, "budget", ["万元"], 3),
        ("002", "济源产城融合示范区医疗保障局", "419001", "县级", 2021, "budget", ["万元"], 3),
        ("003", "秦皇岛市北戴河区医疗保障局", "130304", "县级", 2020, "performance", ["万元"], 31),
        ("004", "固原市医疗保障局", "640400", "地级", 2020, "final", ["元"], 3),
    ],
)
def test_seed_metadata(key, department, code, level, year, kind, units, dept_line):
    meta, problems = _meta(key)
    assert problems == []
    assert meta.department == department
    assert meta.department_type == "医疗保障局"
    assert (meta.region_code, meta.region_level) == (code, level)
    assert (meta.year, meta.kind, meta.units) == (year, kind, units)
    assert meta.provenance["department"].line == dept_line
    assert meta.from_sidecar == []


def test_year_from_the_parenthesised_line_under_the_title():
    meta, _ = _meta("004")
    assert meta.provenance["year"].line == 5
    assert meta.provenance["year"].text == "(2020 年度)"


def test_year_is_not_a_cited_regulation():
    lines = [
        Line(1, "某某县医疗保障局部门预算"),
        Line(2, "根据《通知》（满办字[2019] 5号），现说明如下："),
    ]
    meta, problems = read_metadata("x.txt", lines, [], {})
    assert meta.year is None
    assert any("year" in p.message for p in problems)


def test_budget_with_performance_tables_is_a_budget():
    lines = [
        Line(1, "2024 年滑县医疗保障局部门预算公开"),
        Line(2, "十二、部门预算项目绩效目标汇总表"),
    ]
    assert read_metadata("x.txt", lines, [], {})[0].kind == "budget"


def test_missing_department_is_a_problem_but_reading_goes_on():
    meta, problems = read_metadata("x.txt", [Line(1, "2020年部门预算绩效信息")], [], {})
    assert meta.year == 2020 and meta.kind == "performance" and meta.department is None
    assert [p.severity for p in problems] == ["warning"]
    assert "department" in problems[0].message


def test_labelled_department_line():
    lines = [
        Line(1, "上海市普陀区2025年区级部门预算"),
        Line(2, "预算主管部门：上海市普陀区商务委员会"),
    ]
    meta, _ = read_metadata("x.pdf", lines, [], {})
    assert meta.department == "上海市普陀区商务委员会"
    assert meta.department_type == "商务委员会"
    assert meta.region_code == "310107"
    assert meta.provenance["department"].line == 2


def test_sidecar_overrides_and_is_listed():
    sidecar = {"year": 2019, "source_url": "http://example.org/x", "population": 300000}
    meta, problems = _meta("000", sidecar)
    assert meta.year == 2019 and meta.population == 300000
    assert meta.source_url == "http://example.org/x"
    assert sorted(meta.from_sidecar) == ["population", "source_url", "year"]
    assert "year" not in meta.provenance
    assert meta.department == "保定市满城区医疗保障局"  # not supplied: the document's own


def test_sidecar_department_recomputes_region():
    meta, _ = _meta("003", {"department": "固原市医疗保障局"})
    assert meta.region_code == "640400" and "department" in meta.from_sidecar


def test_unit_broken_over_two_lines_and_truncated_unit():
    lines = [Line(1, "单位："), Line(2, "万元"), Line(3, "金额单位：元"), Line(4, "单位：万")]
    assert find_units(lines) == ["万元", "元"]


def test_department_type_generic_and_known():
    assert department_type("江苏省高级人民法院") == "高级人民法院"
    assert department_type("某某市某某区园林绿化管理局") == "园林绿化管理局"
    assert org_name("2024 年滑县医疗保障局部门预算公开") == "滑县医疗保障局"
    assert org_name("部门名称") is None


def test_units_provenance_is_the_first_declaration():
    meta, _ = _meta("004")
    assert meta.provenance["units"].line == 103  # "金额单位：元" above 公开 01 表
    meta, _ = _meta("001")
    assert meta.provenance["units"].line == 187


def test_department_only_in_a_labelled_line():
    lines = [Line(1, "2020 年度部门决算"), Line(2, "公开部门：固原市医疗保障局")]
    meta, problems = read_metadata("x.txt", lines, [], {})
    assert meta.department == "固原市医疗保障局" and meta.provenance["department"].line == 2
    assert (meta.year, meta.kind, meta.region_code) == (2020, "final", "640400")
    assert problems == []


def test_ambiguous_region_is_reported_and_not_guessed():
    lines = [Line(1, "普陀区商务委员会2025年部门预算")]
    meta, problems = read_metadata("x.txt", lines, [], {})
    assert meta.department == "普陀区商务委员会"
    assert meta.region_code is None
    assert any("普陀区" in p.message and p.line == 1 for p in problems)
