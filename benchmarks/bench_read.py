"""Time the reader on the embedded seeds (and the shared PDFs when they are present).

Run: python benchmarks/bench_read.py [--repeat N]
Reading all five seeds must take well under a second; the numbers printed are the best of N
runs per file (warm imports), plus the total of one full pass.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.read.reader import read_file  # noqa: E402


def _best(path: Path, repeat: int) -> tuple[float, object]:
    best, doc = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        doc = read_file(path)
        best = min(best, time.perf_counter() - t)
    return best, doc


def _stages(files: list[Path], repeat: int) -> None:
    """Best-of-N time of each reader stage over all files, to see where the time goes."""
    from generator.read import layout, source, tables
    from generator.read.document import build_document

    def best(fn) -> float:
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        return min(times)

    data = [(str(f), f.read_bytes()) for f in files]
    decoded = [(p, source.to_lines(source.decode(b, p)[0])) for p, b in data]
    blocked = [(p, ls, layout.to_blocks(ls)) for p, ls in decoded]
    stages = {
        "decode+clean lines": lambda: [source.to_lines(source.decode(b, p)[0]) for p, b in data],
        "layout (blocks)": lambda: [layout.to_blocks(ls) for _, ls in decoded],
        "tables": lambda: [tables.read_tables(p, bs) for p, _, bs in blocked],
        "document (all parts)": lambda: [
            build_document(p, "text", "", "utf-8", None, ls, bs, [], {}) for p, ls, bs in blocked
        ],
    }
    for name, fn in stages.items():
        print(f"  stage {name:22} {best(fn) * 1000:8.1f} ms for {len(files)} files")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    t0 = time.perf_counter()
    read_file(next((ROOT / "content" / "disclosures").rglob("*.txt")))  # import warm-up
    print(f"first read incl. imports: {time.perf_counter() - t0:.3f} s")
    groups = [("seeds", sorted((ROOT / "content" / "disclosures").rglob("*.txt")))]
    pdf_dir = ROOT.parent / "shared" / "pdf"
    if pdf_dir.is_dir():
        groups.append(("pdfs", sorted(pdf_dir.glob("*.pdf"))))
    _stages(groups[0][1], args.repeat)
    for name, files in groups:
        total = 0.0
        for f in files:
            seconds, doc = _best(f, args.repeat if name == "seeds" else 1)
            total += seconds
            print(
                f"  {seconds * 1000:8.1f} ms  {len(doc.lines):5d} lines  {len(doc.tables):3d} tables"
                f"  {len(doc.indicators):3d} indicators  {f.name if name == 'pdfs' else f.relative_to(ROOT)}"
            )
        t = time.perf_counter()
        for f in files:
            read_file(f)
        one_pass = time.perf_counter() - t
        print(
            f"{name}: {len(files)} files, sum of best {total * 1000:.1f} ms, one pass {one_pass * 1000:.1f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
