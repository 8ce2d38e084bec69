"""The built-in page providers: regions, departments, department-years and their sources,
glossary, Markdown pages, the build report and 404 (the home page, years and indicators,
which list many departments, are in ``listing_pages``). Each is a plain function
``(site, registry)``; ``generator.site.providers`` lists them in build order.

Navigation never lists the whole site: a page links to its siblings and to index pages
(regions, years, departments, indicators), and the lists of many departments are paged by
province (``paging``), so page size stays flat as the site grows.
"""

from __future__ import annotations

import json
from collections import defaultdict

from generator.links import Links
from generator.site import paging
from generator.site.deps import (
    department_digest,
    digest,
    doc_deps,
    findings_hash,
    peers_digest,
)
from generator.site.figures import charts_for, headline, timeline_chart
from generator.site.listing_pages import department_names
from generator.site.model import DepartmentYear, Site
from generator.site.opendata import department_year_csv, department_year_json, download_name
from generator.site.registry import Page, Registry


def indexes(site: Site, reg: Registry) -> None:
    deps = {"structure": site.structure_hash(), "names": digest(department_names(site))}
    by_region = defaultdict(list)
    for d in site.sorted_departments():
        by_region[d.region_code or "x"].append(d)
    regions = [(code, ds[0].region_name or code, ds) for code, ds in sorted(by_region.items())]
    reg.add(Page(Links.REGIONS, "regions.html", {"regions": regions}, deps, "按地区"))
    for code, name, ds in regions:
        # a region's page lists its own departments and their years, nothing of the others
        shown = digest(code, name, [department_digest(d) for d in ds])
        reg.add(
            Page(
                Links.region(code),
                "region.html",
                {"code": code, "name": name, "departments": ds},
                {"region": shown},
                name,
            )
        )


def departments(site: Site, reg: Registry) -> None:
    for dept in site.sorted_departments():
        dys = dept.sorted_years()
        deps = {
            **doc_deps([d for dy in dys for d in dy.docs]),
            "department": department_digest(dept),
        }
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
    """Each department-year's page, its sources and its two files. They depend on their
    documents, findings and department, and the page on the peers it lists: never on the
    whole site, so a new disclosure makes again only the pages that show something of it."""
    shown_of: dict[str, str] = {}
    for dy in site.department_years:
        dept = dy.department
        if dept.id not in shown_of:
            shown_of[dept.id] = department_digest(dept)
        deps = {
            **doc_deps(dy.docs),
            "department": shown_of[dept.id],
            "findings": findings_hash(dy.findings),
        }
        title = f"{dept.name} {dy.year} 年"
        peers, peer_total = site.peers(dy), site.peer_count(dy)
        ctx = {
            "dy": dy,
            "dept": dept,
            "peers": peers,
            "peer_total": peer_total,
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
                {**deps, "peers": peers_digest(peers, peer_total)},
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
                    {**doc_deps([d]), "department": shown_of[dept.id]},
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
    """Every input and what became of it; at national scale in pages of ``paging.PAGE_ROWS``
    inputs (``report.json`` has them all in one file)."""
    deps = {"outcomes": digest(site.outcomes)}
    counts = defaultdict(int)
    for o in site.outcomes:
        counts[o["status"]] += 1
    ctx = {"outcomes": site.outcomes, "counts": dict(counts)}
    listing = paging.runs(Links.REPORT, site.outcomes, lambda o: o["file"])
    if listing is None:
        reg.add(Page(Links.REPORT, "report.html", ctx, deps, "构建报告"))
    else:
        outline = digest(listing.outline(), ctx["counts"])
        for part in listing.pages:
            title = "构建报告" if part.number == 1 else f"构建报告 · 第 {part.number} 页"
            shown = {"outline": outline, "outcomes": digest(part.rows)}
            part_ctx = {**ctx, "outcomes": part.rows, "listing": listing, "part": part}
            reg.add(Page(part.path, "report.html", part_ctx, shown, title))
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
