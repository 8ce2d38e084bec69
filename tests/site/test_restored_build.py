"""A fresh checkout with the last build's cache and site restored (what the Pages workflow
does on every push) reads and renders only what changed, and makes the site a clean build
makes.

A checkout gives every content file a new modification time, and the restored folders keep
theirs: nothing the caches are keyed by may depend on either, nor on where the project lies.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.build import Builder
from generator.config import load_config
from tests.site.helpers import ROOT

HUAXIAN = "disclosures/410526-滑县/滑县医疗保障局/2024-budget.txt"


def _checkout(folder: Path):
    """The project as a new clone has it: content files written now, no caches."""
    shutil.copytree(ROOT / "content", folder / "content", copy_function=shutil.copyfile)
    (folder / "site.toml").write_text(
        'base_url = "https://example.org"\noutput_dir = "_site"\ncache_dir = ".cache"\n',
        encoding="utf-8",
    )
    return load_config(folder / "site.toml")


def _restore(last: Path, folder: Path) -> None:
    """As actions/cache restores them: the two folders, their files' times kept."""
    for name in (".cache", "_site"):
        shutil.copytree(last / name, folder / name)


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _readings(cfg) -> set[str]:
    return {p.name for p in (cfg.cache_path / "read").glob("*.pickle")}


def test_a_restored_build_reads_and_renders_only_what_changed(tmp_path):
    Builder(_checkout(tmp_path / "push1")).build()

    unchanged = _checkout(tmp_path / "push2")
    _restore(tmp_path / "push1", tmp_path / "push2")
    again = Builder(unchanged).build()
    assert (again.rendered, again.written) == (0, 0)

    edited = _checkout(tmp_path / "push3")
    _restore(tmp_path / "push2", tmp_path / "push3")
    path = edited.content_path / HUAXIAN
    path.write_text(path.read_text(encoding="utf-8") + "\n（本行为测试所加）\n", encoding="utf-8")
    known = _readings(edited)
    one = Builder(edited).build()
    assert len(_readings(edited) - known) == 1  # the edited disclosure, and only it, read
    assert 0 < one.written < one.pages / 4

    clean = _checkout(tmp_path / "clean")
    shutil.copyfile(path, clean.content_path / HUAXIAN)
    Builder(clean).build()
    assert _tree(edited.output_path) == _tree(clean.output_path)
