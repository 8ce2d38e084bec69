"""The built-in page providers: home, index pages, departments, department-years and their
sources, indicators, glossary, Markdown pages, the build report and 404. Each is a plain
function ``(site, registry)``; ``generator.site.providers`` lists them in build order.

Navigation never lists the whole site: a page links to its siblings and to index pages
(regions, years, departments, indicators), so page size stays flat as the site grows.
"""

from __future__ import annotations

import json
from collections import defaultdict

from generator.links import Links
from generator.model import CANONICAL_INDICATORS
from generator.site import plain_terms
from generator.site.deps import digest, doc_deps, findings_hash
from generator.site.figures import charts_for, headline, timeline_chart
from generator.site.model import DepartmentYear, Site
from generator.site.opendata import department_year_csv, department_year_json, download_name
from generator.site.registry import Page, Registry


def _names(site: Site) -> list[tuple[str, str, str | None]]:
    return [(d.id, d.name, d.region_name) for d in site.sorted_departments()]


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
    deps = {"structure": site.structure_hash(), "shown": digest(shown, _names(site))}
    reg.add(
        Page(
            Links.HOME,
            "home.html",
            {"departments": site.sorted_departments(), "years": years, "regions": dict(regions)},
            deps,
            site.config.title,
        )
    )


def indexes(site: Site, reg: Registry) -> None:
    deps = {"structure": site.structure_hash(), "names": digest(_names(site))}
    by_region = defaultdict(list)
    for d in site.sorted_departments():
        by_region[d.region_code or "x"].append(d)
    regions = [(code, ds[0].region_name or code, ds) for code, ds in sorted(by_region.items())]
    reg.add(Page(Links.REGIONS, "regions.html", {"regions": regions}, deps, "按地区"))
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
        Page(Links.YEARS, "years.html", {"years": [(y, by_year[y]) for y in years]}, deps, "按年度")
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
            Links.DEPARTMENTS,
            "departments.html",
            {"departments": site.sorted_departments()},
            deps,
            "全部部门",
        )
    )


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


def department_years(site: Site, reg: Registry) -> None:
    for dy in site.department_years:
        dept = dy.department
        deps = {
            **doc_deps(dy.docs),
            "structure": site.structure_hash(),
            "findings": findings_hash(dy.findings),
        }
        title = f"{dept.name} {dy.year} 年"
        ctx = {
            "dy": dy,
            "dept": dept,
            "peers": site.peers(dy),
            "peer_total": site.peer_count(dy),
            "findings": dy.findings,
            "csv_name": download_name(dy),
            "data_name": Links.DEPARTMENT_YEAR_DATA,
            "metrics": site.metrics,
        }
        reg.add(
            Page(
                dy.path,
                "department_year.html",
                ctx,
                deps,
                title,
                lazy=lambda dy=dy: {"sections": sections(site, dy)},
            )
        )
        reg.add(
            Page(
                Links.department_year_file(dept.id, dy.year, download_name(dy)),
                produce=lambda dy=dy: department_year_csv(site, dy),
                deps=deps,
                sitemap=False,
            )
        )
        reg.add(
            Page(
                Links.department_year_file(dept.id, dy.year, Links.DEPARTMENT_YEAR_DATA),
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
                    {"dy": dy, "sdoc": d},
                    {**doc_deps([d]), "structure": site.structure_hash()},
                    f"{dept.name} {dy.year} 年{d.kind_zh}原文",
                    lazy=lambda d=d: {"doc": d.full().document},
                )
            )


def sections(site: Site, dy: DepartmentYear) -> list[dict]:
    """A department-year page's part per document: made while the page renders, from the
    whole Documents (their tables and projects)."""
    out = []
    for d in dy.docs:
        whole = d.full()
        out.append(
            {"doc": whole, "headline": headline(site, whole), "charts": charts_for(site, whole)}
        )
    return out


def indicators(site: Site, reg: Registry) -> None:
    ids = site.indicator_ids()
    rows = {i: site.indicator_rows(i) for i in ids}
    counts = {i: len(rows[i]) for i in ids}
    glossary = digest(sorted({e.term for d in site.docs for e in d.document.glossary}))
    reg.add(
        Page(
            Links.INDICATORS,
            "indicators.html",
            {"ids": ids, "counts": counts},
            {"counts": digest(counts), "glossary": glossary},
            "指标",
        )
    )
    terms = site.glossary()
    for i in ids:
        name = CANONICAL_INDICATORS.get(i, i)
        official = [ed for t, v in terms.items() if plain_terms.same_term(t, name) for ed in v]
        wording = [(e.term, e.definition, e.source.line, d.path) for e, d in official]
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
                    "official": official,
                },
                {
                    "rows": digest(shown),
                    "ids": digest(ids),
                    "glossary": glossary,
                    "official": digest(wording),
                },
                CANONICAL_INDICATORS.get(i, i),
            )
        )


def glossary(site: Site, reg: Registry) -> None:
    terms = site.glossary()
    shown = {
        t: [(e.definition, e.source.line, d.path, d.document.metadata.department) for e, d in v]
        for t, v in terms.items()
    }
    wordings = {t: by_wording(v) for t, v in terms.items()}
    reg.add(
        Page(
            Links.GLOSSARY,
            "glossary.html",
            {"terms": terms, "wordings": wordings, "shown_max": WORDING_SOURCES},
            {"terms": digest(shown)},
            "名词解释",
        )
    )


WORDING_SOURCES = 5  # documents linked under one wording; the rest are counted


def by_wording(entries: list) -> list[tuple[str, list]]:
    """One term's entries grouped by their exact wording, in order of first appearance:
    thousands of departments copy the same explanation, and the page shows it once."""
    groups: dict[str, list] = {}
    for e, d in entries:
        groups.setdefault(e.definition, []).append((e, d))
    return list(groups.items())


def markdown_pages(site: Site, reg: Registry) -> None:
    for md in site.pages_md:
        title = next(
            (ln.lstrip("# ").strip() for ln in md.text.splitlines() if ln.startswith("# ")), md.slug
        )
        reg.add(
            Page(
                Links.markdown_page(md.slug),
                "markdown.html",
                {"md": md},
                {f"input:{md.rel}": md.sha256},
                title,
            )
        )


def report(site: Site, reg: Registry) -> None:
    deps = {"outcomes": digest(site.outcomes)}
    counts = defaultdict(int)
    for o in site.outcomes:
        counts[o["status"]] += 1
    reg.add(
        Page(
            Links.REPORT,
            "report.html",
            {"outcomes": site.outcomes, "counts": dict(counts)},
            deps,
            "构建报告",
        )
    )
    reg.add(
        Page(
            Links.REPORT_JSON,
            produce=lambda: (
                json.dumps({"inputs": site.outcomes}, ensure_ascii=False, indent=1, sort_keys=True)
                + "\n"
            ).encode(),
            deps=deps,
            sitemap=False,
        )
    )


def not_found(site: Site, reg: Registry) -> None:
    reg.add(Page(Links.NOT_FOUND, "404.html", {}, {}, "页面不存在", sitemap=False))


def search(site: Site, reg: Registry) -> None:
    """The search page; its index is written after the site (generator.search)."""
    reg.add(Page(Links.SEARCH, "search.html", {}, {}, "搜索"))
