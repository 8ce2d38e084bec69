"""The pages that list many departments: the home page, ``departments/``, each year and each
indicator. Each lists one row per department (or department-year, or document), so at
national scale each is split by province into pages of at most ``paging.PAGE_ROWS`` rows
(``generator/site/paging.py``); a small site keeps every list on one page.

A page's ``deps`` hash what that page shows (its rows and the listing's outline), so an edit
rebuilds the one page of the listing that shows it, not the whole listing.
"""

from __future__ import annotations

from collections import defaultdict

from generator.links import Links
from generator.model import CANONICAL_INDICATORS
from generator.site import paging, plain_terms
from generator.site.deps import digest
from generator.site.model import Department, Site
from generator.site.registry import Page, Registry

HEADLINE = ("income_total", "expenditure_total", "three_public_total")


def department_names(site: Site) -> list[tuple[str, str, str | None]]:
    """Each department's id, name and region: what a list of departments names."""
    return [(d.id, d.name, d.region_name) for d in site.sorted_departments()]


def _latest(departments: list[Department]) -> list[tuple]:
    """What the latest-numbers table shows of each department."""
    return [
        (d.id, d.name, d.region_name, d.latest.key, i, found[0].value, found[0].source.line)
        for d in departments
        for i in HEADLINE
        if (found := d.latest.reading(i))
    ]


def _departments_listing(site: Site) -> paging.Listing | None:
    return paging.split(
        Links.DEPARTMENTS, site.sorted_departments(), lambda d: d.region_code, lambda d: d.name
    )


def home(site: Site, reg: Registry) -> None:
    regions = defaultdict(list)
    for d in site.sorted_departments():
        regions[(d.region_code or "", d.region_name or "未知地区")].append(d)
    years = sorted({dy.year for dy in site.department_years}, reverse=True)
    listing = _departments_listing(site)
    if listing is None:
        shown = digest(_latest(site.sorted_departments()), department_names(site))
    else:  # the latest numbers are on the departments' pages
        shown = digest(listing.outline(), sorted(regions))
    reg.add(
        Page(
            Links.HOME,
            "home.html",
            {
                "departments": site.sorted_departments(),
                "years": years,
                "regions": dict(regions),
                "listing": listing,
            },
            {"structure": site.structure_hash(), "shown": shown},
            site.config.title,
        )
    )


def department_index(site: Site, reg: Registry) -> None:
    listing = _departments_listing(site)
    deps = {"structure": site.structure_hash()}
    if listing is None:
        ctx = {"departments": site.sorted_departments(), "listing": None}
        reg.add(
            Page(
                Links.DEPARTMENTS,
                "departments.html",
                ctx,
                {**deps, "names": digest(department_names(site))},
                "全部部门",
            )
        )
        return
    outline = digest(listing.outline())
    reg.add(
        Page(
            Links.DEPARTMENTS,
            "departments.html",
            {"listing": listing},
            {**deps, "outline": outline},
            "全部部门",
        )
    )
    for page in listing.pages:
        shown = {**deps, "outline": outline, "shown": digest(_latest(page.rows))}
        title = f"全部部门 · {_province(listing, page)}第 {page.number} 页"
        ctx = {"listing": listing, "part": page}
        reg.add(Page(page.path, "departments.html", ctx, shown, title))


def _province(listing: paging.Listing, page: paging.ListPage) -> str:
    return next(p.name for p in listing.provinces if p.code == page.province)


def years(site: Site, reg: Registry) -> None:
    deps = {"structure": site.structure_hash(), "names": digest(department_names(site))}
    by_year = defaultdict(list)
    for dy in site.department_years:
        by_year[dy.year].append(dy)
    years = sorted(by_year, reverse=True)
    reg.add(
        Page(Links.YEARS, "years.html", {"years": [(y, by_year[y]) for y in years]}, deps, "按年度")
    )
    for y in years:
        base = Links.year(y)
        listing = paging.split(
            base, by_year[y], lambda dy: dy.department.region_code, lambda dy: dy.department.name
        )
        ctx = {"year": y, "items": by_year[y], "years": years, "listing": listing}
        reg.add(Page(base, "year.html", ctx, deps, f"{y} 年"))
        for page in listing.pages if listing else []:
            title = f"{y} 年 · {_province(listing, page)}第 {page.number} 页"
            reg.add(Page(page.path, "year.html", {**ctx, "part": page}, deps, title))


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
        base = Links.indicator(i)
        listing = paging.split(
            base, rows[i], lambda r: r[0].department.region_code, lambda r: r[0].department.name
        )
        ctx = {
            "indicator": i,
            "rows": rows[i],
            "ids": ids,
            "canonical": i in CANONICAL_INDICATORS,
            "official": official,
            "listing": listing,
        }
        deps = {"ids": digest(ids), "glossary": glossary, "official": digest(wording)}
        if listing is None:
            reg.add(
                Page(base, "indicator.html", ctx, {**deps, "rows": digest(_shown(rows[i]))}, name)
            )
            continue
        outline = digest(listing.outline())
        reg.add(Page(base, "indicator.html", ctx, {**deps, "outline": outline}, name))
        for page in listing.pages:
            title = f"{name} · {_province(listing, page)}第 {page.number} 页"
            page_deps = {**deps, "outline": outline, "rows": digest(_shown(page.rows))}
            reg.add(Page(page.path, "indicator.html", {**ctx, "part": page}, page_deps, title))


def _shown(rows: list) -> list[tuple]:
    """What an indicator's table shows of each reading."""
    return [
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
        for dy, d, r in rows
    ]
