"""What a page was built from, as short hashes: the build re-renders a page only when one of
its ``deps`` changed. Every provider, and the build itself, hashes through this module."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence

from generator import json_text
from generator.checks.model import Finding
from generator.checks.packed import FindingsByDocument, PackedFindings
from generator.model_json import to_jsonable
from generator.site.model import Department, DepartmentYear, Site, SourceDoc


def digest(*parts: object) -> str:
    """A 16-hex-digit hash of any JSON-able data (Decimals and dates by their text)."""
    return hashlib.sha256(json_text.dumps(parts, default=str)).hexdigest()[:16]


def doc_deps(docs: Iterable[SourceDoc]) -> dict[str, str]:
    return {f"input:{d.rel}": d.document.sha256 for d in docs}


def department_digest(dept: Department) -> str:
    """What a department's own pages (its page, its years' pages, their sources and files)
    show of it besides their documents' contents: its name, region and type, and which years
    and documents it has (the links between its years). Another department appearing or
    going changes none of it, so none of these pages is made again for it."""
    return digest(
        [dept.id, dept.name, dept.type, dept.region_code, dept.region_name, dept.region_level],
        [
            [dy.year, dy.path, [[d.rel, d.kind, d.anchor, d.path] for d in dy.docs]]
            for dy in dept.sorted_years()
        ],
    )


def peers_digest(peers: Sequence[DepartmentYear], total: int) -> str:
    """A department-year page's list of comparable departments (``Site.peers``), as shown."""
    return digest(
        total,
        [[p.path, p.year, p.department.name, p.department.region_name] for p in peers],
    )


_FINDINGS_HASHES: dict[int, tuple[Sequence[Finding], str]] = {}


def findings_hash(findings: Sequence[Finding] | None) -> str:
    """Several pages depend on the same findings list; it is hashed once per list object
    (the builder keeps the list while no document changes, and never mutates it), one
    finding at a time: a site's findings are never all unpacked at once."""
    if findings is None:
        return "none"
    if isinstance(findings, PackedFindings | FindingsByDocument):  # as a build keeps them
        return findings.digest()
    hit = _FINDINGS_HASHES.get(id(findings))
    if hit is not None and hit[0] is findings:
        return hit[1]
    h = hashlib.sha256()
    for f in findings:
        h.update(json.dumps(to_jsonable(f), default=str, sort_keys=True).encode() + b"\n")
    value = h.hexdigest()[:16]
    if len(_FINDINGS_HASHES) > 256:
        _FINDINGS_HASHES.clear()
    _FINDINGS_HASHES[id(findings)] = (findings, value)
    return value


def all_deps(site: Site) -> dict[str, str]:
    """For pages that show something of every document (downloads, the quality page)."""
    return {
        "all": digest(sorted(d.document.sha256 for d in site.docs)),
        "findings": findings_hash(site.findings),
    }
