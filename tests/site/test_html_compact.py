"""Compact HTML renders the same: indentation goes, text and preformatted blocks stay."""

from __future__ import annotations

from generator.site.html_compact import compact


def test_indentation_between_tags_becomes_one_line_break():
    html = "<ul>\n    <li>一</li>\n\n    <li>二</li>  \n</ul>\n"
    assert compact(html) == "<ul>\n<li>一</li>\n<li>二</li>\n</ul>\n"


def test_preformatted_script_and_style_blocks_are_kept_byte_for_byte():
    pre = '<pre class="source">  一\n\n    二  \n</pre>'
    script = '<script type="application/json">{\n  "a": 1\n}</script>'
    style = "<STYLE>\n  p { }\n</STYLE>"
    html = f"<div>\n  {pre}\n  {script}\n {style}\n</div>"
    assert compact(html) == f"<div>\n{pre}\n{script}\n{style}\n</div>"


def test_blanks_within_a_line_and_full_width_spaces_are_text():
    html = "<p>第 1 行\u3000\u3000说明\xa0 </p>\n\u3000<p>x</p>"
    assert compact(html) == "<p>第 1 行\u3000\u3000说明\xa0 </p>\n\u3000<p>x</p>"


def test_compacting_twice_changes_nothing():
    html = "<p>\n  a\n  <b>b</b>\n</p>\n<pre>\n x\n</pre>\n"
    assert compact(compact(html)) == compact(html)
