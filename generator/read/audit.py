"""``python -m generator audit PATH...``: how well the reader reads a whole collection.

Reads every disclosure under the given paths (directories recursively) in worker processes
and reduces each document to one plain row: its metadata, which key figures were found, each
identity of generator/read/identities.py as held / failed / unverifiable, its problems, and
what reading it cost per page. The rows and their summary are printed by audit_report.py.
A file the reader cannot read is a row like any other: the audit never stops on one file.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.model import Document, Problem
from generator.model_json import to_jsonable
from generator.read.identities import KEY_FIGURES, agree, check_identities, fully_consistent
from generator.read.indicator_three_public import nothing_spent
from generator.read.reader import read_files

READABLE = (".pdf", ".txt")

# the reader's plain reasons, as a row's status
_NOT_DISCLOSURE = "does not look like a budget disclosure"
_NO_TEXT = "has no text to read"
_NO_TEXT_PAGE = "has no text layer"


@dataclass
class AuditRow:
    """One document as the audit sees it; plain data so worker processes can return it."""

    path: str
    status: str  # "read" | "not_disclosure" | "scanned" | "failed"
    reason: str = ""  # why a file was refused or failed, in plain words
    department: str | None = None
    region: str | None = None  # region name (code in region_code)
    region_code: str | None = None
    year: int | None = None
    kind: str | None = None
    scope: str | None = None
    figures: dict[str, dict[str, Any]] = field(default_factory=dict)  # key figure -> value, page
    identities: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    pages: int = 0
    scanned_pages: list[int] = field(default_factory=list)
    seconds: float = 0.0
    parts: list[str] = field(default_factory=list)  # every file of a multi-file disclosure
    consistent: bool = False  # identities.fully_consistent, and not scanned

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.seconds / max(self.pages, 1)


def find_inputs(paths: Iterable[str]) -> list[str]:
    """Every readable file under ``paths``, sorted, each once (sidecars are not inputs)."""
    found: set[str] = set()
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in path.rglob("*"):
                if f.is_file() and f.suffix.lower() in READABLE:
                    found.add(str(f))
        else:
            found.add(str(path))  # a named file is read whatever its name, and errors if missing
    return sorted(found)


def audit_file(paths: list[str]) -> AuditRow:
    """Read one disclosure (one file or its parts) and reduce it to its row (in a worker)."""
    start = time.perf_counter()
    doc = read_files(paths)
    seconds = time.perf_counter() - start
    return row_of(doc, seconds)


def row_of(doc: Document, seconds: float = 0.0) -> AuditRow:
    m = doc.metadata
    errors = [p for p in doc.problems if p.severity == "error"]
    scanned = sorted({p.page for p in doc.problems if p.page and _NO_TEXT_PAGE in p.message})
    status, reason = "read", ""
    if errors:
        first = errors[0].message
        reason = first
        if _NOT_DISCLOSURE in first:
            status = "not_disclosure"
        elif _NO_TEXT in first:
            status = "scanned"
        else:
            status = "failed"
    figures = {k: _figure(doc, k) for k in KEY_FIGURES if k in doc.indicators}
    nothing = nothing_spent(doc.tables, doc.indicators.get("three_public_total"))
    results = (
        check_identities(doc.indicators, doc.readings, m.kind, nothing=nothing)
        if status == "read"
        else []
    )
    identities = [
        {
            "name": i.name,
            "title": i.title_zh,
            "status": i.status,
            "left": to_jsonable(i.left),
            "right": to_jsonable(i.right),
            "places": [{"file": s.file, "page": s.page, "line": s.line} for s in i.places],
            "missing": i.missing,
        }
        for i in results
    ]
    return AuditRow(
        path=doc.source,
        status=status,
        reason=reason,
        department=m.department,
        region=m.region_name,
        region_code=m.region_code,
        year=m.year,
        kind=m.kind,
        scope=m.scope,
        figures=figures,
        identities=identities,
        problems=[
            _where(p, doc.source) + p.message
            for p in doc.problems
            if _NO_TEXT_PAGE not in p.message
        ],
        pages=doc.pages or 0,
        scanned_pages=scanned,
        seconds=seconds,
        parts=[p.file for p in doc.parts],
        consistent=bool(results)
        and not scanned
        and fully_consistent(results, list(doc.indicators)),
    )


def _where(p: Problem, source: str) -> str:
    """Where a problem is: "p12: ", and its file's name when it is another part's."""
    out = f"{os.path.basename(p.file)} " if p.file and p.file != source else ""
    return out + (f"p{p.page}: " if p.page else ": " if out else "")


def _figure(doc: Document, indicator: str) -> dict[str, Any]:
    """A key figure: its value and place, and every page printing the same figure."""
    chosen = doc.indicators[indicator]
    same = [
        r for r in doc.readings if r.id == indicator and r.period == "current" and agree(r, chosen)
    ]
    return {
        "value": to_jsonable(chosen.value),
        "page": chosen.source.page,
        "line": chosen.source.line,
        "file": chosen.source.file,
        "pages": sorted({r.source.page for r in same if r.source.page}),
        "in_narrative": any(r.origin == "narrative" for r in same),
    }


def audit(groups: list[list[str]], workers: int | None = None) -> Iterator[AuditRow]:
    """Rows as disclosures finish (the caller sorts); ``workers`` processes (1 = here)."""
    workers = workers or os.cpu_count() or 1
    if workers <= 1 or len(groups) <= 1:
        yield from map(audit_file, groups)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        # largest first keeps every worker busy until the end
        order = sorted(groups, key=lambda g: sum(map(_size, g)), reverse=True)
        for future in as_completed([pool.submit(audit_file, p) for p in order]):
            yield future.result()


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
