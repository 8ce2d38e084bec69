"""Classes of published layout the reader must read without new code, on PDFs drawn here.

Each test draws the smallest page that shows one class seen in real budgets (a unit declared
after 编制单位 on the same line, a 合计 sharing its ruled row with 类/款/项, two label/value
pairs on one row, a title whose year is set in another font, six-decimal 万元 amounts, an
untitled or oddly titled table, a two-sided summary whose header puts 项目 over the
expenditure labels) and checks the figures as drawn.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from generator.read.pdf import read_pdf
from generator.read.reader import read_file

pytest.importorskip("reportlab")

from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

FONT = "STSong-Light"
HEIGHT = 842.0


def _canvas(path: Path):
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return canvas.Canvas(str(path), pagesize=(595, HEIGHT))


def _text(c, x: float, top: float, text: str, size: float = 10, right=False, font=FONT):
    c.setFont(font, size)
    y = HEIGHT - top - size
    (c.drawRightString if right else c.drawString)(x, y, text)


def _ruled(c, xs: list[float], top: float, rows: list[list[str]]) -> float:
    height = 20
    bottom = top + height * len(rows)
    for r in range(len(rows) + 1):
        c.line(xs[0], HEIGHT - (top + r * height), xs[-1], HEIGHT - (top + r * height))
    for x in xs:
        c.line(x, HEIGHT - top, x, HEIGHT - bottom)
    for r, row in enumerate(rows):
        for k, text in enumerate(row):
            if text:
                _text(c, xs[k] + 3, top + r * height + 5, text, size=9)
    return bottom


SUMMARY_X = [40, 190, 280, 430, 540]


def _summary(c, top: float, rows: list[list[str]]) -> float:
    return _ruled(c, SUMMARY_X, top, rows)


def _title(c, top: float, text: str) -> None:
    _text(c, 180, top, text, size=14)


def _pdf(tmp_path: Path, name: str, draw) -> Path:
    path = tmp_path / name
    c = _canvas(path)
    _text(c, 60, 30, "某市某局2026年部门预算", size=16)
    draw(c)
    c.showPage()
    c.save()
    return path


def test_unit_declared_after_the_department_on_the_same_line(tmp_path):
    def draw(c):
        _title(c, 80, "部门收支总表")
        _text(c, 40, 105, "编制单位：某市某局")
        _text(c, 540, 105, "单位：元", right=True)
        _summary(
            c,
            125,
            [
                ["项目", "预算数", "项目", "预算数"],
                [
                    "一、一般公共预算拨款收入",
                    "12,345,678.90",
                    "一、一般公共服务支出",
                    "12,345,678.90",
                ],
                ["收入总计", "12,345,678.90", "支出总计", "12,345,678.90"],
            ],
        )

    doc = read_file(_pdf(tmp_path, "unit.pdf", draw))
    table = doc.tables[0]
    assert table.unit == "元"
    assert doc.indicators["income_total"].value == Decimal("1234.567890")
    assert doc.indicators["expenditure_total"].value == Decimal("1234.567890")
    assert not any("declares no unit" in p.message for p in doc.problems)


def test_expenditure_side_label_under_a_project_header_and_a_bare_total(tmp_path):
    # 项目 over the expenditure labels, 支出 only over their figures; the only total is 合计
    def draw(c):
        _title(c, 80, "收支总体情况表")
        _text(c, 540, 105, "单位：万元", right=True)
        _summary(
            c,
            125,
            [
                ["项目", "收入预算", "项目", "支出预算"],
                ["合计", "3,944.08", "合计", "3,944.08"],
                ["一、一般公共预算资金", "3,900.00", "一、一般公共服务支出", "2,570.71"],
                ["二、事业收入资金", "44.08", "二、住房保障支出", "1,373.37"],
            ],
        )

    doc = read_file(_pdf(tmp_path, "sides.pdf", draw))
    assert doc.indicators["income_total"].value == Decimal("3944.08")
    assert doc.indicators["expenditure_total"].value == Decimal("3944.08")
    assert doc.indicators["expenditure_total"].source.page == 1


def test_total_row_sharing_its_ruled_row_with_code_header_cells(tmp_path):
    xs = [40, 70, 100, 130, 280, 370, 460, 540]
    rows = [
        ["科目编码", "", "", "科目名称", "合计", "基本支出", "项目支出"],
        ["类", "款", "项", "合计", "1,234.56", "800.00", "434.56"],
        ["208", "05", "01", "行政单位离退休", "1,234.56", "800.00", "434.56"],
    ]

    def draw(c):
        _title(c, 80, "部门支出总体情况表")
        _text(c, 540, 105, "单位：万元", right=True)
        _ruled(c, xs, 125, rows)

    doc = read_file(_pdf(tmp_path, "codes.pdf", draw))
    assert doc.indicators["basic_expenditure"].value == Decimal("800.00")
    assert doc.indicators["project_expenditure"].value == Decimal("434.56")


def test_two_label_value_pairs_on_one_row(tmp_path):
    xs = [40, 180, 280, 440, 540]
    rows = [
        ["经济科目", "金额", "经济科目", "金额"],
        ["工资福利支出", "2,000.00", "办公费", "184.65"],
        ["对个人和家庭的补助", "152.26", "", ""],
        ["人员经费合计", "2,152.26", "公用经费合计", "184.65"],
    ]

    def draw(c):
        _title(c, 80, "一般公共预算基本支出表")
        _text(c, 540, 105, "单位：万元", right=True)
        _ruled(c, xs, 125, rows)

    doc = read_file(_pdf(tmp_path, "pairs.pdf", draw))
    assert doc.indicators["personnel_expenditure"].value == Decimal("2152.26")
    assert doc.indicators["public_expenditure"].value == Decimal("184.65")


def test_title_whose_year_is_set_in_another_font_is_one_line(tmp_path):
    path = tmp_path / "year.pdf"
    c = _canvas(path)
    # the year in Helvetica, 3.5 pt lower than the Chinese words: one line on paper
    _text(c, 180, 83.5, "2026", size=16, font="Helvetica")
    _text(c, 222, 80, "年部门收支总体情况表", size=16)
    c.showPage()
    c.save()
    lines, _, _, _ = read_pdf(path)
    assert [ln.text.replace(" ", "") for ln in lines] == ["2026年部门收支总体情况表"]


def test_six_decimal_amounts_are_kept_exactly(tmp_path):
    def draw(c):
        _title(c, 80, "部门收支总表")
        _text(c, 540, 105, "单位：万元", right=True)
        _summary(
            c,
            125,
            [
                ["项目", "预算数", "项目", "预算数"],
                ["一、一般公共预算拨款收入", "110,896.619602", "一、教育支出", "110,896.619602"],
                ["收入总计", "110,896.619602", "支出总计", "110,896.619602"],
            ],
        )

    doc = read_file(_pdf(tmp_path, "decimals.pdf", draw))
    assert doc.indicators["income_total"].value == Decimal("110896.619602")
    assert doc.indicators["income_total"].raw == "110,896.619602"


def test_title_with_a_qualifier_in_brackets_names_its_table(tmp_path):
    xs = [40, 100, 250, 340, 430, 540]
    rows = [
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["合计", "", "500.00", "300.00", "200.00"],
        ["201", "一般公共服务支出", "500.00", "300.00", "200.00"],
    ]

    def draw(c):
        _title(c, 80, "部门支出总表（功能科目）")
        _text(c, 540, 105, "单位：万元", right=True)
        _ruled(c, xs, 125, rows)

    doc = read_file(_pdf(tmp_path, "qualifier.pdf", draw))
    assert doc.tables[0].id == "expenditure"
    assert doc.indicators["basic_expenditure"].value == Decimal("300.00")


def _untitled_expenditure(c, top: float, total: str, basic: str, project: str) -> None:
    _text(c, 540, top - 20, "单位：万元", right=True)
    _ruled(
        c,
        [40, 100, 250, 340, 430, 540],
        top,
        [
            ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
            ["合计", "", total, basic, project],
        ],
    )


def test_untitled_table_is_read_where_the_identities_confirm_it(tmp_path):
    def draw(c):
        _title(c, 80, "部门收支总表")
        _text(c, 540, 105, "单位：万元", right=True)
        _summary(
            c,
            125,
            [
                ["项目", "预算数", "项目", "预算数"],
                ["收入总计", "500.00", "支出总计", "500.00"],
            ],
        )
        _untitled_expenditure(c, 260, "500.00", "300.00", "200.00")

    doc = read_file(_pdf(tmp_path, "untitled.pdf", draw))
    untitled = [t for t in doc.tables if t.recognised == "content"]
    assert untitled and untitled[0].id == "expenditure"
    assert doc.indicators["basic_expenditure"].value == Decimal("300.00")
    assert doc.indicators["project_expenditure"].value == Decimal("200.00")


def test_untitled_table_that_the_identities_contradict_gives_no_reading(tmp_path):
    def draw(c):
        _title(c, 80, "部门收支总表")
        _text(c, 540, 105, "单位：万元", right=True)
        _summary(
            c,
            125,
            [
                ["项目", "预算数", "项目", "预算数"],
                ["收入总计", "500.00", "支出总计", "500.00"],
            ],
        )
        # a government-fund-like table without a title: its 基本/项目 are not the department's
        _untitled_expenditure(c, 260, "90.00", "0.00", "80.00")

    doc = read_file(_pdf(tmp_path, "contradicted.pdf", draw))
    assert "basic_expenditure" not in doc.indicators
    assert "project_expenditure" not in doc.indicators


def test_confirmations_count_the_other_places_printing_the_figure(tmp_path):
    def draw(c):
        _text(c, 60, 60, "2026年收入预算总计500.00万元，支出预算总计500.00万元。", size=10)
        _title(c, 80, "部门收支总表")
        _text(c, 540, 105, "单位：万元", right=True)
        _summary(
            c,
            125,
            [
                ["项目", "预算数", "项目", "预算数"],
                ["收入总计", "500.00", "支出总计", "500.00"],
            ],
        )

    doc = read_file(_pdf(tmp_path, "confirmed.pdf", draw))
    total = doc.indicators["income_total"]
    assert total.origin == "table"
    assert total.confirmations == 2
    assert total.confirmed_by[0].page == 1


def _basic_scope_pdf(tmp_path: Path, name: str, fund_basic: list[str]) -> Path:
    def draw(c):
        _title(c, 80, "部门支出总表")
        _text(c, 540, 105, "单位：万元", right=True)
        _ruled(
            c,
            [40, 100, 250, 340, 430, 540],
            125,
            [
                ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
                ["合计", "", "1,500.00", "1,000.00", "500.00"],
            ],
        )
        _title(c, 200, "一般公共预算基本支出表")
        _text(c, 540, 225, "单位：万元", right=True)
        _ruled(
            c,
            [40, 100, 250, 340, 430, 540],
            245,
            [["科目编码", "科目名称", "合计", "人员经费", "公用经费"], ["合计", "", *fund_basic]],
        )

    return _pdf(tmp_path, name, draw)


def test_personnel_costs_of_one_fund_are_not_the_departments(tmp_path):
    # the general budget pays 800 of the department's 1,000 basic expenditure: its 人员经费
    # is that fund's, not the department's
    doc = read_file(_basic_scope_pdf(tmp_path, "fund.pdf", ["800.00", "600.00", "200.00"]))
    assert doc.indicators["basic_expenditure"].value == Decimal("1000.00")
    assert "personnel_expenditure" not in doc.indicators
    assert any(r.id == "personnel_expenditure" for r in doc.readings)  # kept as printed


def test_personnel_costs_of_the_whole_basic_expenditure_are_read(tmp_path):
    doc = read_file(_basic_scope_pdf(tmp_path, "whole.pdf", ["1,000.00", "700.00", "300.00"]))
    assert doc.indicators["personnel_expenditure"].value == Decimal("700.00")
    assert doc.indicators["public_expenditure"].value == Decimal("300.00")


def test_units_declared_in_the_column_headers(tmp_path):
    # no 单位 line: the header names the unit of each money column, one of them in 元
    xs = [40, 100, 250, 340, 430, 540]
    rows = [
        ["科目编码", "科目名称", "合计（万元）", "基本支出（万元）", "项目支出(元)"],
        ["合计", "", "500.00", "300.00", "2,000,000.00"],
    ]

    def draw(c):
        _title(c, 80, "部门支出总表")
        _ruled(c, xs, 125, rows)

    doc = read_file(_pdf(tmp_path, "columns.pdf", draw))
    table = doc.tables[0]
    assert table.unit is None and table.column_units[2:] == ["万元", "万元", "元"]
    assert doc.indicators["basic_expenditure"].value == Decimal("300.00")
    assert doc.indicators["project_expenditure"].value == Decimal("200.000000")
    assert doc.indicators["project_expenditure"].unit == "元"
    assert not any("declares no unit" in p.message for p in doc.problems)


def test_a_table_whose_only_total_is_labelled_subtotal(tmp_path):
    xs = [40, 100, 250, 340, 430, 540]
    rows = [
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["201", "一般公共服务支出", "500.00", "300.00", "200.00"],
        ["", "小计", "500.00", "300.00", "200.00"],
    ]

    def draw(c):
        _title(c, 80, "部门支出总表")
        _text(c, 540, 105, "单位：万元", right=True)
        _ruled(c, xs, 125, rows)

    doc = read_file(_pdf(tmp_path, "subtotal.pdf", draw))
    assert doc.indicators["basic_expenditure"].value == Decimal("300.00")
    assert doc.indicators["basic_expenditure"].source.line == doc.tables[0].rows[-1].line
