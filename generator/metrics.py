"""The metrics stage: normalised, comparable figures from the checked model of all documents.

Raw figures in different units, years and templates cannot be compared by eye, so this stage
derives ratios, per-capita figures and changes with their formulas (``METRIC_DOCS``) and the
inputs they used, then puts each department-year among its peers. The site renders the
returned ``Metrics`` as plain data; ``metric_rows`` and ``compare_data`` are its downloads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from generator.metrics_defs import FIGURES, METRIC_DOCS, STATUS_ZH
from generator.metrics_peers import assign_peers, rankings
from generator.metrics_series import change, execution, series
from generator.metrics_types import (
    Change,
    DepartmentYear,
    Input,
    Metrics,
    MetricValue,
    PeerGroup,
    PeerStat,
    RankEntry,
    SeriesPoint,
)
from generator.metrics_values import (
    _get,
    document_figures,
    document_metrics,
    findings_index,
    population,
    population_value,
    regions_by_code,
    spending,
)
from generator.model import CANONICAL_INDICATORS, Document

__all__ = [
    "METRIC_DOCS",
    "Change",
    "DepartmentYear",
    "Input",
    "MetricValue",
    "Metrics",
    "PeerGroup",
    "PeerStat",
    "RankEntry",
    "SeriesPoint",
    "compare_data",
    "compute",
    "department_id",
    "department_year_key",
    "metric_rows",
]


def department_id(doc: Document) -> str:
    """The site's department id (``generator.ids``), so metrics and pages share one key."""
    from generator.ids import department_id as site_id
    from generator.ids import department_type_of

    meta = doc.metadata
    name = meta.department or Path(doc.source).parent.name or Path(doc.source).stem
    return site_id(meta.region_code, meta.department_type or department_type_of(name), name)


def department_year_key(doc: Document) -> str:
    """``<department id>-<year>-<kind>``: ASCII, stable, usable in a URL (``?d=…``)."""
    meta = doc.metadata
    return f"{department_id(doc)}-{meta.year if meta.year is not None else 'x'}-{meta.kind or 'x'}"


def _region_level(doc: Document, regions: Mapping) -> str | None:
    if doc.metadata.region_level:
        return doc.metadata.region_level
    region = regions.get(doc.metadata.region_code) if doc.metadata.region_code else None
    if region is None:
        return None
    level = _get(region, "level")
    return level if level in ("省", "地级", "县级") else None


def _department_year(
    doc: Document, key: str, regions: Mapping, config: Any, index: Mapping
) -> DepartmentYear:
    meta = doc.metadata
    pop, pop_source, pop_year = population(doc, regions, config)
    dy = DepartmentYear(
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
    findings: Iterable[Any] = (),
    regions: Mapping | None = None,
    config: Any = None,
) -> Metrics:
    """Derive every metric of every document, then peers, rankings and time series."""
    regions = regions_by_code(regions)
    index = findings_index(findings)
    docs = sorted(documents, key=lambda d: d.source)
    by_key: dict[str, tuple[DepartmentYear, Document]] = {}
    for doc in docs:
        key = department_year_key(doc)
        if key in by_key:  # two documents of one department-year-kind: keep both, apart
            n = 2
            while f"{key}-{n}" in by_key:
                n += 1
            key = f"{key}-{n}"
        by_key[key] = (_department_year(doc, key, regions, config, index), doc)

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


def _plain(value: Decimal) -> str:
    """Full precision without exponent: the CSV must let anyone recompute the figure."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def _source_text(mv: MetricValue) -> str:
    parts = []
    for i in mv.inputs:
        if i.indicator == "population":
            parts.append(f"population={_plain(i.value)} ({i.note})")
            continue
        where = f"{i.source.file}#L{i.source.line}" if i.source else (i.document or "")
        parts.append(
            f"{i.indicator}={format(i.value, 'f')} {where}" + (f" ({i.note})" if i.note else "")
        )
    formula = METRIC_DOCS[mv.metric].formula_zh if mv.metric in METRIC_DOCS else ""
    return f"{formula}: " + "; ".join(parts) if formula else "; ".join(parts)


def metric_rows(metrics: Metrics) -> list[dict[str, str]]:
    """Rows for ``indicators.csv``: derived metrics that are numbers, inputs named in ``source``.

    A metric that is not a number (not disclosed, not applicable, unreadable) has no row, just
    as an indicator the document does not state has none: absent, never 0.
    """
    rows = []
    for dy in metrics.department_years.values():
        for mid, mv in dy.metrics.items():
            if not mv.numeric:
                continue
            rows.append(
                {
                    "department_id": dy.department_id,
                    "department": dy.department,
                    "region_code": dy.region_code or "",
                    "year": "" if dy.year is None else str(dy.year),
                    "kind": dy.kind or "",
                    "indicator": mid,
                    "value": _plain(mv.value),
                    "unit": METRIC_DOCS[mid].unit,
                    "source": _source_text(mv),
                }
            )
    return rows


def _num(value: Decimal | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _cell(mv: MetricValue) -> dict[str, Any]:
    return {
        "status": mv.status,
        "value": _num(mv.value) if mv.numeric else None,
        "note": mv.note,
    }


def compare_data(
    metrics: Metrics, url_for: Callable[[DepartmentYear], str] | None = None
) -> dict[str, Any]:
    """The static ``compare.json`` the compare page reads in the browser (no server)."""
    items = {}
    for key, dy in metrics.department_years.items():
        items[key] = {
            "department": dy.department,
            "department_id": dy.department_id,
            "region": dy.region_name or "",
            "level": dy.region_level or "",
            "type": dy.department_type or "",
            "year": dy.year,
            "kind": dy.kind or "",
            "url": url_for(dy) if url_for else "",
            "population": dy.population,
            "population_source": dy.population_source,
            "figures": {f: _cell(dy.figures[f]) for f in FIGURES if f in dy.figures},
            "metrics": {m: _cell(mv) for m, mv in dy.metrics.items()},
        }
    return {
        "figure_order": list(FIGURES),
        "metric_order": list(METRIC_DOCS),
        "statuses": STATUS_ZH,
        "figures": {f: {"name": CANONICAL_INDICATORS[f], "unit": "万元"} for f in FIGURES},
        "metrics": {
            m: {"name": d.name_zh, "unit": d.unit, "formula": d.formula_zh}
            for m, d in METRIC_DOCS.items()
        },
        "items": items,
    }
