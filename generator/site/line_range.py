"""Where in the source text a block of rows is printed, for the pages that draw the rows
themselves only when a reader opens them (a project's performance indicators): without
JavaScript the page still links the lines they are printed on."""

from __future__ import annotations

from collections.abc import Iterable

from generator.model import SourceRef


def line_range(refs: Iterable[SourceRef | None]) -> tuple[SourceRef, int, int] | None:
    """The reference of the first line and the first and last line number, over the
    references that name a line; None when none does."""
    lined = [r for r in refs if r is not None and r.line]
    if not lined:
        return None
    first = min(lined, key=lambda r: r.line)
    return first, first.line, max(r.line for r in lined)
