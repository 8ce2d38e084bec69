"""Search: the Pagefind index of the site as `make site` builds it (the real reader), read as
files and queried in the browser, offline."""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import shutil
import threading
from pathlib import Path

import pytest

from tests.site.test_site_browser import ARGS, _Handler

PROJECT = "新冠患者救治费用"  # a project of 滑县 2024 (预拨新冠患者救治费用中央和省级财政补助资金)
# Each term with a page that must be on the first page of results (ten) in the browser.
TERMS = {
    "三公经费": "d/410526-ybj/2024/",
    "基本支出": "d/410526-ybj/2024/",
    "机关运行经费": "glossary/",
    PROJECT: "d/410526-ybj/2024/",
    "滑县": "regions/410526/",
    "满城区": "regions/130607/",
}


def _fragments(site: Path) -> list[dict]:
    out = []
    for path in sorted((site / "pagefind").glob("*/fragment/*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        page = json.loads(data[len(b"pagefind_dcd") :])
        page["text"] = page["content"].replace("\u200b", "").replace("“", "").replace("”", "")
        out.append(page)
    return out


def test_index_holds_every_kind_with_filters(real_site):
    site, _ = real_site
    entry = json.loads(
        (site / "pagefind" / "site" / "pagefind-entry.json").read_text(encoding="utf-8")
    )
    assert "zh-cn" in entry["languages"]
    pages = _fragments(site)
    kinds = {k for p in pages for k in p["filters"].get("类型", [])}
    assert kinds == {"部门年度", "部门", "地区", "指标", "名词解释", "核对发现"}
    dy = [p for p in pages if "部门年度" in p["filters"]["类型"]]
    assert dy and all(p["filters"].get("地区") and p["filters"].get("年度") for p in dy)
    # nothing outside <main> (navigation, footer) and no source page is indexed
    assert not any("/budget/" in p["url"] or "/final/" in p["url"] for p in pages)
    assert not any("订阅更新" in p["text"] for p in pages)


def test_index_holds_the_budget_terms(real_site):
    site, _ = real_site
    pages = _fragments(site)
    for term, url in TERMS.items():
        found = {p["url"] for p in pages if term in p["text"]}
        assert any(u.endswith("/" + url) for u in found), f"{term}: {sorted(found)}"


@pytest.fixture(scope="module")
def real_server(real_site):
    site, _ = real_site
    handler = functools.partial(_Handler, site=site)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.browser
def test_search_finds_the_budget_terms_in_the_browser(real_server, chromium):
    from playwright.sync_api import sync_playwright

    from tests.site.helpers import BASE_PATH

    prefix = BASE_PATH  # real_site is built under the project base path
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS, timeout=30000)
        page = browser.new_page(viewport={"width": 390, "height": 800})
        outside, errors = [], []
        page.on(
            "request",
            lambda r: outside.append(r.url) if not r.url.startswith(real_server) else None,
        )
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        for term, url in TERMS.items():
            # typed into the masthead box of the home page, as a visitor would
            page.goto(real_server + prefix, wait_until="load")
            page.fill("#site-q", term)
            page.press("#site-q", "Enter")
            page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
            # the first page of results as the interface shows it (ten pages, each with its
            # own link first and the sections it matched nested under it)
            page.wait_for_function(
                """() => { const items = document.querySelectorAll('#search .pagefind-ui__result');
                   return items.length >= 1 && [...items].every(
                     li => li.querySelector('.pagefind-ui__result-link')); }""",
                timeout=15000,
            )
            links = page.evaluate(
                """() => [...document.querySelectorAll('#search .pagefind-ui__result')]
                     .map(li => li.querySelector('.pagefind-ui__result-link').href)"""
            )
            assert len(links) <= 10
            assert any(link.split("#")[0].endswith("/" + url) for link in links), (term, links)
        # a filter narrows the results to one region
        page.goto(real_server + prefix + "search/?q=" + "基本支出", wait_until="load")
        page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
        counts = page.evaluate(
            """async () => { const box = document.querySelector('#search');
               const index = box.getAttribute('data-index');
               const pf = await import(box.getAttribute('data-bundle') + 'pagefind.js');
               const listing = await (await fetch(index + 'bundles.json')).json();
               for (const b of listing.bundles.filter(b => b.name !== 'site'))
                 await pf.mergeIndex(index + b.name + '/');
               const all = await pf.search('基本支出');
               const one = await pf.search('基本支出', {filters: {地区: '滑县'}});
               return [all.results.length, one.results.length]; }"""
        )
        assert counts[0] > counts[1] > 0
        browser.close()
    assert not outside, outside
    assert not errors, errors


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_fresh_indexes_of_the_same_pages_are_byte_identical(real_site, tmp_path):
    """No cache, two machines: Pagefind run twice from scratch over the same pages gives the
    same bytes once canonicalised (Pagefind alone writes filter files in a varying order)."""
    from generator.search.pagefind import index_site

    site, _ = real_site
    trees = []
    for n in (1, 2):
        copy = tmp_path / f"site{n}"
        shutil.copytree(site, copy, ignore=shutil.ignore_patterns("pagefind"))
        index_site(copy, tmp_path / f"cache{n}")  # an empty cache: Pagefind runs
        trees.append(_tree(copy / "pagefind"))
    assert trees[0] == trees[1]
    assert trees[0] == _tree(site / "pagefind")
    assert any(name.startswith("site/filter/") for name in trees[0])


def test_filter_files_are_sorted_and_uncompressed(real_site):
    import cbor2

    from generator.search.canonical import SIGNATURE, canonical_filter

    site, _ = real_site
    files = sorted((site / "pagefind").glob("*/filter/*.pf_filter"))
    assert files and len(files) <= 3 * len(list((site / "pagefind").glob("*/filter")))
    for path in files:
        data = path.read_bytes()
        assert data.startswith(SIGNATURE)
        obj = cbor2.loads(data[len(SIGNATURE) :])
        assert obj == canonical_filter(obj, path.name)
