"""What reading a collection costs against pdfplumber's plain ``extract_text()``.

The audit reads every page (text, lines, tables, narrative, identities); the floor is
pdfplumber extracting the text of the same pages. Both run with the same number of worker
processes over the same files, so the ratio is the reader's overhead on this machine.

Run: python benchmarks/bench_audit.py [PATH ...] [--workers N]   (default ../shared/corpus)
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.read.audit import audit, find_inputs  # noqa: E402
from generator.read.audit_report import summarise  # noqa: E402


def plain_text(path: str) -> int:
    """pdfplumber's extract_text() of every page; returns the page count."""
    if not path.lower().endswith(".pdf"):
        return 0
    import pdfplumber

    try:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()
            return len(pdf.pages)
    except Exception:  # noqa: BLE001 - a broken file costs what it costs
        return 0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", default=[str(ROOT.parent / "shared" / "corpus")])
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    inputs = find_inputs(args.paths)
    if not inputs:
        sys.exit(f"no input under {args.paths}")

    t = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        plain_pages = sum(pool.map(plain_text, sorted(inputs, key=os.path.getsize, reverse=True)))
    plain_s = time.perf_counter() - t

    t = time.perf_counter()
    rows = list(audit([[p] for p in inputs], args.workers))
    audit_s = time.perf_counter() - t
    s = summarise(rows, audit_s)

    print(
        f"files {len(inputs)} · pages {s.pages} (pdfplumber: {plain_pages}) · workers {args.workers}"
    )
    print(
        f"pdfplumber extract_text: {plain_s:.1f} s wall · {1000 * plain_s / max(plain_pages, 1):.0f} ms/page"
    )
    print(
        f"audit:                   {audit_s:.1f} s wall · {1000 * audit_s / max(s.pages, 1):.0f} ms/page"
    )
    print(f"ratio audit / extract_text: {audit_s / max(plain_s, 1e-9):.2f}")


if __name__ == "__main__":
    main()
