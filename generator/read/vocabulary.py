"""Printed labels -> canonical indicator ids, shared by table rows, narrative sentences and checks.

One vocabulary and one label normaliser for the reader and the checks, so that a table
reading and a narrative reading of the same figure get the same id and the checks can compare
them. Longer labels are tried first (本年收入合计 before 收入合计); a label matches after
spaces, numbering (一、 (一) 1.) and colons are stripped from the printed text.
"""

from __future__ import annotations

import re
from functools import lru_cache

# id -> printed labels, most specific first. Keep DOMAIN.md's meaning of each id:
# *_total includes carry-over, *_current_year does not.
INDICATOR_LABELS: dict[str, tuple[str, ...]] = {
    "income_total": ("收入总计", "收入预算总额", "收入总额"),
    "income_current_year": ("本年收入合计", "收入合计", "本年收入"),
    "expenditure_total": ("支出总计", "支出预算总额", "支出总额"),
    "expenditure_current_year": ("本年支出合计", "支出合计", "本年支出"),
    "general_public_budget": (
        "一般公共预算财政拨款收入",
        "一般公共预算财政拨款",
        "一般公共预算拨款收入",
        "一般公共预算拨款",
        "一般公共预算收入",
        "一般公共预算",
    ),
    "government_fund": (
        "政府性基金预算财政拨款收入",
        "政府性基金预算财政拨款",
        "政府性基金预算拨款收入",
        "政府性基金预算拨款",
        "政府性基金预算收入",
        "政府性基金收入",
        "政府性基金预算",
    ),
    "carryover_begin": (
        "年初结转和结余",
        "上年结转结余",
        "上年结转和结余",
        "上年结转",
        "年初财政拨款结转和结余",
    ),
    "carryover_end": (
        "年末结转和结余",
        "年终结转结余",
        "年末财政拨款结转和结余",
        "结转结余下年",
        "结转下年",
        "年末结转结余",
    ),
    "basic_expenditure": ("基本支出",),
    "project_expenditure": ("项目支出",),
    "personnel_expenditure": ("人员经费合计", "人员经费支出", "人员经费"),
    "public_expenditure": ("公用经费合计", "日常公用经费", "公用经费支出", "公用经费"),
    "three_public_total": ("“三公”经费合计", "“三公”经费", "三公经费合计", "三公经费"),
    "overseas_travel": ("因公出国（境）费用", "因公出国（境）费", "因公出国(境)费", "因公出国经费"),
    "vehicle_total": ("公务用车购置及运行费", "公务用车购置及运行维护费", "公务用车费"),
    "vehicle_purchase": ("公务用车购置费", "公务用车购置经费", "公务用车购置"),
    "vehicle_operation": ("公务用车运行维护费", "公务用车运行费", "公务用车运行经费"),
    "official_reception": ("公务接待费", "公务接待费支出"),
    "organ_operating_expenses": ("机关运行经费", "机关运行费", "机构运转经费"),
    "government_procurement": ("政府采购预算", "政府采购支出", "政府采购"),
}

# Labels tables print for the three-public items besides the ones above (compared loosely).
TABLE_LABELS: dict[str, tuple[str, ...]] = {
    "vehicle_operation": (
        "公务用车运行维护费",
        "公务用车运行费",
        "公务用车运行经费",
        "公务用车运行",
    ),
    "vehicle_purchase": ("公务用车购置费", "公务用车购置经费", "公务用车购置"),
    "vehicle_total": ("公务用车购置及运行费", "公务用车购置及运行维护费", "公务用车费"),
    "overseas_travel": ("因公出国（境）费", "因公出国（境）费用", "因公出国经费", "因公出国费"),
    "official_reception": ("公务接待费", "公务接待费支出"),
    # Not canonical indicators: the extra terms of a final account's carry-over identity.
    "nonfiscal_surplus_used": (
        "使用非财政拨款结余",
        "用事业基金弥补收支差额",
        "使用非财政拨款结余和专用结余",
    ),
    "surplus_distribution": ("结余分配",),
}
TOTAL_WORDS = {"合计", "总计", "共计"}

_SPACES = re.compile(r"[\s\u3000]+")
_NUMBERING = re.compile(
    r"^(?:其中[:：]?|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|[A-Za-z][.．、])+"
)
# Loose comparison also takes half-bracketed numbering ("一）", "1)") and stray leading colons.
_LOOSE_NUMBERING = re.compile(
    r"^(?:[（(]?[一二三四五六七八九十]+[)）、.．]|[（(]\d+[)）]|\d+[、.．)）]|[A-Za-z][.．、]|其中[:：]?|[:：])+"
)
_QUOTES = str.maketrans({'"': "“", "'": "“", "”": "“", "「": "“", "」": "“", "(": "（", ")": "）"})


@lru_cache(maxsize=16384)  # the checks normalise the same row labels rule after rule
def canonical_label(text: str, *, loose: bool = False) -> str:
    """'（一）一般公共 预算 收入：' -> '一般公共预算收入' (numbering, spaces, colons removed).

    The reader names an indicator only by an exact vocabulary spelling, so by default the
    quotes stay as printed (“三公”经费) and only well-formed numbering is dropped. The checks
    compare labels with each other and with a vocabulary normalised the same way, so
    ``loose=True`` also folds every quote mark to “ and strips half-bracketed numbering; a
    label then matches however a template quoted or numbered it.
    """
    t = _SPACES.sub("", text or "")
    if loose:
        t = t.translate(_QUOTES).replace("““", "“")
        return _LOOSE_NUMBERING.sub("", t).rstrip("：:")
    t = t.replace("(", "（").replace(")", "）").rstrip("：:")
    return _NUMBERING.sub("", t)


def _table_label_ids() -> dict[str, str]:
    out: dict[str, str] = {}
    for ind, labels in list(INDICATOR_LABELS.items()) + list(TABLE_LABELS.items()):
        for lab in labels:
            out.setdefault(canonical_label(lab, loose=True), ind)
            out.setdefault(canonical_label(lab, loose=True).replace("“", ""), ind)
    return out


# loosely normalised label (also without quotes) -> id, for the checks' table lookups
TABLE_LABEL_IDS = _table_label_ids()


def table_label_id(label: str) -> str | None:
    """Exact (loosely normalised) table label -> id; substrings never match."""
    n = canonical_label(label, loose=True)
    for cand in (n, n.replace("“", ""), n.removesuffix("小计"), n.removesuffix("合计")):
        if cand in TABLE_LABEL_IDS:
            return TABLE_LABEL_IDS[cand]
    return None
