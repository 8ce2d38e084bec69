"""indicators.csv rows and the compare page's files: every derived number can be recomputed."""

from __future__ import annotations

import json
from decimal import Decimal as D

from generator.metrics import METRIC_DOCS
from generator.site.metric_data import compare_files, metric_rows
from tests.seed_docs import F000, F001, F002

COLUMNS = [
    "department_id",
    "department",
    "region_code",
    "year",
    "kind",
    "indicator",
    "value",
    "unit",
    "source",
]


def test_rows_have_the_canonical_columns_and_units(metrics):
    rows = metric_rows(metrics)
    assert rows
    for r in rows:
        assert list(r) == COLUMNS
        assert r["unit"] == METRIC_DOCS[r["indicator"]].unit
        assert "E" not in r["value"]


def test_row_value_recomputes_from_named_inputs(metrics):
    rows = metric_rows(metrics)
    row = next(r for r in rows if r["indicator"] == "basic_share" and r["region_code"] == "410526")
    assert D(row["value"]) == D("797.18") / D("23278.10")
    assert f"basic_expenditure=797.18 {F001}#L249" in row["source"]
    assert f"expenditure_current_year=23278.10 {F001}#L221" in row["source"]
    assert row["source"].startswith("基本支出 ÷ 支出合计")


def _compare_files(metrics):
    files = compare_files(metrics, url_for=lambda dy: f"/{dy.key}/", province_name=lambda c: c)
    return {path: json.loads(json.dumps(data)) for path, data in files}


def test_compare_json_has_both_2021_budgets(metrics):
    files = _compare_files(metrics)
    items = {}
    for path, data in files.items():
        if path.startswith("data/compare/d/"):
            items.update(data["items"])
    keys = {v["department"]: k for k, v in items.items()}
    mc = items[keys["保定市满城区医疗保障局"]]
    jy = items[keys["济源产城融合示范区医疗保障局"]]
    assert mc["year"] == jy["year"] == 2021 and mc["kind"] == jy["kind"] == "budget"
    assert mc["metrics"]["per_capita_expenditure"] == {
        "status": "not_disclosed",
        "value": None,
        "note": "人口未知",
    }
    assert jy["figures"]["basic_expenditure"]["value"] == 3107.2
    assert mc["url"].startswith("/")
    assert {F000, F002} <= {dy.document for dy in metrics.department_years.values()}


def test_compare_files_are_found_from_the_key_alone(metrics):
    """What static/compare.js does with a shared link: the key's first part names the region's
    list, whose entry names the department's file, which holds the numbers."""
    files = _compare_files(metrics)
    index = files["data/compare.json"]
    listed = {r["code"]: r for p in index["provinces"] for r in p["regions"]}
    for key, dy in metrics.department_years.items():
        region = key.split("-", 1)[0]
        province = region[:2] + "0000" if region.isdigit() else "x"
        assert region in {
            r["code"] for p in index["provinces"] if p["code"] == province for r in p["regions"]
        }
        entry = next(e for e in files[f"data/compare/r/{region}.json"]["items"] if e["key"] == key)
        numbers = files[f"data/compare/d/{entry['department_id']}.json"]["items"][key]
        assert numbers["department"] == dy.department == entry["department"]
        assert numbers["metrics"].keys() == dy.metrics.keys()
    counts = sum(r["count"] for r in listed.values())
    assert counts == len(metrics.department_years)
    # a region's list names the department-years without their numbers
    for path, data in files.items():
        if path.startswith("data/compare/r/"):
            assert all("metrics" not in e and "figures" not in e for e in data["items"])
