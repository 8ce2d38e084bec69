"""The metrics pages in the site's registry, added the way built-in pages are (a provider).

Adds: a metrics panel on every department-year page (peers, last year), time series on each
department page, one ranking page per metric × year × kind, the compare page and its static
files (``data/compare.json``, ``data/compare/``). Each page's ``deps`` carries a hash of
the metrics it shows, so a change in a peer's figures rebuilds exactly the pages that show it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from generator import json_text
from generator.links import Links
from generator.read.regions import place_name, province_name
from generator.site.deps import digest
from generator.site.metric_data import compare_files
from generator.site.metric_panels import (
    department_series,
    department_year_panels,
    dy_path,
    methodology,
    panels_digest,
    with_charts,
)
from generator.site.model import Site
from generator.site.ranking_pages import ranking_pages, rankings_index
from generator.site.registry import Page, Registry


def compare_json(site: Site) -> Iterator[tuple[str, bytes]]:
    """The compare page's files (``metric_data.compare_files``) as the bytes written."""
    assert site.metrics is not None
    url_for = lambda dy: site.links.url(dy_path(dy))  # noqa: E731
    for path, data in compare_files(site.metrics, url_for, province_name, place_name):
        yield path, json_text.dumps(data) + b"\n"


def _with_panels(lazy, site: Site, dept_id: str, year: int):
    def make() -> dict:
        assert site.metrics is not None
        panels = with_charts(department_year_panels(site.metrics, dept_id, year))
        return {**(lazy() if lazy is not None else {}), "metric_panels": panels}

    return make


def metrics_pages(site: Site, reg: Registry) -> None:
    metrics = site.metrics
    if metrics is None:
        return
    for dept in site.sorted_departments():
        page = reg.get(dept.path)
        if page is not None:
            series = department_series(metrics, dept.id)
            page.context["metric_series"] = series
            page.deps["metrics"] = digest(series)
        for dy in dept.sorted_years():
            page = reg.get(dy.path)
            if page is None:
                continue
            # hashed now, made again while the page renders: a national site cannot hold
            # every page's panels at once
            page.deps["metrics"] = panels_digest(department_year_panels(metrics, dept.id, dy.year))
            page.lazy = _with_panels(page.lazy, site, dept.id, dy.year)
    page = reg.get(Links.METHODOLOGY)
    if page is not None:
        page.context["metric_docs"] = methodology()
        page.deps["metric_docs"] = digest(methodology())
    # Each page depends on exactly what it shows, so editing one disclosure rebuilds only
    # the rankings whose numbers changed.
    for ctx in ranking_pages(metrics):
        reg.add(
            Page(ctx["path"], "metrics/ranking.html", ctx, {"metrics": digest(ctx)}, ctx["title"])
        )
    index = rankings_index(metrics)
    reg.add(
        Page(
            Links.RANKINGS,
            "metrics/rankings.html",
            {"metrics_index": index},
            {"metrics": digest(index)},
            "指标排名",
        )
    )
    reg.add(
        Page(
            Links.COMPARE,
            "metrics/compare.html",
            {"metrics_index": index},
            {"metrics": digest(index)},
            "对比部门年度",
        )
    )
    for path, data in compare_json(site):
        reg.add(
            Page(
                path,
                produce=lambda data=data: data,
                deps={"metrics": hashlib.sha256(data).hexdigest()[:16]},
                sitemap=False,
            )
        )
