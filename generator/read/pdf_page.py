"""One PDF page -> text lines and ruled grids, from the page's characters read once.

Parsing a page's content stream (pdfminer, behind ``page.chars``) is nearly all of the cost
of reading a PDF; grouping characters into lines and cells afterwards is cheap. So each page
is parsed once, and both the text lines and the table cells are built from the same list of
characters: every cell then knows the line it was printed on, which is what a figure's
source link points to.

Ruled tables come from pdfplumber's table finder, fed with the *visible* rules only: Word
exports draw a white background rectangle behind every cell, and those invisible edges split
each real column into three or four phantom ones.
"""

from __future__ import annotations

import bisect
import re

from generator.read.pdf_gaps import text_grids
from generator.read.pdf_lines import (
    SPACE_GAP,
    PageCell,
    PageGrid,
    PageLayout,
    TextLine,
    segments,
    text_lines,
)

# the page-reading API, also used to find a cited cell on a printed page (site/page_images)
__all__ = [
    "SPACE_GAP",
    "PageCell",
    "PageGrid",
    "PageLayout",
    "read_page",
    "ruled_grids",
    "text_lines",
    "visible",
]

# A figure in a cell: 1,234.56 / 1234.56 / 0.00 / -3.5 / 12%
_AMOUNT = re.compile(r"^[-－]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")
# A rule lighter than this (0 = black, 1 = white) is visible on paper.
WHITE = 0.95


def visible(obj: dict) -> bool:
    """Drawn objects a reader can see (a white cell background is not a rule)."""
    if obj.get("object_type") not in ("rect", "line", "curve"):
        return True
    if obj.get("fill") and not _is_white(obj.get("non_stroking_color")):
        return True
    return bool(obj.get("stroke")) and not _is_white(obj.get("stroking_color"))


def _is_white(color) -> bool:
    if color is None:
        return False
    if isinstance(color, (int, float)):
        color = (color,)
    try:
        values = [float(v) for v in color]
    except (TypeError, ValueError):
        return False  # a pattern or named colour: assume it shows
    if len(values) == 1 or len(values) == 3:
        return min(values) >= WHITE
    if len(values) == 4:  # CMYK: white is no ink
        return max(values) <= 1 - WHITE
    return False


def ruled_grids(page, lines: list[TextLine]) -> list[PageGrid]:
    """Tables drawn with visible rules, their cells filled from the page's text lines."""
    if not _has_rules(page):
        return []
    finder_page = page.filter(visible)
    verticals = [e for e in finder_page.edges if e["orientation"] == "v"]
    grids = []
    for table in finder_page.find_tables():
        grid = _grid_from_table(table, lines, verticals)
        if grid is not None:
            grids.append(grid)
    return grids


def _has_rules(page) -> bool:
    drawn = page.objects
    count = 0
    for kind in ("rect", "line"):
        for obj in drawn.get(kind, ()):
            if visible(obj):
                count += 1
                if count >= 4:
                    return True
    return False


def _grid_from_table(table, lines: list[TextLine], verticals: list[dict]) -> PageGrid | None:
    x0, top, x1, bottom = table.bbox
    inside = [
        i for i, ln in enumerate(lines) if top <= ln.middle <= bottom and _overlaps(ln, x0, x1)
    ]
    if not inside:
        return None
    inside.sort(key=lambda i: lines[i].middle)
    middles = [lines[i].middle for i in inside]
    # column k runs from the k-th distinct cell left edge to the next (as Table.rows index them)
    lefts = sorted({cell[0] for cell in table.cells})
    columns = list(zip(lefts, lefts[1:] + [x1], strict=True))
    if len(columns) < 2:
        return None  # a framed paragraph or a boxed table of contents, not a grid
    rows: list[list[PageCell]] = []
    made: dict[tuple, PageCell] = {}
    for row in table.rows:
        cells = []
        for bbox in row.cells:
            if bbox is None:
                cells.append(PageCell("", None))
            else:
                made[bbox] = _cell(bbox, inside, middles, lines)
                cells.append(made[bbox])
        rows.append(cells)
    _fill_header_spans(table, rows, columns, made)
    # A row split by a page break has no rule on its cut side, so the finder leaves it out;
    # the column rules still run through it: take it in, cut on the table's columns.
    above = _unclosed(lines, inside[0], -1, table.bbox, verticals)
    below = _unclosed(lines, inside[-1], +1, table.bbox, verticals)
    if above:
        rows.insert(0, _row_by_columns(above, lines, columns))
    if below:
        rows.append(_row_by_columns(below, lines, columns))
    rows = [r for r in rows if any(c.text for c in r)]
    if not rows:
        return None
    taken = sorted(set(inside) | set(above) | set(below))
    return PageGrid(rows=rows, layout="pdf-table", lines=taken, columns=columns)


def _fill_header_spans(table, rows, columns, made) -> None:
    """Repeat a header cell that spans rows into the rows it covers.

    Text carries a spanning header only to the right, so in '公务用车运行维护费 | 公务接待费'
    over '预算数 决算数 | 预算数 决算数' the empty cell under 公务接待费 would read as part of
    the 运行维护费 group. The rules say which cell covers it: the one from the row above.
    """
    tops = [min(b[1] for b in row.cells if b is not None) for row in table.rows]
    for r, cells in enumerate(rows):
        if any(_AMOUNT.match(c.text.replace(" ", "")) for c in cells):
            return  # header rows end at the first row of figures
        for k, cell in enumerate(cells):
            if cell.text or table.rows[r].cells[k] is not None:
                continue
            cx = (columns[k][0] + columns[k][1]) / 2
            cy = tops[r] + 1
            for bbox, source in made.items():
                x0, top, x1, bottom = bbox
                if x0 <= cx <= x1 and top < tops[r] - 0.5 and cy <= bottom and source.text:
                    cells[k] = PageCell(source.text, source.line)
                    break


def _unclosed(lines, start: int, step: int, bbox, verticals) -> list[int]:
    """Lines next to a table that its vertical rules run through (a cell cut by the page)."""
    x0, top, x1, bottom = bbox
    edge_y = top if step < 0 else bottom
    verticals = [
        e
        for e in verticals
        if x0 - 2 <= e["x0"] <= x1 + 2 and e["top"] - 1 <= edge_y <= e["bottom"] + 1
    ]
    found: list[int] = []
    k = start + step
    while 0 <= k < len(lines):
        mid = lines[k].middle
        crossing = [e for e in verticals if e["top"] <= mid <= e["bottom"]]
        if len(crossing) < 2:
            break
        found.append(k)
        k += step
    return sorted(found)


def _row_by_columns(indexes: list[int], lines: list[TextLine], columns) -> list[PageCell]:
    rights = [b for _, b in columns]
    pieces: list[list[str]] = [[] for _ in columns]
    first: list[int | None] = [None for _ in columns]
    for index in indexes:
        by_column: dict[int, list[dict]] = {}
        for c in lines[index].chars:
            centre = (c["x0"] + c["x1"]) / 2
            k = min(bisect.bisect_left(rights, centre), len(columns) - 1)
            by_column.setdefault(k, []).append(c)
        for k, chars in by_column.items():
            text = " ".join(s.text for s in segments(chars))
            if text:
                pieces[k].append(text)
                if first[k] is None:
                    first[k] = index
    return [PageCell(join_wrapped(p), f) for p, f in zip(pieces, first, strict=True)]


def _overlaps(line: TextLine, x0: float, x1: float) -> bool:
    return any(x0 <= (c["x0"] + c["x1"]) / 2 <= x1 for c in line.chars)


def _cell(bbox, inside: list[int], middles: list[float], lines: list[TextLine]) -> PageCell:
    cx0, ctop, cx1, cbottom = bbox
    lo = bisect.bisect_left(middles, ctop)
    hi = bisect.bisect_right(middles, cbottom)
    pieces: list[str] = []
    first: int | None = None
    for k in range(lo, hi):
        index = inside[k]
        chars = [c for c in lines[index].chars if cx0 <= (c["x0"] + c["x1"]) / 2 <= cx1]
        if not chars:
            continue
        text = " ".join(s.text for s in segments(chars))
        if not text:
            continue
        if first is None:
            first = index
        pieces.append(text)
    return PageCell(join_wrapped(pieces), first)


def join_wrapped(pieces: list[str]) -> str:
    """Lines of one cell -> its text: Chinese wraps anywhere, so only Latin words get a space."""
    out = ""
    for piece in pieces:
        if (
            out
            and out[-1].isascii()
            and out[-1].isalpha()
            and piece[0].isascii()
            and piece[0].isalpha()
        ):
            out += " "
        out += piece
    return out


def read_page(page, tables: str = "auto") -> PageLayout:
    """Lines and grids of one page; ``tables="words"`` ignores rules (used to test the gaps)."""
    chars = page.chars
    lines = text_lines(chars)
    grids = ruled_grids(page, lines) if tables == "auto" else []
    taken = {i for g in grids for i in g.lines}
    grids.extend(text_grids(lines, taken))
    grids.sort(key=lambda g: g.lines[0])
    rotated = sum(1 for c in chars if not c.get("upright", True) and c["text"].strip())
    return PageLayout(lines=lines, grids=grids, rotated=rotated)
