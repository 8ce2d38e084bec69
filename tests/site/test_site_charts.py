import json

import jsonschema
from altair.vegalite.v6.schema import core

from generator.charts import fill, templates, templates_js


def test_every_template_is_valid_vega_lite():
    schema = core.load_schema()  # the Vega-Lite JSON schema Altair ships
    rows = [{"label": "基本支出", "value": 797.18, "text": "797.18", "series": "2024 年"}]
    for kind in templates():
        spec = fill(kind, rows)
        jsonschema.validate(spec, schema)
        assert spec["data"] == {"name": "table"}


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
