"""A page's search print: its bytes without what Pagefind ignores, so that a change only
there re-indexes nothing, and the index kept is the one Pagefind would make again."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from generator.search import bundles, pagefind
from generator.search.indexed_part import indexed_part, print_of

PAGE = (
    b"<html><head><title>T</title></head><body><main data-pagefind-body><h1>H</h1>"
    b'<section id="peers" data-pagefind-ignore><h2 id="p-h">P</h2>'
    b"<section><p>nested 1</p></section><p>row</p></section>"
    b'<div hidden data-pagefind-ignore><span data-pagefind-filter="k">v</span></div>'
    b'<details data-pagefind-ignore data-pagefind-weight="2"><p>w</p></details>'
    b"<p>kept</p></main></body></html>"
)


def test_the_ignored_elements_go_with_what_they_hold_nested_ones_included():
    part = indexed_part(PAGE)
    assert b"peers" not in part and b"nested" not in part and b"row" not in part
    assert part.count(b"<section") == part.count(b"</section") == 0
    assert b"<h1>H</h1>" in part and b"<title>T</title>" in part and b"<p>kept</p>" in part


def test_an_ignored_element_that_holds_or_carries_what_pagefind_reads_is_kept():
    part = indexed_part(PAGE)
    assert b'data-pagefind-filter="k"' in part  # a filter inside an ignored element
    assert b"<p>w</p>" in part  # another data-pagefind- attribute on the element itself


def test_an_element_whose_end_is_not_found_is_kept():
    broken = b"<p>a</p><section data-pagefind-ignore><p>b</p>"
    assert indexed_part(broken) == broken


def test_the_print_changes_with_what_is_indexed_only():
    assert print_of(PAGE.replace(b"<p>row</p>", b"<p>row 2</p>")) == print_of(PAGE)
    assert print_of(PAGE.replace(b'id="p-h"', b'id="p-h2"')) == print_of(PAGE)
    for before, after in ((b">H<", b">H2<"), (b">T<", b">T2<"), (b">kept<", b">kept 2<")):
        assert print_of(PAGE.replace(before, after)) != print_of(PAGE)
    filtered = PAGE.replace(b">v</span>", b">w</span>")
    assert print_of(filtered) != print_of(PAGE)


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_a_change_to_a_page_s_ignored_parts_alone_reindexes_nothing(
    real_site, tmp_path, monkeypatch
):
    """The real department-year page: its peer table and findings heading changed. No bundle
    is indexed again, and Pagefind, run afresh on the changed site, makes the same bytes as
    the index kept."""
    site, _ = real_site
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("pagefind"))
    monkeypatch.setattr(bundles, "MAX_PAGES", 4)
    pagefind.index_site(copy, tmp_path / "cache")
    page = copy / "d" / "410526-ybj" / "2024" / "index.html"
    html = page.read_text(encoding="utf-8")
    peers = html.index('id="peers"')
    changed = html[:peers] + re.sub(
        r"(<td[^>]*>)([^<]{1,40})(</td>)", r"\1\2改\3", html[peers:], count=5
    )
    changed = changed.replace('id="findings-h">核对结果', 'id="findings-h2">核对结果改')
    assert changed != html
    page.write_text(changed, encoding="utf-8")
    runs: list[str] = []
    real_run = pagefind._run_pagefind
    monkeypatch.setattr(
        pagefind, "_run_pagefind", lambda s, o, b: (runs.append(b.name), real_run(s, o, b))
    )
    pagefind.index_site(copy, tmp_path / "cache")
    assert runs == []
    kept = _files(copy / "pagefind")
    shutil.rmtree(copy / "pagefind")
    pagefind.index_site(copy, tmp_path / "fresh-cache")
    assert runs and _files(copy / "pagefind") == kept
