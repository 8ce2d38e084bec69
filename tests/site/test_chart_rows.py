"""A chart is drawn from its data table: what static/site.js reads from a page (the table rows
with a value, the figure's extra rows) is exactly the chart's data, for every kind of chart
and table; and no page carries the rows a second time as JSON."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from generator.config import SiteConfig
from generator.render import environment, render
from generator.site.charts import MEDIAN, Chart, ChartRow
from generator.site.model import build_site
from generator.site.registry import Page
from tests.site.chart_rows import chart_rows
from tests.site.fixtures.documents import huaxian_2024
from tests.site.test_metric_pages import _county_group


@pytest.fixture(scope="module")
def env():
    return environment(build_site(SiteConfig(), [(None, huaxian_2024())], [], None, None))


def _drawn(charts: list[Chart]) -> dict[str, list[dict]]:
    return {f"chart-{c.id}": c.data() for c in charts}


def test_peer_charts_draw_the_peer_tables_rows_and_the_median(env):
    from generator.site.metric_panels import department_year_panels, with_charts

    metrics = _county_group({1: "-3", 2: "100.005"})
    dy = next(d for d in metrics.department_years.values() if d.department.startswith("测试5县"))
    panels = with_charts(department_year_panels(metrics, dy.department_id, 2021))
    html = env.get_template("metrics/dy_panel.html").render(metric_panels=panels)
    charts = [b["chart"] for p in panels for b in p["peers"] if b["chart"]]
    assert charts
    drawn = chart_rows(html)
    assert drawn == _drawn(charts)
    basic = drawn[f"chart-peers-{dy.key}-basic_share"]
    assert [r["series"] for r in basic].count("本部门") == 1
    assert basic[-1]["label"] == MEDIAN and basic[-1]["series"] == MEDIAN
    assert 'class="chart-data"' not in html


def test_ranking_charts_draw_the_ranking_tables_rows(env):
    from generator.site.ranking_pages import ranking_pages

    page = next(
        p for p in ranking_pages(_county_group({})) if p["path"].startswith("rankings/basic_")
    )
    html = render(env, Page(page["path"], "metrics/ranking.html", page, {}, "t")).decode()
    charts = [g["chart"] for g in page["groups"] if g["chart"]]
    assert charts and chart_rows(html) == _drawn(charts)
    assert len(charts[0].rows) == 30


def test_series_charts_draw_one_line_per_kind_from_the_series_table(env):
    from generator.metrics import compute, department_id
    from generator.site.metric_panels import department_series
    from tests.seed_docs import doc_000

    cur, prev = doc_000(), doc_000()
    prev.source = prev.source.replace("2021", "2020")
    prev.metadata.year = 2020
    prev.indicators["basic_expenditure"].value = D("507.44")
    blocks = department_series(compute([cur, prev]), department_id(cur))
    html = env.get_template("metrics/series_panel.html").render(metric_series=blocks)
    charts = [b["chart"] for b in blocks if b["chart"]]
    assert charts and chart_rows(html) == _drawn(charts)


def test_a_chart_with_its_own_table_draws_it_with_each_rows_series(env):
    rows = [
        ChartRow("基本支出", D("10.5"), "10.50", "2023年", "a/#L1"),
        ChartRow("基本支出", D("-2"), "-2.00", "2024年"),
        ChartRow("项目支出", D("0.125"), "0.13", "2024年"),
    ]
    chart = Chart("compare", "c1", "收支对比", rows)
    html = env.from_string(
        '{% import "partials/macros.html" as m with context %}{{ m.chart(c) }}'
    ).render(c=chart)
    assert chart_rows(html) == _drawn([chart])
    assert 'class="chart-data"' not in html


def test_no_page_of_the_seed_site_embeds_chart_rows_twice(real_site):
    site, _ = real_site
    figures = 0
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        assert 'class="chart-data"' not in text, page
        for fid, rows in chart_rows(text).items():
            assert rows, (page, fid)  # every figure finds the table it is drawn from
            figures += 1
    assert figures > 20
