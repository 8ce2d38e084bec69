"""A source page's lines: escaped, numbered by CSS only when they run 1..n."""

from generator.model import Line
from generator.site.source_text import source_lines


def test_lines_one_to_n_are_counted_and_their_html_is_shown_not_rendered():
    counted, html = source_lines(
        [Line(1, "收入<b>总计</b>", 1), Line(2, " \t", 1), Line(3, "支出", 2)]
    )
    assert counted
    assert str(html) == (
        '<span class="page-mark" id="P1">第 1 页</span>\n'
        '<span id="L1">收入&lt;b&gt;总计&lt;/b&gt;</span>'
        '<span class="b" id="L2"> \t</span>'
        '<span class="page-mark" id="P2">第 2 页</span>\n'
        '<span id="L3">支出</span>'
    )


def test_lines_not_numbered_one_to_n_carry_their_numbers_as_links():
    counted, html = source_lines([Line(1, "甲"), Line(3, "乙"), Line(3, "丙")])
    assert not counted
    assert '<span id="L3"><a href="#L3">3</a>乙</span>' in str(html)
