"""The two places where text from a disclosure or from site.toml could turn into something
active for a visitor: a URL that becomes a link, and a CSV cell that a spreadsheet would run
as a formula. Every such URL and every CSV cell goes through this module, so the rule is
decided once.

URLs: only ``http`` and ``https`` addresses become links. A browser runs ``javascript:``,
``data:`` and ``vbscript:`` addresses (any case, after leading blanks or control characters,
even with tabs inside the scheme), so anything not plainly ``http(s)://host`` is refused.

CSV: OWASP's advice for CSV injection: a text cell beginning with ``=``, ``+``, ``-``, ``@``,
tab or carriage return is prefixed with a single quote, so Excel, LibreOffice and Google
Sheets show it as text. Numbers (Decimal, int, or text that is exactly a plain decimal
number such as ``-12.5``) stay numbers.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

# A web address we are willing to link: scheme, "//", a host of visible ASCII-safe
# characters, then anything without blanks, quotes, angle brackets or control characters.
_WEB = re.compile(
    r"https?://[A-Za-z0-9.\-\[\]:@%_~!$&'()*+,;=]+(?:[/?#][^\s\"<>\\`\x00-\x1f\x7f]*)?", re.I
)
# A bare host name with an optional path ("stats.gov.cn/tjsj/"), linked as https.
_BARE = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:/[^\s\"<>\\`\x00-\x1f\x7f]*)?")
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.\-\s]*):")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def web_url(value: object) -> str | None:
    """The address to link to, or None when ``value`` is not an http(s) web address.

    Leading and trailing blanks are dropped; a bare host name ("stats.gov.cn/x") is linked
    as https. Anything else (other schemes, relative paths, text) is not a link.
    """
    if not isinstance(value, str):
        return None
    url = value.strip()
    if not url or len(url) > 4096:
        return None
    if _WEB.fullmatch(url):
        return url
    if _BARE.fullmatch(url) and ":" not in url.split("/", 1)[0]:
        return "https://" + url
    return None


def why_not_web_url(value: str) -> str:
    """Plain words for a refused address, for the problem shown to the maintainer."""
    m = _SCHEME.match(value)
    if m:
        scheme = re.sub(r"\s", "", m.group(1)).lower()
        if scheme not in ("http", "https"):
            return f"its scheme '{scheme}:' is not http or https"
    return "it is not an http:// or https:// address"


def csv_cell(value: Any) -> Any:
    """One CSV cell as written: numbers as they are, text neutralised against formulas."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, bool) or not isinstance(value, str):
        return value
    if value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value
