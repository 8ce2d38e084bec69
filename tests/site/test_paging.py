"""Long listings split by province into pages (generator/site/paging.py): the home page,
``departments/``, each year and each indicator. The seed site is built with pages of one
or two rows, so its five departments in three provinces make every listing long."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from generator.site import paging
from tests.site.helpers import broken_links


def test_a_listing_that_fits_is_one_page():
    assert paging.split("x/", ["a", "b"], lambda r: "130607", str, size=2) is None


def test_split_by_province_then_into_pages_of_at_most_size_rows():
    rows = [
        ("130607", "满城"),
        ("130304", "北戴河"),
        (None, "无地区"),
        ("130102", "长安"),
        ("410526", "滑县"),
    ]
    listing = paging.split("list/", rows, lambda r: r[0], lambda r: r[1], size=2)
    assert listing.total == 5
    assert [(p.code, p.name, p.count) for p in listing.provinces] == [
        ("130000", "河北省", 3),
        ("410000", "河南省", 1),
        ("x", "地区未知", 1),  # rows without a region come last
    ]
    hebei = listing.provinces[0].pages
    assert [(p.path, p.number, p.first, p.last) for p in hebei] == [
        ("list/130000/", 1, "满城", "北戴河"),  # the listing's own order is kept
        ("list/130000/2/", 2, "长安", "长安"),
    ]
    assert [r for p in listing.pages for r in p.rows] == [
        rows[0],
        rows[1],
        rows[3],
        rows[4],
        rows[2],
    ]
    assert all(len(p.rows) <= 2 for p in listing.pages)


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory):
    """``seed_docs_site`` built again with lists of one row a page."""
    from generator.build import Builder
    from generator.config import SiteConfig
    from tests.site.helpers import seed_docs_reader

    mp = pytest.MonkeyPatch()
    mp.setattr(paging, "PAGE_ROWS", 1)
    root = tmp_path_factory.mktemp("paged")
    content = Path(__file__).resolve().parents[2] / "content"
    config = SiteConfig(
        root=root,
        content_dir=str(content),
        output_dir="_site",
        cache_dir=str(content.parent / ".cache"),
    )
    result = Builder(config, quiet=True, reader=seed_docs_reader).build()
    mp.undo()
    return config.output_path, result


def _html(out: Path, rel: str) -> str:
    return (out / rel / "index.html").read_text(encoding="utf-8")


def _rows(html: str, here: str = "") -> list[str]:
    """A table's rows, their links resolved from the page's folder (links are relative)."""
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in html else ""

    def resolve(m: re.Match) -> str:
        href = m.group(1)  # the site is built under "/"
        path = href[1:] if href.startswith("/") else posixpath.join(here, href)
        return f'href="{posixpath.normpath(path)}'

    return [
        re.sub(r'href="([^"#]*)', resolve, r) for r in re.findall(r"<tr[ >].*?</tr>", body, re.S)
    ]


def test_home_lists_provinces_not_every_department(paged_site, seed_docs_site):
    out, _ = paged_site
    home = _html(out, "")
    assert 'class="pager"' in home and "<tbody>" not in home
    assert "共 5 个部门" in home
    for name in ("河北省", "河南省", "宁夏回族自治区"):
        assert name in home
    assert 'href="departments/130000/"' in home
    # the small site keeps its table on the home page
    assert "<tbody>" in _html(seed_docs_site[0], "") and 'class="pager"' not in _html(
        seed_docs_site[0], ""
    )


def test_every_department_is_on_exactly_one_page_of_the_listing(paged_site, seed_docs_site):
    out, _ = paged_site
    whole = _rows(_html(seed_docs_site[0], ""))  # the home page's table of every department
    paged = []
    for page in (out / "departments").rglob("index.html"):
        if page.parent != out / "departments":
            html = page.read_text(encoding="utf-8")
            assert 'aria-current="page"' in html or "宁夏回族自治区第 1 页" in html
            paged += _rows(html, page.parent.relative_to(out).as_posix())
    assert len(paged) == len(whole) == 5
    assert sorted(paged) == sorted(whole)
    first = _html(out, "departments/130000")
    assert "本页是河北省第 1 页" in first and ">第 2 页</a>" in first
    assert "<tbody>" not in _html(out, "departments")


def test_indicator_rows_are_split_without_losing_or_changing_one(paged_site, seed_docs_site):
    out, _ = paged_site
    whole = _rows(
        _html(seed_docs_site[0], "indicators/expenditure_total"), "indicators/expenditure_total"
    )
    base = _html(out, "indicators/expenditure_total")
    assert "<tbody>" not in base and 'class="pager"' in base
    assert "通俗地说" in base  # the meaning stays on the indicator's own page
    paged = []
    for page in (out / "indicators" / "expenditure_total").rglob("index.html"):
        if page.parent.name != "expenditure_total":
            html = page.read_text(encoding="utf-8")
            assert "通俗地说" not in html
            assert len(_rows(html)) == 1
            paged += _rows(html, page.parent.relative_to(out).as_posix())
    assert len(whole) >= 3
    assert sorted(paged) == sorted(whole)


def test_year_pages_are_split_too(paged_site, seed_docs_site):
    out, _ = paged_site
    year = _html(out, "years/2021")
    assert 'class="pager"' in year and "满城区医疗保障局" not in year
    assert "满城区医疗保障局" in _html(out, "years/2021/130000")
    assert "满城区医疗保障局" in _html(seed_docs_site[0], "years/2021")


def test_paged_site_has_no_broken_links(paged_site):
    out, _ = paged_site
    # the hand-built seed documents carry no source text, so their line anchors are left out
    broken = [b for b in broken_links(out, "/") if not ("#L" in b and b.endswith("(no anchor)"))]
    assert broken == []


def _two_types():
    """30 county budgets of 2021: 满城区's figures under other names, every third a 财政局."""
    from decimal import Decimal as D

    from generator.metrics import compute
    from tests.seed_docs import doc_000

    docs = []
    for i in range(30):
        doc = doc_000()
        kind = "财政局" if i % 3 == 0 else "医疗保障局"
        doc.source = f"disclosures/1399{i:02d}/测试{i}县{kind}/2021-budget.txt"
        doc.metadata.department = f"测试{i}县{kind}"
        doc.metadata.department_type = kind
        doc.metadata.region_code = f"1399{i:02d}"
        doc.indicators["basic_expenditure"].value = D(100 + i)
        docs.append(doc)
    return compute(docs)


def test_a_long_ranking_gives_its_largest_types_a_page_each(monkeypatch):
    from generator.site.metric_panels import rank_path, type_slug
    from generator.site.ranking_pages import ranking_pages

    whole = {p["path"]: p for p in ranking_pages(_two_types())}
    one = whole["rankings/basic_share/2021-budget/"]
    assert [g["type"] for g in one["groups"]] == ["医疗保障局", "财政局"]  # one page, two tables
    assert one["types"] == []

    monkeypatch.setattr(paging, "PAGE_ROWS", 10)
    metrics = _two_types()  # which types get a page is worked out once per Metrics
    pages = {p["path"]: p for p in ranking_pages(metrics)}
    base = pages["rankings/basic_share/2021-budget/"]
    # 30 rows: the 20 医疗保障局 get their own page, the 10 财政局 then fit on the ranking's
    assert [(t["type"], t["count"]) for t in base["types"]] == [("医疗保障局", 20)]
    assert base["groups"] == [one["groups"][1]]
    typed = pages[base["types"][0]["path"]]
    assert typed["type_of"] == {"type": "医疗保障局", "base": base["path"]}
    # a type's page holds its whole table, ranks and all, as the single page did
    assert typed["groups"][0]["rows"] == one["groups"][0]["rows"]
    assert f"rankings/basic_share/2021-budget/{type_slug('财政局')}/" not in pages
    for dy in metrics.department_years.values():
        path = rank_path(metrics, "basic_share", dy)
        shown = [g for g in pages[path]["groups"] if dy.department_type == g["type"]]
        assert dy.department in str(shown[0]["rows"])
        assert path.endswith("/ybj/") == (dy.department_type == "医疗保障局")


def test_a_split_ranking_renders_its_types_and_each_type_links_back(monkeypatch):
    from generator.config import SiteConfig
    from generator.render import environment, render
    from generator.site.model import build_site
    from generator.site.ranking_pages import ranking_pages
    from generator.site.registry import Page
    from tests.site.fixtures.documents import huaxian_2024

    monkeypatch.setattr(paging, "PAGE_ROWS", 10)
    pages = {p["path"]: p for p in ranking_pages(_two_types())}
    env = environment(build_site(SiteConfig(), [(None, huaxian_2024())], [], None, None))

    def html(path: str) -> str:
        ctx = pages[path]
        return render(env, Page(path, "metrics/ranking.html", ctx, {}, ctx["title"])).decode()

    base = html("rankings/basic_share/2021-budget/")
    assert "按部门类型" in base and base.count('class="data ranking-table"') == 1  # 财政局
    assert '医疗保障局</a> <span class="muted">20 个，20 个有数值' in base
    typed = html("rankings/basic_share/2021-budget/ybj/")
    assert '<a href="../">基本支出占比</a> › 医疗保障局' in typed  # links are relative
    table = typed.split('class="data ranking-table"', 1)[1].split("</table>", 1)[0]
    assert table.split("<tbody>", 1)[1].count("<tr>") == 20  # every 医疗保障局, ranked


def test_every_department_type_has_its_own_ranking_path():
    from generator.ids import DEPARTMENT_TYPES
    from generator.site.metric_panels import type_slug

    slugs = [type_slug(t) for t in [*DEPARTMENT_TYPES, None, "某某局"]]
    assert len(set(slugs)) == len(slugs)
    assert type_slug("医疗保障局") == "ybj"


def test_the_build_report_is_paged_in_its_order(paged_site, seed_docs_site):
    out, _ = paged_site
    whole = _rows(_html(seed_docs_site[0], "report"), "report")
    paged = _rows(_html(out, "report"), "report")
    assert len(paged) == 1 and "本页是第 1 页" in _html(out, "report")
    n = 2
    while (out / "report" / str(n) / "index.html").exists():
        paged += _rows(_html(out, f"report/{n}"), f"report/{n}")
        n += 1
    assert paged == whole and len(whole) > 5  # in the same order, none lost
    assert ">第 2 页</a>" in _html(out, "report")


def test_only_an_indicator_s_own_page_is_a_search_result(paged_site):
    """Pagefind indexes what is inside ``data-pagefind-body``: the pages of an indicator's
    list would each come up as the indicator again."""
    out, _ = paged_site
    assert "data-pagefind-body" in _html(out, "indicators/expenditure_total")
    parts = [p for p in (out / "indicators" / "expenditure_total").rglob("index.html")]
    assert len(parts) > 1
    for page in parts:
        if page.parent.name != "expenditure_total":
            assert "data-pagefind-body" not in page.read_text(encoding="utf-8")
