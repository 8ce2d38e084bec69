"""Text lines -> blocks: narrative Lines and Grids of cells, for both text-export layouts.

Two layouts occur in text conversions:
- *cells*: a Word export writes one cell per line, each starting with a tab, and a blank line
  between rows. A cell whose text spans paragraphs continues on lines without the tab
  ("严" / "格压减支出"), and a row whose cells were broken by empty paragraphs comes out as
  several short rows that add up to the table's width.
- *tabs*: a PDF export writes one row per line, cells separated by tabs; blank lines may fall
  inside a table, and a row wrapped by the page continues on the next line with only the
  wrapped fragments in (about) the same columns.
Deciding per run of tab lines (not per document) lets a document mix both.
"""

from __future__ import annotations

from generator.model import Line
from generator.read.blocks import Block, Grid, GridCell, GridRow
from generator.read.numbers import parse_amount, parse_indicator_value

_TERMINAL = ("。", "；", ";", "！", "？")


def _blank(text: str) -> bool:
    return not text.strip()


def _is_cell_line(text: str) -> bool:
    return text.startswith("\t") and "\t" not in text[1:]


def to_blocks(lines: list[Line]) -> list[Block]:
    """Group lines into Line blocks and Grid blocks, keeping every line number."""
    blocks: list[Block] = []
    i, n = 0, len(lines)
    while i < n:
        if "\t" not in lines[i].text:
            blocks.append(lines[i])
            i += 1
            continue
        end = _run_end(lines, i)
        run = lines[i:end]
        tab_lines = [ln for ln in run if "\t" in ln.text]
        cell_like = sum(1 for ln in tab_lines if _is_cell_line(ln.text))
        if cell_like >= 0.6 * len(tab_lines):
            grid = _cells_grid(run)
        else:
            grid = _tabs_grid(run)
        if grid is not None:
            blocks.append(grid)
        # trailing blank lines of the run become Line blocks again (keeps numbering visible)
        i = end
    return blocks


def _run_end(lines: list[Line], start: int) -> int:
    """End (exclusive) of a run of tab lines, blanks between them, and in-cell continuations."""
    n = len(lines)
    i = start
    last_tab = start
    while i < n:
        text = lines[i].text
        if "\t" in text:
            last_tab = i
            i += 1
            continue
        if _blank(text):
            i += 1
            continue
        # a non-blank line without a tab: a continuation of the cell above only when it comes
        # right after a tab line (or one blank line) and the grid resumes right after it
        gap = i - last_tab - 1
        nxt = i + 1
        while nxt < n and _blank(lines[nxt].text):
            nxt += 1
        resumes = nxt < n and _is_cell_line(lines[nxt].text)
        if (
            gap <= 1
            and resumes
            and _is_cell_line(lines[last_tab].text)
            and _continuation_text(text)
        ):
            i += 1
            continue
        break
    return last_tab + 1 if i > last_tab + 1 else i


def _continuation_text(text: str) -> bool:
    t = text.strip()
    return bool(t) and not t.endswith("表") and len(t) <= 60


def _cells_grid(run: list[Line]) -> Grid | None:
    rows: list[list[GridCell]] = []
    current: list[GridCell] = []
    for ln in run:
        text = ln.text
        if _blank(text) and "\t" not in text:
            if current:
                rows.append(current)
                current = []
            continue
        if "\t" in text:
            for part in text.split("\t")[1:]:
                current.append(GridCell(part.strip(), ln.number, ln.page))
            continue
        # continuation paragraph of the last cell (possibly across a blank line)
        target = current if current else (rows[-1] if rows else None)
        if target:
            cell = target[-1]
            piece = text.strip()
            sep = "\n" if _starts_enumeration(piece) or cell.text.endswith(_TERMINAL) else ""
            cell.text = (cell.text + sep + piece) if cell.text else piece
    if current:
        rows.append(current)
    rows = _merge_split_rows(rows)
    if not rows:
        return None
    grid_rows = [GridRow(cells=r, line=r[0].line, page=r[0].page) for r in rows]
    return Grid(rows=grid_rows, layout="cells", line=run[0].number, end_line=_last_line(rows))


def _starts_enumeration(piece: str) -> bool:
    return len(piece) > 1 and (piece[0].isdigit() or piece[0] in "（(一二三四五六七八九十")


def _merge_split_rows(rows: list[list[GridCell]]) -> list[list[GridCell]]:
    """Rows broken by empty paragraphs: short rows that together fill the table's width."""
    out: list[list[GridCell]] = []
    width = 0
    i = 0
    while i < len(rows):
        row = rows[i]
        if width >= 5 and len(row) < width and (row[0].text or len(row) >= 3):
            total, j = len(row), i + 1
            while total < width and j < len(rows) and len(rows[j]) < width:
                total += len(rows[j])
                j += 1
            if total == width and j > i + 1:
                merged = [c for r in rows[i:j] for c in r]
                out.append(merged)
                i = j
                continue
        if len(row) >= 5:
            width = len(row)
        out.append(row)
        i += 1
    return out


def _last_line(rows: list[list[GridCell]]) -> int:
    return max(c.line for r in rows for c in r)


def _looks_like_value(text: str) -> bool:
    if text.strip().isdigit() and len(text.strip()) >= 8:
        return False  # a project or unit code, not a figure
    if parse_amount(text) is not None:
        return True
    t = text.strip()
    if t[:1] in "≥≤<>=＞＜＝":
        return True
    return parse_indicator_value(t).number is not None


def _tabs_grid(run: list[Line]) -> Grid | None:
    rows: list[GridRow] = []
    after_blank = False
    for ln in run:
        if "\t" not in ln.text:
            after_blank = after_blank or _blank(ln.text)
            continue
        cells = [GridCell(part.strip(), ln.number, ln.page) for part in ln.text.split("\t")]
        if after_blank and rows and _join_wrapped(rows[-1], cells):
            after_blank = False
            continue
        rows.append(GridRow(cells=cells, line=ln.number, page=ln.page))
        after_blank = False
    if not rows:
        return None
    return Grid(rows=rows, layout="tabs", line=rows[0].line, end_line=run[-1].number)


def _join_wrapped(prev: GridRow, cells: list[GridCell]) -> bool:
    """Append a wrapped row's fragments to the row above when every fragment lines up."""
    filled = [(k, c) for k, c in enumerate(cells) if c.text]
    if not filled or any(_looks_like_value(c.text) for _, c in filled):
        return False
    # a wrap carries a few tails; a complete row after a page break fills as many cells
    prev_filled = sum(1 for c in prev.cells if c.text)
    if prev_filled < 2 or len(filled) > prev_filled // 2:
        return False
    targets: list[tuple[int, GridCell]] = []
    for k, c in filled:
        target = None
        for kk in (k, k + 1, k - 1):
            if 0 <= kk < len(prev.cells) and prev.cells[kk].text:
                if not _looks_like_value(prev.cells[kk].text):
                    target = kk
                    break
        if target is None or any(t == target for t, _ in targets):
            return False
        targets.append((target, c))
    for target, c in targets:
        prev.cells[target].text += c.text
    return True
