"""Characters of one PDF page -> text lines, and the plain data a page is read into.

A line is the characters whose boxes overlap vertically, not those whose baselines are a fixed
distance apart: a title whose year is set in another font (or size) sits on another baseline
but on the same line a reader sees, and must stay one line for the title to be recognised.
Shared by the ruled-table reader (pdf_page.py) and the gap reader (pdf_gaps.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

# pdfplumber's own default: a horizontal gap wider than this (in points) is a space.
SPACE_GAP = 3.0
# A gap wider than this many font sizes separates cells of a table row (a tab in Line.text).
WIDE_GAP_EM = 1.0
# Two characters print on one line when their boxes overlap by at least this share of the
# shorter one's height (lines of text set solid touch but do not overlap).
LINE_OVERLAP = 0.5
# Share of the em box above the baseline (CJK fonts: 0.88; Latin fonts: about 0.8).
_ASCENT = 0.85


@dataclass
class Segment:
    """A run of characters on one line with no wide gap inside: one cell of a text row."""

    x0: float
    x1: float
    text: str


@dataclass
class TextLine:
    top: float
    bottom: float
    chars: list[dict]  # sorted left to right
    segments: list[Segment] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\t".join(s.text for s in self.segments)

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class PageCell:
    text: str
    line: int | None  # page-local index into PageLayout.lines of the cell's first line


@dataclass
class PageGrid:
    """A table region of one page: rows of cells aligned on the table's columns."""

    rows: list[list[PageCell]]
    layout: str  # "pdf-table" (ruled, table finder) or "pdf-text" (word positions)
    lines: list[int]  # page-local indexes of the text lines inside the grid
    columns: list[tuple[float, float]]  # x-range of each column, to join continued tables


@dataclass
class PageLayout:
    lines: list[TextLine]
    grids: list[PageGrid]
    rotated: int = 0  # characters printed sideways, which are not read


def text_lines(chars: list[dict]) -> list[TextLine]:
    """Characters -> lines top to bottom, each split into segments at wide gaps.

    A character's height on the line is taken from its baseline and size (the em box a
    glyph is set in), not from the box pdfminer derives from the font's declared ascent and
    descent: fonts embedded with wrong metrics report digits a whole em below the Chinese
    characters they are printed beside. Characters are taken in order of their vertical
    middle; one joins the line above when their em boxes overlap by LINE_OVERLAP of the
    shorter height and its middle lies inside the line's box (so a tall glyph cannot chain
    two lines together).
    """
    glyphs = [_em_box(c) for c in chars if c.get("upright", True) and c["text"]]
    glyphs.sort(key=lambda g: (round((g[0] + g[1]) / 2, 1), g[2]["x0"]))
    lines: list[TextLine] = []
    for top, bottom, c in glyphs:
        if lines and _same_line(lines[-1], top, bottom):
            line = lines[-1]
            line.chars.append(c)
            line.top = min(line.top, top)
            line.bottom = max(line.bottom, bottom)
        else:
            lines.append(TextLine(top=top, bottom=bottom, chars=[c]))
    out = []
    for line in lines:
        line.chars.sort(key=lambda c: c["x0"])
        line.chars = _dedupe(line.chars)
        line.segments = segments(line.chars)
        if line.segments:
            out.append(line)
    return out


def _em_box(c: dict) -> tuple[float, float, dict]:
    """(top, bottom, char): the em box on the character's baseline, or its own box."""
    matrix = c.get("matrix")
    size = c.get("size") or 0.0
    if not matrix or size <= 0 or "y1" not in c:
        return c["top"], c["bottom"], c
    baseline = c["top"] + c["y1"] - matrix[5]  # in top-down page coordinates
    return baseline - _ASCENT * size, baseline + (1 - _ASCENT) * size, c


def _same_line(line: TextLine, top: float, bottom: float) -> bool:
    middle = (top + bottom) / 2
    if not line.top <= middle <= line.bottom:
        return False
    overlap = min(bottom, line.bottom) - max(top, line.top)
    shorter = min(bottom - top, line.bottom - line.top)
    return overlap >= LINE_OVERLAP * max(shorter, 0.1)


def _dedupe(chars: list[dict]) -> list[dict]:
    """Drop the second copy of a glyph printed twice on itself (simulated bold)."""
    out: list[dict] = []
    for c in chars:
        if out and c["text"] == out[-1]["text"] and abs(c["x0"] - out[-1]["x0"]) < 1:
            continue
        out.append(c)
    return out


def segments(chars: list[dict]) -> list[Segment]:
    segments: list[Segment] = []
    parts: list[str] = []
    x0 = x1 = None
    space = False
    for c in chars:
        if not c["text"].strip():
            space = True
            continue
        if x1 is not None:
            gap = c["x0"] - x1
            if gap > WIDE_GAP_EM * max(c.get("size") or 0, 6.0):
                segments.append(Segment(x0, x1, "".join(parts)))
                parts, x0 = [], None
            elif space or gap > SPACE_GAP:
                parts.append(" ")
        if x0 is None:
            x0 = c["x0"]
        parts.append(c["text"])
        x1 = c["x1"]
        space = False
    if parts:
        segments.append(Segment(x0, x1, "".join(parts)))
    return segments
