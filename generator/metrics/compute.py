"""The metrics stage: normalised, comparable figures from the checked model of all documents.

Raw figures in different units, years and templates cannot be compared by eye, so this stage
derives ratios, per-capita figures and changes with their formulas (``METRIC_DOCS``) and the
inputs they used, then puts each document among its peers. The site renders the returned
``Metrics`` as plain data (its downloads are shaped in ``generator.site.metric_data``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from generator.checks.model import Finding
from generator.config import SiteConfig
from generator.ids import department_id_of
from generator.metrics.definitions import METRIC_DOCS
from generator.metrics.peers import assign_peers, rankings
from generator.metrics.series import change, execution, series
from generator.metrics.types import DocumentMetrics, Metrics
from generator.metrics.values import (
    document_figures,
    document_metrics,
    findings_index,
    population,
    population_value,
    spending,
)
from generator.model import Document
from generator.read.regions import Region, load_regions, names_of

Regions = Mapping[str, Region]


def department_id(doc: Document) -> str:
    """The site's department id (``generator.ids``), so metrics and pages share one key."""
    meta = doc.metadata
    name = meta.department or Path(doc.source).parent.name or Path(doc.source).stem
    return department_id_of(
        meta.region_code, meta.department_type, name, names_of(meta.region_code, meta.region_name)
    )


def department_year_key(doc: Document) -> str:
    """``<department id>-<year>-<kind>``: ASCII, stable, usable in a URL (``?d=…``)."""
    meta = doc.metadata
    return f"{department_id(doc)}-{meta.year if meta.year is not None else 'x'}-{meta.kind or 'x'}"


def regions_by_code(regions: Regions | Sequence[Region] | None) -> Regions:
    """The shipped region table by code (``generator.read.regions``, the one loader)."""
    if regions is None:
        regions = load_regions()
    if isinstance(regions, Mapping):
        return regions
    return {r.code: r for r in regions}


def _region_level(doc: Document, regions: Regions) -> str | None:
    if doc.metadata.region_level:
        return doc.metadata.region_level
    region = regions.get(doc.metadata.region_code) if doc.metadata.region_code else None
    return region.level if region is not None else None


def _document_metrics(
    doc: Document,
    key: str,
    regions: Regions,
    config: SiteConfig | None,
    index: Mapping[tuple[str, int], list[str]],
) -> DocumentMetrics:
    meta = doc.metadata
    pop, pop_source, pop_year = population(doc, regions, config)
    dy = DocumentMetrics(
        key=key,
        department_id=department_id(doc),
        department=meta.department or Path(doc.source).parent.name,
        department_type=meta.department_type,
        region_code=meta.region_code,
        region_name=meta.region_name,
        region_level=_region_level(doc, regions),
        year=meta.year,
        kind=meta.kind,
        document=doc.source,
        population=pop,
        population_source=pop_source,
        population_year=pop_year,
    )
    dy.figures = document_figures(doc, index)
    dy.metrics = document_metrics(dy.figures, population_value(pop, pop_source, pop_year))
    return dy


def compute(
    documents: Iterable[Document],
    findings: Sequence[Finding] | None = None,
    regions: Regions | Sequence[Region] | None = None,
    config: SiteConfig | None = None,
) -> Metrics:
    """Derive every metric of every document, then peers, rankings and time series."""
    regions = regions_by_code(regions)
    index = findings_index(findings)
    docs = sorted(documents, key=lambda d: d.source)
    by_key: dict[str, tuple[DocumentMetrics, Document]] = {}
    for doc in docs:
        key = department_year_key(doc)
        if key in by_key:  # two documents of one department-year-kind: keep both, apart
            n = 2
            while f"{key}-{n}" in by_key:
                n += 1
            key = f"{key}-{n}"
        by_key[key] = (_document_metrics(doc, key, regions, config, index), doc)

    lookup = {
        (dy.department_id, dy.year, dy.kind): (dy, doc)
        for dy, doc in reversed(list(by_key.values()))
    }
    for dy, doc in by_key.values():
        prev = lookup.get((dy.department_id, dy.year - 1, dy.kind)) if dy.year is not None else None
        dy.change, dy.metrics["yoy_expenditure_total"], dy.metrics["yoy_expenditure_total_pct"] = (
            change(dy, doc, prev)
        )
        budget = lookup.get((dy.department_id, dy.year, "budget"))
        dy.metrics["execution_rate"] = execution(
            dy, doc, spending(dy.figures), budget[0] if budget else None
        )
        dy.metrics = {m: dy.metrics[m] for m in METRIC_DOCS}

    department_years = {k: v[0] for k, v in sorted(by_key.items())}
    assign_peers(department_years)
    return Metrics(
        department_years=department_years,
        rankings=rankings(department_years),
        series=series(department_years),
    )
