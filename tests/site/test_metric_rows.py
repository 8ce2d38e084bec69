"""indicators.csv rows and compare.json: every derived number can be recomputed."""

from __future__ import annotations

import json
from decimal import Decimal as D

from generator.metrics import METRIC_DOCS
from generator.site.metric_data import compare_data, metric_rows
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


def test_compare_json_has_both_2021_budgets(metrics):
    data = json.loads(json.dumps(compare_data(metrics, url_for=lambda dy: f"/{dy.key}/")))
    keys = {v["department"]: k for k, v in data["items"].items()}
    mc = data["items"][keys["保定市满城区医疗保障局"]]
    jy = data["items"][keys["济源产城融合示范区医疗保障局"]]
    assert mc["year"] == jy["year"] == 2021 and mc["kind"] == jy["kind"] == "budget"
    assert mc["metrics"]["per_capita_expenditure"] == {
        "status": "not_disclosed",
        "value": None,
        "note": "人口未知",
    }
    assert jy["figures"]["basic_expenditure"]["value"] == 3107.2
    assert mc["url"].startswith("/")
    assert {F000, F002} <= {dy.document for dy in metrics.department_years.values()}
