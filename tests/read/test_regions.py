import csv

import pytest

from generator.read.regions import (
    DATA,
    find_region,
    load_regions,
    lookup,
    place_name,
    province_code,
    province_name,
)


@pytest.mark.parametrize(
    "department, code, name, level",
    [
        ("保定市满城区医疗保障局", "130607", "满城区", "县级"),
        ("滑县医疗保障局", "410526", "滑县", "县级"),
        ("济源产城融合示范区医疗保障局", "419001", "济源市", "县级"),
        ("秦皇岛市北戴河区医疗保障局", "130304", "北戴河区", "县级"),
        ("固原市医疗保障局", "640400", "固原市", "地级"),
        ("上海市普陀区规划和自然资源局", "310107", "普陀区", "县级"),
        ("江苏省高级人民法院", "320000", "江苏省", "省"),
    ],
)
def test_region_of_a_department(department, code, name, level):
    region, problem = find_region(department)
    assert problem is None
    assert (region.code, region.name, region.level) == (code, name, level)


def test_ambiguous_name_without_parent_gets_no_code():
    region, problem = find_region("普陀区商务委员会")
    assert region is None
    assert "普陀区" in problem and "310107" in problem and "330903" in problem


def test_ambiguous_name_resolved_by_the_parent():
    assert find_region("舟山市普陀区医疗保障局")[0].code == "330903"


def test_no_region_named():
    assert find_region("医疗保障局") == (None, None)


def test_lookup_by_code_name_and_alias():
    assert lookup("130607").name == "满城区"
    assert lookup("滑县").code == "410526"
    assert lookup("济源产城融合示范区").code == "419001"
    assert lookup("普陀区") is None  # two of them
    assert lookup("999999") is None
    assert lookup("") is None


def test_population_blank_is_none_never_zero():
    assert lookup("130607").population is None
    assert lookup("640400").population == 1142142
    assert lookup("310107").population is None


def test_shipped_columns_are_kept_and_added_rows_are_marked():
    with open(DATA, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for col in ("code", "name", "level", "parent_code", "population_2020_census", "code_source"):
        assert col in rows[0]
    added = {r["code"]: r for r in rows if r["code"] in ("310000", "310107", "320000")}
    assert set(added) == {"310000", "310107", "320000"}
    for r in added.values():
        assert r["verified_by"] == "unverified"
        assert r["population_2020_census"] == ""
        assert "NBS" in r["code_source"]
    assert all(r.level in ("省", "地级", "县级") for r in load_regions())


def test_place_name_tells_a_county_by_its_city():
    assert place_name("130607") == "保定市满城区"
    assert place_name("130304") == "秦皇岛市北戴河区"
    # a county the province governs directly has no city to name
    assert place_name("419001") == "济源市"
    assert place_name("640400") == "固原市"  # a city is its own name
    assert place_name("130000") == "河北省"
    assert place_name("999999") is None


def test_province_of_a_code_and_its_name():
    assert province_code("130607") == "130000"
    assert province_code("x") is None and province_code(None) is None
    assert province_name("410000") == "河南省"
    assert province_name("990000") == "99 开头的地区"  # not in the table: named by its digits
    assert province_name("x") == province_name("unknown") == "地区未知"
