"""Wall time, CPU time and peak memory of each build stage, and the progress bar.

A national collection is built on a small machine, so the build itself says where its time
and memory go: ``python -m generator build`` prints it with ``--timings`` and
``benchmarks/scale.py`` tabulates it. CPU counts this process and its finished worker
processes; peak memory is the high-water mark of this process's resident set (and of the
largest worker) when the stage ended, so it never goes down from one stage to the next.
"""

from __future__ import annotations

import resource
import sys
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class StageTime:
    wall: float  # seconds
    cpu: float  # seconds, this process and its workers
    peak_mb: float  # this process's resident high-water mark at the stage's end
    worker_peak_mb: float  # the largest finished worker's high-water mark


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _mb(kb: int) -> float:
    # ru_maxrss is in kilobytes on Linux, bytes on macOS
    return kb / (1024 * 1024) if sys.platform == "darwin" else kb / 1024


class StageClock:
    def __init__(self) -> None:
        self.stages: dict[str, StageTime] = {}
        self._wall = time.perf_counter()
        self._cpu = _cpu()

    def lap(self, name: str) -> None:
        wall, cpu = time.perf_counter(), _cpu()
        self.stages[name] = StageTime(
            wall=round(wall - self._wall, 4),
            cpu=round(cpu - self._cpu, 4),
            peak_mb=round(_mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss), 1),
            worker_peak_mb=round(_mb(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss), 1),
        )
        self._wall, self._cpu = wall, cpu

    def walls(self) -> dict[str, float]:
        return {name: s.wall for name, s in self.stages.items()}


def table(stages: dict[str, StageTime]) -> str:
    """The stages as aligned plain-text rows, for a terminal."""
    rows = [f"{'stage':<14}{'wall s':>9}{'CPU s':>9}{'peak MB':>9}{'worker MB':>10}"]
    for name, s in stages.items():
        rows.append(
            f"{name:<14}{s.wall:>9.2f}{s.cpu:>9.2f}{s.peak_mb:>9.0f}{s.worker_peak_mb:>10.0f}"
        )
    return "\n".join(rows)


class Progress:
    """A plain-text progress bar on stderr; silent with --quiet."""

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.tty = sys.stderr.isatty()

    def stage(self, name: str, done: int, total: int) -> None:
        if self.quiet or not self.tty and done not in (total,):
            return
        width = 30
        filled = width * done // max(total, 1)
        end = "\n" if done >= total else ""
        sys.stderr.write(
            f"\r{name:<8} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}{end}"
        )
        sys.stderr.flush()
