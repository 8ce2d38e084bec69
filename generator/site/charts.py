"""Chart spec templates, built once with Altair; each page only supplies its data rows.

Constructing and validating an Altair chart costs milliseconds; doing it for every page of a
national site costs minutes. So each chart kind is one Vega-Lite spec reading the named
dataset ``table``; the browser fills it from the chart's data table on the page (see
``chartRows`` in static/site.js and the ``chart`` macro): the rows a reader sees are the
rows drawn, and a page does not carry them twice (as JSON they were a tenth of a
department-year page). The tests validate every template against the Vega-Lite schema.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any

from generator.model import CANONICAL_INDICATORS

FONT = '"PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'
INK, ACCENT, MUTED, RULE = "#1f2328", "#b0342c", "#8c959f", "#1f4e79"
# Series names of the metrics charts: this department, its peers, their median.
ME, PEER, MEDIAN = "本部门", "同类部门", "中位数"


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
    # Drawn but in no data table (a median rule): the page carries them as JSON.
    extra: list[ChartRow] = field(default_factory=list)
    # The series of a row whose table row names none (a table marks only the exceptions).
    series: str = ""

    @property
    def all_zero(self) -> bool:
        """Every row is 0: a chart of floating 0.00 labels shows nothing, so the page says
        it in a sentence instead (``partials/macros.html``)."""
        drawn = self.rows + self.extra
        return bool(drawn) and all(r.value == 0 for r in drawn)

    def data(self) -> list[dict[str, Any]]:
        """What the browser draws: the rows (read from the page's table), then ``extra``."""
        return [_datum(r) for r in self.rows + self.extra]

    def extra_data(self) -> list[dict[str, Any]]:
        return [_datum(r) for r in self.extra]


def _datum(r: ChartRow) -> dict[str, Any]:
    return {"label": r.label, "value": float(r.value), "text": r.text, "series": r.series}


def chart_value(value: Decimal | float) -> str:
    """A row's value as its table cell's ``data-v``: the number the chart's geometry uses,
    written as the JSON it replaces wrote it (the text beside it is what a reader sees)."""
    return json.dumps(float(value))


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
    # A negative amount is a bar going left from 0, its label on its left end.
    bar_chart = alt.layer(
        bars.mark_bar(color=ACCENT, height={"band": 0.7}),
        bars.transform_filter("datum.value >= 0")
        .mark_text(align="left", dx=4, color=INK, fontSize=12)
        .encode(text="text:N"),
        bars.transform_filter("datum.value < 0")
        .mark_text(align="right", dx=-4, color=INK, fontSize=12)
        .encode(text="text:N"),
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
    for kind, spec in metric_templates().items():
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


def money(value: Decimal | None) -> str:
    """万元 with thousands separators and two decimals, the one way the site shows an amount
    (23,278.10 on a card, in a table and in a chart alike). A figure printed with more
    digits (in 元, or 430.714456 万元) is shown rounded half up to the cent of 万元; its
    printed digits stay on the source line and beside it on demand (``number_text``)."""
    if value is None:
        return ""
    return format(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), ",f")


def indicator_name(indicator: str) -> str:
    return CANONICAL_INDICATORS.get(indicator, indicator)


# -- the metrics pages: peers and time series of one metric (only numbers become rows: a value
# that is not disclosed, not applicable or unreadable gets no bar and no point, never a 0 bar)


def _axis_format(percent: bool) -> str:
    return "%" if percent else ",~r"


@lru_cache(maxsize=1)
def metric_templates() -> dict[str, dict[str, Any]]:
    """metric_peers_pct / _num: bars, this department highlighted, median as a dashed rule;
    metric_series_pct / _num: one line per document kind over the years."""
    import altair as alt

    out: dict[str, dict[str, Any]] = {}
    for suffix, percent in (("pct", True), ("num", False)):
        base = alt.Chart(alt.NamedData(name="table"))
        tooltip = [alt.Tooltip("label:N", title="部门"), alt.Tooltip("text:N", title="数值")]
        bars = (
            base.transform_filter(f"datum.series != '{MEDIAN}'")
            .mark_bar(height={"band": 0.7})
            .encode(
                y=alt.Y("label:N", sort="-x", title=None, axis=alt.Axis(labelLimit=260)),
                x=alt.X("value:Q", title=None, axis=alt.Axis(format=_axis_format(percent))),
                color=alt.Color(
                    "series:N",
                    title=None,
                    legend=None,  # the caption note says what red and the dashed rule mean
                    scale=alt.Scale(domain=[ME, PEER], range=[ACCENT, MUTED]),
                ),
                tooltip=tooltip,
            )
        )
        rule = (
            base.transform_filter(f"datum.series == '{MEDIAN}'")
            .mark_rule(color=RULE, strokeDash=[5, 3], strokeWidth=2)
            .encode(x="value:Q", tooltip=[alt.Tooltip("text:N", title=MEDIAN)])
        )
        peers = alt.layer(bars, rule).properties(width="container", height={"step": 28})
        series = (
            base.mark_line(point=True, strokeWidth=2)
            .encode(
                x=alt.X("label:O", title=None, axis=alt.Axis(labelAngle=0)),
                y=alt.Y("value:Q", title=None, axis=alt.Axis(format=_axis_format(percent))),
                color=alt.Color("series:N", title=None),
                tooltip=[
                    alt.Tooltip("label:O", title="年度"),
                    alt.Tooltip("series:N", title="文件"),
                    alt.Tooltip("text:N", title="数值"),
                ],
            )
            .properties(width="container", height=220)
        )
        for kind, chart in ((f"metric_peers_{suffix}", peers), (f"metric_series_{suffix}", series)):
            spec = chart.to_dict()
            spec.pop("datasets", None)
            out[kind] = spec
    return out


def peer_chart(
    cid: str,
    title: str,
    unit: str,
    bars: Sequence[tuple[str, Decimal, str, bool, str | None]],
    median: Decimal | None,
    median_text: str,
):
    """bars: (label, value, display text, is this department, href). None with < 2 bars.

    A bar's label is its department as the caller's table names it: the chart is drawn from
    that table's rows, and the median, in no table, comes with the chart itself."""
    if len(bars) < 2:  # one bar compares nothing; the table says it all
        return None
    rows = [ChartRow(lbl, v, text, ME if me else PEER, href) for lbl, v, text, me, href in bars]
    extra = [ChartRow(MEDIAN, median, median_text, MEDIAN)] if median is not None else []
    kind = "metric_peers_pct" if unit == "ratio" else "metric_peers_num"
    notes = []
    if any(bar[3] for bar in bars):  # is this department (no star-unpacking: a hot loop)
        notes.append("红色为本部门")
    if median is not None:
        notes.append("虚线为同类中位数")
    note = "；".join(notes) + ("。" if notes else "")
    return Chart(
        kind=kind,
        id=cid,
        title=title,
        rows=rows,
        unit=_unit_zh(unit),
        note=note,
        extra=extra,
        series=PEER,
    )


def series_chart(cid: str, title: str, unit: str, points: Sequence[tuple[int, str, Decimal, str]]):
    """points: (year, kind in Chinese, value, display text); None unless a line has 2 points."""
    kinds = {k for _, k, _, _ in points}
    if not any(sum(1 for p in points if p[1] == k) >= 2 for k in kinds):
        return None
    rows = [ChartRow(str(y), v, text, k) for y, k, v, text in points]
    kind = "metric_series_pct" if unit == "ratio" else "metric_series_num"
    return Chart(kind=kind, id=cid, title=title, rows=rows, unit=_unit_zh(unit))


def _unit_zh(unit: str) -> str:
    return "比例" if unit == "ratio" else unit
