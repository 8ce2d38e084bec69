"""The layout-neutral intermediate every reader produces before tables are recognised.

A text conversion (one cell per line, or tab-separated rows) and a PDF (pdfplumber's table
finder, or text rows split on wide gaps) look nothing alike, but both become the same thing:
a sequence of plain text lines and grids of cells, each cell remembering its source line and
page. Table recognition, narrative statements, glossary and metadata work on this sequence
only, so one set of rules serves every input format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from generator.model import Line


@dataclass
class GridCell:
    text: str
    line: int
    page: int | None = None


@dataclass
class GridRow:
    cells: list[GridCell]
    line: int  # source line of the row's first cell
    page: int | None = None


@dataclass
class Grid:
    """Consecutive rows of cells as laid out in the source (not yet a recognised table)."""

    rows: list[GridRow]
    layout: Literal["cells", "tabs", "pdf-table", "pdf-text"]
    line: int
    end_line: int
    page: int | None = None
    notes: list[str] = field(default_factory=list)


Block = Line | Grid
