"""A source page's text: one element per line of the disclosure.

These are the site's longest pages (a thousand lines and more each, a million lines at
national scale), so the lines are written here in one pass instead of by a template loop,
which spent about ten times as long on them. The markup is the same the template wrote:
``<span id="L12">text</span>``, ``class="b"`` on a blank line, a page mark before the first
line of each PDF page. When the lines are numbered 1..n, as a read text's are, the numbers
are drawn by CSS (a counter, ``pre.source.counted`` in site.css) and a click on one is
turned into the line's link by site.js; otherwise each line carries its number as a link.
Every text is escaped: a disclosure's HTML is shown, never rendered.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from generator.model import Line


def source_lines(lines: Sequence[Line]) -> tuple[bool, Markup]:
    """Whether CSS numbers the lines, and their markup."""
    counted = all(ln.number == i for i, ln in enumerate(lines, 1))
    out = []
    page = None
    for ln in lines:
        if ln.page and ln.page != page:
            page = ln.page
            out.append(f'<span class="page-mark" id="P{page}">第 {page} 页</span>\n')
        blank = "" if ln.text.strip() else ' class="b"'
        number = "" if counted else f'<a href="#L{ln.number}">{ln.number}</a>'
        out.append(f'<span{blank} id="L{ln.number}">{number}{escape(ln.text)}</span>')
    return counted, Markup("".join(out))
