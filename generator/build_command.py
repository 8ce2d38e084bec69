"""``python -m generator build``: the command around the Builder (generator/build.py):
options in, a summary and exit status out."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.build import Builder, BuildResult
from generator.build_clock import table
from generator.config import ConfigError, load_config
from generator.links import Links, output_file
from generator.read.cluster import ClusterError
from generator.site_size import size_warning


def summary(res: BuildResult) -> str:
    checks = "未运行" if res.findings is None else f"{res.findings} 条发现"
    return (
        f"inputs read: {res.inputs} ({res.failed} failed, {res.with_problems} with problems, "
        f"{res.refused} not a disclosure, {res.faults} unreadable or misplaced) · "
        f"pages: {res.pages} ({res.rendered} rendered, {res.written} written, {res.removed} removed) · "
        f"checks: {checks} · time: {res.seconds:.2f}s"
    )


def run_build(
    config_path: str,
    quiet: bool = False,
    content: str | None = None,
    strict: bool = False,
    timings: bool = False,
    workers: int | None = None,
    dask: str | None = None,
    dask_shared: bool = False,
) -> int:
    """0 when every page rendered (and, with ``strict``, every input was read); 1 otherwise.
    Failed inputs are counted on stderr either way."""
    try:
        cfg = load_config(config_path)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if content is not None and not Path(content).is_dir():
        print(f"error: --content {content}: no such folder", file=sys.stderr)
        return 2
    builder = Builder(
        cfg,
        quiet=quiet,
        disclosures=Path(content) if content else None,
        workers=workers,
        dask_address=dask,
        dask_shared=dask_shared,
    )
    try:
        res = builder.build()
    except ClusterError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    too_big = size_warning(cfg)
    if too_big:
        print(too_big, file=sys.stderr)
    if timings:
        print(table(res.stages), file=sys.stderr)
    for error in builder.errors:
        print(f"error: page not rendered: {error}", file=sys.stderr)
    bad = res.failed + res.faults
    if bad:
        print(
            f"{'error' if strict else 'warning'}: {bad} input file(s) could not be read "
            f"({res.failed} failed, {res.faults} unreadable or misplaced); see the report",
            file=sys.stderr,
        )
    if not quiet:
        print(summary(res), file=sys.stderr)
        print(
            f"site written to {cfg.output_path}; report: {cfg.output_path / output_file(Links.REPORT)}",
            file=sys.stderr,
        )
    return 1 if builder.errors or (strict and bad) else 0
