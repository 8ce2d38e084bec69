"""The three real PDFs of ../shared/pdf read into full Documents.

Every expected value was read off the PDF itself (pages rendered with pdftoppm and read with
pdftotext -layout), never copied from the parser's output; the comment beside each says the
page it is printed on. Each file is read once per test session (about 3 s each).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.model import Document
from generator.read.reader import read_file

SHANGHAI_BUDGET = "shanghai-putuo-shangwuwei-2025-budget.pdf"
SHANGHAI_FINAL = "shanghai-putuo-guihuaziyuanju-2024-final.pdf"
JIANGSU_BUDGET = "jiangsu-gaoyuan-2017-budget.pdf"

_documents: dict[str, Document] = {}


def _doc(shared_dir, name: str) -> Document:
    if name not in _documents:
        _documents[name] = read_file(shared_dir / "pdf" / name)
    return _documents[name]


@pytest.fixture
def budget(shared_dir) -> Document:
    return _doc(shared_dir, SHANGHAI_BUDGET)


@pytest.fixture
def final(shared_dir) -> Document:
    return _doc(shared_dir, SHANGHAI_FINAL)


@pytest.fixture
def jiangsu(shared_dir) -> Document:
    return _doc(shared_dir, JIANGSU_BUDGET)


def _value(doc: Document, ind: str) -> tuple[Decimal, int | None]:
    reading = doc.indicators[ind]
    return reading.value, reading.source.page


def _table(doc: Document, table_id: str):
    return next(t for t in doc.tables if t.id == table_id)


def _row(table, label: str):
    return next(r for r in table.rows if r.label == label)


# --- common -------------------------------------------------------------------------------


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "pages"), [(SHANGHAI_BUDGET, 26), (SHANGHAI_FINAL, 30), (JIANGSU_BUDGET, 27)]
)
def test_pdf_reads_without_errors_with_lines_on_every_text_page(shared_dir, name, pages):
    doc = _doc(shared_dir, name)
    assert doc.format == "pdf" and doc.pages == pages
    assert not doc.failed, doc.problems
    assert [ln.number for ln in doc.lines] == list(range(1, len(doc.lines) + 1))
    assert {ln.page for ln in doc.lines} == set(range(1, pages + 1))
    for table in doc.tables:
        for row in table.rows:
            assert row.page is not None and all(c.page is not None for c in row.cells)


# --- Shanghai 普陀区商务委员会 2025 budget: tables in 元, 三公 and narrative in 万元 ----------


@pytest.mark.shared
def test_shanghai_budget_metadata(budget):
    meta = budget.metadata
    assert meta.department == "上海市普陀区商务委员会"  # p1 预算主管部门
    assert meta.year == 2025 and meta.kind == "budget"  # p1 title
    assert meta.region_code == "310107"  # 上海市普陀区
    assert set(meta.units) == {"元", "万元"}  # p9 单位：元, p21 单位:万元


@pytest.mark.shared
def test_shanghai_budget_totals_converted_from_yuan(budget):
    assert _value(budget, "income_total") == (Decimal("37151.4655"), 9)  # 371,514,655.00 元
    assert _value(budget, "expenditure_total") == (Decimal("37151.4655"), 9)  # 371,514,655.00
    assert budget.indicators["income_total"].unit == "元"
    assert _value(budget, "basic_expenditure") == (Decimal("1983.0655"), 13)  # 19,830,655.00
    assert _value(budget, "project_expenditure") == (Decimal("35168.4"), 13)  # 351,684,000.00


@pytest.mark.shared
def test_shanghai_budget_three_public_in_wan(budget):
    assert _value(budget, "three_public_total") == (Decimal("1.00"), 21)  # 合计 1.00 万元
    assert _value(budget, "official_reception") == (Decimal("1.00"), 21)  # 公务接待费 1.00
    table_ids = {r.id for r in budget.readings if r.origin == "table"}
    # p21 prints nothing under 因公出国(境)费 and 公务用车: an empty cell is no reading
    assert not table_ids & {"overseas_travel", "vehicle_total", "vehicle_purchase"}


@pytest.mark.shared
def test_shanghai_budget_summary_keeps_empty_cells_in_place(budget):
    # p9: "2. 政府性基金" has no amount; 3,808,085.00 belongs to 三、社会保障和就业支出
    table = _table(budget, "income_expenditure_summary")
    row = _row(table, "2.政府性基金")
    assert [c.text for c in row.cells] == [
        "2. 政府性基金",
        "",
        "三、社会保障和就业支出",
        "3,808,085.00",
    ]
    assert row.page == 9


@pytest.mark.shared
def test_shanghai_budget_table_continued_on_next_page_is_one_table(budget):
    # 一般公共预算支出功能分类预算表: p15, continued on p16 with its header printed again
    table = _table(budget, "general_budget_expenditure")
    assert table.page == 15 and table.unit == "元"
    assert {r.page for r in table.rows} == {15, 16}
    assert [r.label for r in table.rows].count("一般公共服务支出") == 1
    assert "项目" not in [r.label for r in table.rows]  # the repeated header is not a row
    last = table.rows[-1]  # p16: 合计 371,514,655.00 19,830,655.00 351,684,000.00
    assert last.label == "合计" and last.page == 16
    assert [c.value for c in last.cells if c.value is not None] == [
        Decimal("371514655.00"),
        Decimal("19830655.00"),
        Decimal("351684000.00"),
    ]


# --- Shanghai 普陀区规划和自然资源局 2024 final account (万元) ----------------------------


@pytest.mark.shared
def test_shanghai_final_metadata(final):
    meta = final.metadata
    assert meta.department == "上海市普陀区规划和自然资源局"  # p1 title, over three lines
    assert meta.year == 2024 and meta.kind == "final"  # p1 "2024 年度部门决算"
    assert meta.region_code == "310107"
    assert meta.units == ["万元"]


@pytest.mark.shared
def test_shanghai_final_totals(final):
    assert _value(final, "income_total") == (Decimal("9859.38"), 7)  # 总计 9859.38
    assert _value(final, "expenditure_total") == (Decimal("9859.38"), 7)  # 总计 9859.38
    assert _value(final, "income_current_year") == (Decimal("9746.50"), 7)  # 本年收入合计
    assert _value(final, "expenditure_current_year") == (Decimal("9759.38"), 7)  # 本年支出合计
    assert _value(final, "carryover_begin") == (Decimal("112.88"), 7)  # 年初结转和结余
    assert _value(final, "carryover_end") == (Decimal("100.00"), 7)  # 年末结转和结余
    assert _value(final, "basic_expenditure") == (Decimal("5377.64"), 10)  # 支出决算表 合计
    assert _value(final, "project_expenditure") == (Decimal("4381.74"), 10)
    assert _value(final, "personnel_expenditure") == (Decimal("4884.09"), 16)  # 人员经费合计


@pytest.mark.shared
def test_shanghai_final_three_public_actual_and_budget(final):
    # p17: 合计 预算数 2.85 决算数 0.39; 公务接待费 2.85 / 0.39; the rest 0.00
    assert _value(final, "three_public_total") == (Decimal("0.39"), 17)
    assert _value(final, "official_reception") == (Decimal("0.39"), 17)
    assert _value(final, "overseas_travel") == (Decimal("0.00"), 17)
    assert _value(final, "vehicle_total") == (Decimal("0.00"), 17)
    budgeted = [
        (r.value, r.source.page)
        for r in final.readings
        if r.id == "three_public_total" and r.period == "budget" and r.origin == "table"
    ]
    assert budgeted == [(Decimal("2.85"), 17)]


@pytest.mark.shared
def test_shanghai_final_text_defects_kept_as_printed(final):
    # p25: template residue "下降（增长）"; p21: a growth rate printed without "%"
    defect = [ln for ln in final.lines if "下降（增长）27.78%" in ln.text]
    assert [ln.page for ln in defect] == [25]
    share = [ln for ln in final.lines if "增长 13.95。" in ln.text]
    assert [ln.page for ln in share] == [21]


@pytest.mark.shared
def test_shanghai_final_side_by_side_basic_table(final):
    # p16: 30101 基本工资 537.64 beside 30201 办公费 84.62
    table = _table(final, "general_budget_basic")
    by_code = {r.code.full: r for r in table.rows if r.code}
    assert by_code["30101"].label == "基本工资"
    assert [c.value for c in by_code["30101"].cells if c.value is not None] == [Decimal("537.64")]
    assert [c.value for c in by_code["30201"].cells if c.value is not None] == [Decimal("84.62")]
    assert _value(final, "public_expenditure") == (Decimal("480.66"), 16)  # 公用经费合计


# --- Jiangsu 高级人民法院 2017 budget: 支出 = 基本 + 项目 + 单位预留机动经费 -------------------


@pytest.mark.shared
def test_jiangsu_metadata(jiangsu):
    meta = jiangsu.metadata
    assert meta.department == "江苏省高级人民法院"  # p1 title
    assert meta.year == 2017 and meta.kind == "budget"
    assert meta.region_code == "320000"
    assert meta.units == ["万元"]


@pytest.mark.shared
def test_jiangsu_totals(jiangsu):
    # p12: 收入合计 28,849.38 / 支出合计 28,849.38 below 当年收入小计 and 上年结转资金
    assert _value(jiangsu, "income_total") == (Decimal("28849.38"), 12)
    assert _value(jiangsu, "expenditure_total") == (Decimal("28849.38"), 12)
    assert _value(jiangsu, "income_current_year") == (Decimal("28849.38"), 12)  # 当年收入小计
    # p13 支出预算总表: 基本支出 17,123.19, 项目支出 11,543.27, 单位预留机动经费 182.92
    assert _value(jiangsu, "basic_expenditure") == (Decimal("17123.19"), 13)
    assert _value(jiangsu, "project_expenditure") == (Decimal("11543.27"), 13)
    # by design, basic + project falls short of the total by the reserve: nothing "corrected"
    basic = jiangsu.indicators["basic_expenditure"].value
    project = jiangsu.indicators["project_expenditure"].value
    assert jiangsu.indicators["expenditure_total"].value - basic - project == Decimal("182.92")


@pytest.mark.shared
def test_jiangsu_three_public_excludes_meetings_and_training(jiangsu):
    # p17: 合计 2,599.37 includes 会议费 228.00 and 培训费 1,701.25; “三公” 小计 is 670.12
    assert _value(jiangsu, "three_public_total") == (Decimal("670.12"), 17)
    assert _value(jiangsu, "overseas_travel") == (Decimal("180.00"), 17)
    assert _value(jiangsu, "vehicle_total") == (Decimal("304.40"), 17)
    assert _value(jiangsu, "vehicle_operation") == (Decimal("304.40"), 17)
    assert _value(jiangsu, "official_reception") == (Decimal("185.72"), 17)
    table_ids = {r.id for r in jiangsu.readings if r.origin == "table"}
    assert "vehicle_purchase" not in table_ids  # p17: 公务用车购置费 cell is empty


@pytest.mark.shared
def test_jiangsu_summary_continued_over_a_page_without_title(jiangsu):
    # 收支预算总表 starts on p11; p12 opens with the row "二、财政专户管理资金 | 四、公共安全支出
    # 23,513.11" whose top rule fell on p11, and ends with 收入合计
    table = _table(jiangsu, "income_expenditure_summary")
    assert table.page == 11
    assert {r.page for r in table.rows} == {11, 12}
    row = _row(table, "二、财政专户管理资金")
    assert row.page == 12
    assert "23,513.11" in [c.text for c in row.cells]
    assert "公共安全支出" in "".join(c.text for c in row.cells)


# --- the same tables read without their rules (the fallback for unruled templates) -------


def _page_grids(shared_dir, name: str, page: int):
    import pdfplumber

    from generator.read.pdf_page import read_page

    with pdfplumber.open(shared_dir / "pdf" / name) as pdf:
        layout = read_page(pdf.pages[page - 1], tables="words")
    grids = []
    for grid in layout.grids:  # without the columns that stay empty (as read_pdf drops them)
        used = [k for k in range(len(grid.columns)) if any(row[k].text for row in grid.rows)]
        grids.append([[row[k].text for k in used] for row in grid.rows])
    return grids


@pytest.mark.shared
def test_shanghai_budget_summary_by_word_positions_keeps_empty_cells(shared_dir):
    # p9 without its rules: the amount of 三、社会保障和就业支出 must not slide left into the
    # empty 预算数 cell of "2. 政府性基金"
    [grid] = _page_grids(shared_dir, SHANGHAI_BUDGET, 9)
    assert ["2. 政府性基金", "", "三、社会保障和就业支出", "3,808,085.00"] in grid
    assert ["一、财政拨款收入", "371,514,655.00", "一、一般公共服务支出", "21,601,733.00"] in grid
    # 收入总计 prints below six blank ruled rows and still belongs to the table
    assert grid[-1] == ["收入总计", "371,514,655.00", "支出总计", "371,514,655.00"]


@pytest.mark.shared
def test_shanghai_final_summary_by_word_positions(shared_dir):
    # p7 without its rules: items with no figure keep their row, figures their column
    [grid] = _page_grids(shared_dir, SHANGHAI_FINAL, 7)
    assert ["", "", "十二、农林水支出", ""] in grid
    assert ["", "", "十八、自然资源海洋气象等支出", "4461.67"] in grid
    assert ["年初结转和结余", "112.88", "年末结转和结余", "100.00"] in grid
    assert grid[-1] == ["总计", "9859.38", "总计", "9859.38"]
