"""The search index in bundles: which page goes where, what a change re-indexes, and a split
index searched as one in the browser."""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading
from pathlib import Path

import pytest

from generator.search import bundles, pagefind
from generator.search.bundles import SITE, department_of, plan

WHOLE = {"": "h", "regions/": "r", "regions/130607/": "r1", "glossary/": "g", "404.html": "n"}


def _dept(code: str, years=(2023, 2024), slug="ybj") -> dict[str, str]:
    dept = f"{code}-{slug}"
    pages = {f"d/{dept}/": f"fp-{dept}"}
    for y in years:
        pages[f"d/{dept}/{y}/"] = f"fp-{dept}-{y}"
        pages[f"d/{dept}/{y}/budget/"] = "source: not indexed"
        pages[f"d/{dept}/{y}/budget/L12/"] = "figure view: not indexed"
        pages[f"d/{dept}/{y}/data.json.gz"] = "download: not indexed"
    return pages


def _site(*codes: str) -> dict[str, str]:
    pages = dict(WHOLE)
    for code in codes:
        pages.update(_dept(code))
    pages["pagefind/site/pagefind.js"] = "the index itself"
    return pages


def test_only_a_department_and_its_years_are_indexed_under_d():
    assert department_of("d/410526-ybj/") == "410526-ybj"
    assert department_of("d/410526-ybj/2024/") == "410526-ybj"
    for other in ("d/410526-ybj/2024/budget/", "d/410526-ybj/2024/data.json.gz", "regions/", "d/"):
        assert department_of(other) is None


def test_a_small_site_is_one_bundle_ranked_as_one():
    (only,) = plan(_site("410526", "130607"))
    assert only.name == SITE
    paths = [p for p, _ in only.pages]
    assert "d/410526-ybj/2024/" in paths and "regions/130607/" in paths
    assert not any("budget" in p or p.endswith(".json") or p.startswith("pagefind") for p in paths)


def test_a_large_site_is_bundled_by_province(monkeypatch):
    monkeypatch.setattr(bundles, "MAX_PAGES", 6)  # 12 department pages: split; 41 holds 6
    found = plan(_site("410526", "419001", "130607", "x"))
    assert [b.name for b in found] == [SITE, "13", "41", "x"]
    by_name = {b.name: b for b in found}
    assert {p for p, _ in by_name["41"].pages} == {
        f"d/{d}/{y}" for d in ("410526-ybj", "419001-ybj") for y in ("", "2023/", "2024/")
    }
    assert {p for p, _ in by_name["x"].pages} == {"d/x-ybj/", "d/x-ybj/2023/", "d/x-ybj/2024/"}
    assert {p for p, _ in by_name[SITE].pages} == set(WHOLE)


def test_only_the_whole_collection_pages_marked_for_search_are_in_the_site_bundle(monkeypatch):
    monkeypatch.setattr(bundles, "MAX_PAGES", 6)
    pages = _site("410526", "419001", "130607")
    marked = {"regions/130607/", "glossary/"}
    found = {
        p: [fp, f"print {fp}" if p in marked or p.startswith("d/") else ""]
        for p, fp in pages.items()
    }
    site = plan(pagefind.indexed_pages(found))[0]
    assert site.name == SITE and {p for p, _ in site.pages} == marked
    before = site.key("v")
    found["regions/"] = ["a changed page that is no search result", ""]
    assert plan(pagefind.indexed_pages(found))[0].key("v") == before


def test_a_large_province_is_split_by_city_then_county_never_a_department(monkeypatch):
    monkeypatch.setattr(bundles, "MAX_PAGES", 4)
    pages = _site("410526", "410527", "419001", "130607")
    pages.update(_dept("410526", years=range(2010, 2025), slug="czj"))  # 16 pages alone
    names = [b.name for b in plan(pages)]
    assert names == [SITE, "13", "410526", "410527", "4190"]
    (county,) = [b for b in plan(pages) if b.name == "410526"]
    assert len(county.pages) == 3 + 16  # both departments, every year: a county is not divided


def test_a_changed_page_changes_only_its_bundle_key(monkeypatch):
    monkeypatch.setattr(bundles, "MAX_PAGES", 3)
    pages = _site("410526", "130607", "640400")
    before = {b.name: b.key("v") for b in plan(pages)}
    pages["d/410526-ybj/2024/"] = "changed"
    pages["d/410526-ybj/2024/budget/"] = "changed too, but not indexed"
    after = {b.name: b.key("v") for b in plan(pages)}
    assert {n for n in before if before[n] != after[n]} == {"41"}


@pytest.fixture(scope="module")
def split_site(real_site, tmp_path_factory):
    """The real site indexed in bundles, as a national site is (a bundle per province)."""
    site, _ = real_site
    copy = tmp_path_factory.mktemp("split") / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("pagefind"))
    cache = copy.parent / "cache"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(bundles, "MAX_PAGES", 4)
        pagefind.index_site(copy, cache)
    return copy, cache


def _page_count(bundle: Path) -> int:
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return entry["languages"]["zh-cn"]["page_count"]


def test_every_searchable_page_is_in_exactly_one_bundle(split_site, tmp_path, monkeypatch):
    site, _ = split_site
    monkeypatch.setattr(bundles, "MAX_PAGES", 4)
    listing = json.loads((site / "pagefind" / "bundles.json").read_text(encoding="utf-8"))
    names = [b["name"] for b in listing["bundles"]]
    assert names == [SITE, "13", "41", "64"]
    assert sorted(p.name for p in (site / "pagefind").iterdir()) == sorted([*names, "bundles.json"])
    body = {
        p.relative_to(site).as_posix().removesuffix("index.html")
        for p in site.rglob("*.html")
        if re.search(r"<main[^>]* data-pagefind-body", p.read_text(encoding="utf-8"))
    }
    found = pagefind.search_prints(site, tmp_path, pagefind.pages_on_disk(site))
    indexed = pagefind.indexed_pages(found)
    assert {p for p in indexed if not p.startswith("d/")} == {
        p for p in body if not p.startswith("d/")
    }
    planned = plan(indexed)
    owned = [p for b in planned for p, _ in b.pages]
    assert sorted(owned) == sorted(body)  # each once, and Pagefind reads no other page
    for b in planned:  # Pagefind indexed every page it was given
        assert _page_count(site / "pagefind" / b.name) == len(b.pages)
    assert not list(site.parent.glob("cache/pagefind/*.pages"))  # the links are removed
    # merged bundles carry no copy of the interface
    assert (site / "pagefind" / SITE / "pagefind-ui.js").is_file()
    assert not list((site / "pagefind" / "41").glob("*.js"))


def test_one_changed_page_reindexes_its_province_only(split_site, tmp_path, monkeypatch):
    site, cache = split_site
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    monkeypatch.setattr(bundles, "MAX_PAGES", 4)
    pages = pagefind.pages_on_disk(copy)
    pagefind.index_site(copy, cache, pages)  # the copy's first index: from the cache
    runs: list[str] = []
    real_run = pagefind._run_pagefind
    monkeypatch.setattr(
        pagefind, "_run_pagefind", lambda s, o, b: (runs.append(b.name), real_run(s, o, b))
    )
    page = copy / "d" / "410526-ybj" / "2024" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("滑县", "滑县改"), encoding="utf-8")
    pages["d/410526-ybj/2024/"] = "changed"
    untouched = (copy / "pagefind" / "13" / "pagefind-entry.json").stat().st_mtime_ns
    pagefind.index_site(copy, cache, pages)
    assert runs == ["41"]
    assert (copy / "pagefind" / "13" / "pagefind-entry.json").stat().st_mtime_ns == untouched
    fragments = [p.read_bytes() for p in (copy / "pagefind" / "41" / "fragment").glob("*")]
    assert any("滑县改".encode() in __import__("gzip").decompress(f) for f in fragments)
    # a province whose pages are gone loses its bundle
    for path in [p for p in pages if p.startswith("d/640400-ybj/")]:
        del pages[path]
    pagefind.index_site(copy, cache, pages)
    assert not (copy / "pagefind" / "64").exists()
    listing = json.loads((copy / "pagefind" / "bundles.json").read_text(encoding="utf-8"))
    assert [b["name"] for b in listing["bundles"]] == [SITE, "13", "41"]


def test_bundles_indexed_at_once_give_the_same_index(split_site, tmp_path, monkeypatch):
    """Two Pagefind processes at a time (``--workers 2``), each on its own bundle, with an
    empty cache: the same bytes as the one-at-a-time index of the fixture."""
    site, _ = split_site
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("pagefind"))
    monkeypatch.setattr(bundles, "MAX_PAGES", 4)
    runs: list[str] = []
    real_run = pagefind._run_pagefind
    monkeypatch.setattr(
        pagefind, "_run_pagefind", lambda s, o, b: (runs.append(b.name), real_run(s, o, b))
    )
    pagefind.index_site(copy, tmp_path / "cache", workers=2)
    assert sorted(runs) == sorted([SITE, "13", "41", "64"])

    def files(root: Path) -> dict[str, bytes]:
        return {
            p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()
        }

    assert files(copy / "pagefind") == files(site / "pagefind")


@pytest.mark.browser
def test_a_split_index_is_searched_as_one_in_the_browser(split_site, chromium):
    from playwright.sync_api import sync_playwright

    from tests.site.helpers import BASE_PATH
    from tests.site.test_site_browser import ARGS, _Handler

    site, _ = split_site
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Handler, site=site)
    )
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{httpd.server_address[1]}{BASE_PATH}"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=ARGS, timeout=30000)
            page = browser.new_page(viewport={"width": 390, "height": 800})
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            found = {}
            for term in ("滑县", "满城区"):
                page.goto(root + "search/?q=" + term, wait_until="load")
                page.wait_for_selector(".pagefind-ui__result-link", timeout=15000)
                found[term] = page.evaluate(
                    """() => [...document.querySelectorAll('#search .pagefind-ui__result-link')]
                         .map(a => a.getAttribute('href'))"""
                )
            # a department-year (a province's bundle) and a region page (the site's bundle)
            assert any(h.endswith("d/410526-ybj/2024/") for h in found["滑县"]), found
            assert any(h.endswith("regions/410526/") for h in found["滑县"]), found
            assert any(h.startswith(BASE_PATH + "d/130607-ybj/") for h in found["满城区"]), found
            # the filters list the regions of every bundle (in the filter panel, folded:
            # its text, not what is drawn; which results come first is the ranking's affair)
            page.goto(root + "search/?q=基本支出", wait_until="load")
            # the filters arrive with the bundles' results: wait for both regions, however
            # busy the machine
            page.wait_for_function(
                """() => ['滑县', '满城区'].every(r => [...document.querySelectorAll(
                         '#search .pagefind-ui__filter-panel')].some(
                         e => e.textContent.includes(r + ' (')))""",
                timeout=20000,
            )
            browser.close()
        assert not errors, errors
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_pages_are_copied_where_the_file_system_makes_no_hard_link(
    split_site, tmp_path, monkeypatch
):
    """The cache on another file system than the site: Pagefind reads copies of the pages,
    and the index is the same bytes."""
    site, _ = split_site
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("pagefind"))
    monkeypatch.setattr(bundles, "MAX_PAGES", 4)

    refused: list[str] = []

    def no_link(src, dst):
        refused.append(str(dst))
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(pagefind.os, "link", no_link)
    pagefind.index_site(copy, tmp_path / "cache")
    assert any(p.endswith("d/410526-ybj/2024/index.html") for p in refused)
    for bundle in (SITE, "41"):
        made = sorted(
            p.relative_to(copy).as_posix() for p in (copy / "pagefind" / bundle).rglob("*")
        )
        assert made == sorted(
            p.relative_to(site).as_posix() for p in (site / "pagefind" / bundle).rglob("*")
        )
        for rel in made:
            if (copy / rel).is_file():
                assert (copy / rel).read_bytes() == (site / rel).read_bytes()
