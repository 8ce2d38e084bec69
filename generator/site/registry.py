"""The registry of output files: every page of the site by path, each with what it was built
from (``deps``), so a rebuild renders only pages whose inputs changed."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Page:
    """One output file. ``deps`` name what it was built from (for incremental rebuilds)."""

    path: str
    template: str | None = None
    context: dict[str, Any] = field(default_factory=dict)
    deps: dict[str, str] = field(default_factory=dict)
    title: str = ""
    # for non-template files (CSV, JSON, XML): their bytes, or chunks of them for a file
    # too big to hold whole (the site-wide downloads), written as they come
    produce: Callable[[], bytes | Iterable[bytes]] | None = None
    # the part of the context made only when the page renders (what needs a whole Document):
    # a national site cannot hold every page's context at once
    lazy: Callable[[], dict[str, Any]] | None = None
    sitemap: bool = True


class Registry:
    """All pages of the site by path; adding a page twice is a bug, said by path."""

    def __init__(self) -> None:
        self._pages: dict[str, Page] = {}

    def add(self, page: Page) -> Page:
        if page.path in self._pages:
            raise ValueError(f"two pages want the same path: {page.path!r}")
        self._pages[page.path] = page
        return page

    def get(self, path: str) -> Page | None:
        return self._pages.get(path)

    def __contains__(self, path: str) -> bool:
        return path in self._pages

    def __iter__(self) -> Iterator[Page]:
        return iter(sorted(self._pages.values(), key=lambda p: p.path))

    def __len__(self) -> int:
        return len(self._pages)
