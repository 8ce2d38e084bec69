"""The metrics as downloads: rows of ``data/indicators.csv`` and the ``compare.json`` the
compare page reads in the browser. Shapes of the site's files, so they live on the site side.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

from generator.metrics.definitions import FIGURES, METRIC_DOCS, STATUS_ZH
from generator.metrics.types import DocumentMetrics, Metrics, MetricValue
from generator.model import CANONICAL_INDICATORS


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


def compare_data(
    metrics: Metrics, url_for: Callable[[DocumentMetrics], str] | None = None
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
