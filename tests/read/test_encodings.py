"""Every way the bytes of a text disclosure can mislead is said, with its line."""

from pathlib import Path

from conftest import seed_path

from generator.read.encoding import decode
from generator.read.reader import read_file


def _seed_text() -> str:
    return Path(seed_path("001")).read_text(encoding="utf-8")


def _errors(problems):
    return [p for p in problems if p.severity == "error"]


def test_utf32_is_read_as_utf32_not_utf16(tmp_path):
    text = _seed_text()
    for codec in ("utf-32", "utf-32-be"):
        data = text.encode(codec)
        if codec == "utf-32-be":
            data = b"\x00\x00\xfe\xff" + data
        decoded, encoding, problems = decode(data, "x.txt")
        assert encoding == "utf-32" and problems == []
        assert decoded == text


def test_utf16_is_still_read(tmp_path):
    decoded, encoding, problems = decode(_seed_text().encode("utf-16"), "x.txt")
    assert encoding == "utf-16" and problems == [] and "滑县医疗保障局" in decoded


def test_utf16_without_bom_is_named(tmp_path):
    _, _, problems = decode(_seed_text().encode("utf-16-le"), "x.txt")
    assert "UTF-16 text without a byte-order mark" in _errors(problems)[0].message


def test_utf8_bom_over_a_gbk_body_is_read_as_gbk_with_a_warning(tmp_path):
    text = _seed_text()
    p = tmp_path / "bom-gbk.txt"
    p.write_bytes(b"\xef\xbb\xbf" + text.encode("gbk"))
    doc = read_file(p)
    assert doc.encoding == "gb18030" and not doc.failed
    assert "\ufffd" not in "".join(ln.text for ln in doc.lines)
    assert [ln.text for ln in doc.lines] == [ln.text for ln in read_file(seed_path("001")).lines]
    assert any("byte-order mark but its text is GBK" in p.message for p in doc.problems)


def test_one_bad_byte_is_named_with_line_and_offset(tmp_path):
    data = Path(seed_path("001")).read_bytes()
    at = data.index("滑县医疗保障局".encode(), 5000)
    line = data.count(b"\n", 0, at) + 1
    p = tmp_path / "bad-byte.txt"
    p.write_bytes(data[:at] + b"\xff" + data[at + 1 :])
    doc = read_file(p)
    named = [w for w in doc.problems if w.line == line]
    assert named and f"line {line}" in named[0].message and f"byte {at}" in named[0].message
    assert not doc.failed and doc.indicators  # the rest of the document is read


def test_a_gbk_line_in_a_utf8_file_is_read_as_gbk_and_named(tmp_path):
    lines = _seed_text().split("\n")
    mixed = [ln.encode("utf-8") for ln in lines]
    mixed[9] = lines[9].encode("gbk")
    p = tmp_path / "mixed.txt"
    p.write_bytes(b"\n".join(mixed))
    doc = read_file(p)
    assert doc.lines[9].text == read_file(seed_path("001")).lines[9].text
    warned = [w for w in doc.problems if w.line == 10]
    assert warned and "mixes two encodings" in warned[0].message


def test_garbled_text_is_an_error_not_ok(tmp_path):
    text = _seed_text()
    garbled = "".join("\ufffd" if "\u4e00" <= ch <= "\u9fff" else ch for ch in text)
    p = tmp_path / "garbled.txt"
    p.write_text(garbled, encoding="utf-8")
    doc = read_file(p)
    assert doc.failed and "garbled" in _errors(doc.problems)[0].message


def test_a_few_replacement_characters_are_a_warning_naming_the_line(tmp_path):
    lines = _seed_text().split("\n")
    lines[20] = lines[20] + "\ufffd"
    p = tmp_path / "one-fffd.txt"
    p.write_text("\n".join(lines), encoding="utf-8")
    doc = read_file(p)
    assert not doc.failed
    assert any(w.line == 21 and "U+FFFD" in w.message for w in doc.problems)


def test_neither_encoding_is_an_error_naming_the_line():
    data = "第一行\n".encode() + b"\x80\x80\xff\xfe\x81" * 30 + b"\n"
    _, _, problems = decode(data, "x.txt")
    err = _errors(problems)[0]
    assert "neither UTF-8 nor GBK" in err.message and err.line == 2
