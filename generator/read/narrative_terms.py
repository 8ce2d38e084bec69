"""Which narrative terms *are* a canonical indicator (and which only mention one).

A narrative names figures far more freely than a table: "一般公共预算财政拨款基本支出" is the
基本支出 of the general budget (seed 004), "财政拨款的机关运行经费" is the 机关运行经费, but
"财政拨款收入总计" is a fiscal-only total, not the department's 收入总计. Mapping such a term
to the department-wide indicator would manufacture contradictions, so the qualified forms are
accepted only for component indicators and never for the totals.
"""

from __future__ import annotations

import re

from generator.model import THREE_PUBLIC_INDICATORS
from generator.read.vocabulary import INDICATOR_LABELS

FUND_QUALIFIERS = ("一般公共预算", "政府性基金", "财政拨款", "国有资本经营", "“三公”经费")
TOTAL_IDS = {
    "income_total",
    "income_current_year",
    "expenditure_total",
    "expenditure_current_year",
    "carryover_begin",
    "carryover_end",
}
_SCOPES = ("一般公共预算财政拨款支出", "财政拨款支出", "一般公共预算支出")
_RESTRICTED = ("一般公共预算财政拨款", "一般公共预算", "财政拨款")
_COMPONENT_IDS = {
    "basic_expenditure",
    "project_expenditure",
    "personnel_expenditure",
    "public_expenditure",
    *THREE_PUBLIC_INDICATORS,
    "organ_operating_expenses",
    "government_procurement",
}


def _norm(label: str) -> str:
    s = re.sub(r"\s+", "", label)
    for word in ("预算", "决算", "年初", "安排"):
        s = s.replace(word, "")
    return s


_LABELS: dict[str, str] = {
    _norm(lb): ind for ind, labels in INDICATOR_LABELS.items() for lb in labels
}


def indicator_for(subject: str) -> str | None:
    """Canonical id only when the subject *is* that indicator, not merely mentions it."""
    s = _norm(re.sub(r"^(?:本部门|部门|本单位)", "", subject.strip()))
    if not s:
        return None
    if s in _LABELS:
        return _LABELS[s]
    for qualifier in _RESTRICTED:  # "一般公共预算财政拨款基本支出" is 基本支出; totals are not
        q = _norm(qualifier)
        if s.startswith(q) and _LABELS.get(s[len(q) :]) in _COMPONENT_IDS:
            return _LABELS[s[len(q) :]]
    if s.endswith("支出") and s[:-2].endswith("费"):  # "机关运行经费支出"
        return indicator_for(s[:-2])
    for scope in map(_norm, _SCOPES):  # "“三公”经费一般公共预算财政拨款支出": that money's 三公
        if s.endswith(scope) and _LABELS.get(s[: -len(scope)]) in _COMPONENT_IDS:
            return _LABELS[s[: -len(scope)]]
    if "本年" in s:  # "政府性基金预算财政拨款本年收入": this year's fund income
        rest = s.replace("本年", "")
        if _LABELS.get(rest) and _LABELS[rest] not in TOTAL_IDS:
            return _LABELS[rest]
    if "的" in s:  # "财政拨款的机关运行经费": the head noun after 的
        head = _LABELS.get(s.rsplit("的", 1)[1])
        return head if head in _COMPONENT_IDS else None
    return None
