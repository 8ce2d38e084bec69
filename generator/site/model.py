"""The site as data: every document placed in its department-year, before any page exists.

Nothing here writes a file. The page providers (``generator.site.providers``) read a ``Site``
and add pages to a ``Registry``; the findings of the checks and the metrics arrive here as
plain data, and templates accept them empty when a stage did not run.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from generator.checks.model import Finding
from generator.checks.packed import FindingsByDocument, PackedFindings
from generator.config import SiteConfig
from generator.content import Input, MarkdownPage
from generator.ids import department_id_of, department_type_of, short_hash
from generator.links import Links
from generator.metrics.peers import peer_key
from generator.metrics.types import Metrics
from generator.model import (
    CANONICAL_INDICATORS,
    KIND_ORDER,
    KINDS,
    Document,
    GlossaryEntry,
    Reading,
    SourceRef,
    kind_zh,
)
from generator.read.regions import names_of
from generator.site.page_images import CitedLine, cited_lines


@dataclass
class Placed:
    """What the build hands the site of one disclosure: its index entry's document (without
    the parts only its own pages need), the PDF lines with a figure, and how to load the
    whole Document while its pages render."""

    input: Input | None
    document: Document
    cited: dict[int, CitedLine]
    load: Callable[[], Document]


@dataclass
class SourceDoc:
    """A document placed in the site: its input, identity and source-page path."""

    document: Document
    input: Input | None
    dept_id: str
    year: int
    kind: str | None
    path: str = ""  # source page path
    # lines of a PDF's text that carry a cited figure: each gets a view of its printed page
    cited: dict[int, CitedLine] = field(default_factory=dict)
    # the whole Document, for this document's own pages (None: ``document`` is whole)
    load: Callable[[], Document] | None = field(default=None, repr=False, compare=False)

    def full(self) -> SourceDoc:
        """This document with its lines, tables and projects: only while its pages render."""
        if self.load is None:
            return self
        return dataclasses.replace(self, document=self.load(), load=None)

    @property
    def rel(self) -> str:
        return self.input.rel if self.input else self.document.source

    @property
    def kind_zh(self) -> str:
        return kind_zh(self.kind)

    @property
    def anchor(self) -> str:
        """Its section's id on the department-year page: the last part of its source page's
        path ("budget", or "budget-a0c199" for a second budget of one department-year), so
        two documents of one kind never share an id."""
        return self.path.rstrip("/").rsplit("/", 1)[-1] if self.path else self.kind or "doc"


@dataclass
class DepartmentYear:
    department: Department
    year: int
    docs: list[SourceDoc] = field(default_factory=list)
    findings: Sequence[Finding] | None = None  # None: the checks stage did not run

    @property
    def path(self) -> str:
        return Links.department_year(self.department.id, self.year)

    @property
    def key(self) -> str:
        return f"{self.department.id}/{self.year}"

    def reading(self, indicator: str) -> tuple[Reading, SourceDoc] | None:
        """The preferred reading of an indicator, budget first, then final, then performance."""
        for doc in self.docs:
            if indicator in doc.document.indicators:
                return doc.document.indicators[indicator], doc
        return None


@dataclass
class Department:
    id: str
    name: str
    type: str | None
    region_code: str | None
    region_name: str | None
    region_level: str | None
    years: dict[int, DepartmentYear] = field(default_factory=dict)

    @property
    def path(self) -> str:
        return Links.department(self.id)

    def sorted_years(self) -> list[DepartmentYear]:
        return [self.years[y] for y in sorted(self.years)]

    @property
    def latest(self) -> DepartmentYear:
        return self.years[max(self.years)]


@dataclass
class Site:
    config: SiteConfig
    links: Links
    docs: list[SourceDoc]
    departments: dict[str, Department]
    pages_md: list[MarkdownPage] = field(default_factory=list)
    findings: Sequence[Finding] | None = None
    metrics: Metrics | None = None
    outcomes: list[dict[str, Any]] = field(default_factory=list)  # build report rows
    rows_cache: Path | None = None  # download rows kept between builds (site/row_cache.py)
    _by_file: dict[str, SourceDoc] = field(default_factory=dict)
    _by_suffix: dict[str, SourceDoc | None] = field(default_factory=dict)

    # Placed once, the site does not change while its pages are made: what every page asks
    # for is worked out once (a national site asks hundreds of thousands of times).
    @cached_property
    def department_years(self) -> list[DepartmentYear]:
        return [dy for d in self.sorted_departments() for dy in d.sorted_years()]

    def sorted_departments(self) -> list[Department]:
        return self._sorted_departments

    @cached_property
    def _sorted_departments(self) -> list[Department]:
        return sorted(self.departments.values(), key=lambda d: (d.region_code or "", d.id))

    def doc_for(self, file: str) -> SourceDoc | None:
        if file in self._by_file:
            return self._by_file[file]
        if file not in self._by_suffix:  # an absolute path given to the reader: looked for once
            self._by_suffix[file] = next(
                (
                    doc
                    for key, doc in self._by_file.items()
                    if file.endswith("/" + key) or key.endswith("/" + file)
                ),
                None,
            )
        return self._by_suffix[file]

    def source_url(self, ref: SourceRef | None) -> str | None:
        """Link to the highlighted source line (or PDF page) of a figure."""
        if ref is None:
            return None
        doc = self.doc_for(ref.file)
        if doc is None:
            return None
        if ref.line in doc.cited:
            return self.links.url(Links.figure(doc.path, ref.line))
        anchor = f"#L{ref.line}" if ref.line else (f"#P{ref.page}" if ref.page else "")
        return self.links.url(doc.path) + anchor

    def source_label(self, ref: SourceRef | None) -> str:
        if ref is None:
            return ""
        doc = self.doc_for(ref.file)
        name = doc.rel if doc else ref.file
        return f"{name}#L{ref.line}"

    def peers(self, dy: DepartmentYear) -> list[DepartmentYear]:
        """The other departments comparable with this one (``peer_key``), each in its year
        nearest to this one: all of them up to PEER_LIST, else the PEER_LIST nearest by
        region code (same city first, then province), in site order."""
        me = dy.department
        others = [
            d
            for d in self._peer_groups.get(peer_key(me.type, me.region_level), [])
            if d.id != me.id
        ]
        if len(others) > PEER_LIST:
            nearest = sorted(
                others,
                key=lambda d: (
                    -_shared_prefix(d.region_code, me.region_code),
                    d.region_code or "",
                    d.id,
                ),
            )
            chosen = {d.id for d in nearest[:PEER_LIST]}
            others = [d for d in others if d.id in chosen]
        out = []
        for d in others:
            best = min(d.years, key=lambda y: (abs(y - dy.year), -y))
            out.append(d.years[best])
        return out

    def peer_count(self, dy: DepartmentYear) -> int:
        """How many other departments are comparable with this one."""
        me = dy.department
        return len(self._peer_groups.get(peer_key(me.type, me.region_level), [])) - 1

    @cached_property
    def _peer_groups(self) -> dict[Any, list[Department]]:
        groups: dict[Any, list[Department]] = defaultdict(list)
        for d in self.sorted_departments():
            groups[peer_key(d.type, d.region_level)].append(d)
        return groups

    def structure_hash(self) -> str:
        """Changes when a department-year appears or disappears (navigation depends on it)."""
        return self._structure_hash

    @cached_property
    def _structure_hash(self) -> str:
        keys = sorted(
            f"{d.key}:{','.join(str(x.kind) for x in d.docs)}" for d in self.department_years
        )
        return hashlib.sha256(json.dumps(keys).encode()).hexdigest()[:16]

    def glossary(self) -> dict[str, list[tuple[GlossaryEntry, SourceDoc]]]:
        terms: dict[str, list[tuple[GlossaryEntry, SourceDoc]]] = defaultdict(list)
        for doc in self.docs:
            for entry in doc.document.glossary:
                terms[normalise_term(entry.term)].append((entry, doc))
        return dict(sorted(terms.items()))

    def indicator_rows(self, indicator: str) -> list[tuple[DepartmentYear, SourceDoc, Reading]]:
        rows = []
        for dy in self.department_years:
            for doc in dy.docs:
                reading = doc.document.indicators.get(indicator)
                if reading is not None:
                    rows.append((dy, doc, reading))
        return rows

    def indicator_ids(self) -> list[str]:
        extra = sorted(
            {k for d in self.docs for k in d.document.indicators} - set(CANONICAL_INDICATORS)
        )
        return list(CANONICAL_INDICATORS) + extra


PEER_LIST = 30  # peers listed on a department-year page; the metric rankings list all


def _shared_prefix(a: str | None, b: str | None) -> int:
    """How much of two region codes agrees: 6 same county, 4 same city, 2 same province."""
    if not a or not b:
        return 0
    for n in (6, 4, 2):
        if a[:n] == b[:n]:
            return n
    return 0


def normalise_term(term: str) -> str:
    return term.strip().replace('"', "“").replace("“三公”", "“三公”")


def term_id(term: str) -> str:
    return "t-" + short_hash(normalise_term(term))


def place_documents(
    config: SiteConfig, items: list[tuple[Input | None, Document]] | list[Placed]
) -> tuple[list[SourceDoc], dict[str, Department]]:
    """Put each document in its department-year; the path fills what metadata lacks."""
    departments: dict[str, Department] = {}
    docs: list[SourceDoc] = []
    for item in items:
        if isinstance(item, Placed):
            inp, doc, cited, load = item.input, item.document, item.cited, item.load
        else:  # a whole Document (tests, the site of one document)
            inp, doc = item
            cited, load = cited_of(doc), None
        m = doc.metadata
        name = m.department or (inp.department if inp else None) or Path(doc.source).parent.name
        # the path's region only for a document naming no department (build_inputs.py)
        hint = inp if inp is not None and not m.department else None
        region_code = m.region_code or (hint.region_code if hint else None)
        region_name = m.region_name or (hint.region_name if hint else None)
        dtype = m.department_type or department_type_of(name)
        dept_id = department_id_of(
            region_code, m.department_type, name, names_of(region_code, region_name)
        )
        year = m.year or (inp.year if inp else None) or 0
        kind = m.kind or (inp.kind if inp else None)
        dept = departments.get(dept_id)
        if dept is None:
            dept = departments[dept_id] = Department(
                id=dept_id,
                name=name,
                type=dtype,
                region_code=region_code,
                region_name=region_name,
                region_level=m.region_level,
            )
        dy = dept.years.setdefault(year, DepartmentYear(department=dept, year=year))
        sdoc = SourceDoc(doc, inp, dept_id, year, kind, cited=cited, load=load)
        dy.docs.append(sdoc)
        docs.append(sdoc)
    for dept in departments.values():
        for dy in dept.years.values():
            dy.docs.sort(key=lambda d: (KIND_ORDER.get(d.kind, len(KINDS)), d.rel))
            used: set[str] = set()
            for d in dy.docs:
                slug = d.kind or "document"
                if slug in used:
                    slug = f"{slug}-{short_hash(d.rel, 6)}"
                used.add(slug)
                d.path = Links.source(dept.id, dy.year, slug)
    return docs, departments


def cited_of(doc: Document) -> dict[int, CitedLine]:
    """The lines of a PDF with a figure the site links to; printed pages are drawn from the
    first file only."""
    if doc.format != "pdf":
        return {}
    cited = cited_lines(doc)
    if doc.parts:
        first = doc.parts[0]
        cited = {n: c for n, c in cited.items() if first.first_line <= n <= first.last_line}
    return cited


def build_site(
    config: SiteConfig,
    items: list[tuple[Input | None, Document]] | list[Placed],
    pages_md: list[MarkdownPage],
    findings: Sequence[Finding] | None,
    metrics: Metrics | None,
) -> Site:
    docs, departments = place_documents(config, items)
    site = Site(
        config=config,
        links=Links(config.base_path, config.base_url),
        docs=docs,
        departments=departments,
        pages_md=pages_md,
        findings=findings,
        metrics=metrics,
    )
    for d in docs:
        site._by_file[d.rel] = d
        site._by_file.setdefault(d.document.source, d)
        for part in d.document.parts:  # a figure of another file of the disclosure
            site._by_file.setdefault(part.file, d)
    if isinstance(findings, FindingsByDocument):  # as the build keeps them: packed
        for dy in site.department_years:
            sources = sorted({d.document.source for d in dy.docs} | {d.rel for d in dy.docs})
            dy.findings = PackedFindings.chain(findings.of(s) for s in sources)
    elif findings is not None:
        by_document: dict[str, list[tuple[int, Finding]]] = defaultdict(list)
        for n, f in enumerate(findings):
            by_document[f.document].append((n, f))
        for dy in site.department_years:
            sources = {d.document.source for d in dy.docs} | {d.rel for d in dy.docs}
            mine = {n: f for s in sources for n, f in by_document.get(s, [])}
            dy.findings = [mine[n] for n in sorted(mine)]  # in the checks' order
    return site
