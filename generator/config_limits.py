"""The ``[limits]`` table of site.toml: how much one input may ask of the reader.

Apart from config.py because the reader applies these limits (read/limits.py) and the
table's documentation is long; config.py reads the table into this class.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MB = 1024 * 1024


def _limit(doc: str, default: Any, low: float, high: float) -> Any:
    return field(default=default, metadata={"doc": doc, "min": low, "max": high})


@dataclass(frozen=True)
class ReadLimits:
    """How much one input file may ask of the reader (the ``[limits]`` table).

    The defaults sit far above any real disclosure. Measured on the 3 shared PDFs and 57
    corpus budgets that read (26-140 pages): at most 1.7 MB per file, 97 characters per line,
    19 cells per row, 4 MB per inflated stream, 127 s and 315 MB to read the 140-page one on a
    busy machine (a 50-page one: 10-40 s, about 100 MB). So only a broken or hostile file ever
    meets them; ``read/limits.py`` and ``read/isolation.py`` apply them.
    """

    max_text_mb: float = _limit(
        "Largest text disclosure (.txt) read, in MB; a larger file is refused with a problem. "
        "A 200-page disclosure converted to text is under 1 MB; an 8 MB one reads in about "
        "15 s with a peak of about 350 MB.",
        8,
        0.001,
        1024,
    )
    max_pdf_mb: float = _limit(
        "Largest PDF read, in MB; a larger file is refused with a problem. Published budgets "
        "of up to 140 pages are under 2 MB; scanned ones can be far larger.",
        256,
        0.001,
        4096,
    )
    max_line_chars: int = _limit(
        "Longest text line, in characters; a file with a longer line is refused with a problem "
        "naming the line (real lines are under a few thousand characters).",
        20000,
        100,
        10_000_000,
    )
    max_cells_per_row: int = _limit(
        "Most cells (tab-separated columns) in one table row; a file with a wider row is "
        "refused with a problem naming the line (real tables have under 30 columns).",
        1000,
        10,
        1_000_000,
    )
    max_pdf_stream_mb: float = _limit(
        "Largest decompressed size of one PDF stream, in MB; a PDF holding a bigger one (a "
        "'zip bomb') is refused with a problem before any page is read.",
        128,
        1,
        4096,
    )
    read_timeout_seconds: float = _limit(
        "Wall-clock time one disclosure may take to read, in seconds (it is read in a worker "
        "process that is stopped when the time is up; handing a large result back may add a "
        "few seconds); a 50-page PDF takes 10-40 s, a 140-page one about 2 minutes.",
        600,
        1,
        86400,
    )
    read_memory_mb: int = _limit(
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
