"""What the build keeps in memory of each disclosure: a small index entry, not the Document.

A national collection holds tens of thousands of disclosures, and a whole Document (its
lines, tables, projects, section tree) weighs megabytes once in memory. Everything that
compares documents (cross-document checks, metrics, peers, rankings, indexes, feeds) needs
only the metadata, the figures, the statements and the problems; the rest is needed only
while rendering that document's own pages. So each disclosure is processed once, right after
it is read (in the read worker): the build fills what the path says, drops absurd figures,
runs the per-document checks, redacts personal data, stores the redacted Document for its
pages (``build_store``) and keeps only this entry.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from generator import checks
from generator.build_guard import drop_absurd_readings
from generator.build_inputs import fill_from_path, refusal
from generator.checks import Finding, memo
from generator.checks.packed import packed
from generator.config import PrivacyConfig
from generator.content import Input
from generator.model import Document, Reading, SourceRef, field_names
from generator.privacy import redact
from generator.site.model import cited_of
from generator.site.page_images import CitedLine

# Document fields only a document's own pages read; the index entry drops them. Of its
# tables it keeps which ones were found (the completeness score), not their rows.
PAGE_ONLY_FIELDS = ("lines", "sections", "toc", "projects")
TABLE_BODY = ("header", "columns", "rows", "preamble", "notes", "column_units")


@dataclass
class Indexed:
    """One disclosure as the later stages see it."""

    light: Document  # redacted, without PAGE_ONLY_FIELDS and TABLE_BODY
    refused: bool = False  # not a disclosure: listed in the report, no page
    # the rules about one document; None when the checks broke on it (the site says so);
    # kept packed (generator/checks/packed.py)
    findings: Sequence[Finding] | None = field(default_factory=list)
    # the cross-document rules run on this document alone: its findings when the site
    # holds no other document of the same department (``checks.department_key``)
    alone: Sequence[Finding] | None = field(default_factory=list)
    cited: dict[int, CitedLine] = field(default_factory=dict)  # PDF lines with a figure


def lighten(doc: Document) -> Document:
    """The index entry's Document. Of the statements the metrics read the stated changes
    ("比上年增加…") only; no page that compares documents shows a source line's text (it is
    on the source page) or a whole sentence (a stated reason is kept), so neither is kept."""
    # emptied fields hold the one shared empty tuple (it survives pickling as itself): an
    # empty list each would cost 56 bytes, about 4 KB per entry over its tables and readings
    tables = [dataclasses.replace(t, **{name: () for name in TABLE_BODY}) for t in doc.tables]
    slim: dict[int, Reading] = {}
    for r in doc.readings + list(doc.indicators.values()):
        if id(r) not in slim:
            slim[id(r)] = dataclasses.replace(r, source=_slim(r.source), confirmed_by=())
    changes = [
        dataclasses.replace(s, source=_slim(s.source), sentence="")
        for s in doc.statements
        if s.kind == "change"
    ]
    return dataclasses.replace(
        doc,
        tables=tables,
        statements=changes,
        readings=[slim[id(r)] for r in doc.readings],
        indicators={k: slim[id(r)] for k, r in doc.indicators.items()},
        **{name: () for name in PAGE_ONLY_FIELDS},
    )


def share_strings(entry: Indexed) -> Indexed:
    """The entry with its strings interned, in place: it arrives unpickled (from a worker or
    the store) with a copy of every label, unit, code and path of its own. Disclosures are
    printed from a few national templates, so across a collection nearly all of these
    strings are the same few thousand; sharing them roughly halves the memory the index takes
    (the build holds one entry per disclosure for its whole length)."""
    _share(entry.light)
    for cited in entry.cited.values():
        cited.text = sys.intern(cited.text)
    return entry


def _share(obj: object) -> None:
    for name in field_names(type(obj)) or ():
        value = getattr(obj, name)
        shared = _shared(value)
        if shared is not value:
            setattr(obj, name, shared)


_SCALARS = {type(None), bool, int, float, Decimal, tuple}  # nothing to share inside


def _shared(value: object) -> object:
    kind = type(value)
    if kind is str:
        return sys.intern(value)  # type: ignore[arg-type]
    if kind in _SCALARS:
        return value
    if kind is list:
        value[:] = [_shared(v) for v in value]  # type: ignore[index]
    elif kind is dict:
        return {_shared(k): _shared(v) for k, v in value.items()}  # type: ignore[attr-defined]
    elif field_names(kind) is not None:
        _share(value)
    return value


def slim_findings(findings: list[Finding] | None) -> list[Finding] | None:
    """Findings as the site keeps them: their evidence without the source lines' text."""
    if findings is None:
        return None
    return [
        dataclasses.replace(
            f, evidence=[dataclasses.replace(e, source=_slim(e.source)) for e in f.evidence]
        )
        for f in findings
    ]


def _slim(ref: SourceRef) -> SourceRef:
    return dataclasses.replace(ref, text="") if ref is not None and ref.text else ref


def prepare(inp: Input, doc: Document) -> Document:
    """The document as the checks and pages see it: the path fills what it does not say."""
    fill_from_path(inp, doc)
    drop_absurd_readings(doc)
    return doc


def index_document(inp: Input, doc: Document, privacy: PrivacyConfig) -> tuple[Indexed, Document]:
    """The index entry of a freshly read document and the redacted Document its pages show."""
    if refusal(doc) is not None:
        return Indexed(light=lighten(doc), refused=True, findings=[], alone=[]), doc
    prepare(inp, doc)
    try:
        with memo.scope():  # the two share what they compute of the document
            found: list[Finding] | None = checks.document_findings(doc)
            alone: list[Finding] | None = checks.corpus_findings([doc])
    except Exception:  # noqa: BLE001 - the checks stage reports itself as not run
        found = alone = None
    shown = redact(doc, privacy)
    entry = Indexed(
        light=lighten(shown),
        findings=packed(slim_findings(found)),
        alone=packed(slim_findings(alone)),
        cited=cited_of(shown),
    )
    return entry, shown
