"""A source page's lines: escaped, numbered by CSS only when they run 1..n, in short markup."""

from html.parser import HTMLParser

from generator.model import Line
from generator.site.source_text import source_lines


def test_lines_one_to_n_are_counted_and_their_html_is_shown_not_rendered():
    counted, html = source_lines(
        [Line(1, "收入<b>总计</b>", 1), Line(2, " \t", 1), Line(3, "支出", 2)]
    )
    assert counted
    assert str(html) == (
        "<p class=page-mark id=P1>第 1 页"
        "<p id=L1>收入&lt;b&gt;总计&lt;/b&gt;"
        "<p id=L2>"  # a blank line: an empty paragraph, its blanks not written
        "<p class=page-mark id=P2>第 2 页"
        "<p id=L3>支出"
    )


def test_lines_not_numbered_one_to_n_carry_their_numbers_as_links():
    counted, html = source_lines([Line(1, "甲"), Line(3, "乙"), Line(3, "丙"), Line(4, "  ")])
    assert not counted
    assert '<p id=L3><a href="#L3">3</a>乙' in str(html)
    assert '<p class=b id=L4><a href="#L4">4</a>' in str(html)


class _Lines(HTMLParser):
    """Each line's id and text as an HTML parser reads them."""

    def __init__(self):
        super().__init__()
        self.lines: list[list[str]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "p":
            self.lines.append([dict(attrs)["id"], ""])

    def handle_data(self, data):
        self.lines[-1][1] += data


def test_every_character_of_a_line_but_a_blank_line_s_blanks_reaches_the_page():
    texts = ["  缩进\t的行", 'a="b" <i>x</i> & y', "", "　", "末行 "]
    _, html = source_lines([Line(i, t) for i, t in enumerate(texts, 1)])
    parser = _Lines()
    parser.feed(str(html))
    parser.close()
    assert parser.lines == [[f"L{i}", t if t.strip() else ""] for i, t in enumerate(texts, 1)]
