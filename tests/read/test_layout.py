from seedlines import seed_lines

from generator.model import Line
from generator.read.blocks import Grid
from generator.read.layout import to_blocks


def _lines(text):
    return [Line(i, t) for i, t in enumerate(text.split("\n"), 1)]


def _grids(blocks):
    return [b for b in blocks if isinstance(b, Grid)]


def test_cell_per_line_rows_and_wrapped_cell():
    blocks = to_blocks(seed_lines("000"))
    three = next(g for g in _grids(blocks) if g.line == 59)
    assert three.layout == "cells"
    row = next(r for r in three.rows if r.line == 85)
    # lines 89-91: "按照“过紧日子”要求，严" / "" / "格压减支出" is one cell
    assert [c.text for c in row.cells] == [
        "公务用车运行经费",
        "7.5",
        "6",
        "-1.5",
        "按照“过紧日子”要求，严格压减支出",
    ]
    assert [c.line for c in row.cells] == [85, 86, 87, 88, 89]


def test_narrative_stays_lines():
    blocks = to_blocks(seed_lines("000"))
    line_numbers = {b.number for b in blocks if isinstance(b, Line)}
    assert {46, 48, 55, 112, 155} <= line_numbers
    assert not any(g.line <= 46 <= g.end_line for g in _grids(blocks))


def test_cell_rows_broken_by_empty_paragraphs_are_rejoined():
    blocks = to_blocks(seed_lines("003"))
    grid = next(g for g in _grids(blocks) if g.line <= 149 <= g.end_line)
    row = next(r for r in grid.rows if r.line == 149)
    assert [c.text for c in row.cells] == [
        "产出指标",
        "数量指标",
        "业务工作满意度（%）",
        "服务人群对工作人员满意度",
        "≥90百分比",
        "",
    ]


def test_tab_rows():
    blocks = to_blocks(seed_lines("001"))
    grid = next(g for g in _grids(blocks) if g.line == 189)
    assert grid.layout == "tabs"
    total = next(r for r in grid.rows if r.line == 223)
    assert [c.text for c in total.cells] == ["收入总计", "23,278.10", "支出总计", "23,278.10"]


def test_tab_rows_wrapped_by_the_page_are_joined():
    blocks = to_blocks(seed_lines("001"))
    grid = next(g for g in _grids(blocks) if g.line <= 525 <= g.end_line)
    row = next(r for r in grid.rows if r.line == 525)
    assert row.cells[1].text == "2024 年资助困难群众城乡居民医疗保险参保费"
    assert not any(r.line == 527 for r in grid.rows)
    # a row after a blank line that carries its own value is a row, not a wrap
    assert any(r.line == 544 for r in grid.rows)


def test_small_synthetic_layouts():
    blocks = to_blocks(_lines("标题\n\t项目\n\t金额\n\n\t合计\n\t1.5\n\n说明。"))
    grid = _grids(blocks)[0]
    assert [[c.text for c in r.cells] for r in grid.rows] == [["项目", "金额"], ["合计", "1.5"]]
    blocks = to_blocks(_lines("表\n项目\t金额\n\n合计\t2\n正文"))
    grid = _grids(blocks)[0]
    assert grid.layout == "tabs" and [r.line for r in grid.rows] == [2, 4]
    assert isinstance(blocks[-1], Line) and blocks[-1].text == "正文"
