from pathlib import Path

from conftest import seed_path

from generator.read.noise import clean, strip_html
from generator.read.reader import read_file
from generator.read.source import decode, normalise, to_lines


def _text(key):
    path = seed_path(key)
    return Path(path).read_bytes(), str(path)


def test_utf8_seed_decodes_without_problems():
    data, path = _text("001")
    text, enc, problems = decode(data, path)
    assert enc == "utf-8" and problems == [] and "滑县医疗保障局" in text


def test_gbk_copy_reads_identically(tmp_path):
    data, path = _text("001")
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(data.decode("utf-8").encode("gbk"))
    a, b = read_file(path), read_file(gbk)
    assert b.encoding == "gb18030"
    assert [ln.text for ln in a.lines] == [ln.text for ln in b.lines]
    assert {k: (r.value, r.source.line) for k, r in a.indicators.items()} == {
        k: (r.value, r.source.line) for k, r in b.indicators.items()
    }


def test_bom_is_dropped(tmp_path):
    data, _ = _text("000")
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + data)
    doc = read_file(p)
    assert doc.encoding == "utf-8-sig"
    assert doc.lines[0].text == "保定市满城区医疗保障局"


def test_line_numbers_follow_the_file():
    data, path = _text("000")
    lines = to_lines(decode(data, path)[0])
    raw = data.decode("utf-8").split("\n")
    assert len(lines) == len(raw)
    assert [ln.number for ln in lines] == list(range(1, len(raw) + 1))
    assert lines[88].text == "\t按照“过紧日子”要求，严"  # line 89 stays line 89
    text = "a\r\nb\rc\n\nd"
    assert [(ln.number, ln.text) for ln in to_lines(text)] == [
        (1, "a"),
        (2, "b"),
        (3, "c"),
        (4, ""),
        (5, "d"),
    ]


def test_full_width_numbers_and_radicals_but_not_punctuation():
    assert normalise("３，５１８．８５万元") == "3,518.85万元"
    assert normalise("占９０％") == "占90%"
    assert normalise("⻔诊⼀般") == "门诊一般"
    text = "（一）机构设置：本部门，共有"
    assert normalise(text) == text
    assert normalise("完成3。2021年") == "完成3。2021年"


def test_noise_is_removed():
    assert (
        clean("[bookmark: _Toc41056480]1、财务外聘人员工作经费绩效目标表")
        == "1、财务外聘人员工作经费绩效目标表"
    )
    assert clean("一、总体绩效目标 TC 总体绩效目标 \\f A \\l 1 ") == "一、总体绩效目标"
    assert (
        clean("1.社保专网经费绩效目标表 TC 1、社保专网经费绩效目标表 \\f C \\l 1 ")
        == "1.社保专网经费绩效目标表"
    )


def test_html_in_cells_becomes_plain_text():
    line = '项目实施计划\t<ol style="list-style-type: none"> 1. 确定分组</ol>\t<p>a</p><p>b</p>'
    assert clean(line) == "项目实施计划\t1. 确定分组\ta b"
    assert "<" not in strip_html("&lt;script&gt;alert(1)&lt;/script&gt;x")
    assert strip_html("≤<5% 与 a < b") == "≤<5% 与 a < b"


def test_html_never_survives_in_seed_002():
    doc = read_file(seed_path("002"))
    assert not any("<p>" in ln.text or "<ol" in ln.text for ln in doc.lines)
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert not any("<p" in c or "</" in c for c in cells)
