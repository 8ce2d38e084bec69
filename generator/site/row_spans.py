"""Cells merged down a table where a column repeats, as the printed tables merge them.

A performance-indicator table repeats its first- and second-level indicator on every row
(产出指标 · 数量 · …): merged into one cell per run (``rowspan``) the table reads as the
printed one does, and a page of twenty projects' indicators is a third smaller. A run of a
later column ends where a run of an earlier one ends, so a second-level cell never spans two
first-level groups.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def row_spans(items: Sequence[Any], *attrs: str) -> list[tuple[Any, tuple[int, ...]]]:
    """Each item with its cells' row spans for ``attrs``: the run's length at its first
    row, 0 on the rows it covers."""
    spans = [[0] * len(attrs) for _ in items]
    for k in range(len(attrs)):
        start = 0
        for i in range(1, len(items) + 1):
            ended = i == len(items) or any(
                getattr(items[i], a) != getattr(items[start], a) for a in attrs[: k + 1]
            )
            if ended:
                spans[start][k] = i - start
                start = i
    return [(item, tuple(s)) for item, s in zip(items, spans, strict=True)]
