"""Document-level facts read from the document, never from its file name (PDFs drawn here).

Each test is one class of cause seen in real collections: a title year set apart in another
font, a file named for the wrong year, a unit budget named after its department, department
names with endings the reader did not know, pages without a text layer.
"""

from __future__ import annotations

import pytest

from generator.model import Line
from generator.read import org_endings
from generator.read.audit import row_of
from generator.read.metadata import org_name, read_metadata, title_text
from generator.read.reader import read_file

pytest.importorskip("reportlab")

from tests.read.pdfmaker import make_budget, make_pdf, tables_page  # noqa: E402


def test_title_year_in_another_font_on_another_baseline(tmp_path):
    page = [
        (50, "重庆市商务委员会", 60, 16),
        (54, "2026", 192, 12),  # smaller, lower: its own baseline
        (50, "年部门预算情况说明", 222, 16),
        (100, "一、单位基本情况"),
    ]
    doc = read_file(make_pdf(tmp_path / "x.pdf", [page, tables_page()]))
    m = doc.metadata
    assert (m.department, m.year, m.kind, m.scope) == (
        "重庆市商务委员会",
        2026,
        "budget",
        "department",
    )
    assert (m.region_name, m.region_code) == ("重庆市", "500000")


def test_a_year_line_goes_back_before_its_year_word():
    lines = [
        Line(1, "国家信访局\t年度部门预算", 1),
        Line(2, "2026", 1),
        Line(3, "二〇二六年三月", 1),
    ]
    meta, _ = read_metadata("x", lines)
    assert (meta.title, meta.department, meta.year) == (
        "国家信访局2026年度部门预算",
        "国家信访局",
        2026,
    )
    assert meta.region_code is None  # a national agency has no region


def test_the_document_year_wins_over_the_file_name(tmp_path):
    path = make_budget(
        tmp_path / "2026年无锡市信访局部门预算.pdf", "无锡市信访局2025年度部门预算公开"
    )
    assert read_file(path).metadata.year == 2025


def test_a_unit_budget_is_scoped_unit_and_keeps_its_department(tmp_path):
    path = make_budget(
        tmp_path / "2026年无锡市教育局部门预算.pdf", "无锡市教育局（本级）2026年度单位预算公开"
    )
    m = read_file(path).metadata
    assert (m.department, m.scope, m.kind) == ("无锡市教育局", "unit", "budget")
    assert m.provenance["scope"].page == 1


def test_cover_title_repeated_in_another_order_is_not_doubled():
    lines = [
        Line(1, "2026 年度", 1),
        Line(2, "无锡市交通运输局（本级）", 1),
        Line(3, "单位预算公开", 1),
        Line(4, "无锡市交通运输局（本级）2026 年度单位预算公开", 1),
    ]
    assert title_text(lines) == "2026年度无锡市交通运输局（本级）单位预算公开"


@pytest.mark.parametrize(
    "text, name",
    [
        ("2026年中共上海市普陀区委社会工作部部门预算", "中共上海市普陀区委社会工作部"),
        ("中共重庆市委宣传部2026年部门预算情况说明", "中共重庆市委宣传部"),
        ("2026年中国共产党广州市委员会宣传部部门预算", "中国共产党广州市委员会宣传部"),
        ("广州市人民政府国有资产监督管理委员会部门预算", "广州市人民政府国有资产监督管理委员会"),
        ("上海市普陀区曹杨新村街道办事处2026年部门预算", "上海市普陀区曹杨新村街道办事处"),
        ("长沙职业教育基地综合协调办公室 2026 年部门预算公开", "长沙职业教育基地综合协调办公室"),
        ("上海市普陀区长征镇人民政府2026年部门预算", "上海市普陀区长征镇人民政府"),
        ("湖州市公共资源交易中心2026年单位预算", "湖州市公共资源交易中心"),
        ("杭州市公安局交通警察支队2026年单位预算", "杭州市公安局交通警察支队"),
        ("重庆市规划和自然资源局", "重庆市规划和自然资源局"),
    ],
)
def test_organisation_endings(text, name):
    assert org_name(text) == name


def test_endings_come_from_the_data_file(tmp_path):
    assert {"局", "委员会", "部", "办事处", "街道", "中心", "院", "所", "队", "站"} <= set(
        org_endings.load()
    )
    data = tmp_path / "endings.txt"
    data.write_text("# comment\n合作社\n社\n", encoding="utf-8")
    assert org_endings.load(str(data)) == ("合作社", "社")


def test_pages_without_text_layer_are_reported_with_their_numbers(tmp_path):
    path = make_pdf(
        tmp_path / "混合.pdf",
        [[(50, "苏州市审计局2026年度部门预算公开", 60, 16)], [], tables_page(), []],
    )
    doc = read_file(path)
    row = row_of(doc)
    assert row.status == "read" and row.scanned_pages == [2, 4]
    assert doc.indicators["income_total"].source.page == 3
