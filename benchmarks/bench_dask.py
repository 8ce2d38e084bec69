"""The read stage on a Dask cluster against the local one, on N copies of the seeds.

Run: python benchmarks/bench_dask.py [N] [--workers W] [--pdfs] [--only local|bytes|shared]
Makes N disclosures (the seeds under other regions and years; with --pdfs, the shared PDFs
among them when ../shared/pdf is present), then reads them all three ways, each cold:
locally in forked worker processes (build_fork.forked_map over build_readers.read_group), on a LocalCluster
of W one-thread worker processes with the files' bytes shipped (the default), and with the
workers reading a shared folder (--dask-shared), after the workers have imported the reader. It checks the three give the same
Documents and prints the wall time of each and the cost per document. ``--only`` reads one
way only (no comparison), to time whole runs against each other from outside.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.build_dask import read_on_cluster  # noqa: E402
from generator.build_fork import forked_map  # noqa: E402
from generator.build_readers import read_group  # noqa: E402

SEEDS = sorted((ROOT / "content" / "disclosures").rglob("*.txt"))
PDFS = ROOT.parent / "shared" / "pdf"


def collection(folder: Path, n: int, pdfs: bool) -> list[list[Path]]:
    sources = list(SEEDS)
    if pdfs and PDFS.is_dir():
        sources += sorted(PDFS.glob("*.pdf"))
    jobs = []
    for i in range(n):
        src = sources[i % len(sources)]
        target = folder / f"{100000 + i}-地区{i}" / src.parent.name / f"{2010 + i % 15}-{src.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, target)
        jobs.append([target])
    return jobs


def timed(label: str, n: int, run) -> dict[int, object]:
    docs: dict[int, object] = {}
    start = time.perf_counter()
    run(lambda i, doc, keep=True: docs.__setitem__(i, doc))
    wall = time.perf_counter() - start
    print(f"{label:<34} {wall:7.2f} s  {1000 * wall / n:7.1f} ms/document", flush=True)
    return docs


def read_locally(base: Path, jobs: list[list[Path]], done, workers: int) -> None:
    read = forked_map(lambda paths: read_group(None, base, paths), jobs, workers, at_least=2)
    for i, doc in enumerate(read):
        done(i, doc)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int, nargs="?", default=100)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--pdfs", action="store_true")
    ap.add_argument("--only", choices=("local", "bytes", "shared"))
    args = ap.parse_args()
    from distributed import LocalCluster

    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        jobs = collection(base, args.n, args.pdfs)
        if args.only in (None, "local"):
            local = timed(
                "local processes", args.n, lambda d: read_locally(base, jobs, d, args.workers)
            )
        if args.only == "local":
            return 0
        start = time.perf_counter()
        with LocalCluster(
            n_workers=args.workers,
            threads_per_worker=1,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        ) as cluster:
            print(f"{'LocalCluster start':<34} {time.perf_counter() - start:7.2f} s")
            address = cluster.scheduler_address
            # local workers are forked from a process that has imported the reader; a new
            # Dask worker imports it on its first task, once in its life: not counted
            start = time.perf_counter()
            warm = jobs[: 2 * args.workers]
            read_on_cluster(address, base, warm, lambda i, doc, keep=True: None)
            print(f"{'workers import the reader':<34} {time.perf_counter() - start:7.2f} s")
            for shared in (False, True):
                if args.only and args.only != ("shared" if shared else "bytes"):
                    continue
                label = f"dask, {args.workers} workers, " + (
                    "shared paths" if shared else "bytes sent"
                )
                got = timed(
                    label,
                    args.n,
                    lambda done, s=shared: read_on_cluster(address, base, jobs, done, s),
                )
                if args.only:
                    return 0
                same = all(got[i] == local[i] for i in range(len(jobs)))
                print(f"{'':<34} same Documents as local: {same}")
                if not same:
                    return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
