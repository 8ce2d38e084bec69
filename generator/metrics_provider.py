"""The metrics pages in the site's registry, added the way built-in pages are (a provider).

Adds: a metrics panel on every department-year page (peers, last year), time series on each
department page, one ranking page per metric × year × kind, the compare page and its static
``data/compare.json``. Each page's ``deps`` carries a hash of the metrics it shows, so a
change in a peer's figures rebuilds exactly the pages that show it.
"""

from __future__ import annotations

import json

from generator.metrics import compare_data
from generator.metrics_pages import (
    COMPARE_JSON,
    COMPARE_PAGE,
    department_series,
    department_year_panels,
    dy_path,
    methodology,
    ranking_pages,
    rankings_index,
)
from generator.pages import _h
from generator.site import Page, Registry, Site, page_provider


def compare_json(site: Site) -> bytes:
    data = compare_data(site.metrics, url_for=lambda dy: site.links.url(dy_path(dy)))
    return (
        json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    ).encode("utf-8")


@page_provider("metrics")
def metrics_pages(site: Site, reg: Registry) -> None:
    metrics = site.metrics
    if metrics is None:
        return
    for dept in site.sorted_departments():
        page = reg.get(dept.path)
        if page is not None:
            series = department_series(metrics, dept.id)
            page.context["metric_series"] = series
            page.deps["metrics"] = _h(series)
        for dy in dept.sorted_years():
            page = reg.get(dy.path)
            if page is None:
                continue
            panels = department_year_panels(metrics, dept.id, dy.year)
            page.context["metric_panels"] = panels
            page.deps["metrics"] = _h(panels)
    page = reg.get("methodology/")
    if page is not None:
        page.context["metric_docs"] = methodology()
        page.deps["metric_docs"] = _h(methodology())
    # Each page depends on exactly what it shows, so editing one disclosure rebuilds only
    # the rankings whose numbers changed.
    for ctx in ranking_pages(metrics):
        reg.add(Page(ctx["path"], "metrics/ranking.html", ctx, {"metrics": _h(ctx)}, ctx["title"]))
    index = rankings_index(metrics)
    reg.add(
        Page(
            "rankings/",
            "metrics/rankings.html",
            {"metrics_index": index},
            {"metrics": _h(index)},
            "指标排名",
        )
    )
    reg.add(
        Page(
            COMPARE_PAGE,
            "metrics/compare.html",
            {"metrics_index": index},
            {"metrics": _h(index)},
            "对比部门年度",
        )
    )
    data = compare_json(site)
    reg.add(
        Page(COMPARE_JSON, produce=lambda: data, deps={"metrics": _h(data.decode())}, sitemap=False)
    )
