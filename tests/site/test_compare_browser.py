"""The compare page in a real browser: pick two, the URL updates, a reload restores them."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served(seed_docs_site):
    out, _ = seed_docs_site
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    handler.log_message = lambda *a, **k: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _pick(page, province, region, key):
    """Choose through the three pickers as a visitor does: province, region, department-year."""
    page.select_option("#compare-province", province)
    page.select_option("#compare-region", region)
    page.wait_for_selector(f"#compare-add option[value='{key}']", state="attached")
    page.select_option("#compare-add", key)
    page.wait_for_selector(f".compare-table thead th[data-key='{key}']")


def _browse(chromium):
    from playwright.sync_api import sync_playwright

    p = sync_playwright().start()
    browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
    return p, browser


def test_compare_two_budgets_and_share_the_link(chromium, served):
    p, browser = _browse(chromium)
    try:
        page = browser.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(served + "/compare/")
        page.wait_for_selector("#compare-province option[value='130000']", state="attached")
        assert page.is_disabled("#compare-add")  # nothing to pick before a region
        _pick(page, "130000", "130607", "130607-ybj-2021-budget")
        _pick(page, "410000", "419001", "419001-ybj-2021-budget")
        assert page.url.endswith("/compare/?d=130607-ybj-2021-budget&d=419001-ybj-2021-budget")
        page.reload()
        page.wait_for_selector(".compare-table")
        heads = page.eval_on_selector_all(
            ".compare-table thead th[data-key]", "els => els.map(e => e.dataset.key)"
        )
        assert heads == ["130607-ybj-2021-budget", "419001-ybj-2021-budget"]
        table = page.inner_text(".compare-table")
        assert "7.78%" in table and "40.02%" in table
        assert "未知（人口未知）" in table
        assert page.is_hidden("#compare-warning")  # same year, kind, level and type
        # the pickers show where the last chosen one lies, and it cannot be chosen twice
        assert page.input_value("#compare-region") == "419001"
        assert page.is_disabled("#compare-add option[value='419001-ybj-2021-budget']")
        _pick(page, "640000", "640400", "640400-ybj-2020-final")
        assert page.is_visible("#compare-warning")
        assert "年度" in page.inner_text("#compare-warning")
        page.click(".compare-table thead th[data-key='640400-ybj-2020-final'] button")
        assert page.url.endswith("?d=130607-ybj-2021-budget&d=419001-ybj-2021-budget")
        assert errors == []
    finally:
        browser.close()
        p.stop()


def test_a_shared_link_loads_only_its_own_files(chromium, served):
    """A phone opening a link loads the index and, per department-year, its region's list and
    its department's numbers: never the other regions'. A key the site lacks is dropped."""
    p, browser = _browse(chromium)
    try:
        page = browser.new_page()
        fetched = []
        page.on("request", lambda r: fetched.append(r.url) if "/data/" in r.url else None)
        page.goto(served + "/compare/?d=130607-ybj-2021-budget&d=999999-ybj-2021-budget")
        page.wait_for_selector(".compare-table thead th[data-key]")
        heads = page.eval_on_selector_all(
            ".compare-table thead th[data-key]", "els => els.map(e => e.dataset.key)"
        )
        assert heads == ["130607-ybj-2021-budget"]
        assert page.url.endswith("/compare/?d=130607-ybj-2021-budget")
        names = sorted(u.split("/data/", 1)[1] for u in fetched)
        assert names == [
            "compare.json",
            "compare/d/130607-ybj.json",
            "compare/r/130607.json",
            "compare/r/999999.json",
        ]
    finally:
        browser.close()
        p.stop()
