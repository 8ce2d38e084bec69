"""Reading a PDF must cost about what pdfplumber's own text extraction costs (target: <= 1.5x).

For every PDF given (default: the real disclosures in ../shared/pdf) this prints the time of
``page.extract_text()`` over all pages, the time of ``read_pdf`` and of the whole
``read_file`` (tables, narrative, indicators), and the ratios. Times are CPU seconds of this
process (``time.process_time``), best of a few interleaved runs, so that other work on a
shared machine does not decide the result; wall-clock seconds are printed beside them.

    python3 benchmarks/bench_pdf.py [file.pdf ...] [--runs N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pdfplumber  # noqa: E402

from generator.read.pdf import read_pdf  # noqa: E402


def plumber_text(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()


def full_read(path: Path) -> None:
    from generator.read.reader import read_file

    read_file(str(path))


def timed(fn, path: Path) -> tuple[float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    fn(path)
    return time.process_time() - cpu, time.perf_counter() - wall


def best_of(runs: int, path: Path) -> list[tuple[float, float]]:
    """(cpu, wall) best times of extract_text, read_pdf and read_file, runs interleaved."""
    best = [(float("inf"), float("inf"))] * 3
    for _ in range(runs):
        for k, fn in enumerate((plumber_text, read_pdf, full_read)):
            cpu, wall = timed(fn, path)
            best[k] = (min(best[k][0], cpu), min(best[k][1], wall))
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    files = args.files or sorted((ROOT.parent / "shared" / "pdf").glob("*.pdf"))
    if not files:
        print("no PDF given and ../shared/pdf is absent", file=sys.stderr)
        return 2
    print(
        f"{'file':46} {'pages':>5} {'extract_text':>12} {'read_pdf':>9} {'ratio':>6}"
        f" {'read_file':>9} {'ratio':>6}   CPU seconds (wall seconds)"
    )
    worst = 0.0
    for path in files:
        with pdfplumber.open(path) as pdf:
            pages = len(pdf.pages)
        (base, base_w), (ours, ours_w), (whole, whole_w) = best_of(args.runs, path)
        worst = max(worst, ours / base)
        print(
            f"{path.name[:46]:46} {pages:5d} {base:11.2f}s {ours:8.2f}s {ours / base:5.2f}x"
            f" {whole:8.2f}s {whole / base:5.2f}x   ({base_w:.2f} / {ours_w:.2f} / {whole_w:.2f})"
        )
    print(f"worst read_pdf ratio: {worst:.2f}x (target <= 1.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
