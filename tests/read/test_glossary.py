from seedlines import seed_lines

from generator.model import Line
from generator.read.glossary import glossary_range, read_glossary


def _terms(key):
    return {e.term: e for e in read_glossary(f"seed{key}", seed_lines(key))}


def test_seed_000_glossary_stops_at_the_next_part():
    entries = read_glossary("s", seed_lines("000"))
    assert [e.term for e in entries] == [
        "财政拨款收入",
        "其他收入",
        "基本支出",
        "项目支出",
        "“三公”经费",
        "机关运行费",
        "公务费",
    ]
    assert entries[0].definition == "指区级财政当年拨付的资金。"
    assert entries[0].source.line == 636 and entries[-1].source.line == 642
    assert glossary_range(seed_lines("000")) == (635, 642)


def test_wrapped_definition_is_rejoined_seed_001():
    terms = _terms("001")
    assert len(terms) == 9
    other = terms["其他收入"]
    assert (
        other.definition
        == "是指部门取得的除“财政拨款”、“事业收入”、“事业单位经营收入”等以外的收入。"
    )
    assert other.source.line == 169
    assert terms["财政拨款收入"].definition.startswith("是指县级财政当年拨付的资金")


def test_glossary_after_a_bare_part_heading_and_not_the_toc():
    # seed 001 lists "第三部分 名词解释" in its 目录 (line 25); the section is at 157/159
    rng = glossary_range(seed_lines("001"))
    assert rng == (159, 179)


def test_seed_002_stops_at_the_attachment_and_joins_wraps():
    terms = _terms("002")
    assert list(terms)[-1] == "机关运行经费"
    assert terms["机关运行经费"].definition.endswith("公务用车运行维护费以及其他费用。")
    assert terms["机关运行经费"].source.line == 140


def test_seed_004_chinese_numbering_and_no_glossary_in_003():
    terms = _terms("004")
    assert len(terms) == 11
    assert terms["年初结转和结余"].source.line == 609
    assert terms["一般公共服务支出（类）"].definition == "指政府提供一般公共服务的支出。"
    assert read_glossary("s", seed_lines("003")) == []


def test_parenthesised_numbering_and_table_title_stop():
    lines = [
        Line(1, "四、名词解释"),
        Line(2, "（一）基本支出：指人员经费"),
        Line(3, "和公用经费。"),
        Line(4, "（二）项目支出：指专项支出。"),
        Line(5, "2024年部门收支总体情况表"),
        Line(6, "（三）不是词条：不应读入。"),
    ]
    entries = read_glossary("x", lines)
    assert [(e.term, e.definition) for e in entries] == [
        ("基本支出", "指人员经费和公用经费。"),
        ("项目支出", "指专项支出。"),
    ]


def test_pdf_heading_with_a_gap_and_end_at_an_unnumbered_title():
    lines = [
        Line(1, "第四部分\t名词解释"),
        Line(
            2,
            "（一）财政拨款收入：是区级预算主管部门本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款、政府",
        ),
        Line(3, "性基金预算财政拨款。"),
        Line(4, "（二）事业收入：指事业单位开展专业业务活动取得的收入。"),
        Line(5, "2025年部门预算编制说明"),
        Line(6, "2025年，某委员会收入预算37,151.47万元。"),
    ]
    entries = read_glossary("x", lines, blocks=lines)
    assert [e.term for e in entries] == ["财政拨款收入", "事业收入"]
    assert entries[0].definition.endswith("政府性基金预算财政拨款。")
    assert glossary_range(lines, lines) == (1, 4)
