"""The findings of one department-year arranged for a reader: what matters first.

A misprinted cell makes several rules fail (the row total, the parent code, the narrative
that quotes it): shown one by one, five findings would restate one mistake. So findings are
grouped by cause — the printed cell (same line, same printed digits) shared by the most
failed findings — and each group names that cell. Groups are sorted by severity; rounding
notes (differences within the printed precision) are folded into one line per page; the
page leads with a count per severity.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from generator.checks import RULES, Finding
from generator.checks.model import Evidence

SEVERITIES = ("error", "warning", "info")
SEVERITY_ZH = {"error": "不一致", "warning": "需注意", "info": "说明"}
SEVERITY_HINT = {
    "error": "文件自相矛盾，至少有一处数字印错",
    "warning": "很可能有误，值得向部门核实",
    "info": "无法核实或用语问题，供参考",
}
_RULES = {r.id: r for r in RULES}


def rule_name(rule_id: str) -> str:
    doc = _RULES.get(rule_id)
    return doc.title_zh if doc else "其他核对"


def rule_sentence(rule_id: str) -> str:
    """The first sentence of the rule's Chinese explanation (one plain sentence)."""
    doc = _RULES.get(rule_id)
    if not doc:
        return ""
    text = plain_rule_refs(doc.explanation_zh.strip())
    end = text.find("。")
    return text if end < 0 else text[: end + 1]


def plain_rule_refs(text: str) -> str:
    """A rule's explanation that cites another rule by id cites it by its Chinese name."""
    for rid in sorted(_RULES, key=len, reverse=True):
        if rid in text:
            text = text.replace(rid, f"“{_RULES[rid].title_zh}”")
    return text


@dataclass
class Group:
    severity: str
    findings: list[Finding]
    cell: Evidence | None = None  # the printed cell the findings share, when there is one


@dataclass
class FindingsView:
    groups: list[Group] = field(default_factory=list)
    rounding: list[Finding] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    not_checked: int = 0
    largest_rounding: str = ""


def _cell_key(f: Finding, e: Evidence) -> tuple[str, int | None, str]:
    return (f.document, e.source.line, (e.raw or str(e.value or "")).replace(",", ""))


def _severity(f: Finding) -> str:
    return f.severity if f.severity in SEVERITIES else "info"


def arrange(findings: list[Finding] | None) -> FindingsView | None:
    if findings is None:
        return None
    rounding = [f for f in findings if f.status == "rounding"]
    rest = [f for f in findings if f.status != "rounding"]
    shared = Counter(
        key for f in rest if f.status == "failed" for key in {_cell_key(f, e) for e in f.evidence}
    )
    by_cell: dict[tuple, list[Finding]] = {}
    cells: dict[tuple, Evidence] = {}
    singles: list[Group] = []
    for f in rest:
        best = None
        if f.status == "failed":
            keyed = [(shared[_cell_key(f, e)], _cell_key(f, e), e) for e in f.evidence]
            keyed = [k for k in keyed if k[0] >= 2]
            if keyed:
                best = min(keyed, key=lambda k: (-k[0], k[1][1] or 0, k[1][2]))
        if best is None:
            singles.append(Group(_severity(f), [f]))
        else:
            by_cell.setdefault(best[1], []).append(f)
            cells.setdefault(best[1], best[2])
    groups = singles
    for key, members in by_cell.items():
        sev = min((_severity(f) for f in members), key=SEVERITIES.index)
        groups.append(Group(sev, members, cells[key] if len(members) > 1 else None))
    order = {s: i for i, s in enumerate(SEVERITIES)}
    groups.sort(
        key=lambda g: (
            order[g.severity],
            any(f.status == "not_checked" for f in g.findings),
            -len(g.findings),
            min((e.source.line or 0 for f in g.findings for e in f.evidence), default=0),
        )
    )
    counts = {s: sum(_severity(f) == s for f in rest) for s in SEVERITIES}
    diffs = [abs(f.difference) for f in rounding if f.difference is not None]
    return FindingsView(
        groups=groups,
        rounding=rounding,
        counts=counts,
        not_checked=sum(f.status == "not_checked" for f in rest),
        largest_rounding=f"{max(diffs):f}" if diffs else "",
    )
