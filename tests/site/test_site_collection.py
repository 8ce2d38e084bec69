"""The site over a collection laid out any way: PDFs drawn here, in folders that say
nothing reliable, plus a notice that is not a disclosure and a two-file disclosure."""

from __future__ import annotations

import json
import re

import pytest

from generator.build import Builder
from generator.config import parse_config
from tests.site.helpers import BASE_PATH, ROOT, broken_links, page_links

pytest.importorskip("reportlab")

from tests.read.pdfmaker import make_budget, make_pdf, narrative_page, tables_page  # noqa: E402


def _config(tmp):
    text = (
        f'base_path = "{BASE_PATH}"\nbase_url = "https://example.org"\n'
        f'output_dir = "{(tmp / "_site").as_posix()}"\n'
        f'cache_dir = "{(tmp / ".cache").as_posix()}"\n'
        # the site's own pages (about, guide): --content replaces the disclosures only
        f'content_dir = "{(ROOT / "content").as_posix()}"\n'
    )
    return parse_config(text, tmp)


@pytest.fixture(scope="module")
def collection(tmp_path_factory):
    root = tmp_path_factory.mktemp("collection")
    for folder in ("001_甲", "乙/更深", "丙"):
        (root / folder).mkdir(parents=True)
    # the folder names a city the document does not: the document wins
    make_budget(root / "001_甲" / "a.pdf", "苏州市审计局2026年度部门预算公开")
    make_budget(root / "乙" / "更深" / "报告.pdf", "无锡市审计局2026年度部门预算公开")
    make_budget(root / "b.pdf", "某某事务管理中心2026年度部门预算公开")  # no region named
    make_pdf(
        root / "丙" / "附件1：2026年杭州市司法局部门预算情况说明.pdf",
        [narrative_page("杭州市司法局2026年度部门预算", "2026年收入总计1,234.56万元。")],
    )
    make_pdf(root / "丙" / "附件2：2026年杭州市司法局部门预算表.pdf", [tables_page()])
    make_pdf(root / "乙" / "通告.pdf", [[(50, "巡察通告"), (80, "现将有关事项通告如下。")]])
    return root


@pytest.fixture(scope="module")
def built(collection, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("site")
    builder = Builder(_config(tmp), quiet=True, disclosures=collection)
    result = builder.build()
    assert builder.errors == []
    return tmp, tmp / "_site", result


def test_one_page_per_department_year_whatever_the_layout(built):
    _tmp, site, _ = built
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.glob("d/*/2026/index.html"))
    assert pages == sorted(
        [
            "d/320500-sjj/2026",  # 苏州市审计局, though its folder says 甲
            "d/320200-sjj/2026",  # 无锡市审计局
            "d/330100-sfj/2026",  # 杭州市司法局, two files, one page
            *[p for p in pages if p.startswith("d/x-")],
        ]
    )
    unknown = [p for p in pages if p.startswith("d/x-")]
    assert len(unknown) == 1  # the document naming no region still has its page
    html = (site / unknown[0] / "index.html").read_text(encoding="utf-8")
    assert "某某事务管理中心" in html and "未知地区" in html


def test_report_lists_the_non_disclosure_with_its_reason_and_no_page(built):
    _tmp, site, result = built
    report = json.loads((site / "report.json").read_text(encoding="utf-8"))
    rows = {o["file"]: o for o in report["inputs"]}
    assert len(rows) == result.inputs == 6
    notice = rows["乙/通告.pdf"]
    assert notice["status"] == "not_disclosure" and notice["page"] is None
    assert "不是预算公开文件" in notice["problems"][0]["message_zh"]
    assert result.refused == 1
    assert not any("巡察通告" in p.read_text(encoding="utf-8") for p in site.glob("d/**/*.html"))
    html = (site / "report" / "index.html").read_text(encoding="utf-8")
    assert "乙/通告.pdf" in html and "不是预算公开文件，未生成页面" in html


def test_a_two_file_disclosure_is_one_page_and_both_files_are_reported(built):
    _tmp, site, _ = built
    report = json.loads((site / "report.json").read_text(encoding="utf-8"))
    rows = [o for o in report["inputs"] if o["file"].startswith("丙/")]
    assert len(rows) == 2
    assert {o["page"] for o in rows} == {"d/330100-sfj/2026/"}
    assert rows[1]["part_of"] == rows[0]["file"]
    html = (site / "d/330100-sfj/2026/index.html").read_text(encoding="utf-8")
    assert "1,234.56" in html or "1234.56" in html


def test_peers_compare_the_same_type_across_cities(built):
    _tmp, site, _ = built
    html = (site / "d/320500-sjj/2026/index.html").read_text(encoding="utf-8")
    links = page_links(html, BASE_PATH + "d/320500-sjj/2026/")
    assert any(u.startswith(f"{BASE_PATH}d/320200-sjj/2026/") for u in links)  # 无锡 beside 苏州


def test_no_broken_links(built):
    _tmp, site, _ = built
    assert broken_links(site) == []


def test_a_second_build_reads_nothing_again(built, collection, monkeypatch):
    tmp, _site, _ = built
    import generator.build as build

    def refuse(base, jobs, caches, done, workers=None):
        assert jobs == [], f"read again: {jobs}"

    monkeypatch.setattr(build, "process_in_workers", refuse)
    again = Builder(_config(tmp), quiet=True, disclosures=collection).build()
    assert again.inputs == 6 and again.written == 0


def test_two_budgets_of_one_department_year_share_no_id(tmp_path):
    """A department's budget and its own unit's (本级) budget of one year are two sections of
    one page: each with its own anchors, charts and metrics panel, and the links to them
    (from its department, indicator and peers' pages) reach the right one."""
    root = tmp_path / "collection"
    root.mkdir()
    make_budget(root / "a.pdf", "苏州市审计局2026年度部门预算公开")
    make_budget(root / "b.pdf", "苏州市审计局（本级）2026年度单位预算公开")
    make_budget(root / "c.pdf", "无锡市审计局2026年度部门预算公开")  # a peer
    builder = Builder(_config(tmp_path), quiet=True, disclosures=root)
    builder.build()
    site = tmp_path / "_site"
    html = (site / "d/320500-sjj/2026/index.html").read_text(encoding="utf-8")
    sections = re.findall(r'<section class="document" id="(doc-[^"]+)"', html)
    panels = re.findall(r'<section class="panel metrics" id="(metrics-[^"]+)"', html)
    assert len(sections) == 2 and sections[0] == "doc-budget" and len(panels) == 2
    for page in site.rglob("*.html"):
        ids = re.findall(r' id="([^"]+)"', page.read_text(encoding="utf-8"))
        assert len(ids) == len(set(ids)), (page, [i for i in set(ids) if ids.count(i) > 1])
    assert broken_links(site) == []
