"""Every page in a real browser at a phone's and a desktop's width: no sideways scroll,
every chart draws marks, no console error, no axe-core violation.

axe-core comes from the ``axe-playwright-python`` test dependency (it bundles ``axe.min.js``);
only the script is used, so the rules and the reporting stay ours.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.site.helpers import BASE_PATH
from tests.site.test_site_browser import browser, server  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

# Bars must have area; a line or a point only needs extent.
CHART_MARKS = """() => Array.from(document.querySelectorAll('figure.chart')).filter(fig => {
  const marks = fig.querySelectorAll('.chart-box svg g.role-mark:not(.mark-text) > path');
  return !Array.from(marks).some(m => {
    const r = m.getBoundingClientRect();
    const isBar = m.parentElement.classList.contains('mark-rect');
    return isBar ? r.width >= 1 && r.height >= 1 : r.width > 0 || r.height > 0;
  });
}).map(fig => fig.id)"""

AXE_RUN = """() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(
  v => v.id + ' (' + v.nodes.length + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')))"""


def _axe_source() -> str:
    try:
        from importlib.resources import files

        return (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
    except (ImportError, FileNotFoundError):
        if os.environ.get("CI"):
            pytest.fail("CI requires axe-core (the axe-playwright-python test dependency)")
        pytest.skip("axe-core not installed (pip install axe-playwright-python)")


def site_pages(site: Path) -> list[str]:
    """Every HTML page of the site, as the URL path below the base path."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith("pagefind/"):
            continue
        pages.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return pages


def _check_pages(built_site, server, browser, width: int, audit: bool) -> None:  # noqa: F811
    site, _ = built_site
    pages = site_pages(site)
    assert len(pages) > 40
    context = browser.new_context(viewport={"width": width, "height": 800})
    if audit:
        context.add_init_script(_axe_source())
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    problems = []
    for path in pages:
        errors.clear()
        page.goto(server + BASE_PATH + path, wait_until="load", timeout=20000)
        charts = page.locator("figure.chart").count()
        if charts:
            page.wait_for_function(
                "n => document.querySelectorAll('figure.chart .chart-box svg').length === n",
                arg=charts,
                timeout=15000,
            )
        wide = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if wide[0] > wide[1]:
            problems.append(f"{path}: {wide[0]} px wide at {wide[1]} px")
        empty = page.evaluate(CHART_MARKS) if charts else []
        if empty:
            problems.append(f"{path}: charts without marks: {empty}")
        if audit:
            problems += [f"{path}: axe {v}" for v in page.evaluate(AXE_RUN)]
        if path != "404.html":
            problems += [f"{path}: console: {e}" for e in errors]
    context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", [390, 1280])
def test_every_page_fits_draws_and_passes_axe(built_site, server, browser, width):  # noqa: F811
    _check_pages(built_site, server, browser, width, audit=True)


def test_every_page_fits_a_small_phone(built_site, server, browser):  # noqa: F811
    _check_pages(built_site, server, browser, 360, audit=False)


def test_chart_table_toggle_and_focus(server, browser):  # noqa: F811
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.goto(server + BASE_PATH + "d/410526-ybj/2024/", wait_until="load")
    page.wait_for_function("document.querySelectorAll('figure.chart.drawn').length > 0")
    toggle = page.locator("figure.chart.drawn details.chart-data-table").first
    assert toggle.evaluate("d => d.open") is False
    assert toggle.locator("table").is_hidden()
    toggle.locator("summary").click()
    assert toggle.locator("table").is_visible()
    # a link that takes the keyboard shows an outline
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")
    page.close()


def test_home_table_sorts_by_mouse(server, browser):  # noqa: F811
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(server + BASE_PATH, wait_until="load")
    header = page.locator("table.sortable thead th").nth(3)
    assert header.locator("a.ind").count() == 1  # the header keeps its link
    header.locator("button.sort").click()
    assert header.get_attribute("aria-sort") == "ascending"
    page.close()


def test_vega_loads_only_where_a_chart_is(server, browser):  # noqa: F811
    for path, wanted in (("glossary/", False), ("d/410526-ybj/2024/", True)):
        page = browser.new_page()
        scripts: list[str] = []
        page.on("request", lambda r, s=scripts: s.append(r.url))
        page.goto(server + BASE_PATH + path, wait_until="networkidle")
        assert any(u.endswith("/static/vega.js") for u in scripts) is wanted, path
        page.close()


def test_findings_lead_with_counts_and_stay_short_on_a_phone(server, browser):  # noqa: F811
    """滑县 2024: 22 findings, 16 of them rounding notes. Folded, the section fits under
    2,000 px at 390 px, leads with a count per severity and folds the rounding notes into one
    line that opens on demand."""
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.goto(server + BASE_PATH + "d/410526-ybj/2024/", wait_until="load")
    section = page.locator("section#findings")
    page.evaluate("document.querySelectorAll('#findings details').forEach(d => d.open = false)")
    height = section.evaluate("s => s.getBoundingClientRect().height")
    assert height < 2000, height
    assert section.locator(".sev-counts li").count() >= 3
    rounding = section.locator("details.rounding > summary")
    assert "处尾差" in rounding.inner_text() and "展开" in rounding.inner_text()
    assert section.locator("details.rounding .rounding-list").is_hidden()
    rounding.click()
    assert section.locator("details.rounding .rounding-list").is_visible()
    # the printed digits appear only on demand
    button = page.locator("button.show-printed").first
    if page.locator(".printed").count():
        assert page.locator(".printed").first.is_hidden()
        button.click()
        assert button.get_attribute("aria-pressed") == "true"
    page.close()
