import json

import jsonschema
import pytest
from altair.vegalite.v6.schema import core

from generator.site.charts import fill, templates, templates_js

ROWS = [{"label": "基本支出", "value": 797.18, "text": "797.18", "series": "2024 年"}]


@pytest.fixture(scope="module")
def validator():
    schema = core.load_schema()  # the Vega-Lite JSON schema Altair ships
    return jsonschema.validators.validator_for(schema)(schema)


@pytest.mark.parametrize("kind", sorted(templates()))
def test_template_filled_with_data_is_valid_vega_lite(kind, validator):
    spec = fill(kind, ROWS)
    errors = [e.message for e in validator.iter_errors(spec)]
    assert not errors, errors[:3]
    assert spec["data"] == {"name": "table"} and spec["datasets"]["table"] == ROWS


def test_schema_check_catches_a_broken_spec(validator):
    spec = fill("bars", ROWS)
    spec["mark"] = {"type": "no-such-mark"}
    assert list(validator.iter_errors(spec))


def test_templates_js_defines_every_kind():
    js = templates_js()
    data = json.loads(js[len("window.BUDGET_CHARTS=") :].rstrip().rstrip(";"))
    assert {"bars", "share", "compare", "timeline"} <= set(data)
    assert set(data) - {"bars", "share", "compare", "timeline"} <= {  # the metrics stage's kinds
        "metric_peers_pct",
        "metric_peers_num",
        "metric_series_pct",
        "metric_series_num",
    }
