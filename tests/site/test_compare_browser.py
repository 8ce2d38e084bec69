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


def test_compare_two_budgets_and_share_the_link(chromium, served):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(served + "/compare/")
        page.wait_for_selector("#compare-add optgroup", state="attached")
        page.select_option("#compare-add", "130607-ybj-2021-budget")
        page.select_option("#compare-add", "419001-ybj-2021-budget")
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
        page.select_option("#compare-add", "640400-ybj-2020-final")
        assert page.is_visible("#compare-warning")
        assert "年度" in page.inner_text("#compare-warning")
        page.click(".compare-table thead th[data-key='640400-ybj-2020-final'] button")
        assert page.url.endswith("?d=130607-ybj-2021-budget&d=419001-ybj-2021-budget")
        assert errors == []
        browser.close()
