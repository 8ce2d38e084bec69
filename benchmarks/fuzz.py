"""Long fuzz run of the reader: ``python benchmarks/fuzz.py --cases 10000``.

Each case is a seeded mutation of a seed disclosure or of a shared PDF excerpt (see
tests/fuzzing.py), read as ``parse`` and the build read files: in one worker process at a time
(one core), under the time and memory limits given here. The run fails (exit status 1) if any
case raised through a catch-all, ran past the bounds, read nothing without an error saying so,
or gave an error that names a line or page without recording it. Failing cases are saved to
--keep for reproduction; case N of seed S is always the same bytes.
"""

from __future__ import annotations

import argparse
import collections
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fuzzing import cases, run_case, workdir  # noqa: E402

from generator.read.limits import ReadLimits  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--timeout", type=float, default=10, help="seconds allowed per input")
    ap.add_argument("--memory", type=int, default=1024, help="MB allowed per input")
    ap.add_argument("--keep", type=Path, default=None, help="folder for failing cases")
    ap.add_argument("--json", type=Path, default=None, help="write the summary here")
    args = ap.parse_args(argv)
    limits = ReadLimits(
        read_timeout_seconds=args.timeout, read_memory_mb=args.memory, max_pdf_stream_mb=64
    )
    outcomes = []
    started = time.monotonic()
    with workdir() as tmp:
        folder = Path(tmp)
        for case in cases(args.cases, args.seed, folder):
            out = run_case(case, limits, folder)
            outcomes.append(out)
            bad = out.crash or out.silent or out.unlocated or out.seconds > time_bound(args)
            if bad and args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                (args.keep / f"case-{case.number}{case.suffix}").write_bytes(case.data)
            if bad:
                print(f"case {case.number} {case.kind}: {out.crash or out.errors[:1]}", flush=True)
            if (case.number + 1) % 500 == 0:
                print(f"{case.number + 1} cases, {time.monotonic() - started:.0f} s", flush=True)
    summary = summarise(outcomes, args, time.monotonic() - started)
    print(json.dumps(summary, indent=1, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(summary, indent=1, ensure_ascii=False), encoding="utf-8")
    failures = summary["crashes"] + summary["silent"] + summary["unlocated"]
    return 1 if failures or summary["over_time_bound"] or summary["over_memory_bound"] else 0


def time_bound(args) -> float:
    """The reading is stopped at --timeout; handing back a large result may take as long."""
    return 2 * args.timeout


def summarise(outcomes, args, wall: float) -> dict:
    seconds = [o.seconds for o in outcomes]
    peaks = [o.peak_mb for o in outcomes if o.peak_mb is not None]
    failed = [o for o in outcomes if o.failed]
    kinds = collections.Counter(o.case.kind for o in outcomes)
    return {
        "cases": len(outcomes),
        "seed": args.seed,
        "wall_seconds": round(wall),
        "bounds": {"seconds": time_bound(args), "memory_mb": args.memory},
        "crashes": sum(1 for o in outcomes if o.crash),
        "distinct_crashes": sorted({o.crash[:80] for o in outcomes if o.crash}),
        "silent": sum(1 for o in outcomes if o.silent),
        "unlocated": sum(1 for o in outcomes if o.unlocated),
        "over_time_bound": sum(1 for s in seconds if s > time_bound(args)),
        "over_memory_bound": sum(1 for p in peaks if p > args.memory),
        "stopped_by_limits": sum(1 for o in outcomes if o.stopped),
        "failed_inputs": len(failed),
        "failed_with_error_problem": sum(1 for o in failed if o.errors),
        "failed_naming_line_or_page": sum(
            1 for o in failed if any(("line " in e or "page " in e) for e in o.errors)
        ),
        "seconds": {
            "median": round(statistics.median(seconds), 3),
            "p99": round(sorted(seconds)[int(len(seconds) * 0.99)], 2),
            "max": round(max(seconds), 2),
        },
        "peak_mb": {
            "median": round(statistics.median(peaks), 1) if peaks else None,
            "max": round(max(peaks), 1) if peaks else None,
        },
        "kinds": {
            k: {
                "cases": n,
                "failed": sum(1 for o in outcomes if o.case.kind == k and o.failed),
                "max_seconds": round(max(o.seconds for o in outcomes if o.case.kind == k), 2),
            }
            for k, n in sorted(kinds.items())
        },
    }


if __name__ == "__main__":
    sys.exit(main())
