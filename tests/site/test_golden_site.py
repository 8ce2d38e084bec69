"""A small site built from two seeds with the real reader, compared byte for byte with the
copy under ``golden_site/``, and the same build's log, which must hold no warning.

A change that alters any page shows here as a diff naming the file. When the change is
meant (a template, a new figure), rebuild the copy with
``UPDATE_GOLDEN_SITE=1 .venv/bin/python -m pytest tests/site/test_golden_site.py``
and read the diff of ``golden_site/`` before committing it.
"""

from __future__ import annotations

import difflib
import gzip
import logging
import os
import shutil
import warnings
from contextlib import redirect_stderr
from io import StringIO
from pathlib import Path

import pytest

from generator.build_command import run_build

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden_site"
SEEDS = (
    "disclosures/130607-满城区/保定市满城区医疗保障局/2021-budget.txt",
    "disclosures/130304-北戴河区/秦皇岛市北戴河区医疗保障局/2020-performance.txt",
)
# Copies of the repository's own static/ files, the vendored chart library and Pagefind's
# index (its own determinism is tested in test_site_search.py) are not output of the
# generator's logic; everything else is compared.
NOT_COMPARED = ("static/", "pagefind/")


@pytest.fixture(scope="module")
def two_seed_build(tmp_path_factory):
    """``python -m generator build`` over two seeds and the site's pages, from scratch."""
    root = tmp_path_factory.mktemp("golden")
    for rel in SEEDS:
        target = root / "content" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / "content" / rel, target)
    shutil.copytree(ROOT / "content" / "pages", root / "content" / "pages")
    (root / "site.toml").write_text(
        'title = "预算公开数据"\n'
        'base_path = "/"\n'
        'base_url = "https://example.org"\n'
        f'cache_dir = "{(ROOT / ".cache").as_posix()}"\n',
        encoding="utf-8",
    )
    mp = pytest.MonkeyPatch()
    mp.delenv("SITE_BASE_PATH", raising=False)
    mp.delenv("SITE_BASE_URL", raising=False)
    records: list[logging.LogRecord] = []
    handler = logging.Handler(level=logging.WARNING)
    handler.emit = records.append  # type: ignore[method-assign]
    logging.getLogger().addHandler(handler)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            err = StringIO()
            with redirect_stderr(err):
                code = run_build(str(root / "site.toml"), quiet=True)
    finally:
        logging.getLogger().removeHandler(handler)
        mp.undo()
    yield root / "_site", code, err.getvalue(), caught, records


def _files(folder: Path) -> dict[str, Path]:
    """By the name the golden copy keeps: a gzip file (a department-year's data file) is
    kept unpacked, as text a reviewer can read, under its name without ``.gz``."""
    return {
        p.relative_to(folder).as_posix().removesuffix(".gz"): p
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.relative_to(folder).as_posix().startswith(NOT_COMPARED)
    }


def _content(path: Path) -> bytes:
    raw = path.read_bytes()
    return gzip.decompress(raw) if path.suffix == ".gz" else raw


def test_clean_build_logs_no_warning(two_seed_build):
    _site, code, stderr, caught, records = two_seed_build
    assert code == 0
    assert stderr == ""
    assert [str(w.message) for w in caught] == []
    assert [r.getMessage() for r in records] == []


def test_two_seed_site_matches_the_golden_copy(two_seed_build):
    site = two_seed_build[0]
    if os.environ.get("UPDATE_GOLDEN_SITE"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for rel, path in _files(site).items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_bytes(_content(path))
    built, golden = _files(site), _files(GOLDEN)
    assert sorted(built) == sorted(golden)
    assert len(golden) > 20  # home, indexes, two department-years, their sources, data...
    for rel in sorted(golden):
        new, old = _content(built[rel]), golden[rel].read_bytes()
        if new != old:
            diff = difflib.unified_diff(
                old.decode("utf-8", "replace").splitlines(),
                new.decode("utf-8", "replace").splitlines(),
                f"golden_site/{rel}",
                f"built/{rel}",
                lineterm="",
                n=1,
            )
            pytest.fail("\n".join(list(diff)[:40]))
