"""Disclosures carrying script payloads (script tags, event attributes, javascript:/data:
links in sidecars, Jinja syntax, formula cells) reach no visitor: 0 dialogs on load and on
clicking every link of their pages, the Jinja shown literally, no live formula in any CSV."""

from __future__ import annotations

import csv
import functools
import http.server
import io
import re
import shutil
import threading
from pathlib import Path

import pytest

from generator.build_command import run_build
from tests.site.test_site_browser import ARGS

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
SEED = "disclosures/130607-满城区/保定市满城区医疗保障局/2021-budget.txt"
JINJA = "{{ 7*7 }}{% if true %}JINJA-RAN{% endif %}"
PAYLOAD = (
    "<script>alert('script')</script><img src=x onerror=\"alert('img')\">"
    "<a href=\"javascript:alert('a')\" onclick=\"alert('click')\">x</a>" + JINJA
)
SIDECARS = {
    "p1": f'department = "=HYPERLINK(\\"http://evil.example\\",\\"x\\")医疗保障局"\n'
    f'title = "{PAYLOAD.replace(chr(34), chr(92) + chr(34))}"\n'
    'source_url = "  JavaScript:alert(document.domain)"\nyear = 2021\n',
    "p2": 'department = "@SUM(1+1)医疗保障局"\nsource_url = "data:text/html,<script>alert(2)</script>"\n'
    "year = 2022\n",
    "p3": 'department = "-2+3 医疗保障局"\nsource_url = "vbscript:msgbox(1)"\nyear = 2023\n',
}


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("payload")
    text = (ROOT / "content" / SEED).read_text(encoding="utf-8")
    for name, sidecar in SIDECARS.items():
        folder = tmp / "content" / "disclosures" / name
        folder.mkdir(parents=True)
        (folder / "budget.txt").write_text(text + "\n" + PAYLOAD + "\n", encoding="utf-8")
        (folder / "budget.toml").write_text(sidecar, encoding="utf-8")
    shutil.copytree(ROOT / "content" / "pages", tmp / "content" / "pages")
    (tmp / "site.toml").write_text(
        f'base_url = "https://example.org"\ncache_dir = "{(tmp / "cache").as_posix()}"\n',
        encoding="utf-8",
    )
    mp = pytest.MonkeyPatch()
    mp.delenv("SITE_BASE_URL", raising=False)
    mp.delenv("SITE_BASE_PATH", raising=False)
    try:
        assert run_build(str(tmp / "site.toml"), quiet=True) == 0
    finally:
        mp.undo()
    return tmp / "_site"


def _pages(site: Path) -> list[str]:
    out = []
    for p in sorted(site.glob("d/*/20*/**/index.html")):
        out.append(p.parent.relative_to(site).as_posix() + "/")
    return out


def test_payload_pages_exist_and_show_the_jinja_literally(payload_site):
    pages = _pages(payload_site)
    assert len([p for p in pages if p.count("/") == 3]) == 3, pages
    for rel in pages:
        html = (payload_site / rel / "index.html").read_text(encoding="utf-8")
        # the text appears only as written, never as the output of a Jinja block
        assert html.count("JINJA-RAN") == html.count("%}JINJA-RAN{%")
        assert "<script>alert" not in html
        assert not re.search(r"<a [^>]*href=\"\s*(javascript|vbscript|data):", html, re.I)
        assert "<img src=x" not in html and '<a href="javascript' not in html
    html = "".join((payload_site / r / "index.html").read_text(encoding="utf-8") for r in pages)
    assert "{{ 7*7 }}" in html and "{% if true %}JINJA-RAN{% endif %}" in html


def test_no_csv_holds_a_live_formula(payload_site):
    files = list(payload_site.glob("data/*.csv")) + list(payload_site.glob("d/**/*.csv"))
    assert len(files) >= 5
    seen = ""
    for f in files:
        for row in csv.reader(io.StringIO(f.read_text(encoding="utf-8-sig"))):
            for cell in row:
                seen += cell
                if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                    assert re.fullmatch(r"[+-]?\d+(\.\d+)?", cell), (f.name, cell)
    assert "'=HYPERLINK" in seen and "'@SUM" in seen


FIRST_OF_EACH_HREF = """() => {
  const seen = new Set(), out = [];
  document.querySelectorAll('a[href]').forEach((a, i) => {
    const h = a.getAttribute('href');
    if (!seen.has(h)) { seen.add(h); out.push(i); }
  });
  return out;
}"""
CLICK = """i => {
  const a = document.querySelectorAll('a[href]')[i];
  a.removeAttribute('target'); a.removeAttribute('download'); a.click();
}"""


def _gate(server: str, loaded: list[bool]):
    """After the page loaded, a click may run script (javascript: links) but may not leave
    the page, so every link is clicked on the same page; nothing outside the site loads."""

    def gate(route):
        if not route.request.url.startswith(server):
            route.abort()
        elif loaded and route.request.is_navigation_request():
            route.fulfill(status=204)  # "no content": the browser stays on the page
        else:
            route.continue_()

    return gate


def _goto(page, url: str) -> None:
    for attempt in range(3):  # a navigation the previous page left pending may cancel it
        try:
            page.goto(url, wait_until="load")
            return
        except Exception:  # noqa: BLE001
            if attempt == 2:
                raise
            page.wait_for_timeout(300)


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_no_dialog_on_load_or_on_clicking_any_link(payload_site, chromium):
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Handler, directory=str(payload_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    server = f"http://127.0.0.1:{httpd.server_address[1]}/"
    dialogs: list[str] = []
    clicked = reloads = 0
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=ARGS, timeout=30000)
            context = browser.new_context()
            context.set_default_timeout(10000)
            for rel in _pages(payload_site) + ["report/"]:
                page = context.new_page()
                page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
                loaded: list[bool] = []
                page.route("**/*", _gate(server, loaded))
                _goto(page, server + rel)
                page.wait_for_timeout(100)
                loaded.append(True)
                # every distinct address once (a link's click depends only on its address: the
                # site's own scripts add no handlers to links): the source pages repeat hundreds
                # of "#lN" line anchors
                firsts = page.evaluate(FIRST_OF_EACH_HREF)
                for i in firsts:  # one click per task: a later click would cancel it
                    try:
                        page.evaluate(CLICK, i)
                        page.wait_for_timeout(5)
                    except Exception:  # noqa: BLE001 - the page navigated: load it again
                        loaded.clear()
                        _goto(page, server + rel)
                        loaded.append(True)
                        reloads += 1
                clicked += len(firsts)
                page.wait_for_timeout(100)
                page.close()
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert clicked > 200 and reloads < clicked / 10
    assert dialogs == []
