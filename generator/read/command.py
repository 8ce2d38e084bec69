"""``python -m generator parse``: read disclosures and show what was found.

The human summary is for a maintainer adding a document; ``--json`` is for scripts and for
checking the reader against a document by hand. Bad files are reported and skipped: the exit
status is non-zero when any file failed, but every other file is still read and printed. Each
file is read in a worker process under the time and memory limits of site.toml's ``[limits]``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from generator.config import ConfigError, load_config
from generator.model import KIND_ZH, Document, Reading
from generator.model_json import to_jsonable
from generator.read.isolation import read_isolated


def run_parse(files: list[str], as_json: bool = False, config: str | None = None) -> int:
    """Read each file in its own worker (``isolation``) under the ``[limits]`` of site.toml.

    ``config`` names a site.toml; None means ``site.toml`` in the current folder if there
    is one, else the default limits. A bad site.toml is reported and nothing is read."""
    try:
        if config is not None and not Path(config).is_file():
            raise ConfigError(f"{config} does not exist")
        limits = load_config(config or "site.toml").limits
    except (ConfigError, OSError) as err:
        sys.stderr.write(f"error: {err}\n")
        return 2
    documents = [read_isolated(f, limits) for f in files]
    if hasattr(sys.stdout, "reconfigure") and (sys.stdout.encoding or "").lower() != "utf-8":
        sys.stdout.reconfigure(encoding="utf-8")  # Chinese text must not fail on a C locale
    if as_json:
        data = [document_json(d) for d in documents]
        out = data[0] if len(data) == 1 else data
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=1) + "\n")
    else:
        for d in documents:
            sys.stdout.write(summary(d) + "\n")
    return 1 if any(d.failed for d in documents) else 0


def _reading_json(r: Reading) -> dict[str, Any]:
    return {
        "value": to_jsonable(r.value),
        "unit": "万元",
        "origin": r.origin,
        "period": r.period,
        "table_id": r.table_id,
        "printed": r.raw,
        "printed_unit": r.unit,
        "source": {"line": r.source.line, "page": r.source.page, "text": r.source.text},
        "confirmations": r.confirmations,
        "confirmed_by": [{"line": s.line, "page": s.page, "text": s.text} for s in r.confirmed_by],
    }


def document_json(d: Document) -> dict[str, Any]:
    """The --json object of one document (described by generator/document.schema.json)."""
    m = d.metadata
    return {
        "source": d.source,
        "format": d.format,
        "sha256": d.sha256,
        "encoding": d.encoding,
        "pages": d.pages,
        "failed": d.failed,
        "title": m.title,
        "department": m.department,
        "department_type": m.department_type,
        "region_name": m.region_name,
        "region_code": m.region_code,
        "region_level": m.region_level,
        "year": m.year,
        "kind": m.kind,
        "scope": m.scope,
        "units": list(m.units),
        "metadata": to_jsonable(m),
        "indicators": {k: _reading_json(r) for k, r in d.indicators.items()},
        "readings": [dict(_reading_json(r), id=r.id) for r in d.readings],
        "tables": [_table_json(t) for t in d.tables],
        "toc": to_jsonable(d.toc),
        "sections": to_jsonable(d.sections),
        "statements": to_jsonable(d.statements),
        "projects": to_jsonable(d.projects),
        "glossary": to_jsonable(d.glossary),
        "problems": to_jsonable(d.problems),
        "line_count": len(d.lines),
        "parts": to_jsonable(d.parts),
    }


def _table_json(t) -> dict[str, Any]:
    return {
        "id": t.id,
        "recognised": t.recognised,
        "title": t.title,
        "line": t.line,
        "page": t.page,
        "end_line": t.end_line,
        "unit": t.unit,
        "column_units": list(t.column_units),
        "parts": list(t.parts),
        "empty_statement": t.empty_statement,
        "notes": list(t.notes),
        "preamble": [{"line": ln.number, "page": ln.page, "text": ln.text} for ln in t.preamble],
        "header": t.header,
        "columns": t.columns,
        "rows": [
            {
                "line": r.line,
                "page": r.page,
                "code": to_jsonable(r.code) if r.code else None,
                "label": r.label,
                "cells": [
                    {"text": c.text, "value": to_jsonable(c.value), "line": c.line, "page": c.page}
                    for c in r.cells
                ],
            }
            for r in t.rows
        ],
    }


def summary(d: Document) -> str:
    m = d.metadata
    out = [f"== {d.source}"]
    status = "FAILED" if d.failed else "ok"
    out.append(
        f"   {status}: {m.department or '(department unknown)'} · {m.year or '(year unknown)'} · "
        f"{KIND_ZH.get(m.kind or '', '(kind unknown)')} · region {m.region_code or '?'} · "
        f"{d.format}{'/' + d.encoding if d.encoding else ''} · {len(d.lines)} lines"
        + (f" · {d.pages} pages" if d.pages else "")
    )
    if d.tables:
        ids = [t.id or "?" for t in d.tables]
        out.append(f"   tables ({len(d.tables)}): " + ", ".join(sorted(set(ids), key=ids.index)))
    missing = [e.title for e in d.toc if e.found is False]
    if missing:
        out.append("   listed in the 目录 but absent: " + "; ".join(missing))
    for k, r in d.indicators.items():
        others = [x for x in d.readings if x.id == k and x is not r and x.period == "current"]
        differ = [x for x in others if x.value != r.value]
        note = f"  ({len(differ)} other reading(s) differ)" if differ else ""
        out.append(
            f"   {k:26} {to_jsonable(r.value)!s:>14} 万元  {r.origin} line {r.source.line}{note}"
        )
    if d.projects:
        out.append(f"   projects: {len(d.projects)}")
    if d.glossary:
        out.append(f"   glossary terms: {len(d.glossary)}")
    for p in d.problems:
        where = f" line {p.line}" if p.line else ""
        where += f" page {p.page}" if p.page else ""
        out.append(f"   {p.severity}:{where} {p.message}")
    return "\n".join(out)
