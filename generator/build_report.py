"""The build report's rows: what became of each input (its status, its page, its problems).

Apart from build.py so the stage runner stays one screenful of stages; inventory.py adds the
rows of files that were never read.
"""

from __future__ import annotations

from typing import Any

from generator.content import Input
from generator.links import Links
from generator.model import Document
from generator.site.model import Site


def outcome(inp: Input, doc: Document, site: Site) -> dict[str, Any]:
    status = "failed" if doc.failed else ("problems" if doc.problems else "ok")
    sdoc = site.doc_for(inp.rel)
    return {
        "file": inp.rel,
        "sha256": inp.sha256,
        "status": status,
        "page": Links.department_year(sdoc.dept_id, sdoc.year)
        if sdoc and status != "failed"
        else (sdoc.path if sdoc else None),
        "problems": [_problem(p) for p in doc.problems],
    }


def outcomes(inp: Input, doc: Document, site: Site) -> list[dict[str, Any]]:
    """The report rows of one disclosure: its first file, and each other part of it."""
    first = outcome(inp, doc, site)
    rows = [first]
    for part in inp.parts:
        rows.append(
            first | {"file": part.rel, "sha256": part.sha256, "part_of": inp.rel, "problems": []}
        )
    if inp.parts:
        first["parts"] = [p.rel for p in inp.parts]
    return rows


def not_disclosure(inp: Input, doc: Document) -> dict[str, Any]:
    """A file the reader refused: listed with the plain reason, and no page."""
    return {
        "file": inp.rel,
        "sha256": inp.sha256,
        "status": "not_disclosure",
        "page": None,
        "problems": [_problem(p) for p in doc.problems if p.severity == "error"],
    }


def _problem(p: Any) -> dict[str, Any]:
    return {k: getattr(p, k) for k in ("severity", "message", "line", "page")} | {
        "message_zh": p.message_zh or p.message
    }
