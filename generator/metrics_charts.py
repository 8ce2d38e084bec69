"""Altair charts of the metrics pages, rendered to static SVG at build time (no JS, no CDN).

Only numbers are drawn: a figure that is not disclosed, not applicable or unreadable gets no
bar and no point (never a 0 bar); the table beside every chart lists it with its status.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache

import altair as alt

HIGHLIGHT = "#c0392b"
OTHERS = "#8c8c8c"
MEDIAN = "#1f4e79"


def _float(v: Decimal) -> float:
    return float(v)


def _axis_format(unit: str) -> str:
    return "%" if unit == "ratio" else ",.2f"


def peer_chart(
    bars: Sequence[tuple[str, Decimal, bool]], median: Decimal | None, unit: str, title: str
) -> alt.LayerChart | alt.Chart | None:
    """Horizontal bars (label, value, is_this_department), this one highlighted, median rule."""
    if len(bars) < 2:  # one bar compares nothing; the table says it all
        return None
    data = alt.Data(values=[{"name": n, "value": _float(v), "me": me} for n, v, me in bars])
    base = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("value:Q", title=title, axis=alt.Axis(format=_axis_format(unit))),
            y=alt.Y("name:N", title=None, sort="-x", axis=alt.Axis(labelLimit=320)),
            color=alt.condition("datum.me", alt.value(HIGHLIGHT), alt.value(OTHERS)),
        )
    )
    layers = [base]
    if median is not None:
        rule = (
            alt.Chart(alt.Data(values=[{"median": _float(median)}]))
            .mark_rule(color=MEDIAN, strokeDash=[4, 3], strokeWidth=2)
            .encode(x="median:Q")
        )
        layers.append(rule)
    chart = alt.layer(*layers) if len(layers) > 1 else base
    return chart.properties(width=460, height=max(40, 26 * len(bars)))


def series_chart(
    points: Sequence[tuple[int, str, Decimal]], unit: str, title: str
) -> alt.Chart | None:
    """Lines by kind over years; drawn only with two or more numbers of one kind."""
    kinds = {k for _, k, _ in points}
    if not any(sum(1 for _, k2, _ in points if k2 == k) >= 2 for k in kinds):
        return None
    data = alt.Data(values=[{"year": y, "kind": k, "value": _float(v)} for y, k, v in points])
    return (
        alt.Chart(data)
        .mark_line(point=True)
        .encode(
            x=alt.X("year:O", title="年度"),
            y=alt.Y("value:Q", title=title, axis=alt.Axis(format=_axis_format(unit))),
            color=alt.Color("kind:N", title="文件类型"),
        )
        .properties(width=460, height=200)
    )


def to_svg(chart: alt.TopLevelMixin | None) -> str:
    """SVG text of a chart ("" for none); the same spec always gives the same bytes."""
    if chart is None:
        return ""
    spec = json.dumps(chart.to_dict(validate=False), sort_keys=True, ensure_ascii=False)
    return _svg(spec)


@lru_cache(maxsize=4096)
def _svg(spec: str) -> str:
    import vl_convert as vlc

    svg = vlc.vegalite_to_svg(json.loads(spec))
    # vega names clip paths with a counter; keep ids unique per chart on one page
    tag = hashlib.sha1(spec.encode("utf-8")).hexdigest()[:8]
    return svg.replace('id="clip', f'id="c{tag}clip').replace("url(#clip", f"url(#c{tag}clip")
