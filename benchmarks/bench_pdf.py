"""Reading a PDF must cost about what pdfplumber's own text extraction costs (target: <= 1.5x).

For every PDF given (default: the real disclosures in ../shared/pdf) this prints the time of
``page.extract_text()`` over all pages, the time of ``read_pdf`` and of the whole
``read_file`` (tables, narrative, indicators), and the ratios. Each is the best of a few runs,
so a busy machine does not decide the result.

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
    try:
        from generator.read import read_file
    except ImportError:  # the document builder is not there yet: time the PDF layer only
        read_pdf(path)
        return
    read_file(str(path))


def best_of(runs: int, fn, path: Path) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn(path)
        best = min(best, time.perf_counter() - start)
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
        f"{'file':48} {'pages':>5} {'extract_text':>12} {'read_pdf':>9} {'ratio':>6} {'read_file':>9} {'ratio':>6}"
    )
    worst = 0.0
    for path in files:
        with pdfplumber.open(path) as pdf:
            pages = len(pdf.pages)
        base = best_of(args.runs, plumber_text, path)
        ours = best_of(args.runs, read_pdf, path)
        whole = best_of(args.runs, full_read, path)
        worst = max(worst, ours / base)
        print(
            f"{path.name[:48]:48} {pages:5d} {base:11.2f}s {ours:8.2f}s {ours / base:5.2f}x"
            f" {whole:8.2f}s {whole / base:5.2f}x"
        )
    print(f"worst read_pdf ratio: {worst:.2f}x (target <= 1.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
