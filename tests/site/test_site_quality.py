"""The site's data-quality page and the methodology rule list, built from the real seeds."""

from __future__ import annotations

import csv
import re

import pytest

from generator.checks import RULES


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory):
    from generator.build import Builder
    from tests.site.helpers import make_config

    cfg = make_config(tmp_path_factory.mktemp("quality"))
    Builder(cfg, quiet=True).build()
    return cfg.output_path


def test_quality_page_lists_every_finding_with_filters(site_dir):
    html = (site_dir / "quality" / "index.html").read_text(encoding="utf-8")
    with open(site_dir / "data" / "findings.csv", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert rows and list(rows[0]) == [
        "department_id",
        "year",
        "kind",
        "rule",
        "severity",
        "message",
        "sources",
    ]
    assert html.count('<li class="finding sev-') == len(rows)
    for name in ("rule", "severity", "region", "year"):
        assert f'<select name="{name}">' in html
    assert "static/quality.js" in html
    # 固原 2020: every source line of the known contradiction is linked
    assert re.search(r'href="[^"]*/d/640400-[^/]+/2020/final/#L397"', html)
    assert re.search(r'href="[^"]*/d/640400-[^/]+/2020/final/#L319"', html)
    # completeness: 滑县 2024 publishes all eight standard budget tables
    row = re.search(r"滑县医疗保障局</a></th><td>2024</td>\s*<td[^>]*>(\d+)%", html)
    assert row and row.group(1) == "100"


def test_methodology_lists_every_rule(site_dir):
    html = (site_dir / "methodology" / "index.html").read_text(encoding="utf-8")
    for r in RULES:
        assert f'id="rule-{r.id}"' in html
        assert r.title_zh.replace("“", "&#34;")[:4] in html or r.title_zh[:4] in html
    assert "尾差的判断" in html


def test_department_year_panel_links_rules(site_dir):
    pages = list((site_dir / "d").glob("640400-*/2020/index.html"))
    html = pages[0].read_text(encoding="utf-8")
    assert (
        'href="/methodology/#rule-narrative.amount_matches_table"' in html
        or "#rule-narrative.amount_matches_table" in html
    )


def test_quality_and_methodology_links_resolve(site_dir):
    from tests.site.helpers import broken_links

    bad = [
        b for b in broken_links(site_dir) if "quality" in b or "methodology" in b or "#rule-" in b
    ]
    assert not bad, bad[:10]


@pytest.mark.browser
def test_quality_filter_in_a_browser(site_dir, chromium):
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    from tests.site.helpers import BASE_PATH
    from tests.site.test_site_browser import ARGS, _Handler

    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Handler, site=site_dir)
    )
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=ARGS, timeout=30000)
            page = browser.new_page()
            errors = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(
                f"http://127.0.0.1:{httpd.server_address[1]}{BASE_PATH}quality/", wait_until="load"
            )
            items = page.locator("ul.all-findings > li.finding")
            total = items.count()
            page.select_option("select[name=severity]", "error")
            visible = page.locator("ul.all-findings > li.finding:not([hidden])")
            errors_shown = visible.count()
            assert 0 < errors_shown < total
            assert all(
                s == "error"
                for s in visible.evaluate_all("els => els.map(e => e.dataset.severity)")
            )
            page.select_option("select[name=year]", "2020")
            assert 0 < visible.count() <= errors_shown  # 固原 2020's errors
            assert "severity=error" in page.url and "year=2020" in page.url
            assert not errors
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
