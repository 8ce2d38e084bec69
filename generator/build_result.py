"""What a build says of itself: counts, times, and the one-line summary the command prints.

Apart from the Builder so that a build with nothing to do can say it without importing the
stages (generator/build_uptodate.py).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from generator.build_clock import StageClock, StageTime

# what a build with nothing to do says of the site (from the last build that made it)
REMEMBERED = (
    "inputs",
    "failed",
    "refused",
    "faults",
    "with_problems",
    "pages",
    "findings",
    "site_bytes",
)


@dataclass
class BuildResult:
    inputs: int = 0
    failed: int = 0
    refused: int = 0  # files that are not budget disclosures: listed, no page
    faults: int = 0  # unreadable files, links out of content or to nothing, orphan sidecars
    with_problems: int = 0
    pages: int = 0
    rendered: int = 0
    written: int = 0
    removed: int = 0
    findings: int | None = None
    site_bytes: int | None = None  # the output folder's size once built
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)  # wall seconds per stage
    stages: dict[str, StageTime] = field(default_factory=dict)  # wall, CPU, peak memory

    def remembered(self) -> dict[str, int | None]:
        return {k: getattr(self, k) for k in REMEMBERED}


def from_remembered(kept: dict, t0: float, clock: StageClock) -> BuildResult:
    """What a build with nothing to do says: the last build's counts, its own time."""
    res = BuildResult(**{k: v for k, v in kept.items() if k in REMEMBERED})
    clock.lap("up-to-date")
    res.seconds, res.timings, res.stages = time.perf_counter() - t0, clock.walls(), clock.stages
    return res


def summary(res: BuildResult) -> str:
    checks = "未运行" if res.findings is None else f"{res.findings} 条发现"
    return (
        f"inputs read: {res.inputs} ({res.failed} failed, {res.with_problems} with problems, "
        f"{res.refused} not a disclosure, {res.faults} unreadable or misplaced) · "
        f"pages: {res.pages} ({res.rendered} rendered, {res.written} written, {res.removed} removed) · "
        f"checks: {checks} · time: {res.seconds:.2f}s"
    )
