"""Small budget PDFs drawn by the tests themselves (reportlab, CID font STSong-Light).

A page is a list of items: ``(top, text)`` for a line at x=60, ``(top, text, x, size)`` for a
placed one, or ``("table", top, rows)`` for a ruled grid. Each test states the text it draws,
so every expected value is visible in the test.
"""

from __future__ import annotations

from pathlib import Path

FONT = "STSong-Light"
HEIGHT = 842.0
XS = [60, 250, 330, 450, 535]
XS_THREE = [60, 130, 250, 420, 535]


def _font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def _text(c, x: float, top: float, text: str, size: float = 11) -> None:
    c.setFont(FONT, size)
    c.drawString(x, HEIGHT - top - size, text)


def _table(c, top: float, rows: list[list[str]], xs: list[float] = XS) -> None:
    xs = XS_THREE if rows[0][0] == "合计" else xs
    height = 20
    for r in range(len(rows) + 1):
        y = HEIGHT - (top + r * height)
        c.line(xs[0], y, xs[len(rows[0])], y)
    for x in xs[: len(rows[0]) + 1]:
        c.line(x, HEIGHT - top, x, HEIGHT - top - height * len(rows))
    for r, row in enumerate(rows):
        for k, text in enumerate(row):
            if text:
                _text(c, xs[k] + 4, top + r * height + 4, text, size=10)


def make_pdf(path: Path, pages: list[list[tuple]]) -> Path:
    from reportlab.pdfgen import canvas

    _font()
    c = canvas.Canvas(str(path), pagesize=(595, HEIGHT))
    for page in pages:
        for item in page:
            if item[0] == "table":
                _table(c, item[1], item[2])
            elif len(item) == 2:
                _text(c, 60, item[0], item[1])
            else:
                top, text, x, size = item
                _text(c, x, top, text, size)
        c.showPage()
    c.save()
    return path


SUMMARY = [
    ["收入", "金额", "支出", "金额"],
    ["一、一般公共预算拨款收入", "1,200.00", "一、社会保障和就业支出", "1,234.56"],
    ["二、上年结转", "34.56", "", ""],
    ["本年收入合计", "1,200.00", "本年支出合计", "1,234.56"],
    ["收入总计", "1,234.56", "支出总计", "1,234.56"],
]
SPENDING = [
    ["科目名称", "合计", "基本支出", "项目支出"],
    ["社会保障和就业支出", "1,234.56", "800.00", "434.56"],
    ["合计", "1,234.56", "800.00", "434.56"],
]
THREE_PUBLIC = [
    ["合计", "因公出国（境）费", "公务用车购置及运行费", "公务接待费"],
    ["3.00", "0.00", "1.00", "2.00"],
]


def narrative_page(title: str, sentence: str, year_line: str | None = None) -> list[tuple]:
    page: list[tuple] = [(50, title, 60, 16)]
    if year_line:
        page.append((75, year_line, 60, 16))
    page.append((110, sentence))
    return page


def tables_page() -> list[tuple]:
    return [
        (50, "一、部门收支预算总表"),
        (70, "单位：万元", 460, 10),
        ("table", 90, SUMMARY),
        (220, "二、部门支出预算总表"),
        (240, "单位：万元", 460, 10),
        ("table", 260, SPENDING),
        (350, "三、“三公”经费支出预算表"),
        (370, "单位：万元", 460, 10),
        ("table", 390, THREE_PUBLIC),
    ]


def make_budget(path: Path, title: str, sentence: str = "") -> Path:
    """A one-file budget: title and narrative on page 1, tables on page 2."""
    sentence = sentence or "2026年收入总计1,234.56万元，支出总计1,234.56万元。"
    return make_pdf(path, [narrative_page(title, sentence), tables_page()])
