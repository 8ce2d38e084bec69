"""PDF reading on PDFs this suite draws itself (reportlab, embedded CID font STSong-Light).

The sample is a small two-page budget laid out like the published ones: a title, a narrative
sentence, a ruled 收支总表 with white cell backgrounds behind the rules (as Word exports draw
them) and empty cells, an unruled table whose empty cells vanish in plain text, and a ruled
table continued on page 2 with its header repeated. Every expected value below is the text
this file draws, so a wrong column, a lost empty cell or a shifted line number fails.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from generator.read.blocks import Grid
from generator.read.pdf import read_pdf
from generator.read.reader import read_file

pytest.importorskip("reportlab")

from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

FONT = "STSong-Light"
HEIGHT = 842.0  # A4 portrait, points
TITLE = "保定市满城区医疗保障局2024年部门预算"
NARRATIVE = "2024年收入预算总额1,234.56万元，比上年增加10.00万元。"

SUMMARY_X = [60, 210, 290, 450, 535]
SUMMARY = [
    ["收入", "金额", "支出", "金额"],
    ["一、一般公共预算拨款收入", "1,200.00", "一、社会保障和就业支出", "1,000.00"],
    ["二、政府性基金预算拨款收入", "", "二、卫生健康支出", "234.56"],
    ["三、上年结转", "34.56", "", ""],
    ["收入总计", "1,234.56", "支出总计", "1,234.56"],
]
# Unruled table: name left-aligned at x=60, amounts right-aligned at these x.
PLAIN_RIGHTS = [300, 400, 500]
PLAIN = [
    ["科目名称", "合计", "基本支出", "项目支出"],
    ["社会保障和就业支出", "1,000.00", "800.00", "200.00"],
    ["卫生健康支出", "234.56", "", "234.56"],
    ["合计", "1,234.56", "800.00", "434.56"],
]
CONT_X = [60, 140, 300, 380, 460, 535]
CONT_HEADER = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]
CONT_ROWS = [
    [f"20899{k:02d}", f"测试项目{k}", f"{k}0.00", f"{k}0.00", ""] for k in range(1, 13)
] + [["", "合计", "780.00", "780.00", ""]]
ROWS_ON_PAGE_1 = 9  # rows 600..800 below the header on page 1; the rest go to page 2


def _font() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def _text(c, x: float, top: float, text: str, size: float = 11, right: bool = False) -> None:
    c.setFont(FONT, size)
    y = HEIGHT - top - size  # ``top`` is the glyph box top, as pdfplumber reports it
    (c.drawRightString if right else c.drawString)(x, y, text)


def _ruled(
    c, xs: list[float], top: float, rows: list[list[str]], white_backgrounds=False, open_top=False
):
    height = 20
    bottom = top + height * len(rows)
    if white_backgrounds:
        # white fills whose edges cut through the first column's text: invisible on paper,
        # they must not split "一、一般公共预算拨款收入" into two columns
        c.setFillColorRGB(1, 1, 1)
        for r in range(len(rows)):
            y = HEIGHT - (top + (r + 1) * height) + 1
            c.rect(xs[0] + 1, y, 120 - xs[0] - 1, height - 2, fill=1, stroke=0)
            c.rect(120, y, xs[-1] - 121, height - 2, fill=1, stroke=0)
        c.setFillColorRGB(0, 0, 0)
    for r in range(1 if open_top else 0, len(rows) + 1):
        y = HEIGHT - (top + r * height)
        c.line(xs[0], y, xs[-1], y)
    for x in xs:
        c.line(x, HEIGHT - top, x, HEIGHT - bottom)
    for r, row in enumerate(rows):
        for k, text in enumerate(row):
            if text:
                _text(c, xs[k] + 4, top + r * height + 4, text, size=10)
    return bottom


# 合计 and 公务接待费 span two header rows, 公务用车购置及运行费 two columns.
SPAN_X = [60, 160, 260, 360, 460]
SPAN_DATA = ["3.00", "", "1.00", "2.00"]


def _spanned(c, top: float) -> None:
    def hline(y, x0, x1):
        c.line(x0, HEIGHT - y, x1, HEIGHT - y)

    def vline(x, y0, y1):
        c.line(x, HEIGHT - y0, x, HEIGHT - y1)

    xs = SPAN_X
    for y in (top, top + 40, top + 60):
        hline(y, xs[0], xs[-1])
    hline(top + 20, xs[1], xs[3])  # under 公务用车购置及运行费 only
    for x in (xs[0], xs[1], xs[3], xs[4]):
        vline(x, top, top + 60)
    vline(xs[2], top + 20, top + 60)  # between 购置费 and 运行费, not through the group
    _text(c, xs[0] + 4, top + 14, "合计", size=10)
    _text(c, xs[1] + 4, top + 4, "公务用车购置及运行费", size=10)
    _text(c, xs[1] + 4, top + 24, "购置费", size=10)
    _text(c, xs[2] + 4, top + 24, "运行费", size=10)
    _text(c, xs[3] + 4, top + 14, "公务接待费", size=10)
    for k, text in enumerate(SPAN_DATA):
        if text:
            _text(c, xs[k + 1] - 4, top + 44, text, size=10, right=True)


def make_budget(path: Path) -> None:
    _font()
    c = canvas.Canvas(str(path), pagesize=(595, HEIGHT))
    _text(c, 60, 50, TITLE, size=16)
    _text(c, 60, 80, NARRATIVE)
    _text(c, 60, 110, "一、部门收支预算总表")
    _text(c, 535, 130, "单位：万元", size=10, right=True)
    _ruled(c, SUMMARY_X, 150, SUMMARY, white_backgrounds=True)
    _text(c, 60, 270, "二、部门支出预算总表")
    _text(c, 535, 290, "单位：万元", size=10, right=True)
    for r, row in enumerate(PLAIN):
        top = 310 + 18 * r
        _text(c, 60, top, row[0], size=10)
        for k, text in enumerate(row[1:]):
            if text:
                _text(c, PLAIN_RIGHTS[k], top, text, size=10, right=True)
    _text(c, 60, 560, "三、一般公共预算支出表")
    _text(c, 535, 578, "单位：万元", size=10, right=True)
    _ruled(c, CONT_X, 600, [CONT_HEADER] + CONT_ROWS[:ROWS_ON_PAGE_1])
    _text(c, 297, 815, "- 1 -", size=9)
    c.showPage()
    bottom = _ruled(c, CONT_X, 60, [CONT_HEADER] + CONT_ROWS[ROWS_ON_PAGE_1:])
    _text(c, 60, bottom + 20, "以上为一般公共预算支出情况。")
    _text(c, 60, 400, "四、“三公”经费支出预算表")
    _text(c, 460, 420, "单位：万元", size=10, right=True)
    _spanned(c, 440)
    _text(c, 297, 815, "- 2 -", size=9)
    c.showPage()
    c.save()


@pytest.fixture(scope="module")
def budget(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "测试县-2024-budget.pdf"
    make_budget(path)
    return path, read_pdf(path)


def _grids(blocks) -> list[Grid]:
    return [b for b in blocks if isinstance(b, Grid)]


def _texts(grid: Grid) -> list[list[str]]:
    return [[c.text for c in r.cells] for r in grid.rows]


def test_cid_font_text_is_extracted_exactly(budget):
    _, (lines, _blocks, pages, problems) = budget
    assert pages == 2
    assert problems == []
    assert lines[0].text == TITLE and lines[0].number == 1 and lines[0].page == 1
    assert lines[1].text == NARRATIVE and lines[1].number == 2 and lines[1].page == 1


def test_lines_are_numbered_through_the_document_with_their_pages(budget):
    _, (lines, _blocks, _pages, _problems) = budget
    assert [ln.number for ln in lines] == list(range(1, len(lines) + 1))
    assert [ln.page for ln in lines] == sorted(ln.page for ln in lines)
    closing = [ln for ln in lines if ln.text == "以上为一般公共预算支出情况。"]
    assert [ln.page for ln in closing] == [2]
    assert lines[-1].text == "- 2 -" and lines[-1].page == 2
    # a table row is one line, its cells separated by tabs where the gap is wide
    row = next(ln for ln in lines if ln.text.startswith("一、一般公共预算拨款收入"))
    assert row.text.split("\t") == SUMMARY[1]


def test_ruled_table_keeps_empty_cells_and_ignores_white_backgrounds(budget):
    _, (lines, blocks, _pages, _problems) = budget
    summary = _grids(blocks)[0]
    assert summary.layout == "pdf-table"
    assert _texts(summary) == SUMMARY
    assert summary.page == 1
    by_number = {ln.number: ln for ln in lines}
    for row in summary.rows:
        assert by_number[row.line].text.startswith(row.cells[0].text or row.cells[2].text)
        for cell in row.cells:
            assert cell.page == 1
            if cell.text:
                assert cell.text in by_number[cell.line].text


def test_unruled_table_places_amounts_by_x_position(budget):
    _, (_lines, blocks, _pages, _problems) = budget
    plain = _grids(blocks)[1]
    assert plain.layout == "pdf-text"
    assert _texts(plain) == PLAIN  # 卫生健康支出 has no 基本支出: the cell stays empty


def test_title_and_unit_lines_precede_their_grid(budget):
    _, (_lines, blocks, _pages, _problems) = budget
    k = next(i for i, b in enumerate(blocks) if isinstance(b, Grid))
    assert [blocks[k - 2].text, blocks[k - 1].text] == ["一、部门收支预算总表", "单位：万元"]


def test_table_continued_on_next_page_is_one_grid_without_repeated_header(budget):
    _, (lines, blocks, _pages, _problems) = budget
    grids = _grids(blocks)
    assert len(grids) == 4
    cont = grids[2]
    assert _texts(cont) == [CONT_HEADER] + CONT_ROWS
    pages = [r.page for r in cont.rows]
    assert pages == [1] * (1 + ROWS_ON_PAGE_1) + [2] * (len(CONT_ROWS) - ROWS_ON_PAGE_1)
    assert cont.page == 1 and cont.line < cont.end_line
    # the page number between the parts stays a line but is not a block inside the table
    footer = next(ln for ln in lines if ln.text == "- 1 -")
    assert footer.page == 1 and footer not in blocks
    after = blocks[blocks.index(cont) + 1]
    assert after.text == "以上为一般公共预算支出情况。"


def test_header_cells_spanning_rows_cover_the_rows_below(budget):
    # text alone would read the cell under 公务接待费 as part of the 公务用车 group
    _, (_lines, blocks, _pages, _problems) = budget
    spanned = _grids(blocks)[3]
    assert _texts(spanned) == [
        ["合计", "公务用车购置及运行费", "", "公务接待费"],
        ["合计", "购置费", "运行费", "公务接待费"],
        SPAN_DATA,
    ]
    assert {r.page for r in spanned.rows} == {2}


def test_same_table_read_without_rules_gives_the_same_cells(budget):
    path, _ = budget
    _lines, blocks, _pages, _problems = read_pdf(path, tables="words")
    summary = _grids(blocks)[0]
    assert summary.layout == "pdf-text"
    assert _texts(summary)[1:] == SUMMARY[1:]


def test_blank_page_is_reported_and_skipped(tmp_path):
    _font()
    path = tmp_path / "blank.pdf"
    c = canvas.Canvas(str(path))
    _text(c, 60, 60, TITLE)
    c.showPage()
    c.showPage()  # a page with nothing on it (as a scanned image would read)
    c.save()
    lines, _blocks, pages, problems = read_pdf(path)
    assert pages == 2 and [ln.text for ln in lines] == [TITLE]
    assert [(p.severity, p.page) for p in problems] == [("warning", 2)]
    assert "page 2" in problems[0].message and problems[0].file == str(path)


def test_document_from_generated_pdf(budget):
    path, (lines, _blocks, _pages, _problems) = budget
    doc = read_file(path)
    assert doc.format == "pdf" and doc.pages == 2 and not doc.failed, doc.problems
    assert doc.lines == lines
    assert doc.metadata.year == 2024 and doc.metadata.kind == "budget"
    assert doc.metadata.department == "保定市满城区医疗保障局"
    assert doc.metadata.units == ["万元"]
    total_line = next(ln for ln in lines if ln.text.startswith("收入总计"))
    income = doc.indicators["income_total"]
    assert (income.value, income.source.line, income.source.page) == (
        Decimal("1234.56"),
        total_line.number,
        1,
    )
    assert doc.indicators["expenditure_total"].value == Decimal("1234.56")
    assert doc.indicators["general_public_budget"].value == Decimal("1200.00")
    # the unruled 支出预算总表: its 合计 row, with 基本支出 and 项目支出 in their own columns
    assert doc.indicators["basic_expenditure"].value == Decimal("800.00")
    assert doc.indicators["project_expenditure"].value == Decimal("434.56")
    # the continued table is one table with rows from both pages
    table = next(t for t in doc.tables if t.id == "general_budget_expenditure")
    assert [r.label for r in table.rows] == [row[1] for row in CONT_ROWS]
    assert {r.page for r in table.rows} == {1, 2}
    # the “三公” table on page 2
    assert doc.indicators["three_public_total"].value == Decimal("3.00")
    assert doc.indicators["official_reception"].value == Decimal("2.00")
    assert doc.indicators["vehicle_operation"].value == Decimal("1.00")
    assert doc.indicators["three_public_total"].source.page == 2
    assert not any(r.id == "vehicle_purchase" and r.origin == "table" for r in doc.readings)
    # the narrative sentence's amount keeps its PDF line and page
    amounts = [s for s in doc.statements if s.kind == "amount" and s.unit == "万元"]
    assert [(s.value, s.source.line, s.source.page) for s in amounts] == [
        (Decimal("1234.56"), 2, 1)
    ]


def make_rotated(path: Path, blank_pages: int = 0) -> None:
    """The title, then 4 characters printed sideways; optionally pages with no text after."""
    _font()
    c = canvas.Canvas(str(path))
    _text(c, 60, 60, TITLE)
    c.saveState()
    c.translate(300, 300)
    c.rotate(90)
    c.setFont(FONT, 11)
    c.drawString(0, 0, "竖排文字")
    c.restoreState()
    c.showPage()
    for _ in range(blank_pages):
        c.showPage()
    c.save()


def make_locked(path: Path) -> None:
    """A one-line PDF protected by a password."""
    _font()
    c = canvas.Canvas(str(path), encrypt="secret")
    _text(c, 60, 60, TITLE)
    c.showPage()
    c.save()


def test_rotated_text_is_reported(tmp_path):
    path = tmp_path / "rotated.pdf"
    make_rotated(path)
    lines, _blocks, _pages, problems = read_pdf(path)
    assert [ln.text for ln in lines] == [TITLE]
    assert [(p.severity, p.page) for p in problems] == [("warning", 1)]
    assert "sideways" in problems[0].message


def test_row_cut_by_the_page_break_joins_its_table(tmp_path):
    # Word prints no rule above a row that continues a table on a new page, so the table
    # finder starts one row too low; the column rules still run through that row
    _font()
    path = tmp_path / "cut.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, HEIGHT))
    _text(c, 60, 560, "三、一般公共预算支出表")
    _ruled(c, CONT_X, 600, [CONT_HEADER] + CONT_ROWS[:ROWS_ON_PAGE_1])
    c.showPage()
    _ruled(c, CONT_X, 60, CONT_ROWS[ROWS_ON_PAGE_1:], open_top=True)
    c.showPage()
    c.save()
    _lines, blocks, _pages, problems = read_pdf(path)
    assert problems == []
    [grid] = _grids(blocks)
    assert _texts(grid) == [CONT_HEADER] + CONT_ROWS
    assert grid.rows[1 + ROWS_ON_PAGE_1].page == 2


def test_running_header_between_table_parts_does_not_split_the_table(tmp_path):
    _font()
    path = tmp_path / "running.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, HEIGHT))
    parts = [CONT_ROWS[:ROWS_ON_PAGE_1], CONT_ROWS[ROWS_ON_PAGE_1:], []]
    for number, rows in enumerate(parts, 1):
        _text(c, 200, 30, TITLE, size=9)  # running header on every page
        if number == 1:
            _text(c, 60, 560, "三、一般公共预算支出表")
            _ruled(c, CONT_X, 600, [CONT_HEADER] + rows)
        elif rows:
            _ruled(c, CONT_X, 60, rows)
        else:
            _text(c, 60, 60, "以上为一般公共预算支出情况。")
        _text(c, 280, 815, f"第 {number} 页", size=9)
        c.showPage()
    c.save()
    lines, blocks, _pages, _problems = read_pdf(path)
    [grid] = _grids(blocks)
    assert _texts(grid) == [CONT_HEADER] + CONT_ROWS
    assert [ln.page for ln in lines if ln.text == TITLE] == [1, 2, 3]  # still lines


# --- bad input: a plain-words Problem naming the file, never an exception ---------------


def _only_error(path: Path, *words: str) -> None:
    lines, blocks, pages, problems = read_pdf(path)
    assert (lines, blocks, pages) == ([], [], 0)
    assert len(problems) == 1
    problem = problems[0]
    assert problem.severity == "error" and problem.file == str(path)
    assert any(w in problem.message for w in words), problem.message
    assert "Traceback" not in problem.message


def test_empty_file(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    _only_error(path, "empty")


def test_random_bytes_named_pdf(tmp_path):
    path = tmp_path / "random.pdf"
    path.write_bytes(bytes((i * 97 + 13) % 256 for i in range(5000)))
    _only_error(path, "not a PDF")


def test_header_then_garbage(tmp_path):
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes((i * 31 + 7) % 256 for i in range(3000)))
    _only_error(path, "damaged", "truncated")


def test_password_protected(tmp_path):
    path = tmp_path / "locked.pdf"
    make_locked(path)
    _only_error(path, "password")


def test_truncated_pdf_names_file_and_keeps_what_it_can(tmp_path, budget):
    source, _ = budget
    data = source.read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(data[: len(data) * 2 // 3])
    lines, _blocks, _pages, problems = read_pdf(path)
    assert problems, "a truncated PDF must be reported"
    assert all(p.file == str(path) for p in problems)
    assert any("truncated" in p.message for p in problems)


def test_missing_file(tmp_path):
    path = tmp_path / "absent.pdf"
    _only_error(path, "cannot be opened")
