"""Published PDF disclosures -> the same lines and blocks a text conversion gives.

Citizens download PDFs; they must not have to retype or convert them. A PDF is read page by
page (pdf_page.py): its text lines are numbered 1..N through the whole document, every line
and cell keeps its page, and text goes through the same cleaning as a text input, so the
shared table, narrative and metadata readers work on a PDF unchanged.

Tables continued on the next page: when a page ends with a grid (nothing after it but a page
number or a running header/footer) and the next page starts with one whose columns line up,
the two are joined here into one Grid whose rows keep their own pages, and a header repeated
at the top of the continuation is dropped. A continuation that repeats the table's *title* is left as title +
grid, exactly like a text input, for the shared table merger.

A file that is not a readable PDF (empty, not a PDF, truncated, password-protected) gives a
Problem naming the file, and the page where one page fails; reading never raises.
"""

from __future__ import annotations

import logging
import os
import re

from generator.model import Line, Problem
from generator.read import noise, source
from generator.read.blocks import Block, Grid, GridCell, GridRow
from generator.read.pdf_page import PageGrid, PageLayout, read_page
from generator.read.scanned import scanned_problem

# Page furniture that may sit between a table and its continuation: "- 3 -", "第3页", "3/27".
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－]?\s*\d{1,4}\s*[-—–－]?|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)\s*$"
)
_DIGITS = re.compile(r"\d+")
_COLUMN_TOLERANCE = 6.0  # points: columns of a continued table sit at the same x

for _name in ("pdfminer", "pdfplumber"):
    logging.getLogger(_name).setLevel(logging.ERROR)  # their warnings are ours to word


def read_pdf(path, tables: str = "auto") -> tuple[list[Line], list[Block], int, list[Problem]]:
    """Lines (numbered through the document), blocks, page count and problems of a PDF."""
    source_name = str(path)
    problem = _precheck(source_name)
    if problem is not None:
        return [], [], 0, [problem]
    try:
        import pdfplumber

        pdf = pdfplumber.open(source_name)
    except Exception as err:  # pdfminer raises many types for a broken file
        return [], [], 0, [_open_problem(source_name, err)]
    problems: list[Problem] = []
    layouts: list[tuple[int, PageLayout]] = []
    with pdf:
        try:
            page_list = list(pdf.pages)
        except Exception as err:
            return [], [], 0, [_open_problem(source_name, err)]
        for number, page in enumerate(page_list, 1):
            try:
                layout = read_page(page, tables)
            except Exception as err:
                problems.append(
                    Problem(
                        "error",
                        f"page {number} could not be read ({_reason(err)}); it was skipped",
                        source_name,
                        page=number,
                        message_zh=f"第 {number} 页未能读取（技术原因：{_reason(err)}），已跳过",
                    )
                )
                continue
            finally:
                page.close()  # frees the parsed objects: memory stays flat on long files
            if layout.rotated:
                problems.append(
                    Problem(
                        "warning",
                        f"page {number} prints {layout.rotated} characters sideways (rotated "
                        "text); they were not read",
                        source_name,
                        page=number,
                        message_zh=f"第 {number} 页有 {layout.rotated} 个字符侧向（旋转）排印，"
                        "未能读取",
                    )
                )
            if not layout.lines:
                problems.append(
                    Problem(
                        "warning",
                        f"page {number} has no text layer (a scanned image?); it was skipped",
                        source_name,
                        page=number,
                        message_zh=f"第 {number} 页没有文字层（可能是扫描图片），已跳过",
                    )
                )
                continue
            layouts.append((number, layout))
        pages = len(page_list)
    lines, blocks = _assemble(layouts)
    if not lines and pages:
        problems.append(scanned_problem(source_name))
    return lines, blocks, pages, problems


def _precheck(path: str) -> Problem | None:
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as handle:
            head = handle.read(1024)
    except OSError as err:
        return Problem(
            "error",
            f"the file cannot be opened: {err.strerror or err}",
            path,
            message_zh=f"文件无法打开（系统提示：{err.strerror or err}）",
        )
    if size == 0:
        return Problem(
            "error",
            "the file is empty: there is nothing to read",
            path,
            message_zh="文件为空，没有可读取的内容",
        )
    if b"%PDF-" not in head:
        return Problem(
            "error",
            "the file is not a PDF (it does not start with %PDF)",
            path,
            message_zh="文件不是 PDF（开头不是 %PDF）",
        )
    return None


def _open_problem(path: str, err: Exception) -> Problem:
    text = _reason(err)
    if "password" in text.lower() or "encrypt" in text.lower():
        message = "the PDF is password-protected; save an unprotected copy to publish it"
        message_zh = "该 PDF 有密码保护，无法读取；请另存一份未加密的副本再发布"
    elif "EOF" in text:
        message = f"the PDF ends unexpectedly: the file looks truncated ({text})"
        message_zh = f"PDF 文件不完整（意外结束），可能下载中断（技术原因：{text}）"
    else:
        message = f"the PDF is damaged or truncated and cannot be opened ({text})"
        message_zh = f"PDF 文件已损坏或不完整，无法打开（技术原因：{text}）"
    return Problem("error", message, path, message_zh=message_zh)


def _reason(err: Exception) -> str:
    inner = err
    while getattr(inner, "args", None) and isinstance(inner.args[0], Exception):
        inner = inner.args[0]  # pdfplumber wraps pdfminer's exception
    name = type(inner).__name__
    detail = str(inner).strip()
    return f"{name}: {detail}" if detail else name


def _assemble(layouts: list[tuple[int, PageLayout]]) -> tuple[list[Line], list[Block]]:
    """Number the lines through the document, clean them, and lay out the blocks."""
    raw: list[str] = []
    pages: list[int] = []
    offsets: dict[int, int] = {}
    for number, layout in layouts:
        offsets[number] = len(raw)
        for ln in layout.lines:
            raw.append(ln.text.replace("\r", " ").replace("\n", " "))
            pages.append(number)
    lines = source.to_lines("\n".join(raw) + "\n") if raw else []
    for line, page in zip(lines, pages, strict=True):  # to_lines keeps one line per line
        line.page = page
    running = _running_lines(lines, layouts, offsets)
    items: list[Line | _Pending] = []
    for number, layout in layouts:
        base = offsets[number]
        grid_at = {g.lines[0]: g for g in layout.grids}
        in_grid = {i for g in layout.grids for i in g.lines}
        body = [
            i for i in range(len(layout.lines)) if not _furniture(lines[base + i].text, running)
        ]
        first_body = body[0] if body else None
        for i in range(len(layout.lines)):
            if i in grid_at:
                pending = _Pending(grid_at[i], base, number, lines)
                last = items[-1] if items else None
                if i == first_body and isinstance(last, _Pending) and last.join(pending):
                    continue
                items.append(pending)
            elif i not in in_grid:
                line = lines[base + i]
                if _furniture(line.text, running) and items and isinstance(items[-1], _Pending):
                    continue  # a page number between a table and its continuation
                items.append(line)
    blocks: list[Block] = []
    for item in items:
        if isinstance(item, _Pending):
            grid = item.to_grid()
            if grid is not None:
                blocks.append(grid)
        else:
            blocks.append(item)
    return lines, blocks


def _furniture(text: str, running: set[str]) -> bool:
    return not text.strip() or bool(_PAGE_NUMBER.match(text)) or _DIGITS.sub("#", text) in running


def _running_lines(lines: list[Line], layouts: list[tuple[int, PageLayout]], offsets) -> set[str]:
    """Running headers and footers: the same first or last line on many pages (digits aside)."""
    counts: dict[str, int] = {}
    for number, layout in layouts:
        base = offsets[number]
        ends = {lines[base].text, lines[base + len(layout.lines) - 1].text}
        for text in ends:
            key = _DIGITS.sub("#", text)
            counts[key] = counts.get(key, 0) + 1
    least = max(3, len(layouts) // 2)
    return {key for key, n in counts.items() if n >= least}


class _Pending:
    """A grid being assembled: page parts are joined first, empty columns dropped last."""

    def __init__(self, page_grid: PageGrid, base: int, page: int, lines: list[Line]):
        self.layout = page_grid.layout
        self.columns = page_grid.columns
        self.rows: list[GridRow] = []
        for cells in page_grid.rows:
            row_line = min((c.line for c in cells if c.line is not None), default=None)
            if row_line is None:
                continue
            number = lines[base + row_line].number
            out = [
                GridCell(
                    _clean_cell(c.text),
                    lines[base + c.line].number if c.line is not None else number,
                    page,
                )
                for c in cells
            ]
            self.rows.append(GridRow(cells=out, line=number, page=page))
        self.line = lines[base + page_grid.lines[0]].number
        self.end_line = lines[base + page_grid.lines[-1]].number
        self.page = page
        self.last_page = page

    def join(self, other: _Pending) -> bool:
        """Append a continuation from the next page if its columns line up with ours."""
        if other.page != self.last_page + 1 or not other.rows or not self.rows:
            return False
        mapping = _column_map(self.columns, other.columns)
        if mapping is None:
            return False
        rows = []
        for row in other.rows:
            cells = [GridCell("", row.line, row.page) for _ in self.columns]
            for k, cell in enumerate(row.cells):
                if not cell.text:
                    continue
                target = cells[mapping[k]]
                if target.text:
                    return False  # two of its columns fall into one of ours: not the same table
                cells[mapping[k]] = cell
            rows.append(GridRow(cells=cells, line=row.line, page=row.page))
        k = 0
        while k < len(rows) and k < len(self.rows) and _texts(rows[k]) == _texts(self.rows[k]):
            k += 1  # the header repeated on the new page
        self.rows.extend(rows[k:])
        self.end_line = other.end_line
        self.last_page = other.page
        return True

    def to_grid(self) -> Grid | None:
        keep = [k for k in range(len(self.columns)) if any(r.cells[k].text for r in self.rows)]
        if len(keep) < 2:
            return None
        rows = [GridRow([r.cells[k] for k in keep], r.line, r.page) for r in self.rows]
        return Grid(
            rows=rows, layout=self.layout, line=self.line, end_line=self.end_line, page=self.page
        )


def _clean_cell(text: str) -> str:
    return source.normalise(noise.clean(text)).strip()


def _texts(row: GridRow) -> list[str]:
    return [c.text for c in row.cells]


def _column_map(
    ours: list[tuple[float, float]], theirs: list[tuple[float, float]]
) -> list[int] | None:
    """Each of their columns -> the one of ours it sits under, or None if one fits nowhere."""
    mapping = []
    for a0, a1 in theirs:
        best, best_overlap = None, 0.0
        for k, (b0, b1) in enumerate(ours):
            overlap = min(a1, b1) - max(a0, b0)
            if overlap > best_overlap:
                best, best_overlap = k, overlap
        width = max(a1 - a0, 1.0)
        if best is None or best_overlap < 0.5 * width - _COLUMN_TOLERANCE:
            return None
        mapping.append(best)
    return mapping
