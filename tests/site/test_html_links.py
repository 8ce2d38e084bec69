"""Links made relative where shorter: same address from the page, fewer bytes."""

from urllib.parse import urljoin

import pytest

from generator.site.html_links import relative, shorten

PAGE = "https://example.org/budget-site/d/130110-ybj/2021/"


@pytest.mark.parametrize(
    "target",
    [
        "d/130110-ybj/2021/budget/#L157",
        "d/130110-ybj/2021/#findings",
        "d/130110-ybj/2021/",
        "d/130110-ybj/2020/final/#L136",
        "d/130104-ybj/2021/#metrics-budget",
        "rankings/basic_share/2021-budget/",
        "",
        "data/findings.csv",
        "d/130110-ybj/2021/%E6%B2%B3.csv?x=1&amp;y=2#top",
    ],
)
def test_relative_link_leads_where_the_absolute_one_does(target):
    absolute = urljoin(PAGE, "/budget-site/" + target)
    # the page as a folder or as its index.html file: a fragment alone is the same document
    for page in (PAGE, PAGE + "index.html"):
        got = urljoin(page, relative(target, "d/130110-ybj/2021"))
        assert got.replace("/index.html#", "/#") == absolute


def test_a_page_that_is_not_an_index_never_gets_a_bare_fragment():
    page = "https://example.org/x/report.html"
    rel = relative("x/#top", "x", index=False)
    assert rel == "./#top" and urljoin(page, rel) == "https://example.org/x/#top"


def test_only_shorter_links_under_the_base_path_of_a_tags_change():
    html = (
        '<a class="src" href="/b/d/1/2021/budget/#L157">第 157 行</a>'
        '<a href="/b/rankings/x/">排名</a><a href="https://example.org/b/d/1/2021/">外</a>'
        '<a href="/elsewhere/d/1/2021/">旁</a><link rel="stylesheet" href="/b/d/1/2021/a.css">'
        '<a href="/b/d/1/2021/">本页</a>'
    )
    out = shorten(html, "d/1/2021/index.html", "/b/")
    assert out == (
        '<a class="src" href="budget/#L157">第 157 行</a>'
        '<a href="/b/rankings/x/">排名</a><a href="https://example.org/b/d/1/2021/">外</a>'
        '<a href="/elsewhere/d/1/2021/">旁</a><link rel="stylesheet" href="/b/d/1/2021/a.css">'
        '<a href="./">本页</a>'
    )
