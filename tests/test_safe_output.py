"""The URL and CSV-cell rules of generator.safe_output, and the places that must use them."""

from decimal import Decimal

import pytest

from generator.read.sidecar import validate
from generator.safe_output import csv_cell, web_url

HOSTILE = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "  javascript:alert(1)",
    "\tjavascript:alert(1)",
    "java\tscript:alert(1)",
    "\x01javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "  VBScript:msgbox(1)",
    "file:///etc/passwd",
    "//evil.example/x",
    "/relative/path",
    'https://a.example/"onmouseover="alert(1)',
    "https://a.example/<script>",
    "http:alert(1)",
    "",
    "   ",
    None,
    42,
]


@pytest.mark.parametrize("value", HOSTILE)
def test_only_web_addresses_become_links(value):
    assert web_url(value) is None


@pytest.mark.parametrize(
    "value, expected",
    [
        ("https://www.gov.cn/a?b=1#c", "https://www.gov.cn/a?b=1#c"),
        ("  HTTP://hx.gov.cn/x.pdf ", "HTTP://hx.gov.cn/x.pdf"),
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
        ("stats.gov.cn/tjsj/pcsj/", "https://stats.gov.cn/tjsj/pcsj/"),
        ("https://hx.gov.cn/预算.pdf", "https://hx.gov.cn/预算.pdf"),
    ],
)
def test_web_addresses_are_kept(value, expected):
    assert web_url(value) == expected


@pytest.mark.parametrize(
    "text",
    ['=HYPERLINK("http://x","y")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1"],
)
def test_formula_text_is_neutralised(text):
    assert csv_cell(text) == "'" + text


@pytest.mark.parametrize("value", [Decimal("-12.5"), -12.5, -3, "-12.5", "+7", "-0.001"])
def test_numbers_stay_numbers(value):
    out = csv_cell(value)
    assert not str(out).startswith("'")
    assert str(out) == (format(value, "f") if isinstance(value, Decimal) else str(value))


def test_ordinary_text_is_untouched():
    assert csv_cell("滑县医疗保障局") == "滑县医疗保障局" and csv_cell(None) == ""


def test_a_sidecar_script_address_is_refused_with_file_and_line():
    text = 'title = "x"\n\nsource_url = "  JavaScript:alert(1)"\n'
    out, problems = validate({"title": "x", "source_url": "  JavaScript:alert(1)"}, "a.toml", text)
    assert "source_url" not in out and out["title"] == "x"
    (p,) = problems
    assert p.file == "a.toml" and p.line == 3
    assert "line 3" in p.message and "javascript:" in p.message


def test_a_sidecar_web_address_is_kept():
    out, problems = validate({"source_url": "https://hx.gov.cn/a.html"}, "a.toml", "")
    assert out["source_url"] == "https://hx.gov.cn/a.html" and not problems


def test_markdown_links_are_in_site_or_web_only():
    from generator.render import markdown

    html = str(
        markdown("[a](javascript:alert(1)) [b](data:text/html,x) [c](../x/) [d](https://e.org)")
    )
    assert 'href="javascript:' not in html and 'href="data:' not in html
    assert 'href="../x/"' in html and 'href="https://e.org"' in html
