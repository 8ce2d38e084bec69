"""The site built from the real corpus (../shared/corpus): 69 budgets of 11 cities in the
crawler's ``<city>/<file>.pdf`` layout, and 18 files in ``not-disclosures/`` that must be
listed in the report and get no page. Skips cleanly where ../shared is absent.

One build serves the whole module, and its Documents are cached on disk by content hash in
the project's ``.cache/`` (``generator/build_cache.py``): the first run reads the PDFs (a few
minutes on two cores), later runs only place and render them.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict

import pytest

from generator.build import Builder
from generator.config import parse_config
from generator.read import ocr
from tests.read.test_corpus_audit import SCANNED
from tests.site.helpers import BASE_PATH, ROOT, broken_links, page_links

pytestmark = pytest.mark.shared

CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory):
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present (it exists only in CI and the dev workspace)")
    tmp = tmp_path_factory.mktemp("corpus")
    cfg = parse_config(
        f'base_path = "{BASE_PATH}"\nbase_url = "https://example.org"\n'
        f'output_dir = "{(tmp / "_site").as_posix()}"\n'
        f'content_dir = "{(ROOT / "content").as_posix()}"\n'
        f'cache_dir = "{(ROOT / ".cache").as_posix()}"\n',
        tmp,
    )
    builder = Builder(cfg, quiet=True, disclosures=CORPUS)
    result = builder.build()
    assert builder.errors == []
    report = json.loads((tmp / "_site" / "report.json").read_text(encoding="utf-8"))
    return tmp / "_site", result, report["inputs"]


def test_no_broken_links(corpus_site):
    site, _, _ = corpus_site
    broken = broken_links(site)
    assert not broken, "\n".join(broken[:20])


def test_every_non_disclosure_is_reported_and_gets_no_page(corpus_site):
    site, result, rows = corpus_site
    refused = {o["file"] for o in rows if o["status"] == "not_disclosure"}
    expected = {
        p.relative_to(CORPUS).as_posix() for p in (CORPUS / "not-disclosures").rglob("*.pdf")
    }
    assert len(expected) == 18
    if ocr.available():  # the three scanned 长沙 files are evaluation reports and a notice
        expected |= set(SCANNED)
    assert refused == expected
    assert all(o["page"] is None and o["problems"] for o in rows if o["file"] in refused)
    assert result.refused == len(expected)


def test_one_page_per_department_year(corpus_site):
    site, _, rows = corpus_site
    budgets = [o for o in rows if o["status"] in ("ok", "problems", "failed")]
    assert len(budgets) == (66 if ocr.available() else 69)
    assert all(o["page"] for o in budgets)
    pages = {re.match(r"d/[^/]+/\d+/", o["page"]).group(0) for o in budgets}
    built = {p.parent.relative_to(site).as_posix() + "/" for p in site.glob("d/*/*/index.html")}
    assert pages == built
    # 无锡's two 教育局 budgets (the department's and its own unit's) share one page; every
    # other file is a department-year of its own
    assert len(pages) >= 60


def test_same_type_departments_of_different_cities_are_peers(corpus_site):
    site, _, rows = corpus_site
    by_type: dict[str, set[str]] = defaultdict(set)
    for page in {o["page"] for o in rows if o["page"]}:
        region, _, slug = page.split("/")[1].partition("-")
        by_type[slug].add(region)
    across = {slug for slug, regions in by_type.items() if len(regions) >= 2}
    assert {"jtysj", "xfj", "swj"} <= across  # 交通运输局, 信访局, 商务局
    html = (site / "d/440100-jtysj/2026/index.html").read_text(encoding="utf-8")
    links = page_links(html, BASE_PATH + "d/440100-jtysj/2026/")
    for city in ("320500", "320200", "330100"):  # 苏州, 无锡, 杭州: same level as 广州
        assert any(u.startswith(f"{BASE_PATH}d/{city}-jtysj/2026/") for u in links)


def test_a_document_naming_no_region_says_so(corpus_site):
    site, _, rows = corpus_site
    row = next(o for o in rows if o["file"].endswith("2026年武汉市信访局部门预算.pdf"))
    html = (site / row["page"] / "index.html").read_text(encoding="utf-8")
    assert "国家信访局" in html and "未知地区" in html


def test_a_sum_of_printed_parts_says_so_on_the_page(corpus_site):
    # 湖州市退役军人事务局: 基本支出 is printed only as 人员支出 1487.48 | 公用经费 116.93 (p.20)
    site, _, rows = corpus_site
    row = next(o for o in rows if o["file"].endswith("2026年湖州市退役军人事务局部门预算.pdf"))
    html = (site / row["page"] / "index.html").read_text(encoding="utf-8")
    assert "1,604.41" in html
    assert "此数为同一行所列各项之和：1487.48 + 116.93 万元" in html


def test_build_measures(corpus_site):
    """Not a timing test: the numbers are printed for the benchmark record."""
    _, result, _ = corpus_site
    print(f"corpus build: {result.pages} pages, {result.seconds:.1f}s, {result.timings}")
    assert result.pages > 69
