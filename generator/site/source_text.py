"""A source page's text: one element per line of the disclosure.

These are the site's longest pages (a thousand lines and more each, a million lines at
national scale), so the lines are written here in one pass instead of by a template loop,
which spent about ten times as long on them, and in the shortest markup HTML allows for
them: at 20,000 documents the source pages were a third of the site, and a third of their
bytes was markup.

Each line is a paragraph whose end tag HTML lets us leave out (``<p id=L12>text``: a ``<p>``
ends where the next one starts), inside ``<section class="source">``, which keeps the
line's spacing by CSS (``white-space: pre-wrap``); the id needs no quotes. A blank line is an
empty paragraph: the blanks on it show nothing, so they are not written. A page mark comes
before the first line of each PDF page. When the lines are numbered 1..n, as a read text's
are, the numbers are drawn by CSS (a counter, ``.source.counted`` in site.css) and a click on
one is turned into the line's link by site.js; otherwise each line carries its number as a
link. Every text is escaped: a disclosure's HTML is shown, never rendered.
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
            out.append(f"<p class=page-mark id=P{page}>第 {page} 页")
        text = escape(ln.text) if ln.text.strip() else ""
        if counted:
            out.append(f"<p id=L{ln.number}>{text}")
        else:
            blank = "" if text else " class=b"
            out.append(f'<p{blank} id=L{ln.number}><a href="#L{ln.number}">{ln.number}</a>{text}')
    return counted, Markup("".join(out))
