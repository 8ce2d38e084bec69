"""The metrics as downloads: rows of ``data/indicators.csv`` and the files the compare page
reads in the browser (``data/compare.json`` and ``data/compare/``). Shapes of the site's
files, so they live on the site side.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from generator.ids import region_part
from generator.links import Links
from generator.metrics.definitions import FIGURES, METRIC_DOCS, STATUS_ZH
from generator.metrics.types import DocumentMetrics, Metrics, MetricValue
from generator.model import CANONICAL_INDICATORS
from generator.read.regions import province_code


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
    return list(each_metric_row(metrics))


def each_metric_row(metrics: Metrics) -> Iterator[dict[str, str]]:
    """``metric_rows`` one at a time: a national site has hundreds of thousands."""
    for dy in metrics.department_years.values():
        for mid, mv in dy.metrics.items():
            if not mv.numeric:
                continue
            yield {
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


def compare_region(dy: DocumentMetrics) -> str:
    """The region a department-year is picked under: the first part of its department's id
    (the 6-digit region code, or ``x`` when unknown). Every key starts with it, so the compare
    page finds a shared link's files from the key alone (static/compare.js)."""
    return region_part(dy.department_id)


def _label(dy: DocumentMetrics, url: str) -> dict[str, Any]:
    return {
        "department": dy.department,
        "department_id": dy.department_id,
        "region": dy.region_name or "",
        "level": dy.region_level or "",
        "type": dy.department_type or "",
        "year": dy.year,
        "kind": dy.kind or "",
        "url": url,
    }


def _numbers(dy: DocumentMetrics) -> dict[str, Any]:
    return {
        "population": dy.population,
        "population_source": dy.population_source,
        "figures": {f: _cell(dy.figures[f]) for f in FIGURES if f in dy.figures},
        "metrics": {m: _cell(mv) for m, mv in dy.metrics.items()},
    }


def _region_entry(code: str, rows: list[DocumentMetrics], name: str | None) -> dict[str, Any]:
    names = [dy.region_name for dy in rows if dy.region_name]
    levels = [dy.region_level for dy in rows if dy.region_level]
    return {
        "code": code,
        "name": name or (names[0] if names else ("地区未知" if code == "x" else code)),
        "level": levels[0] if levels else "",
        "count": len(rows),
    }


def compare_files(
    metrics: Metrics,
    url_for: Callable[[DocumentMetrics], str],
    province_name: Callable[[str], str],
    place_name: Callable[[str], str | None] = lambda code: None,
) -> Iterator[tuple[str, dict[str, Any]]]:
    """The compare page's static files (no server), as (path, data), in three layers so that a
    phone loads what it shows and not the nation: the index (the metrics' names, the provinces
    and their regions), one list per region to pick from (names only), and one file per
    department with every year and kind's numbers. A region is named by ``place_name`` (the
    region table's name with its city) when the table knows it, else as its documents name it.
    """
    by_region: dict[str, list[DocumentMetrics]] = defaultdict(list)
    labels: dict[str, dict[str, Any]] = {}
    by_department: dict[str, dict[str, Any]] = defaultdict(dict)
    for key in sorted(metrics.department_years):
        dy = metrics.department_years[key]
        labels[key] = _label(dy, url_for(dy))
        by_region[compare_region(dy)].append(dy)
        by_department[dy.department_id][key] = {**labels[key], **_numbers(dy)}
    provinces: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for code in sorted(by_region):
        rows = by_region[code]
        province = province_code(code) or "x"
        provinces[province].append(_region_entry(code, rows, place_name(code)))
        items = [{"key": dy.key, **labels[dy.key]} for dy in rows]
        yield Links.compare_region(code), {"items": items}
    for department_id in sorted(by_department):
        yield Links.compare_department(department_id), {"items": by_department[department_id]}
    yield (
        Links.COMPARE_JSON,
        {
            "figure_order": list(FIGURES),
            "metric_order": list(METRIC_DOCS),
            "statuses": STATUS_ZH,
            "figures": {f: {"name": CANONICAL_INDICATORS[f], "unit": "万元"} for f in FIGURES},
            "metrics": {
                m: {"name": d.name_zh, "unit": d.unit, "formula": d.formula_zh}
                for m, d in METRIC_DOCS.items()
            },
            "provinces": [
                {
                    "code": p,
                    "name": province_name(p),
                    "regions": provinces[p],
                }
                for p in sorted(provinces, key=lambda p: (p == "x", p))
            ],
        },
    )
