"""Build a synthetic collection of N disclosures cold and say where time, memory and bytes go.

Run: python benchmarks/scale.py N [--workers W] [--keep DIR] [--rebuild] [--hugo]

The collection (``synth_collection.py``) copies the five seeds under real regions, department
types and years, with a share of PDFs. The site is built by ``python -m generator build
--content`` in a subprocess, with a site.toml pointing output and cache into the work folder,
so the peak memory measured is the build's own. Printed: per stage wall and CPU time and peak
memory (the build's ``--timings``), the whole process's wall, CPU and peak memory, output size
and file count, and bytes per department-year. ``--rebuild`` also times a second build with
nothing changed and one with one changed document; ``--hugo`` times Hugo (Debian's ``hugo``)
building equivalent pages (a 60-row table each, ≈ 7.4 KB of HTML) in the same run.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import hugo_pages  # noqa: E402
import synth_collection  # noqa: E402

SITE_TOML = """title = "预算公开数据（规模测试）"
output_dir = "out"
cache_dir = "cache"
content_dir = {content!r}
"""


def run_measured(cmd: list[str], cwd: Path) -> dict:
    """Run ``cmd`` to its end: wall, CPU (it and its waited-for workers), peak resident set of
    its largest process, exit status and stderr."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - t0
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_mb": usage.ru_maxrss / 1024,
        "status": proc.returncode,
        "stderr": stderr,
    }


def stage_rows(stderr: str) -> list[tuple[str, float, float, float, float]]:
    """The rows of the build's ``--timings`` table (generator/build_clock.table)."""
    rows = []
    for line in stderr.splitlines():
        parts = line.split()
        if len(parts) != 5:
            continue
        try:
            rows.append((parts[0], *map(float, parts[1:])))
        except ValueError:
            continue
    return rows


def build_cmd(work: Path, collection: Path, workers: int | None) -> list[str]:
    cmd = [sys.executable, "-m", "generator", "build", "--config", str(work / "site.toml")]
    cmd += ["--content", str(collection), "--timings", "--quiet"]
    if workers is not None:
        cmd += ["--workers", str(workers)]
    return cmd


def accepts_workers() -> bool:
    helptext = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout
    return "--workers" in helptext


def output_sizes(out: Path) -> dict:
    """Total bytes and files, and the bytes of each department-year's own folder
    (``d/<department>/<year>/``: its page, document pages, downloads)."""
    total = files = 0
    per_year: dict[Path, int] = {}
    for path in out.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        files += 1
        rel = path.relative_to(out).parts
        if len(rel) >= 4 and rel[0] == "d" and rel[2].isdigit():
            key = Path(*rel[:3])
            per_year[key] = per_year.get(key, 0) + size
    return {"bytes": total, "files": files, "year_bytes": sorted(per_year.values())}


class _Count:
    """A write-only file that only counts what is written to it."""

    def __init__(self) -> None:
        self.n = 0

    def write(self, data: bytes) -> int:
        self.n += len(data)
        return len(data)

    def flush(self) -> None:
        pass


def artifact_bytes(out: Path) -> int:
    """The output as one tar, gzip level 6: about what a GitHub Pages deployment uploads (a
    tar of the site, compressed by the artifact upload) and what Pages warns about above
    1 GB. The site's own size on disk is ``output_sizes``; both are printed."""
    count = _Count()
    with gzip.GzipFile(fileobj=count, mode="wb", compresslevel=6, mtime=0) as packed:
        with tarfile.open(fileobj=packed, mode="w|") as tar:
            tar.add(out, arcname=".")
    return count.n


def _mb(n: float) -> str:
    return f"{n / 1e6:,.1f} MB"


def print_build(title: str, result: dict) -> None:
    print(f"\n{title}")
    print(f"  {'stage':<14}{'wall s':>9}{'CPU s':>9}{'peak MB':>9}{'worker MB':>10}")
    for name, wall, cpu, peak, worker in stage_rows(result["stderr"]):
        print(f"  {name:<14}{wall:>9.2f}{cpu:>9.2f}{peak:>9.0f}{worker:>10.0f}")
    print(
        f"  {'whole process':<14}{result['wall']:>9.2f}{result['cpu']:>9.2f}"
        f"{result['peak_mb']:>9.0f}   (exit {result['status']})"
    )


def touch_one(collection: Path) -> Path:
    """Change one text document (a prose line gets a sentence), as an editor would."""
    path = sorted(collection.rglob("*.txt"))[0]
    lines = path.read_text(encoding="utf-8").splitlines()
    i = max(k for k, line in enumerate(lines) if line.strip() and "\t" not in line)
    lines[i] += "（本行为规模测试所改）"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="documents in the collection")
    parser.add_argument("--workers", type=int, default=None, help="passed to build --workers")
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep it (default: temp)")
    parser.add_argument("--rebuild", action="store_true", help="also time two rebuilds")
    parser.add_argument("--hugo", action="store_true", help="also time Hugo on equivalent pages")
    parser.add_argument("--hugo-pages", type=int, default=20000, help="pages Hugo builds")
    parser.add_argument("--seed", type=int, default=12, help="random seed of the collection")
    parser.add_argument("--pdf-share", type=float, default=0.01, help="share of PDFs (0-1)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("N must be at least 1")
    if args.workers is not None and not accepts_workers():
        print("note: this build has no --workers option; it reads on all cores", file=sys.stderr)
        args.workers = None

    work = Path(args.keep).resolve() if args.keep else Path(tempfile.mkdtemp(prefix="scale-"))
    work.mkdir(parents=True, exist_ok=True)
    for name in ("collection", "out", "cache", "hugo"):  # only what this script makes
        shutil.rmtree(work / name, ignore_errors=True)
    collection = work / "collection"
    try:
        t0 = time.perf_counter()
        made = synth_collection.make(collection, args.n, args.seed, args.pdf_share)
        pdfs = sum(d.pdf for d in made.documents)
        print(
            f"collection: {args.n:,} documents ({pdfs} PDF) = {made.department_years:,} "
            f"department-years of {made.departments:,} departments in {made.regions} regions "
            f"of {made.provinces()} provinces, made in {time.perf_counter() - t0:.1f} s"
        )
        (work / "site.toml").write_text(
            SITE_TOML.format(content=str(ROOT / "content")), encoding="utf-8"
        )
        cold = run_measured(build_cmd(work, collection, args.workers), ROOT)
        print_build(f"cold build ({args.workers or 'default'} workers)", cold)
        if cold["status"] != 0:
            print(cold["stderr"][-3000:], file=sys.stderr)
        sizes = output_sizes(work / "out")
        built = len(sizes["year_bytes"])
        print(
            f"\noutput: {_mb(sizes['bytes'])} in {sizes['files']:,} files; "
            f"{built:,} department-year folders (planned {made.department_years:,})"
        )
        if built:
            per = sizes["bytes"] / built
            print(
                f"  bytes per department-year: {per / 1e3:,.1f} KB of the whole site, "
                f"median own folder {statistics.median(sizes['year_bytes']) / 1e3:,.1f} KB "
                f"(max {sizes['year_bytes'][-1] / 1e3:,.1f} KB); "
                f"20,000 department-years at this rate: {_mb(per * 20000)}"
            )
        t1 = time.perf_counter()
        packed = artifact_bytes(work / "out")
        print(
            f"  as a Pages artifact (one tar, gzip -6): {_mb(packed)}, "
            f"{packed / max(sizes['bytes'], 1):.0%} of the output "
            f"(measured in {time.perf_counter() - t1:.1f} s)"
        )
        print(
            f"  per document: {cold['wall'] / args.n * 1000:,.0f} ms wall, "
            f"{cold['cpu'] / args.n * 1000:,.0f} ms CPU"
        )
        if args.rebuild:
            again = run_measured(build_cmd(work, collection, args.workers), ROOT)
            print_build("rebuild, nothing changed", again)
            changed = touch_one(collection)
            one = run_measured(build_cmd(work, collection, args.workers), ROOT)
            print_build(f"rebuild, one document changed ({changed.name})", one)
        if args.hugo:
            hugo = hugo_pages.time_hugo(work / "hugo", args.hugo_pages)
            if hugo is None:
                print("\nhugo: not installed (apt-get install hugo); comparison skipped")
            else:
                per_doc = cold["wall"] / args.n * args.hugo_pages
                print(
                    f"\nhugo: {args.hugo_pages:,} pages ({hugo['html_kb']:.1f} KB HTML each) in "
                    f"{hugo['wall']:.1f} s wall, {hugo['cpu']:.1f} s CPU, peak "
                    f"{hugo['peak_mb']:.0f} MB ({hugo['version']})\n"
                    f"  this build, {args.n:,} documents: {cold['wall']:.1f} s = "
                    f"{cold['wall'] / hugo['wall']:.2f}x Hugo's {args.hugo_pages:,} pages; "
                    f"{args.hugo_pages:,} documents at this rate: {per_doc:,.0f} s = "
                    f"{per_doc / hugo['wall']:.1f}x Hugo"
                )
        print(f"\nwork folder: {work}" + ("" if args.keep else " (removed)"))
        return cold["status"]
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
