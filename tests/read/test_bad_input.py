import os
from pathlib import Path

from conftest import seed_path

from generator.read.reader import read_file


def _errors(doc):
    return [p for p in doc.problems if p.severity == "error"]


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    doc = read_file(p)
    assert doc.failed and "empty" in _errors(doc)[0].message
    assert _errors(doc)[0].file == str(p)


def test_random_bytes(tmp_path):
    p = tmp_path / "random.txt"
    p.write_bytes(os.urandom(4096) + bytes(range(256)))
    doc = read_file(p)
    assert doc.failed and doc.tables == [] and doc.indicators == {}


def test_binary_with_nul(tmp_path):
    p = tmp_path / "image.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 100)
    assert read_file(p).failed


def test_missing_file(tmp_path):
    doc = read_file(tmp_path / "nope.txt")
    assert doc.failed and "cannot be read" in _errors(doc)[0].message


def test_unrecognised_text(tmp_path):
    p = tmp_path / "notes.txt"
    p.write_text("shopping list\neggs\nmilk\n", encoding="utf-8")
    doc = read_file(p)
    assert doc.failed
    assert any("does not look like a budget disclosure" in e.message for e in _errors(doc))


def test_seed_cut_in_half_reads_partially_with_a_warning(tmp_path):
    data = Path(seed_path("004")).read_bytes()
    cut = data[: len(data) // 2]
    if cut.decode("utf-8", errors="ignore").encode() == cut:
        cut = cut[:-1] + b"\xe5"  # make sure a character is cut in half
    p = tmp_path / "cut.txt"
    p.write_bytes(cut)
    doc = read_file(p)
    assert not doc.failed
    assert any("truncated" in w.message for w in doc.problems if w.severity == "warning")
    # the tables before the cut are all there, with the same figures
    assert doc.indicators["income_total"].source.line == 139


def test_pdf_that_is_not_a_pdf(tmp_path):
    p = tmp_path / "broken.pdf"
    p.write_bytes(b"%PDF-1.4\n% truncated")
    doc = read_file(p)
    assert doc.format == "pdf" and doc.failed


def test_seed_cut_at_a_line_boundary_says_the_document_stops_early(tmp_path):
    # A clean cut (no broken character) must still be noticed: the 目录 of seed 004 lists
    # 第四部分 名词解释 and 第五部分 附件, which a file cut after line 371 never reaches.
    lines = Path(seed_path("004")).read_text(encoding="utf-8").split("\n")
    p = tmp_path / "cut.txt"
    p.write_text("\n".join(lines[:371]), encoding="utf-8")
    doc = read_file(p)
    assert not doc.failed
    cut = [w for w in doc.problems if "cut short" in w.message]
    assert len(cut) == 1
    assert cut[0].line == 371
    assert "第四部分 名词解释" in cut[0].message and "第五部分 附件" in cut[0].message


def test_complete_seeds_are_not_reported_as_cut_short():
    for key in ("000", "001", "002", "003", "004"):
        doc = read_file(seed_path(key))
        assert not [w for w in doc.problems if "seems cut short" in w.message], key


def test_tables_the_toc_lists_after_a_cut_are_reported(tmp_path):
    # seed 001 cut at 31%: its 目录 lists twelve tables, the text stops after the first ones
    data = Path(seed_path("001")).read_bytes()
    cut = data[: len(data) * 31 // 100]
    p = tmp_path / "cut.txt"
    p.write_bytes(cut[: cut.rfind(b"\n") + 1])
    doc = read_file(p)
    cut_short = [w for w in doc.problems if "cut short" in w.message]
    assert len(cut_short) == 1 and "more table(s)" in cut_short[0].message
    assert cut_short[0].line == doc.lines[-1].number


def test_a_table_missing_from_the_middle_of_the_toc_is_not_a_cut():
    doc = read_file(seed_path("002"))  # the department left out four listed tables
    assert any(e.found is False for e in doc.toc)
    assert not [w for w in doc.problems if "cut short" in w.message]
