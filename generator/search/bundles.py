"""Which search bundle indexes which page: a national site is indexed in bounded pieces.

Pagefind holds every page it indexes in memory (about 1 MB per department-year page), so one
index over a national collection would not fit in a small machine, and one changed document
would make it index the whole site again. A site with more than ``MAX_PAGES`` department and
department-year pages is therefore indexed as several bundles that the search page merges
(Pagefind's ``mergeIndex``):

- ``site``: the pages about the whole collection (regions, indicators, glossary, findings);
  it also carries Pagefind's interface;
- one bundle per province (the first two digits of a department's region code; ``x`` for
  departments of unknown region) holding its departments' and department-years' pages.
  A province with more than ``MAX_PAGES`` such pages is split by city (four digits), a city
  by county (six), so no bundle grows beyond what one region level holds.

A smaller site is one bundle, ``site``: scores of separate indexes are not comparable (a word
on every page of a small province's bundle weighs little there), so pages are ranked in one
index as long as one index is affordable.

A bundle is the list of its pages, and Pagefind reads exactly those (``pagefind.py`` gives
it a folder of links to them), never the pages beside them that the templates do not mark
with ``data-pagefind-body``: under ``d/`` a department's page (``d/<id>/``) and its years'
pages (``d/<id>/<year>/``), not the sources and printed-page views beneath them; outside
``d/`` the pages the caller gives, which ``pagefind.py`` finds marked, not the thousands of
ranking and per-region indicator pages beside them. At 20,000 documents Pagefind spent
25.6 s parsing 3,844 whole-collection pages to index the 102 marked among them, and 1.7 s
on those alone.

A bundle's key hashes its pages' search prints (``indexed_part.py``: what Pagefind reads of
each), so a changed document re-indexes its own province only, a change to what Pagefind
ignores nothing, and a new version of the generator that writes the same pages nothing.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from generator.ids import region_part
from generator.links import Links, output_file

SITE = "site"  # the bundle of the whole-collection pages, with Pagefind's interface
UNKNOWN = "x"  # departments of unknown region (their ids start with "x-")
MAX_PAGES = 600  # department and department-year pages per bundle before it is split
LEVELS = (2, 4, 6)  # province, city, county digits of a region code


@dataclass(frozen=True)
class Bundle:
    name: str  # folder under pagefind/: "site", "13", "1306", "x"
    pages: tuple[tuple[str, str], ...]  # (page path, its search print), sorted: all it reads

    def key(self, salt: str) -> str:
        h = hashlib.sha256(salt.encode() + b"\0" + self.name.encode())
        for path, fp in self.pages:
            h.update(path.encode() + b"\0" + fp.encode() + b"\0")
        return h.hexdigest()[:20]


def department_of(path: str) -> str | None:
    """The department id of an indexed page under ``d/`` (its own or a year's page), else
    None (a source or figure view, or a page outside ``d/``)."""
    parts = path.split("/")
    if parts[0] != "d" or len(parts) not in (3, 4) or parts[-1] != "" or not parts[1]:
        return None
    return parts[1]


def _prefix(dept_id: str) -> str:
    code = region_part(dept_id)
    return code if code.isdigit() else UNKNOWN


def _split(prefix: str, pages: list[tuple[str, str, str]]) -> Iterable[tuple[str, list]]:
    """(prefix, pages) groups: one, unless it holds more than MAX_PAGES and a longer region
    prefix can still divide it (a department's pages are never divided)."""
    longer = next((n for n in LEVELS if n > len(prefix)), None)
    if len(pages) <= MAX_PAGES or prefix == UNKNOWN or longer is None:
        yield prefix, pages
        return
    groups: dict[str, list] = defaultdict(list)
    for page in pages:
        groups[page[0][:longer]].append(page)
    if len(groups) == 1:  # one city: divide it by county
        yield from _split(next(iter(groups)), pages)
        return
    for sub in sorted(groups):
        yield from _split(sub, groups[sub])


def plan(pages: Mapping[str, str]) -> list[Bundle]:
    """The bundles of a site whose pages are ``pages`` (output path -> search print; outside
    ``d/``, the search results alone), ``site`` first then by name; a folder that holds no
    page gives no bundle."""
    whole: list[tuple[str, str]] = []
    by_province: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for path, fp in pages.items():
        if not output_file(path).endswith(".html") or path.startswith(Links.PAGEFIND):
            continue
        dept = department_of(path)
        if dept is not None:
            prefix = _prefix(dept)
            by_province[prefix if prefix == UNKNOWN else prefix[:2]].append((prefix, path, fp))
        elif not path.startswith("d/"):
            whole.append((path, fp))
    if sum(len(group) for group in by_province.values()) <= MAX_PAGES:
        # small enough for one index: one ranking over every page, as Pagefind is tuned for
        pages_all = whole + [(path, fp) for group in by_province.values() for _, path, fp in group]
        return [Bundle(SITE, tuple(sorted(pages_all)))] if pages_all else []
    bundles = [Bundle(SITE, tuple(sorted(whole)))]
    for province in sorted(by_province):
        for prefix, group in _split(province, sorted(by_province[province])):
            bundles.append(Bundle(prefix, tuple(sorted((path, fp) for _, path, fp in group))))
    return bundles
