from seedlines import seed_lines

from generator.model import Line, Table
from generator.read import sections
from generator.read.sections import heading_level, mark_found, read_sections, toc_range, walk


def _flat(key):
    secs, _ = read_sections(seed_lines(key))
    return [(s.level, s.line, s.title) for s in walk(secs)]


def test_heading_levels():
    assert heading_level("第三部分 名词解释") == 1
    assert heading_level("七、一般公共预算“三公”经费支出预算情况说明") == 2
    assert heading_level("（一）机关运行经费支出情况") == 3
    assert heading_level("(一) 一般公共预算财政拨款支出决算总体情况") == 3
    assert heading_level("1. 绩效管理工作开展情况") == 4
    assert heading_level("1、财政拨款收入：指区级财政当年拨付的资金。") == 4
    assert heading_level("2024 年收入总计 23278.10 万元") is None
    assert heading_level("1.26") is None


def test_toc_block_of_seed_001_is_lines_5_to_41():
    assert toc_range(seed_lines("001")) == (5, 41)
    assert toc_range(seed_lines("004")) == (7, 52)
    assert toc_range(seed_lines("000")) is None


def test_toc_entries_of_seed_001_include_the_table_list():
    _, toc = read_sections(seed_lines("001"))
    titles = [e.title for e in toc]
    assert titles[0] == "第一部分 部门概况" and toc[0].line == 7
    assert "附件： 2024 年部门预算表" in titles
    assert "十、项目支出表" in titles and titles[-1] == "十二、部门预算项目绩效目标汇总表"
    assert toc[-1].line == 41
    assert len(toc) == 28


def test_outline_skips_the_toc_and_nests():
    flat = _flat("001")
    assert all(line > 41 for _, line, _ in flat)  # nothing from the 目录 block
    assert (1, 43, "第一部分 部门概况") in flat  # name on the next line joined
    assert (1, 157, "第三部分 名词解释") in flat
    secs, _ = read_sections(seed_lines("001"))
    part2 = secs[1]
    assert part2.title.startswith("第二部分") and part2.line == 79
    assert [c.line for c in part2.children][:3] == [83, 87, 91]
    nine = part2.children[-1]
    assert nine.title == "九、其他重要事项的情况说明"
    assert [c.title for c in nine.children][0] == "（一）机关（事业）运行经费支出情况"


def test_paragraph_items_and_definitions_are_not_headings():
    titles = [t for _, _, t in _flat("001")]
    assert not any("是指" in t for t in titles)  # glossary entries
    assert not any("万元" in t for t in titles)  # "2、2024 年政府性基金收支预算 0 万元"
    flat4 = _flat("004")
    assert (3, 387, "(一) 一般公共预算财政拨款支出决算总体情况") in flat4
    assert not any(line in (60, 62) for _, line, _ in flat4)  # 部门职责 paragraphs (一)(二)


def test_cell_continuations_are_not_headings():
    lines = [t for _, _, t in _flat("003")]
    assert "2、保障财务外聘人员工作经费" not in lines
    assert "1、财务外聘人员工作经费绩效目标表" in lines


def test_table_ids_and_found(monkeypatch):
    monkeypatch.setattr(
        sections, "_match_title", lambda t: "project_expenditure" if t == "项目支出表" else None
    )
    lines = [
        Line(1, "目录"),
        Line(2, "- 一、部门收支总体情况表"),
        Line(3, "- 十、项目支出表"),
        Line(4, "第一部分 概况"),
    ]
    secs, toc = read_sections(lines)
    assert [(e.title, e.table_id) for e in toc] == [
        ("一、部门收支总体情况表", None),
        ("十、项目支出表", "project_expenditure"),
    ]
    mark_found(toc, [Table(id="project_expenditure", title="项目支出表", line=9)])
    assert [e.found for e in toc] == [None, True]
    assert [s.line for s in secs] == [4]


def test_bad_input_does_not_raise():
    assert read_sections([Line(1, "目录"), Line(2, "\t\t"), Line(3, "")]) == ([], [])
    assert read_sections([]) == ([], [])


def _pdf_like():
    """PDF text: a heading with a wide gap (tab), table rows without tabs inside a grid."""
    from generator.read.blocks import Grid, GridCell, GridRow

    lines = [
        Line(1, "目 录", 1),
        Line(2, "第一部分 概况", 1),
        Line(3, "第二部分 上海市普陀区规划和自然资源局 2024 年度部门决算", 1),
        Line(4, "表", 1),
        Line(5, "一、收入支出决算总表……3", 1),
        Line(6, "第一部分\t上海市普陀区规划和自然资源局概况", 2),
        Line(7, "一、主要职能", 2),
        Line(8, "收入\t支出", 3),
        Line(9, "十三、交通运输支出", 3),
        Line(10, "十四、资源勘探工业信息等支出", 3),
        Line(11, "第四部分\t名词解释", 4),
        Line(12, "一、基本支出：指人员经费和公用经费。", 4),
    ]
    grid = Grid([GridRow([GridCell("收入", 8), GridCell("支出", 8)], 8)], "pdf-table", 8, 10, 3)
    blocks = [*lines[:7], grid, lines[10], lines[11]]
    return lines, blocks


def test_pdf_table_lines_and_tabbed_headings():
    lines, blocks = _pdf_like()
    secs, toc = read_sections(lines, blocks=blocks)
    assert [e.title for e in toc] == [
        "第一部分 概况",
        "第二部分 上海市普陀区规划和自然资源局 2024 年度部门决算表",  # "表" wrapped (PDF)
        "一、收入支出决算总表",  # page number dropped
    ]
    flat = [(s.level, s.line, s.title) for s in walk(secs)]
    assert flat == [
        (1, 6, "第一部分 上海市普陀区规划和自然资源局概况"),
        (2, 7, "一、主要职能"),
        (1, 11, "第四部分 名词解释"),
    ]  # 十三、交通运输支出 (line 9) is a table row, not a section
