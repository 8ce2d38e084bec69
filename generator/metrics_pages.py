"""HTML of the metrics: sections for department(-year) pages, ranking and compare pages.

The site owns the page layout and the URLs; it hands in a ``Links`` of its URL functions and
places these fragments and bodies in its own templates. Every value is escaped (Jinja
autoescape); only the build-time SVG charts are inserted as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from generator import metrics_format as fmt
from generator.metrics_charts import peer_chart, series_chart, to_svg
from generator.metrics_defs import METRIC_DOCS, SPENDING_BASIS_ZH, STATUS_ZH
from generator.metrics_peers import HEADLINE
from generator.metrics_types import DepartmentYear, Metrics
from generator.model import SourceRef

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "metrics"
SERIES_METRICS = (
    "basic_share",
    "personnel_share",
    "three_public_share",
    "per_capita_expenditure",
    "yoy_expenditure_total_pct",
    "execution_rate",
)


def _none(*_: Any) -> str:
    return ""


@dataclass
class Links:
    """The site's URL functions (each returns an href usable from the page being written)."""

    department_year: Callable[[DepartmentYear], str] = _none
    department: Callable[[str], str] = _none  # department_id -> href
    source: Callable[[SourceRef], str] = _none  # a printed line -> href
    ranking: Callable[[str, int, str], str] = _none  # metric, year, kind -> href
    asset: Callable[[str], str] = field(default=lambda p: p)  # site-root path -> href


NO_LINKS = Links()


def ranking_path(metric: str, year: int, kind: str) -> str:
    """Site-root path of a ranking page (the site may register it under this path)."""
    return f"rankings/{metric}/{year}-{kind}/index.html"


COMPARE_PATH = "compare/index.html"
COMPARE_JSON = "data/compare.json"
COMPARE_JS = "static/compare.js"


_ENV: Environment | None = None


def env() -> Environment:
    global _ENV
    if _ENV is None:
        _ENV = Environment(
            loader=FileSystemLoader(str(TEMPLATES)),
            autoescape=select_autoescape(default=True, default_for_string=True),
            keep_trailing_newline=True,
        )
    return _ENV


def _render(name: str, **ctx: Any) -> Markup:
    return Markup(env().get_template(name).render(**ctx))


def _inputs(mv, links: Links) -> list[dict[str, str]]:
    out = []
    for i in mv.inputs:
        if i.indicator == "population":
            out.append(
                {"label": i.label, "value": f"{int(i.value):,} 人", "href": "", "where": i.note}
            )
            continue
        val = fmt.signed_amount(i.value) if i.indicator == "stated_change" else fmt.amount(i.value)
        where = f"第{i.source.line}行" if i.source else ""
        if i.note and i.source:
            where = f"{i.note}，{where}"
        out.append(
            {
                "label": i.label,
                "value": val,
                "href": links.source(i.source) if i.source else "",
                "where": where,
            }
        )
    return out


def _peer_block(dy: DepartmentYear, metrics: Metrics, metric: str, links: Links) -> dict | None:
    stat = dy.peers.get(metric)
    if stat is None or stat.of == 0:
        return None
    doc = METRIC_DOCS[metric]
    rows, bars = [], []
    members = [metrics.department_years[k] for k in dy.peer_group.members]
    ranked = sorted(
        members,
        key=lambda m: (not m.metrics[metric].numeric, -(m.metrics[metric].value or 0), m.key),
    )
    for m in ranked:
        mv = m.metrics[metric]
        me = m.key == dy.key
        rank = (
            1
            + sum(
                1
                for o in members
                if o.metrics[metric].numeric and mv.numeric and o.metrics[metric].value > mv.value
            )
            if mv.numeric
            else None
        )
        rows.append(
            {
                "department": m.department,
                "level": m.region_level or "",
                "text": fmt.value(mv),
                "rank": rank,
                "me": me,
                "url": links.department_year(m),
            }
        )
        if mv.numeric:
            bars.append((f"{m.department}（{m.region_level or '级别未知'}）", mv.value, me))
    missing = "、".join(f"{STATUS_ZH.get(s, s)} {n} 个" for s, n in stat.missing.items())
    return {
        "name": doc.name_zh,
        "mine": fmt.value(dy.metrics[metric]),
        "rank": stat.rank,
        "of": stat.of,
        "percentile": fmt.number(stat.percentile, "ratio") if stat.percentile is not None else "",
        "median": fmt.number(stat.median, doc.unit) if stat.median is not None else "无",
        "missing": missing,
        "svg": Markup(to_svg(peer_chart(bars, stat.median, doc.unit, doc.name_zh))),
        "rows": rows,
    }


def department_year_section(
    dy: DepartmentYear, metrics: Metrics, links: Links = NO_LINKS
) -> Markup:
    """The metrics, peers and change-against-last-year section of a department-year page."""
    metric_rows = []
    for mid, mv in dy.metrics.items():
        doc = METRIC_DOCS[mid]
        metric_rows.append(
            {
                "name": doc.name_zh,
                "numeric": mv.numeric,
                "text": fmt.value(mv),
                "formula": doc.formula_zh,
                "inputs": _inputs(mv, links) if mv.numeric else [],
                "note": mv.note,
                "findings": mv.findings,
                "rank_url": links.ranking(mid, dy.year, dy.kind)
                if dy.year is not None and dy.kind
                else "",
            }
        )
    blocks = [b for m in HEADLINE if (b := _peer_block(dy, metrics, m, links))]
    ch = dy.change
    prev = metrics.department_years.get(ch.previous_key) if ch and ch.previous_key else None
    change = {
        "basis": ch.basis if ch else "none",
        "basis_zh": ch.basis_zh if ch else "没有上年数",
        "current": fmt.amount(ch.current) if ch and ch.current is not None else "",
        "previous": fmt.amount(ch.previous) if ch and ch.previous is not None else "",
        "previous_url": links.department_year(prev) if prev else "",
        "amount": fmt.signed_amount(ch.amount) if ch else "",
        "percent": fmt.signed_percent(ch.percent) if ch else "",
        "stated_percent": ch.stated_percent if ch else None,
        "reason": ch.reason if ch else None,
        "reason_href": links.source(ch.reason_source) if ch and ch.reason_source else "",
        "reason_line": ch.reason_source.line if ch and ch.reason_source else "",
        "flagged": ch.flagged if ch else False,
    }
    group = dy.peer_group
    return _render(
        "dy_section.html",
        dy=dy,
        metric_rows=metric_rows,
        peer_blocks=blocks,
        change=change,
        group=group,
    )


def department_section(department_id: str, metrics: Metrics, links: Links = NO_LINKS) -> Markup:
    """Time series of the headline metrics on a department's page."""
    per = metrics.series.get(department_id, {})
    by_key = metrics.department_years
    blocks = []
    years = {p.year for pts in per.values() for p in pts}
    if len(years) > 1:
        for mid in SERIES_METRICS:
            pts = per.get(mid, [])
            if not pts:
                continue
            doc = METRIC_DOCS[mid]
            rows = [
                {
                    "year": p.year,
                    "kind": fmt.kind_zh(p.kind),
                    "text": fmt.value(by_key[p.key].metrics[mid]),
                    "url": links.department_year(by_key[p.key]),
                }
                for p in pts
            ]
            numbers = [(p.year, fmt.kind_zh(p.kind), p.value) for p in pts if p.value is not None]
            blocks.append(
                {
                    "name": doc.name_zh,
                    "formula": doc.formula_zh,
                    "points": rows,
                    "svg": Markup(to_svg(series_chart(numbers, doc.unit, doc.name_zh))),
                }
            )
    return _render("series_section.html", blocks=blocks)


def ranking_pages(metrics: Metrics, links: Links = NO_LINKS) -> list[tuple[str, str, Markup]]:
    """(site-root path, title, body) of every metric-year-kind ranking page."""
    pages = []
    keys = sorted(metrics.rankings)
    for metric, year, kind in keys:
        doc = METRIC_DOCS[metric]
        entries = metrics.rankings[(metric, year, kind)]
        groups: dict[str, list] = {}
        for e in entries:
            groups.setdefault(e.department_type or "", []).append(e)
        ctx_groups = []
        for t, es in groups.items():
            dys = [metrics.department_years[e.key] for e in es]
            rows = [
                {
                    "rank": e.rank,
                    "department": e.department,
                    "level": e.region_level or "",
                    "text": fmt.value(dy.metrics[metric]),
                    "url": links.department_year(dy),
                }
                for e, dy in zip(es, dys, strict=True)
            ]
            bars = [
                (f"{e.department}（{e.region_level or '级别未知'}）", e.value, False)
                for e in es
                if e.value is not None
            ]
            ctx_groups.append(
                {
                    "type": t,
                    "rows": rows,
                    "svg": Markup(to_svg(peer_chart(bars, None, doc.unit, doc.name_zh))),
                    "levels": len({e.region_level for e in es if e.value is not None}),
                }
            )
        others = [
            {"url": links.ranking(metric, y, k), "label": f"{y}年{fmt.kind_zh(k)}"}
            for m, y, k in keys
            if m == metric and (y, k) != (year, kind)
        ]
        title = f"{doc.name_zh}排名：{year}年{fmt.kind_zh(kind)}"
        body = _render(
            "ranking.html",
            doc=doc,
            year=year,
            kind=fmt.kind_zh(kind),
            groups=ctx_groups,
            others=others,
        )
        pages.append((ranking_path(metric, year, kind), title, body))
    return pages


def compare_body(links: Links = NO_LINKS) -> Markup:
    return _render(
        "compare.html",
        data_url=links.asset(COMPARE_JSON),
        script_url=links.asset(COMPARE_JS),
        csv_url=links.asset("data/indicators.csv"),
        methodology_url=links.asset("methodology/index.html") + "#metrics",
    )


def methodology_section() -> Markup:
    return _render(
        "methodology.html", docs=list(METRIC_DOCS.values()), spending_basis=SPENDING_BASIS_ZH
    )
