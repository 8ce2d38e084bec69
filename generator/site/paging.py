"""Long listings split into pages that do not grow with the nation.

A listing of every department (the home page, ``departments/``), of every department-year
of a year, or of every document that states an indicator has a row per department: 900 KB
of HTML at 20,000 documents, megabytes at national scale, on a phone. A listing longer than
``PAGE_ROWS`` is therefore split by province, and a province's rows into pages of at most
``PAGE_ROWS`` (in the listing's own order, which runs by region code). The listing's first
page then lists the provinces and their pages, each named by the first and last of its rows
(as a dictionary's guide words), so a visitor finds a county in two clicks; every page shows
the same navigation. A listing that fits stays one page, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from generator.read.regions import province_code, province_name

PAGE_ROWS = 400
UNKNOWN = "x"


@dataclass
class ListPage:
    path: str
    province: str  # code, or "x" for rows without a region
    number: int  # within its province, from 1
    rows: list[Any]
    first: str  # the first and last row's names (guide words)
    last: str


@dataclass
class Province:
    code: str
    name: str
    count: int
    pages: list[ListPage] = field(default_factory=list)


@dataclass
class Listing:
    """A listing split into pages; ``provinces`` in order, each with its pages."""

    base: str  # the path of the listing's first page (the provinces and their pages)
    total: int
    provinces: list[Province]
    by_province: bool = True  # False: one run of pages, the first at ``base`` (``runs``)

    @property
    def pages(self) -> list[ListPage]:
        return [p for prov in self.provinces for p in prov.pages]

    def outline(self) -> list[tuple[str, str, int, list[tuple[str, str, str]]]]:
        """What every page's navigation shows (a page's hash depends on it)."""
        return [
            (p.code, p.name, p.count, [(lp.path, lp.first, lp.last) for lp in p.pages])
            for p in self.provinces
        ]


def page_path(base: str, province: str, number: int) -> str:
    return f"{base}{province}/" if number == 1 else f"{base}{province}/{number}/"


def split(
    base: str,
    rows: Sequence[Any],
    region_of: Callable[[Any], str | None],
    name_of: Callable[[Any], str],
    size: int | None = None,
) -> Listing | None:
    """``rows`` as pages under ``base``, or None when they fit on one page."""
    size = size or PAGE_ROWS
    if len(rows) <= size:
        return None
    groups: dict[str, list[Any]] = {}
    for row in rows:
        groups.setdefault(province_code(region_of(row)) or UNKNOWN, []).append(row)
    provinces = []
    for code in sorted(groups, key=lambda c: (c == UNKNOWN, c)):
        group = groups[code]
        name = province_name(code)
        pages = _pages(group, size, name_of, code, lambda n, c=code: page_path(base, c, n))
        provinces.append(Province(code, name, len(group), pages))
    return Listing(base, len(rows), provinces)


def runs(
    base: str, rows: Sequence[Any], name_of: Callable[[Any], str], size: int | None = None
) -> Listing | None:
    """Rows that belong to no region (the build report's inputs) as pages of at most ``size``
    in their order: the first at ``base``, then ``base/2/``, … None when they fit on one."""
    size = size or PAGE_ROWS
    if len(rows) <= size:
        return None
    pages = _pages(rows, size, name_of, "", lambda n: base if n == 1 else f"{base}{n}/")
    return Listing(base, len(rows), [Province("", "", len(rows), pages)], by_province=False)


def _pages(
    rows: Sequence[Any],
    size: int,
    name_of: Callable[[Any], str],
    province: str,
    path_of: Callable[[int], str],
) -> list[ListPage]:
    """``rows`` in runs of at most ``size``, page ``n`` at ``path_of(n)``."""
    out = []
    for n, start in enumerate(range(0, len(rows), size), start=1):
        chunk = list(rows[start : start + size])
        out.append(ListPage(path_of(n), province, n, chunk, name_of(chunk[0]), name_of(chunk[-1])))
    return out
