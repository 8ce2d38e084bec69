"""A real browser (Debian's headless Chromium via Playwright) on the built site."""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.site.helpers import BASE_PATH

pytestmark = pytest.mark.browser
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site under BASE_PATH, as GitHub Pages would serve a project site."""

    timeout = 10

    def __init__(self, *a, site: Path, **kw):
        self.site = site
        super().__init__(*a, directory=str(site), **kw)

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if not path.startswith(BASE_PATH):
            return str(self.site / "__outside__")
        return super().translate_path("/" + path[len(BASE_PATH) :])

    def log_message(self, *args):  # keep test output clean
        pass


def _serve(site: Path):
    handler = functools.partial(_Handler, site=site)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def server(built_site):
    yield from _serve(built_site[0])


@pytest.fixture(scope="module")
def real_server(real_site):
    """The site as ``make site`` builds it: the real reader's projects and indicators."""
    yield from _serve(real_site[0])


@pytest.fixture(scope="module")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=ARGS, timeout=30000)
        yield b
        b.close()


def _open(browser, server, path):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors, outside = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(server) else None)
    page.goto(server + BASE_PATH + path, wait_until="load", timeout=20000)
    return page, errors, outside


def test_every_department_year_page_draws_its_charts(built_site, server, browser):
    site, _ = built_site
    pages = sorted(
        p.parent.relative_to(site).as_posix() + "/" for p in site.glob("d/*/*/index.html")
    )
    assert pages
    drawn = 0
    for path in pages:
        page, errors, outside = _open(browser, server, path)
        expected = page.locator("figure.chart").count()
        page.wait_for_function(
            "n => document.querySelectorAll('figure.chart .chart-box svg').length === n",
            arg=expected,
            timeout=15000,
        )
        drawn += expected
        assert not errors, f"{path}: {errors}"
        assert not outside, f"{path}: requests left the local server: {outside}"
        page.close()
    assert drawn >= 6  # the 滑县 2024 page alone has six charts


def test_a_figure_link_lands_on_its_highlighted_line(server, browser):
    page, errors, _ = _open(browser, server, "d/410526-ybj/2024/")
    page.locator(".headline .amount").first.click()
    page.wait_for_url("**/budget/#L223")
    bg = page.eval_on_selector("#L223", "e => getComputedStyle(e).backgroundColor")
    assert bg == "rgb(255, 243, 176)"
    assert not errors


def test_source_line_numbers_are_drawn_and_a_click_on_one_links_its_line(server, browser):
    page, errors, _ = _open(browser, server, "d/410526-ybj/2024/budget/")
    # CSS draws each line's number from a counter (no link element on it): a counter gives
    # line 223 the number 223 only if the lines are L1, L2, … in order, every one counted
    # each line a <p> whose end tag is left out: the parser must close each one at the next
    ids = page.eval_on_selector_all('.source.counted > p[id^="L"]', "es => es.map(e => e.id)")
    assert ids == [f"L{n}" for n in range(1, len(ids) + 1)] and len(ids) > 223
    before = page.eval_on_selector(
        "#L223",
        "e => [getComputedStyle(e, '::before').content, getComputedStyle(e, '::before').width]",
    )
    assert before[0] == "counter(ln)" and float(before[1].removesuffix("px")) > 20
    assert page.locator("#L223 a").count() == 0
    page.locator("#L223").scroll_into_view_if_needed()
    box = page.locator("#L223").bounding_box()  # in the viewport
    page.mouse.click(box["x"] + box["width"] - 4, box["y"] + 6)  # in the text: no jump
    assert page.evaluate("location.hash") == ""
    page.mouse.click(box["x"] + 8, box["y"] + 6)  # in the number column
    page.wait_for_function("location.hash === '#L223'")
    bg = page.eval_on_selector("#L223", "e => getComputedStyle(e).backgroundColor")
    assert bg == "rgb(255, 243, 176)"
    assert not errors


def test_sortable_table(server, browser):
    page, errors, _ = _open(browser, server, "indicators/income_total/")
    amounts = page.locator("tbody td.num")
    before = amounts.all_inner_texts()
    page.locator("thead th.num button.sort").click()
    ascending = amounts.all_inner_texts()
    values = [float(t.replace(",", "")) for t in ascending]
    assert values == sorted(values) and sorted(before) == sorted(ascending)
    assert not errors


def test_original_tables_are_drawn_from_the_data_file_when_opened(built_site, server, browser):
    site, _ = built_site
    data = json.loads(gzip.decompress((site / "d/410526-ybj/2024/data.json.gz").read_bytes()))
    tables = [t for t in data["documents"][0]["tables"] if t.get("rows")]
    page, errors, outside = _open(browser, server, "d/410526-ybj/2024/")
    block = page.locator("details.tables").first
    assert block.locator("table").count() == 0  # nothing drawn, nothing fetched, until opened
    block.locator("summary").click()
    page.wait_for_selector("details.tables[data-drawn=yes]", timeout=10000)
    drawn = {
        int(box.get_attribute("data-line")): box
        for box in block.locator(".table-wrap[data-line]").all()
        if box.locator("table.data").count()
    }
    assert drawn and set(drawn) <= {t["line"] for t in tables}
    for table in tables:
        if table["line"] not in drawn:  # all zeros: the page says so in a sentence
            assert "全部为 0" in block.locator(f"#table-budget-{table['line']}").inner_text()
            continue
        grid = drawn[table["line"]].locator("table.data")
        assert grid.locator("caption").inner_text().startswith(table["title"])
        rows = grid.locator("tbody tr")
        assert rows.count() == len(table["rows"])
        for row, shown in zip(table["rows"], rows.all(), strict=True):
            cells = [c if isinstance(c, str) else c["text"] for c in row["cells"]]
            assert shown.locator("th, td:not(.ln)").all_inner_texts() == [c.strip() for c in cells]
            href = shown.locator("td.ln a").get_attribute("href")
            assert href == f"budget/#L{row['line']}"
    first = drawn[min(drawn)]
    assert first.locator("tbody td.num").count() > 0
    first.locator("tbody td.ln a").first.click()
    line = tables[0]["rows"][0]["line"]
    page.wait_for_url(f"**/budget/#L{line}")
    assert not errors and not outside


def test_performance_indicators_are_drawn_from_the_data_file_when_opened(real_server, browser):
    """北戴河区 2020 绩效目标, project 财务外聘人员工作经费 (source lines 75-101): its four
    indicators as printed, the first-level 产出指标 spanning its two rows."""
    page, errors, outside = _open(browser, real_server, "d/130304-ybj/2020/")
    block = page.locator("table.projects details.indicators").first
    assert block.locator("summary").inner_text() == "绩效指标（4 项）"
    assert block.locator("table").count() == 0  # nothing drawn until opened
    note = block.locator(".ind-note a.src")
    assert note.get_attribute("href") == "performance/#L79"
    assert note.text_content() == "第 79–101 行"  # shown without JavaScript too
    block.locator("summary").click()
    page.wait_for_selector("details.indicators[data-drawn=yes]", timeout=10000)
    rows = block.locator("table tbody tr").all()
    shown = [[c.inner_text() for c in row.locator("td, th").all()] for row in rows]
    assert shown == [
        ["产出指标", "质量指标", "优良率", "≥90百分比", "第 79 行"],
        ["时效指标", "完成率", "≥90百分比", "第 86 行"],
        ["效果指标", "可持续影响指标", "财务人员工资待遇保障率（%）", "≥90百分比", "第 94 行"],
        ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90百分比", "第 101 行"],
    ]
    assert rows[0].locator("td").first.get_attribute("rowspan") == "2"
    links = block.locator("table a.src")
    assert [a.get_attribute("href") for a in links.all()] == [
        f"performance/#L{n}" for n in (79, 86, 94, 101)
    ]
    assert block.locator(".ind-note").is_hidden()
    links.nth(1).click()
    page.wait_for_url("**/performance/#L86")
    assert page.locator("#L86").inner_text().strip() == "≥90百分比"
    assert not errors and not outside
