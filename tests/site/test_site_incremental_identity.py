"""An incremental rebuild (what ``serve`` does) writes exactly the site a clean build writes.

Every cache the Builder keeps between builds (documents, findings, metrics, compiled
templates, page fingerprints) must be invisible in the output: after an edit, the whole
output folder is compared byte for byte with a clean build of the edited tree.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import generator.render as render
from generator.build import Builder
from generator.config import load_config
from tests.site.helpers import ROOT

HUAXIAN = "disclosures/410526-滑县/滑县医疗保障局/2024-budget.txt"
MANCHENG = "disclosures/130607-满城区/保定市满城区医疗保障局/2021-budget.txt"
FIGURE = "八、社会保障和就业\t701.87"


def _write_config(path: Path, out: str, cache: str, description: str = "测试站点") -> None:
    path.write_text(
        f'description = "{description}"\nbase_path = "/budget-site/"\n'
        f'base_url = "https://example.org"\noutput_dir = "{out}"\ncache_dir = "{cache}"\n',
        encoding="utf-8",
    )


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _clean_build(tmp: Path) -> dict[str, bytes]:
    """A fresh Builder into a fresh folder, with the chart bundle the first build made."""
    clean = tmp / "clean"
    if clean.exists():
        shutil.rmtree(clean)
    (clean / "cache").mkdir(parents=True)
    for bundle in (tmp / "cache").glob("vega-bundle-*.js"):
        shutil.copy(bundle, clean / "cache" / bundle.name)
    # no search index is shared: a fresh Pagefind run must give the same bytes
    _write_config(tmp / "clean.toml", "clean/out", "clean/cache", _description(tmp))
    builder = Builder(load_config(tmp / "clean.toml"), quiet=True)
    builder.build()
    assert not builder.errors
    return _tree(tmp / "clean" / "out")


def _description(tmp: Path) -> str:
    text = (tmp / "site.toml").read_text(encoding="utf-8")
    return text.split('description = "', 1)[1].split('"', 1)[0]


def _differing(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    return sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer holds {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_incremental_rebuilds_equal_clean_builds(tmp_path, monkeypatch):
    monkeypatch.delenv("SITE_BASE_PATH", raising=False)
    monkeypatch.delenv("SITE_BASE_URL", raising=False)
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    shutil.copytree(render.TEMPLATES, tmp_path / "templates")
    monkeypatch.setattr(render, "TEMPLATES", tmp_path / "templates")
    for bundle in (ROOT / ".cache").glob("vega-bundle-*.js"):
        (tmp_path / "cache").mkdir(exist_ok=True)
        shutil.copy(bundle, tmp_path / "cache" / bundle.name)
    _write_config(tmp_path / "site.toml", "out", "cache")
    builder = Builder(load_config(tmp_path / "site.toml"), quiet=True)
    builder.build()
    out = tmp_path / "out"

    # one figure of a table changes (findings and metrics follow), a peer gains a line
    _edit(content / HUAXIAN, FIGURE, "八、社会保障和就业\t701.88")
    (content / MANCHENG).write_text(
        (content / MANCHENG).read_text(encoding="utf-8") + "\n补充说明\n", encoding="utf-8"
    )
    result = builder.build()
    assert 0 < result.rendered < result.pages and not builder.errors
    assert _differing(_tree(out), _clean_build(tmp_path)) == []

    # a setting shown on every page and a template used by one kind of page
    _write_config(tmp_path / "site.toml", "out", "cache", "改过的站点说明")
    _edit(tmp_path / "templates" / "source.html", "原文文本{%", "原文文本（已改）{%")
    builder.config = load_config(tmp_path / "site.toml")
    builder.build()
    assert not builder.errors
    site = _tree(out)
    assert "改过的站点说明".encode() in site["index.html"]
    assert _differing(site, _clean_build(tmp_path)) == []


def _project(tmp: Path, monkeypatch) -> Path:
    """The seeds' content in ``tmp``, with the chart bundle, no base path from outside."""
    monkeypatch.delenv("SITE_BASE_PATH", raising=False)
    monkeypatch.delenv("SITE_BASE_URL", raising=False)
    content = tmp / "content"
    shutil.copytree(ROOT / "content", content)
    for bundle in (ROOT / ".cache").glob("vega-bundle-*.js"):
        (tmp / "cache").mkdir(exist_ok=True)
        shutil.copy(bundle, tmp / "cache" / bundle.name)
    return content


def test_two_output_folders_sharing_a_cache_keep_their_own_manifest(tmp_path, monkeypatch):
    """A preview (or a test) built into another folder with the same ``cache_dir`` must not
    make the first folder's older pages look current: after an edit built into ``other``,
    building ``out`` again writes the edit there too."""
    content = _project(tmp_path, monkeypatch)
    for name in ("out", "other"):
        _write_config(tmp_path / f"{name}.toml", name, "cache")
    Builder(load_config(tmp_path / "out.toml"), quiet=True).build()
    _edit(content / HUAXIAN, FIGURE, "八、社会保障和就业\t701.88")
    Builder(load_config(tmp_path / "other.toml"), quiet=True).build()
    Builder(load_config(tmp_path / "out.toml"), quiet=True).build()
    assert _differing(_tree(tmp_path / "out"), _tree(tmp_path / "other")) == []
    assert len({p.name for p in (tmp_path / "cache").glob("manifest-*.json")}) >= 2


def test_a_new_disclosure_makes_again_only_the_pages_that_show_something_of_it(
    tmp_path, monkeypatch
):
    """A new department, then a new year of one: the incremental site equals a clean build,
    and the pages of a department the new disclosure touches in nothing (another level,
    other years) are not made again, as they were while every page hung on the whole
    site's structure."""
    content = _project(tmp_path, monkeypatch)
    _write_config(tmp_path / "site.toml", "out", "cache")
    builder = Builder(load_config(tmp_path / "site.toml"), quiet=True, workers=1)
    builder.build()
    rendered: list[str] = []
    real = render.write_if_changed

    def recording(out, path, data):
        rendered.append(path)
        return real(out, path, data)

    monkeypatch.setattr(render, "write_if_changed", recording)
    huaxian = (content / HUAXIAN).read_text(encoding="utf-8")
    untouched = "d/640400-ybj/"  # 固原市 (a city, 2020): no peer, no year in common

    finance = content / "disclosures" / "410526-滑县" / "滑县财政局" / "2024-budget.txt"
    finance.parent.mkdir()
    finance.write_text(huaxian.replace("医疗保障局", "财政局"), encoding="utf-8")
    result = builder.build()
    assert not builder.errors and 0 < result.rendered < result.pages / 2
    assert any(p.startswith("d/410526-czj/") for p in rendered)
    assert not [p for p in rendered if p.startswith(untouched)]
    assert _differing(_tree(tmp_path / "out"), _clean_build(tmp_path)) == []

    rendered.clear()
    earlier = content / HUAXIAN.replace("2024-budget", "2023-budget")
    earlier.write_text(huaxian.replace("2024", "2023"), encoding="utf-8")
    builder.build()
    assert not builder.errors
    assert "d/410526-ybj/2024/" in rendered  # its year links name 2023 now
    assert not [p for p in rendered if p.startswith(untouched)]
    assert _differing(_tree(tmp_path / "out"), _clean_build(tmp_path)) == []
