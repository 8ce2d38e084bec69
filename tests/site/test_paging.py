"""Long listings split by province into pages (generator/site/paging.py): the home page,
``departments/``, each year and each indicator. The seed site is built with pages of one
or two rows, so its five departments in three provinces make every listing long."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from generator.site import paging
from tests.site.helpers import broken_links, build_into


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
    mp = pytest.MonkeyPatch()
    mp.setattr(paging, "PAGE_ROWS", 1)
    mp.delenv("SITE_BASE_PATH", raising=False)
    mp.delenv("SITE_BASE_URL", raising=False)
    tmp = tmp_path_factory.mktemp("paged")
    cfg, _builder, result = build_into(tmp)
    mp.undo()
    yield cfg.output_path, result


def _html(out: Path, rel: str) -> str:
    return (out / rel / "index.html").read_text(encoding="utf-8")


def _rows(html: str, here: str = "") -> list[str]:
    """A table's rows, their links resolved from the page's folder (links are relative)."""
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in html else ""

    def resolve(m: re.Match) -> str:
        return f'href="{posixpath.normpath(posixpath.join(here, m.group(1)))}'

    return [re.sub(r'href="([^"#]*)', resolve, r) for r in re.findall(r"<tr>.*?</tr>", body, re.S)]


def test_home_lists_provinces_not_every_department(paged_site, built_site):
    out, _ = paged_site
    home = _html(out, "")
    assert 'class="pager"' in home and "<tbody>" not in home
    assert "共 5 个部门" in home
    for name in ("河北省", "河南省", "宁夏回族自治区"):
        assert name in home
    assert 'href="departments/130000/"' in home
    # the small site keeps its table on the home page
    assert "<tbody>" in _html(built_site[0], "") and 'class="pager"' not in _html(built_site[0], "")


def test_every_department_is_on_exactly_one_page_of_the_listing(paged_site, built_site):
    out, _ = paged_site
    whole = _rows(_html(built_site[0], ""))  # the home page's table of every department
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


def test_indicator_rows_are_split_without_losing_or_changing_one(paged_site, built_site):
    out, _ = paged_site
    whole = _rows(
        _html(built_site[0], "indicators/expenditure_total"), "indicators/expenditure_total"
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
    assert len(whole) == 2  # the two hand-built documents state it
    assert sorted(paged) == sorted(whole)


def test_year_pages_are_split_too(paged_site, built_site):
    out, _ = paged_site
    year = _html(out, "years/2021")
    assert 'class="pager"' in year and "满城区医疗保障局" not in year
    assert "满城区医疗保障局" in _html(out, "years/2021/130000")
    assert "满城区医疗保障局" in _html(built_site[0], "years/2021")


def test_paged_site_has_no_broken_links(paged_site):
    out, _ = paged_site
    assert broken_links(out) == []
