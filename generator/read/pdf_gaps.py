"""Tables printed without rules: rows split on wide gaps, columns found from word positions.

Plain text extraction loses empty cells: "2. 政府性基金" followed by "三、社会保障和就业支出
3,808,085.00" reads as if the amount belonged to the second column. Here every segment of a
row is placed by its x-position against the columns of the whole table, so an amount always
lands under its own header, and an empty cell stays an empty cell.

Columns are the x-ranges covered by the body rows' segments (rows that hold an amount):
where no body segment ever prints, there is a gutter between two columns. Header segments,
which often span several columns, are placed afterwards by where they overlap most.
"""

from __future__ import annotations

import re

from generator.read.pdf_lines import SPACE_GAP, WIDE_GAP_EM, PageCell, PageGrid, Segment, TextLine

# An amount as printed in a table: 1,234.56 / 1234.56 / 0.00 / -3.5 (a bare integer is too
# often a page number or a code to prove that a line is a table row).
_AMOUNT = re.compile(r"^[-－]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")
_DECIMAL = re.compile(r"^[-－]?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+%?$|^\d{1,3}(?:,\d{3})+$")
# A single cell that starts a row of its own (an item without figures), not a wrapped name.
_STARTS_ROW = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|\d+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{3,}|合计|小计|总计)"
)
# A line whose neighbours are rows is part of the table if it sits this close (in line heights).
_MAX_GAP = 2.5
# A row of figures may follow the rows above after this many line heights of blank ruled rows.
_MAX_BLANK_ROWS = 15.0


def _is_amount(text: str) -> bool:
    return bool(_DECIMAL.match(text.replace(" ", "")))


def _cells(line: TextLine) -> list[Segment]:
    """The line cut into cells: at wide gaps, and wherever an amount meets other text.

    A right-aligned amount and the left-aligned name in the next column can print only a
    space apart ("371,514,655.00 一、一般公共服务支出"); rules would separate them, here the
    amount itself must.
    """
    tokens: list[tuple[Segment, float]] = []  # (token, font size)
    space = False
    for c in line.chars:
        if not c["text"].strip():
            space = True
            continue
        size = c.get("size") or 0.0
        if tokens and not space and c["x0"] - tokens[-1][0].x1 <= SPACE_GAP:
            tok, old = tokens[-1]
            tok.text += c["text"]
            tok.x1 = c["x1"]
            tokens[-1] = (tok, max(old, size))
        else:
            tokens.append((Segment(c["x0"], c["x1"], c["text"]), size))
        space = False
    cells: list[Segment] = []
    last = ""
    for tok, size in tokens:
        wide = WIDE_GAP_EM * max(size, 6.0)
        joins = cells and tok.x0 - cells[-1].x1 <= wide
        if joins and not _is_amount(last) and not _is_amount(tok.text):
            cells[-1].text += " " + tok.text
            cells[-1].x1 = tok.x1
        else:
            cells.append(Segment(tok.x0, tok.x1, tok.text))
        last = tok.text
    return cells


def text_grids(lines: list[TextLine], taken: set[int]) -> list[PageGrid]:
    """Grids from runs of multi-cell lines that hold amounts, outside ruled tables."""
    cells = {i: _cells(ln) for i, ln in enumerate(lines) if i not in taken}
    grids: list[PageGrid] = []
    i, n = 0, len(lines)
    while i < n:
        if i in taken or len(cells[i]) < 2:
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < n and j not in taken and _close(lines[run[-1]], lines[j], cells[j]):
            if len(cells[j]) >= 2:
                run.append(j)
                j += 1
                continue
            # items printed without figures, header fragments or wrapped names: part of the
            # table when a row of cells follows them closely
            k = j
            while k < n and k not in taken and len(cells[k]) == 1 and _short(cells[k][0].text):
                if k > j and not _close(lines[k - 1], lines[k], cells[k]):
                    break
                k += 1
            if k == j or k >= n or k in taken or len(cells[k]) < 2:
                break
            if not _close(lines[k - 1], lines[k], cells[k]):
                break
            run.extend(range(j, k))
            j = k
        grid = _grid(lines, run, cells)
        if grid is not None:
            grids.append(grid)
            taken.update(run)
        i = j if j > i else i + 1
    return grids


def _short(text: str) -> bool:
    """A table cell rather than a line of prose."""
    return len(text) <= 30 and not any(p in text for p in "。，；")


def _close(above: TextLine, below: TextLine, below_cells: list[Segment]) -> bool:
    """Next line of the same table: close below, or a row of figures after blank rows."""
    height = max(above.bottom - above.top, 1.0)
    gap = below.top - above.bottom
    if gap <= _MAX_GAP * height:
        return True
    figures = len(below_cells) >= 2 and any(_is_amount(c.text) for c in below_cells)
    return figures and gap <= _MAX_BLANK_ROWS * height


def _grid(
    lines: list[TextLine], run: list[int], cells_of: dict[int, list[Segment]]
) -> PageGrid | None:
    numeric = [k for k in run if any(_is_amount(s.text) for s in cells_of[k])]
    if len(numeric) < 2:
        return None
    first_body = run.index(numeric[0])
    body = run[first_body:]
    columns = _columns([s for k in body if len(cells_of[k]) >= 2 for s in cells_of[k]])
    # a column with no figure at all (上级补助收入 left empty) is known only by its header:
    # the header row naming the most columns (rows above it hold groups spanning several)
    header_rows = [cells_of[k] for k in run[:first_body]]
    if header_rows:
        leaves = max(header_rows, key=len)
        columns = sorted(columns + _columns([s for s in leaves if _in_gutter(s, columns)]))
    if len(columns) < 2:
        return None
    rows: list[list[PageCell]] = []
    for k in run:
        cells = [PageCell("", None) for _ in columns]
        for seg in cells_of[k]:
            col = _column_of(seg.x0, seg.x1, columns)
            cell = cells[col]
            cell.text = f"{cell.text} {seg.text}" if cell.text else seg.text
            cell.line = k
        if (
            len(cells_of[k]) == 1
            and rows
            and k != run[0]
            and not _STARTS_ROW.match(cells_of[k][0].text)
        ):
            # a wrapped name: continue the cell above instead of starting a row
            only = cells_of[k][0]
            above = rows[-1][_column_of(only.x0, only.x1, columns)]
            if above.text and not _is_amount(above.text):
                above.text += only.text
                continue
        rows.append(cells)
    return PageGrid(rows=rows, layout="pdf-text", lines=list(run), columns=columns)


def _in_gutter(seg: Segment, columns: list[tuple[float, float]]) -> bool:
    return not any(seg.x0 < b and a < seg.x1 for a, b in columns)


def _columns(segments) -> list[tuple[float, float]]:
    spans = sorted((s.x0, s.x1) for s in segments)
    columns: list[list[float]] = []
    for x0, x1 in spans:
        if columns and x0 <= columns[-1][1] + 1.0:
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])
    return [(a, b) for a, b in columns]


def _column_of(x0: float, x1: float, columns: list[tuple[float, float]]) -> int:
    best, best_overlap = 0, -1.0
    for k, (a, b) in enumerate(columns):
        overlap = min(x1, b) - max(x0, a)
        if overlap > best_overlap:
            best, best_overlap = k, overlap
    if best_overlap <= 0:  # in a gutter: the nearest column by centre
        centre = (x0 + x1) / 2
        best = min(
            range(len(columns)), key=lambda k: abs((columns[k][0] + columns[k][1]) / 2 - centre)
        )
    return best
