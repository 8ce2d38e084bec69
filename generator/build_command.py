"""``python -m generator build``: the command around the Builder (generator/build.py):
options in, a summary and exit status out.

It asks first whether the last build already made this site (``build_uptodate.survey``),
before importing the stages: a collection with nothing to do is done in the time it takes
to hash its inputs. A sharded collection is built by generator/shard.py.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from generator.build_clock import StageClock, table
from generator.build_result import BuildResult, from_remembered
from generator.build_result import summary as summary
from generator.build_uptodate import code_hash, survey
from generator.config import ConfigError, SiteConfig, load_config
from generator.links import Links, output_file
from generator.site_size import size_warning


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
    if cfg.publish.shard_by:
        from generator.shard import run_shards

        return run_shards(cfg, quiet, content, strict=strict, workers=workers)
    if content is not None and not Path(content).is_dir():
        print(f"error: --content {content}: no such folder", file=sys.stderr)
        return 2
    source = Path(content).resolve() if content else cfg.content_path.resolve()
    t0, clock = time.perf_counter(), StageClock()
    found = None if dask else survey(cfg, source, code_hash())
    if found is not None and found.kept is not None:
        return _said(cfg, from_remembered(found.kept, t0, clock), [], quiet, strict, timings)
    from generator.build import Builder
    from generator.read.cluster import ClusterError

    builder = Builder(
        cfg,
        quiet=quiet,
        disclosures=Path(content) if content else None,
        workers=workers,
        dask_address=dask,
        dask_shared=dask_shared,
    )
    try:
        res = builder.build(found)  # the survey is not made twice
    except ClusterError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return _said(cfg, res, builder.errors, quiet, strict, timings)


def _said(
    cfg: SiteConfig, res: BuildResult, errors: list[str], quiet: bool, strict: bool, timings: bool
) -> int:
    too_big = size_warning(cfg, size=res.site_bytes)
    if too_big:
        print(too_big, file=sys.stderr)
    if timings:
        print(table(res.stages), file=sys.stderr)
    for error in errors:
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
    return 1 if errors or (strict and bad) else 0
