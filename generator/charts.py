"""Chart spec templates, built once with Altair; each page only supplies its data rows.

Constructing and validating an Altair chart costs milliseconds; doing it for every page of a
national site costs minutes. So each chart kind is one Vega-Lite spec reading the named
dataset ``table``; the browser fills it from JSON embedded in the page (see static/site.js).
The tests validate every template against the Vega-Lite schema.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator.model import CANONICAL_INDICATORS

DATA = Path(__file__).resolve().parent / "data"
FONT = '"PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'
INK, ACCENT, MUTED = "#1f2328", "#b0342c", "#8c959f"


@dataclass
class ChartRow:
    label: str
    value: Decimal  # 万元
    text: str  # the exact figure to show ("23,278.10")
    series: str = ""
    href: str | None = None  # source line


@dataclass
class Chart:
    kind: str  # a key of templates()
    id: str
    title: str
    rows: list[ChartRow] = field(default_factory=list)
    note: str = ""
    unit: str = "万元"

    def data(self) -> list[dict[str, Any]]:
        return [
            {"label": r.label, "value": float(r.value), "text": r.text, "series": r.series}
            for r in self.rows
        ]


def _config() -> dict[str, Any]:
    return {
        "font": FONT,
        "view": {"stroke": None},
        "autosize": {"type": "fit-x", "contains": "padding"},
        "axis": {
            "labelFont": FONT,
            "titleFont": FONT,
            "labelColor": INK,
            "titleColor": INK,
            "gridColor": "#eaeef2",
            "domainColor": MUTED,
            "tickColor": MUTED,
            "labelFontSize": 12,
            "titleFontSize": 12,
            "labelLimit": 260,
        },
        "legend": {
            "labelFont": FONT,
            "titleFont": FONT,
            "orient": "top",
            "labelFontSize": 13,
            "symbolType": "square",
        },
    }


@lru_cache(maxsize=1)
def templates() -> dict[str, dict[str, Any]]:
    """Every chart kind as a Vega-Lite spec with a named, empty dataset."""
    import altair as alt

    data = alt.NamedData(name="table")
    tooltip = [alt.Tooltip("label:N", title="项目"), alt.Tooltip("text:N", title="金额（万元）")]
    base = alt.Chart(data)
    bars = base.encode(
        y=alt.Y("label:N", sort=None, title=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X("value:Q", title="万元", axis=alt.Axis(format=",~r", grid=True)),
        tooltip=tooltip,
    )
    bar_chart = alt.layer(
        bars.mark_bar(color=ACCENT, height={"band": 0.7}),
        bars.mark_text(align="left", dx=4, color=INK, fontSize=12).encode(text="text:N"),
    ).properties(
        width="container",
        height={"step": 30},
        padding={"left": 4, "top": 4, "bottom": 4, "right": 72},
    )

    share = (
        base.mark_bar(height={"band": 0.8})
        .encode(
            x=alt.X("value:Q", stack="normalize", title=None, axis=alt.Axis(format="%")),
            color=alt.Color(
                "label:N",
                sort=None,
                title=None,
                scale=alt.Scale(range=[ACCENT, "#e6a59f", "#d0d7de", MUTED]),
            ),
            order=alt.Order("order:Q"),
            tooltip=tooltip,
        )
        .transform_window(order="row_number()")
        .properties(width="container", height=56)
    )

    compare_base = base.encode(
        y=alt.Y("label:N", sort=None, title=None),
        yOffset=alt.YOffset("series:N", sort=None),
        x=alt.X("value:Q", title="万元"),
        tooltip=[*tooltip, alt.Tooltip("series:N", title="年度")],
    )
    compare = alt.layer(
        compare_base.mark_bar().encode(
            color=alt.Color(
                "series:N", sort=None, title=None, scale=alt.Scale(range=[ACCENT, MUTED])
            )
        ),
        compare_base.mark_text(align="left", dx=4, color=INK, fontSize=11).encode(text="text:N"),
    ).properties(
        width="container",
        height={"step": 18},
        padding={"left": 4, "top": 4, "bottom": 4, "right": 56},
    )

    timeline = (
        base.mark_line(point=True, strokeWidth=2)
        .encode(
            x=alt.X("label:O", title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("value:Q", title="万元"),
            color=alt.Color("series:N", sort=None, title=None),
            tooltip=[
                alt.Tooltip("label:O", title="年度"),
                alt.Tooltip("series:N", title="指标"),
                alt.Tooltip("text:N", title="金额（万元）"),
            ],
        )
        .properties(width="container", height=260)
    )
    out = {}
    for kind, chart in {
        "bars": bar_chart,
        "share": share,
        "compare": compare,
        "timeline": timeline,
    }.items():
        spec = chart.configure(**_config()).to_dict()
        spec.pop("datasets", None)
        spec["autosize"] = {"type": "fit-x", "contains": "padding"}
        out[kind] = spec
    from generator.metrics_charts import chart_templates  # peers and time series of metrics

    for kind, spec in chart_templates().items():
        out[kind] = {**spec, "config": _config()}
    return out


def templates_js() -> str:
    """static/charts.js: the templates as one cacheable script shared by every page."""
    return (
        "window.BUDGET_CHARTS="
        + json.dumps(templates(), ensure_ascii=False, sort_keys=True)
        + ";\n"
    )


def fill(kind: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """A complete spec for one chart (what the browser builds; used by tests and benchmarks)."""
    spec = json.loads(json.dumps(templates()[kind]))
    spec["datasets"] = {"table": rows}
    return spec


@lru_cache(maxsize=1)
def functional_names() -> dict[str, str]:
    """Current 类 names by code: renamed classes (医疗卫生与计划生育 -> 卫生健康) share a code."""
    with open(DATA / "functional_codes.csv", encoding="utf-8") as fh:
        return {r["code"]: r["name"] for r in csv.DictReader(fh) if r["level"] == "类"}


# Old names of a 类 still printed in some templates; the csv notes each rename.
_FORMER_CLASS_NAMES = {
    "医疗卫生与计划生育": "210",
    "医疗卫生": "210",
    "城乡社区事务": "212",
    "农林水事务": "213",
}


def functional_class_of(label: str) -> str | None:
    """The 类 code a summary-table label names ("十、卫生健康", "(八) 社会保障和就业支出")."""
    name = re.sub(r"^[（(]?[一二三四五六七八九十]+[）)、.]?\s*", "", label.strip())
    name = name.replace(" ", "")
    if not name:
        return None
    for former, code in _FORMER_CLASS_NAMES.items():
        if name.startswith(former):
            return code
    for code, current in functional_names().items():
        base = current.removesuffix("支出")
        if name in (current, base) or (len(name) >= 4 and current.startswith(name)):
            return code
    return None


def money(value: Decimal | None) -> str:
    """万元 with thousands separators and every published digit, never rounded."""
    if value is None:
        return ""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        # 0.00 元 / 10,000 is Decimal("0.000000"): drop zeros the division added, never digits
        stripped = value.normalize()
        value = stripped if stripped.as_tuple().exponent <= -2 else value.quantize(Decimal("0.01"))
    return format(value, ",f")


def indicator_name(indicator: str) -> str:
    return CANONICAL_INDICATORS.get(indicator, indicator)
