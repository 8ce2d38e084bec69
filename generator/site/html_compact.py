"""Compact HTML: the templates' indentation is not written to the site.

A run of blanks that holds a line break renders exactly like a single line break wherever
white space collapses, so each such run becomes one ``\\n``. Inside ``<pre>``, ``<textarea>``,
``<script>`` and ``<style>`` every character is kept (a disclosure's source text keeps its
spacing). Only ASCII blanks are touched: a full-width space (U+3000) or a no-break space in a
disclosure is text, not indentation. The result depends on the input only (deterministic).
"""

from __future__ import annotations

import re

_KEPT = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.IGNORECASE | re.DOTALL)
_BLANKS = re.compile(r"[ \t\r\f]*\n[ \t\r\n\f]*")


def compact(html: str) -> str:
    parts = _KEPT.split(html)
    out = []
    # split() yields: text, kept block, tag name, text, kept block, tag name, ...
    for i in range(0, len(parts), 3):
        out.append(_BLANKS.sub("\n", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)
