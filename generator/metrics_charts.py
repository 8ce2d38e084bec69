"""Chart kinds of the metrics pages: Altair specs built once, filled in the browser.

Like the site's own charts (generator/charts.py), each kind is one Vega-Lite spec reading the
named dataset ``table``; a page only embeds its rows, and every chart comes with its data
table as the fallback. Only numbers become rows: a value that is not disclosed, not
applicable or unreadable gets no bar and no point (never a 0 bar); the table lists it.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any

ME, PEER, MEDIAN = "本部门", "同类部门", "中位数"
ACCENT, MUTED, RULE = "#b0342c", "#8c959f", "#1f4e79"


def _axis_format(percent: bool) -> str:
    return "%" if percent else ",~r"


@lru_cache(maxsize=1)
def chart_templates() -> dict[str, dict[str, Any]]:
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


def _chart_types():
    from generator.charts import Chart, ChartRow

    return Chart, ChartRow


def peer_chart(
    cid: str,
    title: str,
    unit: str,
    bars: Sequence[tuple[str, Decimal, str, bool, str | None]],
    median: Decimal | None,
    median_text: str,
):
    """bars: (label, value, display text, is this department, href). None with < 2 bars."""
    if len(bars) < 2:  # one bar compares nothing; the table says it all
        return None
    Chart, ChartRow = _chart_types()
    rows = [ChartRow(lbl, v, text, ME if me else PEER, href) for lbl, v, text, me, href in bars]
    if median is not None:
        rows.append(ChartRow(MEDIAN, median, median_text, MEDIAN))
    kind = "metric_peers_pct" if unit == "ratio" else "metric_peers_num"
    notes = []
    if any(me for *_, me, _ in bars):
        notes.append("红色为本部门")
    if median is not None:
        notes.append("虚线为同类中位数")
    note = "；".join(notes) + ("。" if notes else "")
    return Chart(kind=kind, id=cid, title=title, rows=rows, unit=_unit_zh(unit), note=note)


def series_chart(cid: str, title: str, unit: str, points: Sequence[tuple[int, str, Decimal, str]]):
    """points: (year, kind in Chinese, value, display text); None unless a line has 2 points."""
    kinds = {k for _, k, _, _ in points}
    if not any(sum(1 for p in points if p[1] == k) >= 2 for k in kinds):
        return None
    Chart, ChartRow = _chart_types()
    rows = [ChartRow(str(y), v, text, k) for y, k, v, text in points]
    kind = "metric_series_pct" if unit == "ratio" else "metric_series_num"
    return Chart(kind=kind, id=cid, title=title, rows=rows, unit=_unit_zh(unit))


def _unit_zh(unit: str) -> str:
    return "比例" if unit == "ratio" else unit
