"""Identities choose among readings; units are found wherever a line declares them; lines
are grouped on their baselines. Small unit tests on hand-made data."""

from __future__ import annotations

from decimal import Decimal

from generator.model import Reading, SourceRef
from generator.read.indicator_choice import choose, confirmations
from generator.read.numbers import find_unit
from generator.read.pdf_lines import text_lines


def _r(ind: str, value: str, page: int, origin="table", table="expenditure") -> Reading:
    return Reading(
        id=ind,
        value=Decimal(value),
        origin=origin,
        source=SourceRef(file="f.pdf", line=page * 10, page=page, text=value),
        raw=value,
        unit="万元",
        table_id=table if origin == "table" else None,
    )


def test_default_is_the_first_reading_when_nothing_is_contradicted():
    total = _r("expenditure_total", "500.00", 1, table="income_expenditure_summary")
    basic = _r("basic_expenditure", "300.00", 2)
    project = _r("project_expenditure", "200.00", 2)
    strong = {
        "expenditure_total": [total],
        "basic_expenditure": [basic],
        "project_expenditure": [project],
    }
    chosen = choose(strong, {}, [total, basic, project])
    assert chosen["basic_expenditure"] is basic


def test_another_printed_reading_is_kept_where_it_makes_the_identities_hold():
    total = _r("expenditure_total", "500.00", 1, table="income_expenditure_summary")
    fund_basic = _r("basic_expenditure", "280.00", 2)  # the first table read: one fund's
    basic = _r("basic_expenditure", "300.00", 3)
    project = _r("project_expenditure", "200.00", 3)
    strong = {
        "expenditure_total": [total],
        "basic_expenditure": [fund_basic, basic],
        "project_expenditure": [project],
    }
    chosen = choose(strong, {}, [total, fund_basic, basic, project])
    assert chosen["basic_expenditure"] is basic


def test_a_weak_pair_is_taken_only_together_and_only_when_confirmed():
    total = _r("expenditure_total", "500.00", 1, table="income_expenditure_summary")
    basic = _r("basic_expenditure", "300.00", 4)
    project = _r("project_expenditure", "200.00", 4)
    strong = {"expenditure_total": [total]}
    weak = {"basic_expenditure": [basic], "project_expenditure": [project]}
    chosen = choose(strong, weak, [total, basic, project], tables=[[basic, project]])
    assert chosen["basic_expenditure"] is basic and chosen["project_expenditure"] is project
    wrong = _r("project_expenditure", "150.00", 4)
    chosen = choose(
        strong,
        {"basic_expenditure": [basic], "project_expenditure": [wrong]},
        [total, basic, wrong],
        tables=[[basic, wrong]],
    )
    assert "basic_expenditure" not in chosen and "project_expenditure" not in chosen


def test_a_contradicted_figure_is_kept_as_printed():
    total = _r("expenditure_total", "500.00", 1, table="income_expenditure_summary")
    basic = _r("basic_expenditure", "310.00", 2)
    project = _r("project_expenditure", "200.00", 2)
    strong = {
        "expenditure_total": [total],
        "basic_expenditure": [basic],
        "project_expenditure": [project],
    }
    chosen = choose(strong, {}, [total, basic, project])
    assert chosen["basic_expenditure"].value == Decimal("310.00")


def test_confirmations_are_other_places_not_the_same_table():
    basic = _r("basic_expenditure", "300.00", 2)
    again = _r("basic_expenditure", "300.00", 2)  # the same table: not independent
    other = _r("basic_expenditure", "300.00", 5, table="general_budget_expenditure")
    said = _r("basic_expenditure", "300", 9, origin="narrative")
    differs = _r("basic_expenditure", "299.00", 9, origin="narrative")
    places = confirmations(basic, [basic, again, other, said, differs])
    assert [p.page for p in places] == [5, 9]


def test_every_unit_declaration_on_a_line_is_tried():
    assert find_unit("编制单位：上海市财政局 单位：元").unit == "元"
    assert find_unit("单位：无锡市交通运输局（本级）\t单位：万元").unit == "万元"
    assert find_unit("编制单位：上海市财政局") is None
    assert find_unit("金额单位：").unit is None  # the unit follows on the next line


def _char(text, x0, baseline, size, box_shift=0.0):
    """A pdfplumber-like character; ``box_shift`` moves only its reported box (bad metrics)."""
    height = 842.0
    top = baseline - 0.88 * size + box_shift
    return {
        "text": text,
        "x0": x0,
        "x1": x0 + size,
        "top": top,
        "bottom": top + size,
        "y1": height - top,
        "size": size,
        "matrix": (1, 0, 0, 1, x0, height - baseline),
        "upright": True,
    }


def test_a_font_whose_boxes_sit_an_em_low_stays_on_its_line():
    chars = [_char("2026", 100, 124.6, 18.5, box_shift=16.0), _char("年", 119, 122.2, 18.5)]
    chars += [_char("单", 100, 153.0, 10.3), _char(":", 111, 152.6, 10.3, box_shift=7.9)]
    lines = text_lines(chars)
    assert [ln.text.replace(" ", "") for ln in lines] == ["2026年", "单:"]


def test_lines_set_solid_stay_apart():
    chars = [_char("上", 100, 110, 10), _char("下", 100, 120, 10)]
    assert len(text_lines(chars)) == 2


def test_three_public_group_subtotal_and_carried_over_columns():
    from generator.model import Cell, Row, Table
    from generator.read.indicator_three_public import three_public

    columns = [
        "“三公”经费合计",
        "当年预算/因公出国（境）费/小计",
        "当年预算/因公出国（境）费/科研因公出国（境）费用",
        "当年预算/公务接待费",
        "上年结转结余/因公出国（境）费/小计",
        "上年结转结余/公务接待费",
    ]
    texts = ["7.61", "1.00", "0.40", "6.61", "9.00", "9.00"]
    row = Row(cells=[Cell(t, Decimal(t), line=5, page=1) for t in texts], line=5, page=1)
    table = Table(id="three_public", title="“三公”经费支出表", line=1, unit="万元")
    table.columns, table.rows = columns, [row]
    got = {(r.id, r.period): r.value for r in three_public("f.pdf", table)}
    assert got[("overseas_travel", "current")] == Decimal("1.00")  # the group's 小计
    assert got[("official_reception", "current")] == Decimal("6.61")
    assert ("overseas_travel", "previous") not in got  # carried-over money is not last year's
