"""How much one input file may ask of the reader: caps on its size and shape, and the time and
memory its reading may take.

A site is built from files nobody on the team has seen; one of them may be a 200 MB dump, a
single 10 MB line, a row of 60,000 cells or a PDF whose 30 KB inflate to gigabytes. Each cap
turns such a file into a Problem naming it (and its line or page) instead of a build that runs
out of memory or never ends. A file over a cap is refused whole, never read half: a page built
from the first half of a disclosure would look complete and be wrong.

The defaults sit far above any real disclosure. Measured on the 3 shared PDFs and 57 corpus
budgets that read (26-140 pages): at most 1.7 MB per file, 97 characters per line, 19 cells per
row, 4 MB per inflated stream, 127 s and 315 MB to read the 140-page one on a busy machine
(a 50-page one: 10-40 s, about 100 MB). So only a broken or hostile file ever meets them.
``site.toml``'s ``[limits]`` table overrides them (see ``generator/config.py``); every key is
documented there and in README.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.model import Line, Problem

MB = 1024 * 1024


def _key(doc: str, default: Any, low: float, high: float) -> Any:
    return field(default=default, metadata={"doc": doc, "min": low, "max": high})


@dataclass(frozen=True)
class ReadLimits:
    max_text_mb: float = _key(
        "Largest text disclosure (.txt) read, in MB; a larger file is refused with a problem. "
        "A 200-page disclosure converted to text is under 1 MB; an 8 MB one reads in about "
        "15 s with a peak of about 350 MB.",
        8,
        0.001,
        1024,
    )
    max_pdf_mb: float = _key(
        "Largest PDF read, in MB; a larger file is refused with a problem. Published budgets "
        "of up to 140 pages are under 2 MB; scanned ones can be far larger.",
        256,
        0.001,
        4096,
    )
    max_line_chars: int = _key(
        "Longest text line, in characters; a file with a longer line is refused with a problem "
        "naming the line (real lines are under a few thousand characters).",
        20000,
        100,
        10_000_000,
    )
    max_cells_per_row: int = _key(
        "Most cells (tab-separated columns) in one table row; a file with a wider row is "
        "refused with a problem naming the line (real tables have under 30 columns).",
        1000,
        10,
        1_000_000,
    )
    max_pdf_stream_mb: float = _key(
        "Largest decompressed size of one PDF stream, in MB; a PDF holding a bigger one (a "
        "'zip bomb') is refused with a problem before any page is read.",
        128,
        1,
        4096,
    )
    read_timeout_seconds: float = _key(
        "Wall-clock time one disclosure may take to read, in seconds (it is read in a worker "
        "process that is stopped when the time is up; handing a large result back may add a "
        "few seconds); a 50-page PDF takes 10-40 s, a 140-page one about 2 minutes.",
        600,
        1,
        86400,
    )
    read_memory_mb: int = _key(
        "Memory one disclosure's reading may use, in MB, on top of what the build itself "
        "holds (enforced in the worker process where the system allows it, as on Linux).",
        2048,
        64,
        1_048_576,
    )

    @property
    def max_text_bytes(self) -> int:
        return int(self.max_text_mb * MB)

    @property
    def max_pdf_bytes(self) -> int:
        return int(self.max_pdf_mb * MB)

    @property
    def max_pdf_stream_bytes(self) -> int:
        return int(self.max_pdf_stream_mb * MB)


DEFAULT_LIMITS = ReadLimits()


def line_problems(source: str, lines: list[Line], limits: ReadLimits) -> list[Problem]:
    """An error naming the first line over the line-length or row-width cap (and how many
    more there are); empty when every line is within the caps."""
    long_lines = [ln for ln in lines if len(ln.text) > limits.max_line_chars]
    wide_rows = [ln for ln in lines if ln.text.count("\t") >= limits.max_cells_per_row]
    out: list[Problem] = []
    if long_lines:
        first = long_lines[0]
        more = f" ({len(long_lines) - 1} more such lines)" if len(long_lines) > 1 else ""
        out.append(
            Problem(
                "error",
                f"line {first.number} has {len(first.text):,} characters, more than the "
                f"{limits.max_line_chars:,} one line may have (site.toml [limits] "
                f"max_line_chars){more}; the file was not read",
                source,
                line=first.number,
                page=first.page,
                message_zh=f"第 {first.number} 行有 {len(first.text):,} 个字符，超过单行上限 "
                f"{limits.max_line_chars:,}（site.toml [limits] max_line_chars），文件未读取",
            )
        )
    if wide_rows:
        first = wide_rows[0]
        cells = first.text.count("\t") + 1
        more = f" ({len(wide_rows) - 1} more such rows)" if len(wide_rows) > 1 else ""
        out.append(
            Problem(
                "error",
                f"line {first.number} is a table row of {cells:,} cells, more than the "
                f"{limits.max_cells_per_row:,} one row may have (site.toml [limits] "
                f"max_cells_per_row){more}; the file was not read",
                source,
                line=first.number,
                page=first.page,
                message_zh=f"第 {first.number} 行是有 {cells:,} 个单元格的表格行，超过每行上限 "
                f"{limits.max_cells_per_row:,}（site.toml [limits] max_cells_per_row），文件未读取",
            )
        )
    return out
