"""Which canonical figure a narrative term names, so it can be compared with a table.

The reader maps a statement's subject to a canonical id only where the term *is* the
department-wide indicator; the checks also need the table figure a qualified term points at
("财政拨款收入总计" is the fiscal summary's 收入总计), so they map the subject by the table
label it ends with.
"""

from __future__ import annotations

from generator.checks.tables.view import LABELS, norm

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
    """Narrative label -> canonical id, by the vocabulary term the label ends with.

    A label about a fund or state-capital budget ("政府性基金预算财政拨款本年收入") is not the
    department's 本年收入, so generic ids are refused there; a label that only matches after
    dropping 支出/预算 must not land on an income id ("一般公共预算财政拨款支出" is spending).
    """
    n = norm(label)
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


def _ending(n: str) -> str | None:
    best = None
    for lab, ind in LABELS.items():
        if lab and n.endswith(lab) and (best is None or len(lab) > len(best[0])):
            best = (lab, ind)
    return best[1] if best else None
