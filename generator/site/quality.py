"""The data-quality page: every finding of the site in one list, and each department-year's
completeness score and counts by severity.

The list is complete without JavaScript; static/quality.js only filters it by rule,
severity, region and year. Findings come from the checks stage, summaries from
generator.checks.quality; this module only places them on a page.
"""

from __future__ import annotations

from generator.checks import RULES
from generator.checks.quality import FAMILY_ZH, SEVERITY_ZH, quality
from generator.checks.tolerance import EXPLANATION_ZH
from generator.links import Links
from generator.site.deps import all_deps, digest
from generator.site.model import Site
from generator.site.registry import Page, Registry

# Rows one page lists. A national site has hundreds of thousands of findings: the page then
# lists the contradictions first (severity "error"), each department-year page lists all of
# its own, and the CSV download has every one.
LIST_MAX = 2000


def _at_scale(items: list[dict], summaries: list[dict]) -> tuple[list[dict], list[dict]]:
    if len(items) > LIST_MAX:
        errors = [i for i in items if i["f"].severity == "error" and i["f"].status != "rounding"]
        items = errors[:LIST_MAX]
    if len(summaries) > LIST_MAX:
        flagged = [
            s for s in summaries if s["q"].counts.get("error") or s["q"].counts.get("warning")
        ]
        flagged.sort(
            key=lambda s: (-s["q"].counts.get("error", 0), -s["q"].counts.get("warning", 0))
        )
        summaries = flagged[:LIST_MAX]
    return items, summaries


def quality_page(site: Site, reg: Registry) -> None:
    summaries = []
    items = []
    for dy in site.department_years:
        q = quality([d.document for d in dy.docs], dy.findings)
        summaries.append({"dy": dy, "q": q})
        for f in dy.findings or []:
            sdoc = site.doc_for(f.document)
            items.append(
                {
                    "dy": dy,
                    "kind": sdoc.kind_zh if sdoc else "",
                    "f": f,
                    "region": dy.department.region_name or "未知地区",
                    "family": FAMILY_ZH.get(f.rule.split(".")[0], ""),
                }
            )
    used = sorted({i["f"].rule for i in items})
    all_items, all_summaries = len(items), len(summaries)
    items, summaries = _at_scale(items, summaries)
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
