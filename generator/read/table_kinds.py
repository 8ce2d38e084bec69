"""Standard table ids and the printed titles that name them.

Tables are recognised by what their title says, never by their position: documents omit,
reorder and renumber tables, and a 目录 may list tables the body does not contain. Year
prefixes (2024年), numbering (一、 1. 1、), department-name prefixes and spacing are ignored.
"""

from __future__ import annotations

import re

# Keyword rules first (they win over the generic aliases below): a title naming "三公" is the
# three-public table whatever else it says.
_KEYWORDS: list[tuple[str, tuple[str, ...]]] = [
    ("performance_self_evaluation", ("绩效自评表", "绩效自评")),
    ("overall_performance", ("整体绩效目标",)),
    ("project_performance", ("绩效目标表", "绩效目标汇总表", "项目绩效目")),
    ("three_public", ("三公",)),
    ("government_fund", ("政府性基金",)),
    ("state_capital", ("国有资本经营预算财政拨款", "国有资本经营预算支出")),
    ("organ_operating", ("机关运行经费",)),
    ("procurement", ("政府采购",)),
    ("assets", ("固定资产占用", "国有资产占用情况表", "资产占用情况表")),
    ("organization", ("机构设置情况",)),
]

TITLE_ALIASES: dict[str, tuple[str, ...]] = {
    "income_expenditure_summary": (
        "部门收支总体情况表",
        "收支预算总表",
        "收入支出决算总表",
        "部门收支总表",
        "收支总体情况表",
        "收支总表",
    ),
    "income": (
        "部门收入总体情况表",
        "收入预算总表",
        "收入决算表",
        "收入总体情况表",
        "收入总表",
    ),
    "expenditure": (
        "部门支出总体情况表",
        "支出预算总表",
        "支出决算表",
        "支出总体情况表",
        "支出总表",
    ),
    "fiscal_summary": (
        "财政拨款收支总体情况表",
        "财政拨款收支预算总表",
        "财政拨款收入支出决算总表",
        "财政拨款收支总表",
    ),
    "fiscal_expenditure": ("财政拨款支出预算表", "财政拨款支出表"),
    "general_budget_expenditure": (
        "一般公共预算支出情况表",
        "一般公共预算支出预算表",
        "一般公共预算财政拨款支出决算表",
        "一般公共预算支出表",
        "一般公共预算支出功能分类预算表",
    ),
    "general_budget_basic": (
        "一般公共预算基本支出表",
        "一般公共预算基本支出情况表",
        "一般公共预算基本支出预算表",
        "一般公共预算财政拨款基本支出决算表",
        "财政拨款基本支出预算表",
        "财政拨款基本支出表",
        "基本支出决算表",
        "基本支出预算表",
        "一般公共预算基本支出部门预算经济分类",
    ),
    "economic_summary": ("支出经济分类汇总表",),
    "project_expenditure": ("项目支出表", "项目支出预算表"),
}

# 公开NN表 markers of final accounts (the standard numbering of 财政部's template).
FINAL_MARKERS = {
    "01": "income_expenditure_summary",
    "02": "income",
    "03": "expenditure",
    "04": "fiscal_summary",
    "05": "general_budget_expenditure",
    "06": "general_budget_basic",
    "07": "three_public",
    "08": "government_fund",
    "09": "state_capital",
}
_MARKER = re.compile(r"公开\s*0?(\d{1,2})\s*表")
_NOISE = re.compile(r"[\s\u3000]+")
_PREFIX = re.compile(r"^(?:附表?\d*[:：]?)?(?:[一二三四五六七八九十]+[、.．]|\d+[、.．])?")
_ORDERED = sorted(
    ((alias, kind) for kind, aliases in TITLE_ALIASES.items() for alias in aliases),
    key=lambda pair: len(pair[0]),
    reverse=True,
)


def normalise_title(title: str) -> str:
    t = _NOISE.sub("", title)
    t = t.replace("(", "（").replace(")", "）").replace('"', "“")
    t = _PREFIX.sub("", t, count=1)
    return t


def match_title(title: str) -> str | None:
    """Standard-table id named by a printed title, or None."""
    t = normalise_title(title)
    if not t:
        return None
    for kind, keys in _KEYWORDS:
        if any(k in t for k in keys):
            return kind
    for alias, kind in _ORDERED:
        if alias in t:
            return kind
    m = _MARKER.search(t)
    if m:
        return FINAL_MARKERS.get(m[1].zfill(2))
    return None


def marker_kind(text: str) -> str | None:
    """'公开 01 表' -> income_expenditure_summary (used only when the title names nothing)."""
    m = _MARKER.search(_NOISE.sub("", text))
    return FINAL_MARKERS.get(m[1].zfill(2)) if m else None


PERFORMANCE_KINDS = {"overall_performance", "project_performance", "performance_self_evaluation"}


def content_kind(columns: list[str], labels: list[str]) -> str | None:
    """Standard-table id of an untitled (or oddly titled) table, from what it contains.

    Only layouts that no other table shares are named: a two-sided table with 收入 and 支出
    column groups, an expenditure table with 基本支出 and 项目支出 columns, a basic-expenditure
    table with 人员经费 and 公用经费 columns, a “三公” table naming 因公出国 and 公务接待.
    Which of two look-alikes it is (the department's or the appropriations' table) the title
    would have said; readings of such a table are kept only where the document's identities
    confirm them (indicator_choice.py).
    """
    names = [_NOISE.sub("", c) for c in columns]
    texts = [_NOISE.sub("", t) for t in labels]

    def has(word: str) -> bool:
        return any(word in n for n in names)

    if any(n.startswith("收入") for n in names) and any(n.startswith("支出") for n in names):
        if any("事业收入" in t or "其他收入" in t for t in texts):
            return "income_expenditure_summary"
        return "fiscal_summary" if any("一般公共预算" in t for t in texts) else None
    if has("基本支出") and has("项目支出"):
        return "expenditure"
    if has("人员经费") and has("公用经费"):
        return "general_budget_basic"
    everything = names + texts
    if any("因公出国" in t for t in everything) and any("公务接待" in t for t in everything):
        return "three_public"
    return None
