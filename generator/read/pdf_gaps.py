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

from generator.read.pdf_page import PageCell, PageGrid, TextLine

# An amount as printed in a table: 1,234.56 / 1234.56 / 0.00 / -3.5 (a bare integer is too
# often a page number or a code to prove that a line is a table row).
_AMOUNT = re.compile(r"^[-－]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")
_DECIMAL = re.compile(r"^[-－]?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+%?$|^\d{1,3}(?:,\d{3})+$")
# A line whose neighbours are rows is part of the table if it sits this close (in line heights).
_MAX_GAP = 2.5


def _is_amount(text: str) -> bool:
    return bool(_DECIMAL.match(text.replace(" ", "")))


def _row_like(line: TextLine) -> bool:
    return len(line.segments) >= 2


def text_grids(lines: list[TextLine], taken: set[int]) -> list[PageGrid]:
    """Grids from runs of multi-segment lines that hold amounts, outside ruled tables."""
    grids: list[PageGrid] = []
    i, n = 0, len(lines)
    while i < n:
        if i in taken or not _row_like(lines[i]):
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < n and j not in taken and _close(lines[run[-1]], lines[j]):
            if _row_like(lines[j]):
                run.append(j)
            elif j + 1 < n and j + 1 not in taken and _row_like(lines[j + 1]):
                run.append(j)  # a wrapped name between two rows
            else:
                break
            j += 1
        grid = _grid(lines, run)
        if grid is not None:
            grids.append(grid)
            taken.update(run)
        i = j if j > i else i + 1
    return grids


def _close(above: TextLine, below: TextLine) -> bool:
    height = max(above.bottom - above.top, 1.0)
    return below.top - above.bottom <= _MAX_GAP * height


def _grid(lines: list[TextLine], run: list[int]) -> PageGrid | None:
    numeric = [k for k in run if any(_is_amount(s.text) for s in lines[k].segments)]
    if len(numeric) < 2:
        return None
    first_body = run.index(numeric[0])
    body = run[first_body:]
    columns = _columns([s for k in body if _row_like(lines[k]) for s in lines[k].segments])
    if len(columns) < 2:
        return None
    rows: list[list[PageCell]] = []
    for k in run:
        cells = [PageCell("", None) for _ in columns]
        for seg in lines[k].segments:
            col = _column_of(seg.x0, seg.x1, columns)
            cell = cells[col]
            cell.text = f"{cell.text} {seg.text}" if cell.text else seg.text
            cell.line = k
        if len(lines[k].segments) == 1 and rows and k != run[0]:
            # a wrapped name: continue the cell above instead of starting a row
            col = _column_of(lines[k].segments[0].x0, lines[k].segments[0].x1, columns)
            above = rows[-1][col]
            if above.text and not _is_amount(above.text):
                above.text += lines[k].segments[0].text
                continue
        rows.append(cells)
    return PageGrid(rows=rows, layout="pdf-text", lines=list(run), columns=columns)


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
