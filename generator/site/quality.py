"""The data-quality page: every finding of the site in one list, and each department-year's
completeness score and counts by severity.

The list is complete without JavaScript; static/quality.js only filters it by rule,
severity, region and year. Findings come from the checks stage, summaries from
generator.checks.quality; this module only places them on a page.
"""

from __future__ import annotations

from generator.checks import RULES
from generator.checks.packed import contradiction
from generator.checks.quality import FAMILY_ZH, SEVERITY_ZH, quality, tally_of
from generator.checks.tolerance import EXPLANATION_ZH
from generator.links import Links
from generator.site.deps import all_deps, digest
from generator.site.model import Site
from generator.site.registry import Page, Registry

# Rows one page lists. A national site has hundreds of thousands of findings: the page then
# lists the contradictions first (severity "error"), each department-year page lists all of
# its own, and the CSV download has every one.
LIST_MAX = 2000


def _flagged_first(summaries: list[dict]) -> list[dict]:
    if len(summaries) <= LIST_MAX:
        return summaries
    flagged = [s for s in summaries if s["q"].counts.get("error") or s["q"].counts.get("warning")]
    flagged.sort(key=lambda s: (-s["q"].counts.get("error", 0), -s["q"].counts.get("warning", 0)))
    return flagged[:LIST_MAX]


def quality_page(site: Site, reg: Registry) -> None:
    """The list is built while the findings stream past, one department-year unpacked at a
    time: every row while there are at most LIST_MAX, and the contradictions alongside, up
    to LIST_MAX, for when there are more."""
    summaries = []
    rows: list[dict] = []  # every finding, while there are at most LIST_MAX
    errors: list[dict] = []  # the contradictions, the list when there are more
    all_items, used = 0, set()
    for dy in site.department_years:
        q = quality([d.document for d in dy.docs], dy.findings)  # packed: not unpacked
        summaries.append({"dy": dy, "q": q})
        t = tally_of(dy.findings or [])
        used.update(t.all_rules)
        listed = all_items < LIST_MAX or (t.contradictions and len(errors) < LIST_MAX)
        if not listed:  # nothing of it is listed: a national site stops unpacking early
            all_items += len(dy.findings or [])
            continue
        for f in dy.findings or []:
            all_items += 1
            as_row = all_items <= LIST_MAX
            as_error = contradiction(f) and len(errors) < LIST_MAX
            if not (as_row or as_error):
                continue
            sdoc = site.doc_for(f.document)
            item = {
                "dy": dy,
                "kind": sdoc.kind_zh if sdoc else "",
                "f": f,
                "region": dy.department.region_name or "未知地区",
                "family": FAMILY_ZH.get(f.rule.split(".")[0], ""),
            }
            if as_row:
                rows.append(item)
            if as_error:
                errors.append(item)
    items = rows if all_items <= LIST_MAX else errors
    all_summaries = len(summaries)
    summaries = _flagged_first(summaries)
    context = {
        "summaries": summaries,
        "items": items,
        "items_total": all_items,
        "summaries_total": all_summaries,
        "list_max": LIST_MAX,
        "rules": [r for r in RULES if r.id in used],
        "regions": sorted({i["region"] for i in items}),
        "years": sorted({i["dy"].year for i in items}, reverse=True),
        "SEVERITY_ZH": SEVERITY_ZH,
        "checked": site.findings is not None,
    }
    reg.add(Page(Links.QUALITY, "quality.html", context, all_deps(site), "数据质量"))
    # The methodology page lists every rule from the same documentation the checks carry.
    page = reg.get(Links.METHODOLOGY)
    if page is not None:
        page.context.update(
            check_rules=RULES,
            rule_families=FAMILY_ZH,
            severity_zh=SEVERITY_ZH,
            tolerance_zh=EXPLANATION_ZH,
        )
        page.deps["check_rules"] = digest([(r.id, r.title_zh, r.explanation_zh) for r in RULES])
