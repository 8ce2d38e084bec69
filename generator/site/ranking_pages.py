"""The ranking pages: one per metric × year × kind, every department-year ranked within its
department type. In a ranking longer than a page of a list (``paging.PAGE_ROWS``: at national
scale tens of thousands of rows) the largest types each get a page of their own
(``rankings/<metric>/<year>-<kind>/<type slug>/``, ``metric_panels.paged_types``), linked from
the ranking's page and from each of their department-years' panels; the other types stay on
the ranking's page. A type's table is never cut across pages.
"""

from __future__ import annotations

from typing import Any

from generator.links import Links
from generator.metrics.definitions import METRIC_DOCS
from generator.metrics.types import Metrics, RankEntry
from generator.site import metric_format as fmt
from generator.site.charts import peer_chart
from generator.site.metric_panels import (
    CHART_MAX,
    UNKNOWN_TYPE,
    dy_path,
    has_ranking,
    paged_types,
    type_ranking_path,
)


def _group(
    metrics: Metrics, metric: str, year: int, kind: str, t: str, entries: list[RankEntry], n: int
) -> dict[str, Any]:
    """One department type's table (and chart, when it is short enough to read)."""
    doc = METRIC_DOCS[metric]
    rows, bars = [], []
    for e in entries:
        dy = metrics.department_years[e.key]
        text = fmt.value(dy.metrics[metric])
        rows.append(
            {
                "rank": e.rank,
                "department": e.department,
                "level": e.region_level or "级别未知",
                "text": text,
                "value": e.value,
                "path": dy_path(dy),
            }
        )
        if e.value is not None:  # labelled as the table's row header: drawn from the table
            bars.append((e.department, e.value, text, False, None))
    chart = None
    if len(bars) <= CHART_MAX:
        chart = peer_chart(
            f"rank-{metric}-{year}-{kind}-{n}", f"{doc.name_zh}（{t}）", doc.unit, bars, None, ""
        )
    levels = {e.region_level for e in entries if e.value is not None}
    return {"type": t, "rows": rows, "chart": chart, "mixed_levels": len(levels) > 1}


def ranking_pages(metrics: Metrics) -> list[dict[str, Any]]:
    """Context of every ranking page (and of each type's page of a split one), with its path
    and title."""
    pages = []
    keys = sorted(k for k in metrics.rankings if has_ranking(metrics, k))
    for metric, year, kind in keys:
        doc = METRIC_DOCS[metric]
        groups: dict[str, list[RankEntry]] = {}
        for e in metrics.rankings[(metric, year, kind)]:
            groups.setdefault(e.department_type or UNKNOWN_TYPE, []).append(e)
        path = Links.ranking(metric, year, kind)
        title = f"{doc.name_zh}排名：{year}年{fmt.kind_zh(kind)}"
        page = {
            "path": path,
            "title": title,
            "doc": doc,
            "year": year,
            "kind_zh": fmt.kind_zh(kind),
            "others": [
                {"path": Links.ranking(metric, y, k), "label": f"{y}年{fmt.kind_zh(k)}"}
                for m, y, k in keys
                if m == metric and (y, k) != (year, kind)
            ],
        }
        paged = paged_types(metrics, (metric, year, kind))
        inline, types, typed = [], [], []
        for n, (t, entries) in enumerate(groups.items()):
            group = _group(metrics, metric, year, kind, t, entries, n)
            if t not in paged:
                inline.append(group)
                continue
            own = type_ranking_path((metric, year, kind), t)
            ranked = sum(e.value is not None for e in entries)
            types.append({"type": t, "path": own, "count": len(entries), "ranked": ranked})
            typed.append(
                {
                    **page,
                    "path": own,
                    "title": f"{title}（{t}）",
                    "type_of": {"type": t, "base": path},
                    "groups": [group],
                }
            )
        pages += [{**page, "groups": inline, "types": types}, *typed]
    return pages


def rankings_index(metrics: Metrics) -> list[dict[str, Any]]:
    """Every ranking page, grouped by metric, for the rankings index."""
    out = []
    for mid, doc in METRIC_DOCS.items():
        links = [
            {"path": Links.ranking(m, y, k), "label": f"{y}年{fmt.kind_zh(k)}"}
            for m, y, k in sorted(metrics.rankings, key=lambda t: (t[0], -t[1], t[2]))
            if m == mid and has_ranking(metrics, (m, y, k))
        ]
        if links:
            out.append({"id": mid, "name": doc.name_zh, "formula": doc.formula_zh, "links": links})
    return out
