"""Editing one disclosure rebuilds only the pages built from it (what `serve` relies on)."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.build import Builder
from generator.config import parse_config
from generator.serve import watched_paths
from tests.site.helpers import ROOT, broken_links, fixture_reader


def _setup(tmp: Path):
    content = tmp / "content"
    shutil.copytree(ROOT / "content", content)
    cfg = parse_config(
        f'output_dir = "out"\ncontent_dir = "content"\ncache_dir = "{(ROOT / ".cache").as_posix()}"\n',
        tmp,
    )
    return cfg, content


def test_editing_a_disclosure_rebuilds_only_its_pages(tmp_path):
    cfg, content = _setup(tmp_path)
    builder = Builder(cfg, quiet=True, reader=fixture_reader)
    first = builder.build()
    huaxian = cfg.output_path / "d/410526-ybj/2024/index.html"
    before = huaxian.stat().st_mtime_ns
    target = next(content.glob("disclosures/130607-*/*/2021-budget.txt"))
    target.write_text(target.read_text(encoding="utf-8") + "\n补充说明\n", encoding="utf-8")
    second = builder.build()
    assert 0 < second.rendered < first.rendered / 2
    assert huaxian.stat().st_mtime_ns == before  # not rewritten
    source = next(cfg.output_path.glob("d/130607-*/2021/budget/index.html"))
    assert "补充说明" in source.read_text(encoding="utf-8")


def test_removed_disclosure_removes_its_pages(tmp_path):
    cfg, content = _setup(tmp_path)
    builder = Builder(cfg, quiet=True, reader=fixture_reader)
    builder.build()
    gone = next(cfg.output_path.glob("d/130607-*/2021/index.html"))
    for f in content.glob("disclosures/130607-*/*/2021-budget.txt"):
        f.unlink()
    result = builder.build()
    assert result.removed > 0 and not gone.exists()


def test_serve_never_watches_the_output(tmp_path):
    cfg, _ = _setup(tmp_path)
    paths = watched_paths(cfg, str(tmp_path / "site.toml"))
    assert str(cfg.output_path) not in paths
    assert any(p.endswith("templates") for p in paths) and any(p.endswith("content") for p in paths)


def test_editing_a_template_rerenders_only_pages_using_it(tmp_path, monkeypatch):
    import generator.render as render

    templates = tmp_path / "templates"
    shutil.copytree(render.TEMPLATES, templates)
    monkeypatch.setattr(render, "TEMPLATES", templates)
    cfg, _ = _setup(tmp_path)
    builder = Builder(cfg, quiet=True, reader=fixture_reader)
    builder.build()
    (templates / "glossary.html").write_text(
        (templates / "glossary.html")
        .read_text(encoding="utf-8")
        .replace("名词解释</h1>", "名词释义</h1>"),
        encoding="utf-8",
    )
    result = builder.build()
    assert result.rendered == 1 and result.written == 1
    assert "名词释义" in (cfg.output_path / "glossary/index.html").read_text(encoding="utf-8")


def test_bad_input_never_stops_the_build(tmp_path):
    cfg, content = _setup(tmp_path)
    broken = content / "disclosures/410526-滑县/滑县医疗保障局/2023-budget.pdf"
    broken.write_bytes(b"%PDF-1.4 this is not really a PDF \x00\xff")
    empty = content / "disclosures/410526-滑县/滑县医疗保障局/2022-final.txt"
    empty.write_bytes(b"\xff\xfe\x00garbage")
    result = Builder(cfg, quiet=True).build()  # the real reader
    assert result.inputs == 7 and (cfg.output_path / "index.html").exists()
    report = (cfg.output_path / "report.json").read_text(encoding="utf-8")
    assert "2023-budget.pdf" in report and "2022-final.txt" in report
    assert result.failed + result.with_problems >= 2


def test_a_published_pdf_gets_a_source_page_with_page_anchors(tmp_path, shared_dir):
    cfg, content = _setup(tmp_path)
    folder = content / "disclosures/310107-普陀区/上海市普陀区商务委员会"
    folder.mkdir(parents=True)
    shutil.copy(
        shared_dir / "pdf/shanghai-putuo-shangwuwei-2025-budget.pdf", folder / "2025-budget.pdf"
    )
    result = Builder(cfg, quiet=True).build()
    assert result.inputs == 6
    pages = list(cfg.output_path.glob("d/310107-*/2025/budget/index.html"))
    assert len(pages) == 1
    html = pages[0].read_text(encoding="utf-8")
    assert "id=P1>" in html and "id=P2>" in html and "<p id=L1>" in html
    assert not broken_links(cfg.output_path, "/")


def test_serve_reloads_the_browser_only_when_a_file_was_written(tmp_path):
    from generator.config import load_config
    from generator.serve import make_rebuild

    shutil.copytree(ROOT / "content", tmp_path / "content")
    config = tmp_path / "site.toml"
    config.write_text('output_dir = "out"\ncache_dir = "cache"\n', encoding="utf-8")
    builder = Builder(load_config(config), quiet=True, reader=fixture_reader)
    reloads: list[int] = []
    rebuild = make_rebuild(builder, str(config), "127.0.0.1", 8123, lambda: reloads.append(1))
    assert rebuild().written > 0 and len(reloads) == 1
    assert rebuild().written == 0 and len(reloads) == 1  # nothing changed: no reload
    target = next((tmp_path / "content").glob("disclosures/130607-*/*/2021-budget.txt"))
    target.write_text(target.read_text(encoding="utf-8") + "\n补充说明\n", encoding="utf-8")
    assert rebuild().written > 0 and len(reloads) == 2
    config.write_text('output_dir = "out"\ncache_dir = "cache"\ntitle = [\n', encoding="utf-8")
    assert rebuild() is None and len(reloads) == 2  # a broken site.toml keeps the last build


def test_a_setting_shown_on_every_page_rerenders_pages_but_not_static_files(tmp_path):
    from generator.config import load_config

    shutil.copytree(ROOT / "content", tmp_path / "content")
    config = tmp_path / "site.toml"
    config.write_text('output_dir = "out"\ncache_dir = "cache"\n', encoding="utf-8")
    builder = Builder(load_config(config), quiet=True, reader=fixture_reader)
    first = builder.build()
    static = [p for p in (tmp_path / "out/static").rglob("*") if p.is_file()]
    assert static

    config.write_text(config.read_text(encoding="utf-8") + 'description = "新的说明"\n', "utf-8")
    builder.config = load_config(config)
    edited = builder.build()
    assert edited.rendered == first.pages - len(static)
    assert "新的说明" in (tmp_path / "out/index.html").read_text(encoding="utf-8")

    # moving the content folder changes where inputs are read, not a byte of any page
    shutil.copytree(tmp_path / "content", tmp_path / "moved")
    config.write_text(config.read_text(encoding="utf-8") + 'content_dir = "moved"\n', "utf-8")
    builder.config = load_config(config)
    assert builder.build().rendered == 0
