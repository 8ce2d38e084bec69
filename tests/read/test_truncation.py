from generator.model import Section, TocEntry
from generator.read.truncation import _part_number, cut_short_problems


def test_part_numbers():
    assert _part_number("第一部分 部门概况") == 1
    assert _part_number("第 五 部分 附件") == 5
    assert _part_number("第十部分") == 10
    assert _part_number("第十二部分") == 12
    assert _part_number("第二十部分") == 20
    assert _part_number("第二十一部分") == 21
    assert _part_number("一、收入说明") is None


def _toc(*titles):
    return [TocEntry(title=t, line=i + 1) for i, t in enumerate(titles)]


def test_only_parts_after_the_last_one_present_count():
    toc = _toc("第一部分 概况", "第二部分 表", "第三部分 说明")
    # a missing part in the middle is a 目录/body mismatch, not a truncation
    middle = [Section("第一部分 概况", 1, 10), Section("第三部分 说明", 1, 90)]
    assert cut_short_problems("f.txt", toc, middle, 120) == []
    cut = [Section("第一部分 概况", 1, 10)]
    (problem,) = cut_short_problems("f.txt", toc, cut, 50)
    assert problem.severity == "warning" and problem.line == 50
    assert "第二部分 表、第三部分 说明" in problem.message


def test_no_toc_no_claim():
    assert cut_short_problems("f.txt", [], [Section("第一部分", 1, 1)], 5) == []
