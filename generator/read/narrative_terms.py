"""Which narrative terms *are* a canonical indicator (and which only mention one).

A narrative names figures far more freely than a table: "一般公共预算财政拨款基本支出" is the
基本支出 of the general budget (seed 004), "财政拨款的机关运行经费" is the 机关运行经费, but
"财政拨款收入总计" is a fiscal-only total, not the department's 收入总计. Mapping such a term
to the department-wide indicator would manufacture contradictions, so the qualified forms are
accepted only for component indicators and never for the totals (``indicator_for``, what the
reader records). The checks also need the table figure a qualified term points at, so
``indicator_of_label`` maps a term by the table label it ends with; both read the one
vocabulary in vocabulary.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

from generator.model import THREE_PUBLIC_INDICATORS
from generator.read.vocabulary import INDICATOR_LABELS, TABLE_LABEL_IDS, canonical_label

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


_LABEL_SUFFIXES = ("为", "是", "共", "年初预算", "预算数", "决算数", "安排")
_FUND_WORDS = ("政府性基金", "国有资本")
# words that make "…支出预算" a part of the budget rather than the department's total
_QUALIFIERS = (
    "拨款",
    "一般公共预算",
    "基金",
    "国有资本",
    "项目",
    "基本",
    "三公",
    "采购",
    "运行",
    "经费",
)
_INCOME_IDS = ("general_public_budget", "government_fund", "income_total", "income_current_year")


def indicator_of_label(label: str) -> str | None:
    """Narrative label -> the table figure it points at, by the table label it ends with.

    Unlike ``indicator_for`` this also maps a qualified term ("财政拨款收入总计" is the fiscal
    summary's 收入总计): the checks compare it with the table that prints that figure.

    A label about a fund or state-capital budget ("政府性基金预算财政拨款本年收入") is not the
    department's 本年收入, so generic ids are refused there; a label that only matches after
    dropping 支出/预算 must not land on an income id ("一般公共预算财政拨款支出" is spending).
    """
    n = canonical_label(label, loose=True)
    for _ in range(3):
        for suffix in _LABEL_SUFFIXES:
            n = n.removesuffix(suffix)
    found = _ending(n)
    if found is None:
        for extra in ("支出预算", "支出决算", "预算", "决算", "支出"):
            if n.endswith(extra):
                found = _ending(n.removesuffix(extra))
                if found in _INCOME_IDS:
                    found = None
                if found:
                    break
    if found is None:
        for term, ind in (
            ("收入预算", "income_total"),
            ("支出预算", "expenditure_total"),
            ("收入预算总额", "income_total"),
            ("支出安排预算总额", "expenditure_total"),
        ):
            head = n.removesuffix(term)
            if n.endswith(term) and not any(w in head for w in _QUALIFIERS):
                found = ind
                break
    if found and any(w in n for w in _FUND_WORDS) and found != "government_fund":
        return None
    return found


@lru_cache(maxsize=8192)  # a scan of every table label, for labels met again and again
def _ending(n: str) -> str | None:
    best = None
    for lab, ind in TABLE_LABEL_IDS.items():
        if lab and n.endswith(lab) and (best is None or len(lab) > len(best[0])):
            best = (lab, ind)
    return best[1] if best else None
