"""Pages that list the whole collection stay readable when it holds thousands of
departments: one wording is shown once, however many documents use it."""

from __future__ import annotations

from types import SimpleNamespace

from generator.build import Builder
from generator.config import parse_config
from generator.site.pages import WORDING_SOURCES, by_wording
from tests.site.helpers import ROOT


def _entry(definition: str, n: int):
    return SimpleNamespace(definition=definition, source=SimpleNamespace(line=n)), f"doc{n}"


def test_a_wording_many_documents_share_is_one_group_in_first_seen_order():
    entries = [_entry("甲", 1), _entry("乙", 2), _entry("甲", 3), _entry("甲", 4)]
    groups = by_wording(entries)
    assert [(text, [d for _, d in used]) for text, used in groups] == [
        ("甲", ["doc1", "doc3", "doc4"]),
        ("乙", ["doc2"]),
    ]


def test_the_glossary_page_links_a_few_documents_per_wording_and_counts_the_rest(tmp_path):
    """Eight counties publish the same explanation: it appears once, with five links."""
    seed = ROOT / "content" / "disclosures" / "410526-滑县" / "滑县医疗保障局" / "2024-budget.txt"
    text = seed.read_text(encoding="utf-8")
    content = tmp_path / "content"
    counties = ["甲县", "乙县", "丙县", "丁县", "戊县", "己县", "庚县", "辛县"]
    for county in counties:
        folder = content / county / f"{county}医疗保障局"
        folder.mkdir(parents=True)
        (folder / "2024-budget.txt").write_text(text.replace("滑县", county), encoding="utf-8")
    cfg = parse_config(
        f'output_dir = "{(tmp_path / "_site").as_posix()}"\n'
        f'cache_dir = "{(tmp_path / ".cache").as_posix()}"\n'
        f'content_dir = "{(ROOT / "content").as_posix()}"\n',
        tmp_path,
    )
    Builder(cfg, disclosures=content, workers=1).build()
    html = (tmp_path / "_site" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert f"等 {len(counties)} 份文件" in html
    section = html[html.index("<h2>基本支出") :]
    section = section[: section.index("</section>")]
    assert section.count("2024 年部门预算</a>") == WORDING_SOURCES


def test_the_quality_page_of_a_large_site_lists_contradictions_first(tmp_path, monkeypatch):
    from generator.site import quality

    monkeypatch.setattr(quality, "LIST_MAX", 3)
    cfg = parse_config(
        f'output_dir = "{(tmp_path / "_site").as_posix()}"\n'
        f'cache_dir = "{(tmp_path / ".cache").as_posix()}"\n'
        f'content_dir = "{(ROOT / "content").as_posix()}"\n',
        tmp_path,
    )
    result = Builder(cfg, workers=1).build()
    assert result.findings > 3
    html = (tmp_path / "_site" / "quality" / "index.html").read_text(encoding="utf-8")
    listed = html.count('<li class="finding sev-')
    assert f"全站共 {result.findings} 条发现" in html and 0 < listed <= 3
    assert html.count('<li class="finding sev-error') == listed  # contradictions only
    assert "此处列出不一致和需注意最多的 3 个" in html


def test_the_quality_page_counts_packed_findings_and_unpacks_only_what_it_lists(monkeypatch):
    """Ten department-years of four findings each (two contradictions): with a list of
    three, the page is the same from packed findings as from lists, and only the
    department-years whose findings it lists are unpacked."""
    from dataclasses import replace

    from generator.checks.packed import PackedFindings
    from generator.site import quality
    from generator.site.registry import Registry
    from tests.checks.test_packed import _finding

    monkeypatch.setattr(quality, "LIST_MAX", 3)

    def findings(n):
        doc = f"甲/{2000 + n}-budget.txt"
        return [
            _finding(doc, 5),
            replace(_finding(doc, 9), severity="warning", rule="text.unit_magnitude"),
            _finding(doc, 12),
            replace(
                _finding(doc, 20), severity="info", status="not_checked", rule="cross_document.yoy"
            ),
        ]

    def site(pack):
        dys = [
            SimpleNamespace(
                findings=PackedFindings(findings(n)) if pack else findings(n),
                docs=[],
                year=2000 + n,
                department=SimpleNamespace(region_name="甲县"),
            )
            for n in range(10)
        ]
        return SimpleNamespace(department_years=dys, docs=[], findings=None, doc_for=lambda f: None)

    def context(s):
        reg = Registry()
        quality.quality_page(s, reg)
        return next(p for p in reg if p.path.endswith("quality/")).context

    plain = context(site(pack=False))
    unpacked = []
    real = PackedFindings.unpacked
    monkeypatch.setattr(
        PackedFindings, "unpacked", lambda self: unpacked.append(self) or real(self)
    )
    packed_site = site(pack=True)
    kept = context(packed_site)
    shown = lambda c: [(i["dy"].year, i["f"].message) for i in c["items"]]  # noqa: E731
    assert (
        shown(kept)
        == shown(plain)
        == [  # over three: the contradictions, in order
            (2000, "合计 1,000.00 与各项之和 999.00 不等（第 5 行）。"),
            (2000, "合计 1,000.00 与各项之和 999.00 不等（第 12 行）。"),
            (2001, "合计 1,000.00 与各项之和 999.00 不等（第 5 行）。"),
        ]
    )
    assert kept["items_total"] == plain["items_total"] == 40
    assert [s["q"] for s in kept["summaries"]] == [s["q"] for s in plain["summaries"]]
    assert kept["summaries"][0]["q"].counts == {"error": 2, "warning": 1, "info": 0}
    assert kept["summaries"][0]["q"].not_checked == 1
    assert [r.id for r in kept["rules"]] == [r.id for r in plain["rules"]]
    # the first lists three rows and two contradictions, the second the third contradiction
    first_two = {id(dy.findings) for dy in packed_site.department_years[:2]}
    assert {id(p) for p in unpacked} == first_two
