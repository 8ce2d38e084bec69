"""Full-text search with Pagefind: the index built over the written site, in bundles.

Pagefind reads the built HTML (only the parts marked ``data-pagefind-body``: department-years,
departments, regions, indicators, the glossary and the findings) and writes a static index;
its own search interface is written beside it under ``pagefind/`` — nothing is fetched at
view time. The extended binary (the ``pagefind[extended]`` wheel) is required because only it
segments Chinese text into words; the standard binary would index whole runs of Han
characters.

The site is indexed as several bundles (``generator.search.bundles``: the whole-collection
pages, then one per province), each in ``pagefind/<name>/``, listed in
``pagefind/bundles.json``; the search page merges them. Pagefind's memory is bounded by the
largest bundle, and a changed document re-indexes only its own bundle: a bundle whose key
(a hash of what Pagefind reads of its pages) is unchanged is left as it is. Pagefind is pointed at a folder
of hard links to the bundle's pages alone (``_stage``), so it never parses a page that is
not a search result: a glob over the site's folders would take in every ranking page too.

Pagefind writes its filter files in no fixed order (fragments and word chunks are stable,
filter and meta files are not), so every fresh bundle is rewritten into one canonical form
(``generator.search.canonical``): the same pages give the same ``pagefind/`` bytes on any
machine, with or without a cache. Finished bundles are also kept in the cache under their
key and copied from there while the pages are the same; a bundle's folder is swapped in
whole, so files of an older index never linger.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from generator.file_hashes import folder_key
from generator.json_text import load_object
from generator.links import output_file
from generator.search import canonical, indexed_part
from generator.search.bundles import SITE, Bundle, department_of, plan
from generator.search.canonical import canonicalize

FOLDER = "pagefind"
LISTING = "bundles.json"  # the bundles' names: read by the search page
CANONICAL_VERSION = "c2"  # bump when canonical.py or the bundles' layout changes output
KEEP = 12  # cached bundles kept beyond those of the current site (tests build several sites)


class SearchIndexError(RuntimeError):
    """The index could not be built; the message says why (the site itself is complete)."""


def entry_file(site: Path) -> Path:
    """The file whose presence says the site has a search index."""
    return site / FOLDER / SITE / "pagefind.js"


def _command(pages: Path, output: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(pages),
        "--glob",
        "**/*.html",
        "--output-path",
        str(output),
        "--silent",
    ]


def _stage(site: Path, folder: Path, bundle: Bundle) -> None:
    """A folder holding the bundle's pages alone, at their paths in the site (so Pagefind
    gives them their own addresses): hard links where the file system allows, else copies."""
    if folder.exists():
        shutil.rmtree(folder)
    for path, _ in bundle.pages:
        name = output_file(path)
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(site / name, target)
        except OSError:
            shutil.copyfile(site / name, target)


def _has_extended() -> bool:
    from importlib.util import find_spec

    return find_spec("pagefind_bin_extended") is not None


def _salt() -> str:
    from importlib.metadata import version

    return version("pagefind") + CANONICAL_VERSION


def pages_on_disk(site: Path) -> dict[str, str]:
    """Every HTML page of a built site with a hash of its bytes, for a caller that has no
    render manifest at hand."""
    pages = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(FOLDER + "/"):
            continue
        page = (
            rel[: -len("index.html")] if rel == "index.html" or rel.endswith("/index.html") else rel
        )
        pages[page] = hashlib.sha256(path.read_bytes()).hexdigest()[:24]
    return pages


def search_prints(site: Path, store: Path, pages: Mapping[str, str]) -> dict[str, list]:
    """``indexed_part.prints`` of every page Pagefind may read: a department's and its
    years' pages under ``d/``, every HTML page outside it (kept in ``store`` between builds,
    per output folder)."""
    candidates = {
        p
        for p in pages
        if output_file(p).endswith(".html")
        and not p.startswith(FOLDER + "/")
        and (department_of(p) is not None or not p.startswith("d/"))
    }
    file = store / f"prints-{folder_key(site, store)}.json"
    found = indexed_part.prints(site, pages, load_object(file), candidates)
    indexed_part.save(file, found)
    return found


def indexed_pages(found: Mapping[str, list]) -> dict[str, str]:
    """Of ``search_prints``: each search result's print (a page without the mark has none)."""
    return {p: fp for p, (_, fp) in found.items() if fp}


def _run_pagefind(site: Path, output: Path, bundle: Bundle) -> None:
    if output.exists():
        shutil.rmtree(output)
    pages = output.with_name(output.name + ".pages")
    try:
        _stage(site, pages, bundle)
        done = subprocess.run(_command(pages, output), capture_output=True, text=True)
    finally:
        shutil.rmtree(pages, ignore_errors=True)
    if done.returncode != 0 or not (output / "pagefind-entry.json").is_file():
        shutil.rmtree(output, ignore_errors=True)
        detail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise SearchIndexError(f"Pagefind failed on bundle {bundle.name}: " + " / ".join(detail))
    try:
        canonicalize(output)
    except (canonical.FormatError, KeyError, ValueError) as exc:
        shutil.rmtree(output, ignore_errors=True)
        raise SearchIndexError(f"unexpected Pagefind output: {exc}") from exc
    if bundle.name != SITE:  # merged bundles need only their index: the interface is site's
        for extra in [*output.glob("*.js"), *output.glob("*.css")]:
            extra.unlink()


def _cached(site: Path, store: Path, bundle: Bundle, key: str) -> Path:
    kept = store / f"{bundle.name}-{key}"
    if not (kept / "pagefind-entry.json").is_file():
        scratch = store / (kept.name + ".tmp")
        _run_pagefind(site, scratch, bundle)
        if kept.exists():
            shutil.rmtree(kept)
        scratch.replace(kept)
    kept.touch()
    return kept


def _prune(store: Path, current: set[str], keep: int) -> None:
    others = [p for p in store.iterdir() if p.is_dir() and p.name not in current]
    for old in sorted(others, key=lambda p: p.stat().st_mtime)[: -keep or None]:
        shutil.rmtree(old, ignore_errors=True)


def _swap_in(kept: Path, dest: Path) -> None:
    staged = dest.with_name(dest.name + ".tmp")
    if staged.exists():
        shutil.rmtree(staged)
    shutil.copytree(kept, staged)
    if dest.exists():
        shutil.rmtree(dest)
    staged.replace(dest)


def _state_file(store: Path, site: Path) -> Path:
    """Which key each bundle in an output folder has: kept in the cache, not published."""
    return store / f"in-{folder_key(site, store)}.json"


def index_site(
    site: Path, cache: Path, pages: Mapping[str, str] | None = None, workers: int = 1
) -> Path:
    """Index the built site in ``site``, whose pages are ``pages`` (output path -> hash of
    the bytes; default: read from disk): each bundle whose pages changed is indexed again
    (or copied from the cache), the others are left as they are. Returns the index folder.

    Up to ``workers`` Pagefind processes run at once, each on its own bundle and into its
    own cache folder; the bundles are then put in place in their order, so the index is the
    same bytes whatever the number. Memory is then bounded by the largest bundles at once."""
    if not _has_extended():
        raise SearchIndexError(
            "the extended Pagefind binary is missing (pip install 'pagefind[extended]'); "
            "without it Chinese text is not split into words"
        )
    pages = pages_on_disk(site) if pages is None else pages
    store, target = cache / "pagefind", site / FOLDER
    store.mkdir(parents=True, exist_ok=True)
    bundles = plan(indexed_pages(search_prints(site, store, pages)))
    if not bundles or bundles[0].name != SITE:
        raise SearchIndexError("the site has no page to search")
    salt = _salt()
    if target.is_dir() and not (target / LISTING).is_file():
        shutil.rmtree(target)  # an index of another layout
    target.mkdir(parents=True, exist_ok=True)
    state = _state_file(store, site)
    before = load_object(state)
    state.unlink(missing_ok=True)  # said again once every bundle is in place
    keys = {b.name: b.key(salt) for b in bundles}
    todo = [
        b
        for b in bundles
        if before.get(b.name) != keys[b.name]
        or not (target / b.name / "pagefind-entry.json").is_file()
    ]
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        kept = list(pool.map(lambda b: _cached(site, store, b, keys[b.name]), todo))
    for bundle, folder in zip(todo, kept, strict=True):
        _swap_in(folder, target / bundle.name)
    for stale in sorted(set(p.name for p in target.iterdir()) - set(keys) - {LISTING}):
        path = target / stale
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    listing = {"bundles": [{"name": b.name} for b in bundles]}
    (target / LISTING).write_text(json.dumps(listing, separators=(",", ":")), encoding="utf-8")
    state.write_text(json.dumps(keys, sort_keys=True), encoding="utf-8")
    _prune(store, {f"{name}-{key}" for name, key in keys.items()}, KEEP)
    return target


def update(site: Path, cache: Path, pages: Mapping[str, str], workers: int = 1) -> None:
    """``index_site``, said as a warning when it fails: the site works without search."""
    try:
        index_site(site, cache, pages, workers)
    except SearchIndexError as exc:
        print(f"warning: no search index: {exc}; the site works without search", file=sys.stderr)
