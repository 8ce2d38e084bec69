"""Full-text search with Pagefind: the search page, and the index built over the written site.

Pagefind reads the built HTML (only the parts marked ``data-pagefind-body``: department-years,
departments, regions, indicators, the glossary and the findings) and writes a static index
plus its own search interface under ``pagefind/`` — nothing is fetched at view time. The
extended binary (the ``pagefind[extended]`` wheel) is required because only it segments
Chinese text into words; the standard binary would index whole runs of Han characters.

Pagefind writes its filter files in no fixed order (fragments and word chunks are stable,
filter and meta files are not), so every fresh index is rewritten into one canonical form
(``generator.search.canonical``): the same pages give the same ``pagefind/`` bytes on any
machine, with or without a cache. A finished index is also kept in the cache under a hash of
every indexed page (indexing takes a second or two) and copied from there while the pages
are the same; the folder is swapped in whole, so files of an older index never linger.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

from generator.search import canonical
from generator.search.canonical import canonicalize

FOLDER = "pagefind"
CANONICAL_VERSION = "c1"  # bump when canonical.py changes its output
KEEP = 12  # cached indexes kept (a test session builds several sites)


class SearchIndexError(RuntimeError):
    """The index could not be built; the message says why (the site itself is complete)."""


def _command(site: Path, output: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site),
        "--output-path",
        str(output),
        "--silent",
    ]


def _has_extended() -> bool:
    from importlib.util import find_spec

    return find_spec("pagefind_bin_extended") is not None


def pages_key(site: Path) -> str:
    """A hash of every page Pagefind reads (and of its version): equal keys, equal index."""
    from importlib.metadata import version

    h = hashlib.sha256((version("pagefind") + CANONICAL_VERSION).encode())
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(FOLDER + "/"):
            continue
        h.update(rel.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()[:20]


def _run_pagefind(site: Path, output: Path) -> None:
    if output.exists():
        shutil.rmtree(output)
    done = subprocess.run(_command(site, output), capture_output=True, text=True)
    if done.returncode != 0 or not (output / "pagefind.js").is_file():
        shutil.rmtree(output, ignore_errors=True)
        detail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise SearchIndexError("Pagefind failed: " + " / ".join(detail))
    try:
        canonicalize(output)
    except (canonical.FormatError, KeyError, ValueError) as exc:
        shutil.rmtree(output, ignore_errors=True)
        raise SearchIndexError(f"unexpected Pagefind output: {exc}") from exc


def _prune(cache: Path, keep: int) -> None:
    entries = sorted((p for p in cache.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime)
    for old in entries[:-keep]:
        shutil.rmtree(old, ignore_errors=True)


def index_site(site: Path, cache: Path) -> Path:
    """Index the built site in ``site`` (reusing a cached index of the same pages); return
    the index folder."""
    if not _has_extended():
        raise SearchIndexError(
            "the extended Pagefind binary is missing (pip install 'pagefind[extended]'); "
            "without it Chinese text is not split into words"
        )
    store = cache / "pagefind"
    kept = store / pages_key(site)
    if not (kept / "pagefind.js").is_file():
        store.mkdir(parents=True, exist_ok=True)
        scratch = store / (kept.name + ".tmp")
        _run_pagefind(site, scratch)
        if kept.exists():
            shutil.rmtree(kept)
        scratch.replace(kept)
        _prune(store, KEEP)
    kept.touch()
    target = site / FOLDER
    staged = site / (FOLDER + ".tmp")
    if staged.exists():
        shutil.rmtree(staged)
    shutil.copytree(kept, staged)
    if target.exists():
        shutil.rmtree(target)
    staged.replace(target)
    return target
