"""Printed labels -> canonical indicator ids, shared by table rows and narrative sentences.

One vocabulary for both, so that a table reading and a narrative reading of the same figure
get the same id and the checks can compare them. Longer labels are tried first (本年收入合计
before 收入合计); a label matches after spaces, numbering (一、 (一) 1.) and the words
预算/决算/年初 are stripped from the printed text.
"""

from __future__ import annotations

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
