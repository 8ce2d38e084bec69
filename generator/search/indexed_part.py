"""What of a page Pagefind reads, hashed: a bundle is indexed again only when that changes.

A department-year page is mostly comparisons marked ``data-pagefind-ignore`` (its peers, its
metrics, its findings). One new disclosure changes the peer tables of every department-year
of its kind and year in the country, so at 20,000 documents one new budget re-indexed nearly
every bundle (178 s of Pagefind) though no word Pagefind keeps had changed. A page's search
print hashes its bytes without the elements so marked; everything else counts, the head
included. An ignored element that carries another ``data-pagefind-`` attribute, or holds one
(a filter, a meta, a sort), is kept: Pagefind reads those even inside an ignored element.
Where an element's end cannot be found, it is kept too: a print may change when nothing
indexed did (one more Pagefind run), never stay when something did.

The prints are kept between builds beside the bundles, with the bytes' hash they were made
from, so only pages whose bytes changed are read again.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from pathlib import Path

from generator.json_text import dumps
from generator.links import output_file

IGNORE = b"data-pagefind-ignore"
BODY = b"data-pagefind-body"  # on <main> of a page that is a search result
_TAG_NAME = re.compile(rb"<([a-zA-Z][a-zA-Z0-9]*)")


_TAGS: dict[bytes, re.Pattern[bytes]] = {}


def _end_of(html: bytes, tag: bytes, start: int) -> int | None:
    """Where the element of ``tag`` opened just before ``start`` ends (after its end tag)."""
    pattern = _TAGS.get(tag) or _TAGS.setdefault(tag, re.compile(rb"<(/?)" + tag + rb"[\s>]"))
    depth = 1
    for m in pattern.finditer(html, start):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            close = html.find(b">", m.start())
            return None if close < 0 else close + 1
    return None


def indexed_part(html: bytes) -> bytes:
    """``html`` without the elements marked ``data-pagefind-ignore`` (see the module)."""
    out, pos, at = [], 0, html.find(IGNORE)
    while at >= 0:
        start = html.rfind(b"<", pos, at)
        name = _TAG_NAME.match(html, start) if start >= 0 else None
        open_end = html.find(b">", at)
        end = _end_of(html, name.group(1), open_end + 1) if name and open_end > 0 else None
        if (
            end is not None
            and html.count(b"data-pagefind-", start, open_end) == 1  # the mark alone
            and html.find(b"data-pagefind-", open_end, end) < 0  # nothing read inside
        ):
            out.append(html[pos:start])
            pos = end
        at = html.find(IGNORE, max(pos, at + len(IGNORE)))
    out.append(html[pos:])
    return b"".join(out)


def print_of(html: bytes) -> str:
    return hashlib.sha256(indexed_part(html)).hexdigest()[:24]


def prints(
    site: Path, pages: Mapping[str, str], known: Mapping[str, list], candidates: set[str]
) -> dict[str, list]:
    """For each page of ``candidates`` (paths in ``pages``, output path -> hash of the
    bytes): ``[hash of the bytes, search print or "" when it is no search result]``, taken
    from ``known`` where the bytes are the same, else read from ``site``. A page outside
    ``d/`` is a search result when it carries the mark; one under ``d/`` is a candidate only
    as a department's or department-year's page, which always does."""
    found: dict[str, list] = {}
    for path in sorted(candidates):
        fp = pages[path]
        before = known.get(path)
        if isinstance(before, list) and len(before) == 2 and before[0] == fp:
            found[path] = before
            continue
        try:
            html = (site / output_file(path)).read_bytes()
        except OSError:
            continue  # not on disk: nothing to index
        marked = path.startswith("d/") or BODY in html
        found[path] = [fp, print_of(html) if marked else ""]
    return found


def save(file: Path, found: Mapping[str, list]) -> None:
    tmp = file.with_suffix(".tmp")
    tmp.write_bytes(dumps(found))
    tmp.replace(file)
