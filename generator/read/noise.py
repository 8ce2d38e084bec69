"""Remove conversion noise that is not part of the published text.

Word exports leave bookmarks (``[bookmark: _Toc41056480]``) and table-of-contents field codes
(``TC 总体绩效目标 \\f A \\l 1``) in the text; web exports leave raw HTML inside table cells
(``<p>…</p>``, ``<ol style=…>``). None of it was printed, so none of it may reach a page:
the HTML in particular is untrusted and must never be rendered, so it becomes plain text.
"""

from __future__ import annotations

import html
import re

_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
# ``TC "title" \f C \l 1`` (Word table-of-contents entry field), with or without quotes.
_TC_FIELD = re.compile(r"\s*\bTC\s+.*?\\f\s+[A-Za-z]\s+\\l\s+\d+\s*")
_OTHER_FIELDS = re.compile(
    r"\s*(?:PAGEREF\s+_Toc\w*(?:\s+\\h)?|HYPERLINK\s+\\l\s+\"[^\"]*\"|TOC\s+(?:\\[a-z]\s+(?:\"[^\"]*\"\s*)?)+)"
)
# A tag: "<" + letter, "/" or "!" ... ">" (so "≤<5%" or "a < b" are left alone).
_TAG = re.compile(r"<[A-Za-z/!][^<>]*>")
_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:p|br|li|ol|ul|div|tr|td|th|h[1-6])\b[^<>]*>", re.I)
_SPACES = re.compile(r"[ \u00a0]{2,}")


def strip_html(text: str) -> str:
    """HTML tags -> plain text (entities decoded, block tags become spaces)."""
    if "<" not in text and "&" not in text:
        return text
    for _ in range(3):  # decoding entities can reveal escaped tags: strip those too
        text = _BLOCK_TAG.sub(" ", text)
        text = _TAG.sub("", text)
        if "&" not in text:
            break
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    text = _BLOCK_TAG.sub(" ", text)
    text = _TAG.sub("", text)
    return _SPACES.sub(" ", text).strip() if "  " in text else text.strip(" ")


def clean(line: str) -> str:
    """One input line without bookmarks, field codes and HTML (tabs and indentation kept)."""
    if "[bookmark:" in line:
        line = _BOOKMARK.sub("", line)
    if "\\l" in line and "TC " in line:
        line = _TC_FIELD.sub("", line)
    if "PAGEREF" in line or "HYPERLINK" in line or "TOC \\" in line:
        line = _OTHER_FIELDS.sub("", line)
    if "<" in line or "&" in line:
        # tabs separate cells: clean each cell so a tag never swallows a separator
        line = "\t".join(strip_html(cell) if cell else cell for cell in line.split("\t"))
    return line.rstrip("\r\n\f\v")
