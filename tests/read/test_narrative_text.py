"""The one paragraph splitter and the one change reading, in both their modes."""

from decimal import Decimal

from generator.model import Line
from generator.read.narrative_changes import change_phrases, printed_changes
from generator.read.narrative_text import SENTENCES, WRAPPED, paragraphs


def _lines(*texts: str) -> list[Line]:
    return [Line(i, t) for i, t in enumerate(texts, start=1)]


def test_wrapped_joins_a_line_cut_at_the_page_width():
    lines = _lines("2024年本部门收入总计7764.9万元，比上年增加100万元", "，支出总计7764.9万元。")
    (para,) = paragraphs(lines, set(), WRAPPED)
    assert para.text.endswith("支出总计7764.9万元。")
    assert para.line_at(para.text.index("支出总计")).number == 2


def test_wrapped_keeps_a_short_line_apart_where_sentences_joins_it():
    lines = _lines("本年支出主要用于", "基本支出5万元。")
    assert [p.text for p in paragraphs(lines, set(), WRAPPED)] == [
        "本年支出主要用于",
        "基本支出5万元。",
    ]
    assert [p.text for p in paragraphs(lines, set(), SENTENCES)] == [
        "本年支出主要用于基本支出5万元。"
    ]


def test_sentences_stop_at_a_full_stop_a_heading_and_after_six_joins():
    lines = _lines("一、收入情况", "收入5万元。", "下一句", *["续"] * 8)
    texts = [p.text for p in paragraphs(lines, set(), SENTENCES)]
    assert texts == ["一、收入情况", "收入5万元。", "下一句" + "续" * 6, "续续"]


def test_skipped_lines_break_paragraphs_in_both_modes():
    lines = _lines("说明第一段没有句号的一行文字，还很长很长很长很长", "表格行", "接着的一行。")
    for join in (WRAPPED, SENTENCES):
        assert len(paragraphs(lines, {2}, join)) == 2


def test_change_phrases_read_a_change_with_or_without_its_percentage():
    (m, amounts, pcts), (m2, amounts2, pcts2) = change_phrases(
        "比上年增加100.5万元，增长3.2%，其中项目支出减少2亿元。"
    )
    assert (m.group("verb"), amounts[0].group(0), pcts[0][0]) == (
        "增加",
        "100.5万元",
        Decimal("3.2"),
    )
    assert (m2.group("verb"), amounts2[0].group("unit"), pcts2) == ("减少", "亿元", [])


def test_printed_changes_need_the_percentage_and_its_word():
    text = "支出合计200万元，较年初预算减少20万元，下降9.09%；另增加5万元，占2%。"
    (pc,) = printed_changes(text)
    ((amount_at, pct, _),) = pc.items
    assert text[amount_at:].startswith("20万元") and pct == "9.09"
    assert (pc.increase, pc.words_agree, pc.against) == (False, True, "budget")


def test_printed_changes_read_a_pair_and_contradictory_words():
    (pair,) = printed_changes("收、支总计各增加10万元和20万元，增长分别为5%和10%。")
    assert [pct for _, pct, _ in pair.items] == ["5", "10"]
    (odd,) = printed_changes("比上年增加10万元，下降5%。")
    assert odd.increase and not odd.words_agree and odd.against == "previous"
