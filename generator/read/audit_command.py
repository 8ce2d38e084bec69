"""``python -m generator audit``: find the inputs, read them in workers, print the rows.

Apart from audit.py (what one row says) and audit_report.py (how rows are printed), so that
neither of those imports the other.
"""

from __future__ import annotations

import sys
import time

from generator.read import audit_report
from generator.read.audit import AuditRow, audit, find_inputs
from generator.read.audit_cluster import audit_on_cluster
from generator.read.cluster import ClusterError
from generator.read.parts import group_inputs


def run_audit(
    paths: list[str],
    as_json: bool = False,
    workers: int | None = None,
    dask: str | None = None,
    dask_shared: bool = False,
) -> int:
    """0 when no disclosure failed, 1 when one did, 2 when there was nothing to read or the
    Dask cluster (``dask``: its scheduler's address) could not be used."""
    inputs = group_inputs(find_inputs(paths))
    if not inputs:
        sys.stderr.write("audit: no .pdf or .txt file found under " + " ".join(paths) + "\n")
        return 2
    if hasattr(sys.stdout, "reconfigure") and (sys.stdout.encoding or "").lower() != "utf-8":
        sys.stdout.reconfigure(encoding="utf-8")
    started = time.perf_counter()
    rows: list[AuditRow] = []
    bar = audit_report.Progress(len(inputs))
    found = audit(inputs, workers) if dask is None else audit_on_cluster(dask, inputs, dask_shared)
    try:
        for row in found:
            rows.append(row)
            bar.step(row.path)
    except ClusterError as exc:
        bar.close()
        sys.stderr.write(f"error: {exc}\n")
        return 2
    bar.close()
    rows.sort(key=lambda r: r.path)
    wall = time.perf_counter() - started
    summary = audit_report.summarise(rows, wall)
    if as_json:
        sys.stdout.write(audit_report.to_json(rows, summary) + "\n")
    else:
        for row in rows:
            sys.stdout.write(audit_report.format_row(row) + "\n")
        sys.stdout.write(audit_report.format_summary(summary) + "\n")
    return 1 if any(r.status == "failed" for r in rows) else 0
