"""The built-in page providers. Later stages add theirs the same way (``@page_provider``).

Navigation never lists the whole site: a page links to its siblings and to index pages
(regions, years, departments, indicators), so page size stays flat as the site grows.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict

from generator.figures import charts_for, headline, timeline_chart
from generator.links import Links
from generator.model import CANONICAL_INDICATORS, to_jsonable
from generator.site import Page, Registry, Site, page_provider


def _h(*parts: object) -> str:
    return hashlib.sha256(json.dumps(parts, default=str, sort_keys=True).encode()).hexdigest()[:16]


def _names(site: Site) -> list[tuple[str, str, str | None]]:
    return [(d.id, d.name, d.region_name) for d in site.sorted_departments()]


def doc_deps(docs) -> dict[str, str]:
    return {f"input:{d.rel}": d.document.sha256 for d in docs}


_FINDINGS_HASHES: dict[int, tuple[list, str]] = {}


def findings_hash(findings) -> str:
    """Several pages depend on the same findings list; it is hashed once per list object
    (the builder keeps the list while no document changes, and never mutates it)."""
    if findings is None:
        return "none"
    hit = _FINDINGS_HASHES.get(id(findings))
    if hit is not None and hit[0] is findings:
        return hit[1]
    digest = _h([to_jsonable(f) for f in findings])
    if len(_FINDINGS_HASHES) > 256:
        _FINDINGS_HASHES.clear()
    _FINDINGS_HASHES[id(findings)] = (findings, digest)
    return digest


def all_deps(site: Site) -> dict[str, str]:
    return {
        "all": _h(sorted(d.document.sha256 for d in site.docs)),
        "findings": findings_hash(site.findings),
    }


@page_provider("home")
def home(site: Site, reg: Registry) -> None:
    regions = defaultdict(list)
    for d in site.sorted_departments():
        regions[(d.region_code or "", d.region_name or "未知地区")].append(d)
    years = sorted({dy.year for dy in site.department_years}, reverse=True)
    shown = [
        (d.latest.key, i, found[0].value, found[0].source.line)
        for d in site.sorted_departments()
        for i in ("income_total", "expenditure_total", "three_public_total")
        if (found := d.latest.reading(i))
    ]
    deps = {"structure": site.structure_hash(), "shown": _h(shown, _names(site))}
    reg.add(
        Page(
            "",
            "home.html",
            {"departments": site.sorted_departments(), "years": years, "regions": dict(regions)},
            deps,
            site.config.title,
        )
    )


@page_provider("indexes")
def indexes(site: Site, reg: Registry) -> None:
    deps = {"structure": site.structure_hash(), "names": _h(_names(site))}
    by_region = defaultdict(list)
    for d in site.sorted_departments():
        by_region[d.region_code or "x"].append(d)
    regions = [(code, ds[0].region_name or code, ds) for code, ds in sorted(by_region.items())]
    reg.add(Page("regions/", "regions.html", {"regions": regions}, deps, "按地区"))
    for code, name, ds in regions:
        reg.add(
            Page(
                Links.region(code),
                "region.html",
                {"code": code, "name": name, "departments": ds, "regions": regions},
                deps,
                name,
            )
        )
    by_year = defaultdict(list)
    for dy in site.department_years:
        by_year[dy.year].append(dy)
    years = sorted(by_year, reverse=True)
    reg.add(
        Page("years/", "years.html", {"years": [(y, by_year[y]) for y in years]}, deps, "按年度")
    )
    for y in years:
        reg.add(
            Page(
                Links.year(y),
                "year.html",
                {"year": y, "items": by_year[y], "years": years},
                deps,
                f"{y} 年",
            )
        )
    reg.add(
        Page(
            "departments/",
            "departments.html",
            {"departments": site.sorted_departments()},
            deps,
            "全部部门",
        )
    )


@page_provider("departments")
def departments(site: Site, reg: Registry) -> None:
    for dept in site.sorted_departments():
        dys = dept.sorted_years()
        deps = {**doc_deps([d for dy in dys for d in dy.docs]), "structure": site.structure_hash()}
        reg.add(
            Page(
                dept.path,
                "department.html",
                {"dept": dept, "years": dys, "timeline": timeline_chart(site, dys)},
                deps,
                dept.name,
            )
        )


@page_provider("department_years")
def department_years(site: Site, reg: Registry) -> None:
    from generator.opendata import department_year_csv, department_year_json

    for dy in site.department_years:
        dept = dy.department
        sections = [
            {"doc": d, "headline": headline(site, d), "charts": charts_for(site, d)}
            for d in dy.docs
        ]
        deps = {
            **doc_deps(dy.docs),
            "structure": site.structure_hash(),
            "findings": findings_hash(dy.findings),
        }
        title = f"{dept.name} {dy.year} 年"
        ctx = {
            "dy": dy,
            "dept": dept,
            "sections": sections,
            "peers": site.peers(dy),
            "findings": dy.findings,
            "metrics": site.metrics,
        }
        reg.add(Page(dy.path, "department_year.html", ctx, deps, title))
        reg.add(
            Page(
                dy.path + "data.csv",
                produce=lambda dy=dy: department_year_csv(site, dy),
                deps=deps,
                sitemap=False,
            )
        )
        reg.add(
            Page(
                dy.path + "data.json",
                produce=lambda dy=dy: department_year_json(site, dy),
                deps=deps,
                sitemap=False,
            )
        )
        for d in dy.docs:
            reg.add(
                Page(
                    d.path,
                    "source.html",
                    {"dy": dy, "sdoc": d, "doc": d.document},
                    {**doc_deps([d]), "structure": site.structure_hash()},
                    f"{dept.name} {dy.year} 年{d.kind_zh}原文",
                )
            )


@page_provider("indicators")
def indicators(site: Site, reg: Registry) -> None:
    ids = site.indicator_ids()
    rows = {i: site.indicator_rows(i) for i in ids}
    counts = {i: len(rows[i]) for i in ids}
    glossary = _h(sorted({e.term for d in site.docs for e in d.document.glossary}))
    reg.add(
        Page(
            "indicators/",
            "indicators.html",
            {"ids": ids, "counts": counts},
            {"counts": _h(counts), "glossary": glossary},
            "指标",
        )
    )
    for i in ids:
        shown = [
            (
                dy.key,
                dy.department.name,
                dy.department.region_name,
                d.kind,
                d.path,
                r.value,
                r.raw,
                r.unit,
                r.source.line,
                r.source.page,
            )
            for dy, d, r in rows[i]
        ]
        reg.add(
            Page(
                Links.indicator(i),
                "indicator.html",
                {
                    "indicator": i,
                    "rows": rows[i],
                    "ids": ids,
                    "canonical": i in CANONICAL_INDICATORS,
                },
                {"rows": _h(shown), "ids": _h(ids), "glossary": glossary},
                CANONICAL_INDICATORS.get(i, i),
            )
        )


@page_provider("glossary")
def glossary(site: Site, reg: Registry) -> None:
    terms = site.glossary()
    shown = {
        t: [(e.definition, e.source.line, d.path, d.document.metadata.department) for e, d in v]
        for t, v in terms.items()
    }
    reg.add(Page("glossary/", "glossary.html", {"terms": terms}, {"terms": _h(shown)}, "名词解释"))


@page_provider("markdown_pages")
def markdown_pages(site: Site, reg: Registry) -> None:
    for md in site.pages_md:
        title = next(
            (ln.lstrip("# ").strip() for ln in md.text.splitlines() if ln.startswith("# ")), md.slug
        )
        reg.add(
            Page(f"{md.slug}/", "markdown.html", {"md": md}, {f"input:{md.rel}": md.sha256}, title)
        )


@page_provider("report")
def report(site: Site, reg: Registry) -> None:
    deps = {"outcomes": _h(site.outcomes)}
    counts = defaultdict(int)
    for o in site.outcomes:
        counts[o["status"]] += 1
    reg.add(
        Page(
            "report/",
            "report.html",
            {"outcomes": site.outcomes, "counts": dict(counts)},
            deps,
            "构建报告",
        )
    )
    reg.add(
        Page(
            "report.json",
            produce=lambda: (
                json.dumps({"inputs": site.outcomes}, ensure_ascii=False, indent=1, sort_keys=True)
                + "\n"
            ).encode(),
            deps=deps,
            sitemap=False,
        )
    )


@page_provider("not_found")
def not_found(site: Site, reg: Registry) -> None:
    reg.add(Page("404.html", "404.html", {}, {}, "页面不存在", sitemap=False))
