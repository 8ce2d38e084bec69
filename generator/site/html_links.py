"""Links written relative to their page where that is shorter.

The templates write every link absolute under ``base_path`` (``Links.url``): one rule, and a
page's links do not depend on where the page is. But a department-year page links hundreds
of times into its own folder, once for every figure's source line, and at national scale
those links were a tenth of the site's bytes: written
relative, ``/d/130110-ybj/2021/budget/#L157`` is ``budget/#L157``. A link is rewritten only
when its relative form is shorter, so links that climb out of the page's folder
(``../../../rankings/…``) stay absolute. Both forms lead to the same address from the page's
own, so the rewrite changes bytes, never where a link goes; it is a pure function of the page
(deterministic). Only ``<a href>`` is touched: the 404 page, served at any address, keeps its
links absolute (``render``), as do feeds and sitemaps, which are not HTML pages.
"""

from __future__ import annotations

import re

_A_HREF = re.compile(r'(<a\s[^>]*?href=")(/[^"]*)"')


def relative(target: str, page_dir: str, index: bool = True) -> str:
    """``target`` (a site path, no leading slash, maybe with ``?`` or ``#``) as seen from a
    page in the folder ``page_dir`` (no leading or trailing slash; ``""`` for the site's
    root); ``index``: the page is that folder's ``index.html``, so a fragment alone is it."""
    cut = min((i for i in (target.find("?"), target.find("#")) if i >= 0), default=len(target))
    path, tail = target[:cut], target[cut:]
    *folders, leaf = path.split("/")
    here = page_dir.split("/") if page_dir else []
    same = 0
    while same < min(len(here), len(folders)) and here[same] == folders[same]:
        same += 1
    rel = "../" * (len(here) - same) + "".join(f + "/" for f in folders[same:]) + leaf
    if rel:
        return rel + tail
    # the page's own folder: its fragment alone, or "./" for the folder itself
    return tail if index and tail.startswith("#") else "./" + tail


def shorten(html: str, page_path: str, base_path: str) -> str:
    """``html`` of the page written at ``page_path`` (output-relative) with each ``<a>`` link
    under ``base_path`` relative where that is shorter."""
    page_dir, _, name = page_path.rpartition("/")

    def one(m: re.Match) -> str:
        href = m.group(2)
        if not href.startswith(base_path) or href.startswith("//"):
            return m.group(0)
        rel = relative(href[len(base_path) :], page_dir, name == "index.html")
        return f'{m.group(1)}{rel if len(rel) < len(href) else href}"'

    return _A_HREF.sub(one, html)
