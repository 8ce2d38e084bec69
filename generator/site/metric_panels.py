"""What the metrics templates show: plain view data built from ``Metrics`` for one page.

Numbers are formatted here (rounded for display only, missing values named by status), so
templates stay simple. Paths are site-root paths; templates turn them into URLs with the
site's ``url()``, so the pages work under any base path.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from generator.ids import DEPARTMENT_TYPES, short_hash
from generator.links import Links
from generator.metrics.definitions import METRIC_DOCS, SPENDING_BASIS_ZH, STATUS_ZH
from generator.metrics.peers import HEADLINE, SortedValues
from generator.metrics.types import DocumentMetrics, Metrics, PeerGroup
from generator.site import metric_format as fmt
from generator.site import paging
from generator.site.charts import peer_chart, series_chart
from generator.site.deps import digest

SERIES_METRICS = (
    "basic_share",
    "project_share",
    "personnel_share",
    "three_public_share",
    "per_capita_expenditure",
    "yoy_expenditure_total_pct",
    "execution_rate",
)


def dy_path(dy: DocumentMetrics) -> str:
    """The site's department-year page (one page per department and year, all kinds)."""
    return Links.department_year(dy.department_id, dy.year) + f"#metrics-{dy.anchor}"


def _inputs(mv) -> list[dict[str, Any]]:
    out = []
    for i in mv.inputs:
        if i.indicator == "population":
            out.append(
                {"label": i.label, "value": f"{int(i.value):,} 人", "ref": None, "note": i.note}
            )
        else:
            val = (
                fmt.signed_amount(i.value)
                if i.indicator == "stated_change"
                else fmt.amount(i.value)
            )
            out.append({"label": i.label, "value": val, "ref": i.source, "note": i.note})
    return out


def _metric_rows(dy: DocumentMetrics, metrics: Metrics) -> list[dict[str, Any]]:
    rows = []
    for mid, mv in dy.metrics.items():
        if mid == "per_capita_expenditure" and not dy.population_source:
            continue  # per person only with a population whose source the page can cite
        doc = METRIC_DOCS[mid]
        rows.append(
            {
                "id": mid,
                "name": doc.name_zh,
                "numeric": mv.numeric,
                "value": mv.value,
                "status": mv.status,
                "text": fmt.value(mv),
                "formula": doc.formula_zh,
                "inputs": _inputs(mv) if mv.numeric else [],
                "note": mv.note,
                "findings": mv.findings,
                "rank_path": rank_path(metrics, mid, dy),
            }
        )
    return rows


UNKNOWN_TYPE = "类型未知"
MIN_RANKED = 3  # a "ranking" of one or two departments ranks nothing: no page


def has_ranking(metrics: Metrics, key: tuple) -> bool:
    """A ranking page exists when at least MIN_RANKED departments have a value to rank
    (a per-capita ranking of departments whose population is unknown has none). Counted
    once per ranking: every department-year's panels ask, and at national scale a ranking
    holds thousands of entries (counting them on every question cost a minute per build
    at 20,000 documents)."""
    known = metrics._cache.setdefault("has_ranking", {})
    if key not in known:
        ranked = sum(e.value is not None for e in metrics.rankings.get(key, []))
        known[key] = ranked >= MIN_RANKED
    return known[key]


_SHARED_SLUGS = {
    s for s in DEPARTMENT_TYPES.values() if list(DEPARTMENT_TYPES.values()).count(s) > 1
}


def type_slug(department_type: str | None) -> str:
    """A department type in a path: its slug (``ybj``), else (a type the table lacks, or one
    whose slug another type shares: 医疗保障服务中心, 医疗保险服务中心) a hash of its name."""
    name = department_type or UNKNOWN_TYPE
    slug = DEPARTMENT_TYPES.get(name)
    return slug if slug and slug not in _SHARED_SLUGS else "t" + short_hash(name)


def paged_types(metrics: Metrics, key: tuple) -> frozenset[str]:
    """The department types of a ranking that get a page of their own: none while the ranking
    fits on a page of a list (``paging.PAGE_ROWS``), else the largest types, until the others
    fit on the ranking's own page. Departments are ranked only within their type, so a type's
    table is never cut. Asked by every department-year's panels: worked out once per ranking."""
    known = metrics._cache.setdefault("paged_types", {})
    if key not in known:
        sizes = Counter(e.department_type or UNKNOWN_TYPE for e in metrics.rankings.get(key, ()))
        rest, paged = sum(sizes.values()), set()
        for t, n in sorted(sizes.items(), key=lambda kv: (-kv[1], kv[0])):
            if rest <= paging.PAGE_ROWS:
                break
            paged.add(t)
            rest -= n
        known[key] = frozenset(paged)
    return known[key]


def type_ranking_path(key: tuple, department_type: str | None) -> str:
    """The page of one department type in a ranking (``paged_types``)."""
    return Links.ranking(*key) + type_slug(department_type) + "/"


def rank_path(metrics: Metrics, metric: str, dy: DocumentMetrics) -> str:
    """The ranking page that ranks ``dy`` ("" for none): its type's own page, if it has one."""
    key = (metric, dy.year, dy.kind)
    if not has_ranking(metrics, key):
        return ""
    if (dy.department_type or UNKNOWN_TYPE) in paged_types(metrics, key):
        return type_ranking_path(key, dy.department_type)
    return Links.ranking(*key)


PEER_WINDOW = 10  # rows each side of this department on its page; the ranking page has all
CHART_MAX = 60  # bars in one chart; beyond that the table alone is readable


def _ordered_group(metrics: Metrics, group: PeerGroup, metric: str) -> dict[str, Any]:
    """One group's members in rank order with their ranks and texts, shared by all members."""
    cache_key = ("peers", group.id, metric)
    if cache_key not in metrics._cache:
        dys = [metrics.department_years[k] for k in group.members]
        group = SortedValues(metric, dys)
        rows = []
        for m in dys:
            mv = m.metrics[metric]
            rows.append(
                {
                    "key": m.key,
                    "department": m.department,
                    "level": m.region_level or "级别未知",
                    "text": fmt.value(mv),
                    "rank": group.rank(mv.value) if mv.numeric else None,
                    "value": mv.value if mv.numeric else None,
                    "path": dy_path(m),
                }
            )
        rows.sort(key=lambda r: (r["rank"] is None, r["rank"] or 0, r["key"]))
        metrics._cache[cache_key] = {
            "rows": rows,
            "index": {r["key"]: i for i, r in enumerate(rows)},
            # each row hashed once, not once per member whose window shows it
            "digests": [digest(r) for r in rows],
        }
    return metrics._cache[cache_key]


def _peer_block(dy: DocumentMetrics, metrics: Metrics, metric: str) -> dict[str, Any] | None:
    stat = dy.peers.get(metric)
    if stat is None or stat.of == 0:  # no number in the group: the metric table says why
        return None
    doc = METRIC_DOCS[metric]
    group = _ordered_group(metrics, dy.peer_group, metric)
    mine = group["index"][dy.key]
    # the group's own row dicts, shared by every member's page (the page marks its own row)
    lo, hi = max(0, mine - PEER_WINDOW), mine + PEER_WINDOW + 1
    window = group["rows"][lo:hi]
    shown = ""
    if len(window) < len(group["rows"]):
        shown = f"共 {len(group['rows'])} 个，此处列出本部门前后各 {PEER_WINDOW} 个"
    return {
        "id": metric,
        "name": doc.name_zh,
        "formula": doc.formula_zh,
        "mine": fmt.value(dy.metrics[metric]),
        "rank": stat.rank,
        "of": stat.of,
        "percentile": fmt.number(stat.percentile, "ratio") if stat.percentile is not None else "",
        "median": fmt.number(stat.median, doc.unit) if stat.median is not None else "无",
        "median_value": stat.median,
        "missing": "、".join(f"{STATUS_ZH.get(s, s)} {n} 个" for s, n in stat.missing.items()),
        "rows": window,
        "row_digests": group["digests"][lo:hi],
        "shown": shown,
        "rank_path": "" if dy.peer_group.nearest else rank_path(metrics, metric, dy),
    }


def panels_digest(panels: list[dict[str, Any]]) -> str:
    """What a department-year page's panels show, hashed: the peer rows by their digests
    (``row_digests``), since a group's rows are the same on each member's page."""
    return digest(
        [
            {**p, "peers": [{k: v for k, v in b.items() if k != "rows"} for b in p["peers"]]}
            for p in panels
        ]
    )


def with_charts(panels: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The panels with each peer block's chart, made from what the block shows: a page's
    ``deps`` hash the panels without their charts (the chart adds nothing to hash, and
    making and hashing every chart of a national site took seconds on every rebuild)."""
    out = []
    for p in panels:
        blocks = []
        for b in p["peers"]:
            # labelled as the peer table's row headers (dy_panel.html), which the chart is
            # drawn from
            bars = [
                (
                    r["department"] + ("（本部门）" if r["key"] == p["key"] else ""),
                    r["value"],
                    r["text"],
                    r["key"] == p["key"],
                    None,
                )
                for r in b["rows"]
                if r["value"] is not None
            ]
            cid, title = f"peers-{p['key']}-{b['id']}", f"{b['name']}：同类比较"
            unit = METRIC_DOCS[b["id"]].unit
            chart = peer_chart(cid, title, unit, bars, b["median_value"], b["median"])
            blocks.append({**b, "chart": chart})
        out.append({**p, "peers": blocks})
    return out


def _change(dy: DocumentMetrics, metrics: Metrics) -> dict[str, Any]:
    ch = dy.change
    if ch is None or ch.basis == "none":
        return {"basis": "none", "basis_zh": ch.basis_zh if ch else ""}
    prev = metrics.department_years.get(ch.previous_key) if ch.previous_key else None
    return {
        "basis": ch.basis,
        "basis_zh": ch.basis_zh,
        "current": fmt.amount(ch.current) if ch.current is not None else "",
        "previous": fmt.amount(ch.previous) if ch.previous is not None else "",
        "previous_path": dy_path(prev) if prev else "",
        "amount": fmt.signed_amount(ch.amount),
        "percent": fmt.signed_percent(ch.percent),
        "stated_percent": f"{ch.stated_percent}%" if ch.stated_percent is not None else "",
        "reason": ch.reason,
        "reason_ref": ch.reason_source,
        "flagged": ch.flagged,
        "inputs": _inputs(dy.metrics["yoy_expenditure_total"]),
    }


def department_year_panels(
    metrics: Metrics | None, department_id: str, year: int
) -> list[dict[str, Any]]:
    """One panel per document kind of a department-year page: metrics, peers, last year;
    the peer charts are added by ``with_charts`` (only pages being rendered need them)."""
    if metrics is None:
        return []
    panels = []
    for dy in metrics.for_department_year(department_id, year):
        peers = [b for m in HEADLINE if (b := _peer_block(dy, metrics, m))]
        change = _change(dy, metrics)
        rows = _metric_rows(dy, metrics)
        panels.append(
            {
                "metrics_empty": _nothing_computed(rows),
                "key": dy.key,
                "kind": dy.kind,
                "anchor": dy.anchor,
                "kind_zh": fmt.kind_zh(dy.kind),
                "metrics": rows,
                "population": f"{dy.population:,} 人" if dy.population else "未知",
                "population_source": dy.population_source,
                # what the page says of its peer group (its member list would only
                # make the page's hash that much longer)
                "group": _group_shown(dy.peer_group),
                "peers": peers,
                "change": change,
                "nothing": not peers and change["basis"] == "none",
                "compare_path": f"{Links.COMPARE}?d={dy.key}",
            }
        )
    order = {"budget": 0, "final": 1, "performance": 2}
    return sorted(panels, key=lambda p: (order.get(p["kind"], 3), p["key"]))


def _group_shown(group: PeerGroup | None) -> dict[str, Any] | None:
    return None if group is None else {"nearest": group.nearest, "note": group.note}


def _nothing_computed(rows: list[dict[str, Any]]) -> str:
    """A sentence in place of a table whose every row is 不适用, 未公开 or 0; "" otherwise."""
    if not rows or any(r["numeric"] and r["value"] for r in rows):
        return ""
    counts: dict[str, int] = {}
    for r in rows:
        key = r["text"] if not r["numeric"] else "为 0"
        counts[key] = counts.get(key, 0) + 1
    why = sorted({r["note"] for r in rows if r["note"]})
    parts = "、".join(f"{k} {n} 项" for k, n in sorted(counts.items()))
    reason = f"（{'；'.join(why)}）" if why else ""
    return f"本文件的 {len(rows)} 项可比指标都没有可计算的数字：{parts}{reason}。"


def department_series(metrics: Metrics | None, department_id: str) -> list[dict[str, Any]]:
    """Time series blocks of a department's page; empty with a single year."""
    if metrics is None:
        return []
    per = metrics.series.get(department_id, {})
    blocks = []
    for mid in SERIES_METRICS:
        pts = per.get(mid, [])
        if mid == "per_capita_expenditure":  # per person only with a citable population
            pts = [p for p in pts if metrics.department_years[p.key].population_source]
        if not pts:
            continue
        doc = METRIC_DOCS[mid]
        rows = []
        numbers = []
        for p in pts:
            mv = metrics.department_years[p.key].metrics[mid]
            text = fmt.value(mv)
            rows.append(
                {
                    "year": p.year,
                    "kind": fmt.kind_zh(p.kind),
                    "text": text,
                    "value": p.value,
                    "path": dy_path(metrics.department_years[p.key]),
                }
            )
            if p.value is not None:
                numbers.append((p.year, fmt.kind_zh(p.kind), p.value, text))
        chart = series_chart(f"series-{department_id}-{mid}", doc.name_zh, doc.unit, numbers)
        empty = ""
        if not any(v for _, _, v, _ in numbers):  # all 不适用 / 未公开 / 0: one sentence
            empty = "；".join(f"{r['year']} 年{r['kind']}：{r['text']}" for r in rows)
        blocks.append(
            {
                "empty": empty,
                "id": mid,
                "name": doc.name_zh,
                "formula": doc.formula_zh,
                "rows": rows,
                "chart": chart,
            }
        )
    return blocks


def methodology() -> dict[str, Any]:
    return {"docs": list(METRIC_DOCS.values()), "spending_basis": SPENDING_BASIS_ZH}
