"""A file over a cap, or one whose reading takes too long or too much, is one problem on that
file: refused whole with the cap named (and the line or page), never read half."""

import time
from pathlib import Path

import pytest
from conftest import seed_path
from pdfs import no_page_pdf, one_page_pdf, text_operators

from generator.read.isolation import isolation_available, read_isolated
from generator.read.limits import ReadLimits
from generator.read.reader import read_file


def _error(doc):
    errors = [p for p in doc.problems if p.severity == "error"]
    assert doc.failed and errors, doc.problems
    return errors[0]


def test_a_file_over_the_size_cap_is_refused_without_being_read(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(Path(seed_path("001")).read_bytes() * 4)
    doc = read_file(p, ReadLimits(max_text_mb=0.05))
    err = _error(doc)
    assert "max_text_mb" in err.message and doc.lines == [] and doc.tables == []


def test_a_line_over_the_cap_is_named_and_the_file_refused(tmp_path):
    lines = Path(seed_path("001")).read_text(encoding="utf-8").split("\n")
    lines[99] = "说明" * 200
    p = tmp_path / "long-line.txt"
    p.write_text("\n".join(lines), encoding="utf-8")
    doc = read_file(p, ReadLimits(max_line_chars=300))
    err = _error(doc)
    assert err.line == 100 and "max_line_chars" in err.message and doc.tables == []
    assert not read_file(p).failed  # within the default cap it reads


def test_a_row_over_the_cell_cap_is_named(tmp_path):
    p = tmp_path / "wide.txt"
    p.write_text("标题\n" + "\t".join(["1"] * 50) + "\n", encoding="utf-8")
    err = _error(read_file(p, ReadLimits(max_cells_per_row=20)))
    assert err.line == 2 and "50 cells" in err.message and "max_cells_per_row" in err.message


def test_a_pdf_stream_inflating_past_the_cap_is_refused_before_reading(tmp_path):
    p = tmp_path / "bomb.pdf"
    p.write_bytes(one_page_pdf(b" " * (3 << 20)))  # 3 MB of blanks: a few KB compressed
    assert p.stat().st_size < 20_000
    err = _error(read_file(p, ReadLimits(max_pdf_stream_mb=1)))
    assert "max_pdf_stream_mb" in err.message


def test_a_pdf_without_pages_is_an_error(tmp_path):
    p = tmp_path / "empty.pdf"
    p.write_bytes(no_page_pdf())
    assert "no pages" in _error(read_file(p)).message


def test_a_broken_page_is_named_not_a_bare_type_error(tmp_path):
    p = tmp_path / "broken-page.pdf"
    p.write_bytes(one_page_pdf(b"BT ET", media_box=b"null"))
    err = _error(read_file(p))
    assert err.page == 1 and "page 1" in err.message and "damaged" in err.message


def test_long_blank_runs_and_wide_rows_stay_linear(tmp_path):
    # once quadratic: a 100 KB run of spaces (sections.plain), a 64k-cell project row
    p = tmp_path / "blanks.txt"
    p.write_text("项目名称\t" + " " * 19_000 + "x\t" + "\t".join(["a"] * 900) + "\n" * 3)
    started = time.perf_counter()
    read_file(p)
    assert time.perf_counter() - started < 5


needs_fork = pytest.mark.skipif(not isolation_available(), reason="no fork on this system")


@needs_fork
def test_isolated_reading_gives_the_same_document():
    a, b = read_file(seed_path("002")), read_isolated(seed_path("002"))
    assert a == b


@needs_fork
def test_a_pdf_that_stalls_the_reader_is_stopped_at_the_time_limit(tmp_path):
    p = tmp_path / "stall.pdf"
    p.write_bytes(one_page_pdf(text_operators(400_000)))
    started = time.perf_counter()
    doc = read_isolated(p, ReadLimits(read_timeout_seconds=1))
    assert time.perf_counter() - started < 5
    assert "read_timeout_seconds" in _error(doc).message


@needs_fork
def test_a_pdf_that_needs_too_much_memory_is_stopped(tmp_path):
    p = tmp_path / "heavy.pdf"
    p.write_bytes(one_page_pdf(text_operators(400_000)))
    doc = read_isolated(p, ReadLimits(read_memory_mb=64, read_timeout_seconds=60))
    assert "read_memory_mb" in _error(doc).message


def test_an_endless_file_is_read_only_up_to_the_cap(tmp_path):
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    link = tmp_path / "endless.txt"
    link.symlink_to("/dev/zero")
    assert "max_text_mb" in _error(read_file(link, ReadLimits(max_text_mb=1))).message


def test_parse_takes_its_limits_from_site_toml(tmp_path, capsys):
    from generator.cli import main

    (tmp_path / "site.toml").write_text("[limits]\nmax_text_mb = 0.01\n", encoding="utf-8")
    code = main(["parse", "--config", str(tmp_path / "site.toml"), str(seed_path("001"))])
    assert code == 1 and "max_text_mb" in capsys.readouterr().out
    assert main(["parse", "--config", str(tmp_path / "none.toml"), str(seed_path("001"))]) == 2
