"""The derived metrics: ids, Chinese names, formulas and units, documented in one place.

The methodology page is generated from ``METRIC_DOCS`` and ``indicators.csv`` names the same
ids, so a visitor can recompute every derived number on the site from the downloads with the
formula shown here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# Why a value is missing (or that it is not). Only "value" and "zero" are numbers: averages,
# ranks, medians and charts never treat the other three as 0.
Status = Literal["value", "zero", "not_disclosed", "not_applicable", "unreadable"]
NUMERIC_STATUSES: tuple[str, ...] = ("value", "zero")

STATUS_ZH: dict[str, str] = {
    "value": "已公开",
    "zero": "公开为0",
    "not_disclosed": "未公开",
    "not_applicable": "不适用",
    "unreadable": "无法读取",
}


@dataclass(frozen=True)
class MetricDoc:
    id: str
    name_zh: str
    unit: str  # "ratio", "万元", "元/人"
    formula_zh: str
    explanation_zh: str
    higher_zh: str = ""  # what a higher value means, for rank pages
    headline: bool = True  # ranked among peers and shown in time series


# The spending figure every share and the per-capita figure divide by. Defined once, so all
# of them use the same 支出 and the methodology page can say which.
SPENDING_BASIS_ZH = (
    "分母“支出合计”取文件的本年支出合计（不含结转）；"
    "文件未列本年支出合计时，仅当文件没有结转（上年结转和年末结转均未列或为0）才改用支出总计"
    "，并在该数字旁注明；有结转而缺本年支出合计时，不计算。"
)

METRIC_DOCS: dict[str, MetricDoc] = {
    d.id: d
    for d in (
        MetricDoc(
            "basic_share",
            "基本支出占比",
            "ratio",
            "基本支出 ÷ 支出合计",
            "维持机构运转的支出占全部支出的比例。" + SPENDING_BASIS_ZH,
            "越高：更多资金用于机构自身运转",
        ),
        MetricDoc(
            "project_share",
            "项目支出占比",
            "ratio",
            "项目支出 ÷ 支出合计",
            "用于特定任务（如医疗救助、参保补助）的支出占全部支出的比例。" + SPENDING_BASIS_ZH,
            "越高：更多资金用于项目",
        ),
        MetricDoc(
            "personnel_share",
            "人员经费占基本支出比例",
            "ratio",
            "人员经费 ÷ 基本支出",
            "基本支出中工资福利和对个人和家庭补助所占的比例。",
            "越高：基本支出更多用于人员",
        ),
        MetricDoc(
            "public_share",
            "公用经费占基本支出比例",
            "ratio",
            "公用经费 ÷ 基本支出",
            "基本支出中日常公用经费（办公、差旅、水电等）所占的比例。",
            "越高：基本支出更多用于日常运转",
        ),
        MetricDoc(
            "three_public_share",
            "“三公”经费占基本支出比例",
            "ratio",
            "“三公”经费 ÷ 基本支出",
            "因公出国（境）费、公务用车购置及运行费、公务接待费之和占基本支出的比例。"
            "“三公”经费公开为0时比例为0；未公开时不计算。",
            "越高：“三公”经费相对越多",
        ),
        MetricDoc(
            "yoy_expenditure_total",
            "支出总计比上年增减",
            "万元",
            "本年支出总计 − 上年支出总计",
            "同一部门、同一文件类型（预算比预算、决算比决算）的上年数：本站收录上年文件时取该文件的支出总计；"
            "否则取本文件自述的比上年增减额（或本文件列出的上年数），并注明来源。",
            "越高：支出增长越多",
            headline=False,  # an amount, not comparable across departments of different size
        ),
        MetricDoc(
            "yoy_expenditure_total_pct",
            "支出总计比上年增减率",
            "ratio",
            "(本年支出总计 − 上年支出总计) ÷ 上年支出总计",
            "上年数的来源同“支出总计比上年增减”。变动达10%及以上而文件未说明原因的，页面会标出。",
            "越高：支出增长越快",
        ),
        MetricDoc(
            "execution_rate",
            "预算执行率",
            "ratio",
            "决算支出合计 ÷ 同年预算支出合计",
            "仅适用于决算。预算数取本站收录的同一部门同年预算文件；没有时取决算文件自己列出的年初预算数，"
            "并注明来源。两者口径（支出合计或支出总计）相同才计算。",
            "越高：实际支出相对预算越多",
        ),
        MetricDoc(
            "per_capita_expenditure",
            "人均支出",
            "元/人",
            "支出合计（万元）× 10000 ÷ 常住人口",
            "按部门所在行政区的常住人口计算。人口取文件附带的资料或网站设置中提供的、注明出处的数字，"
            "否则取第七次全国人口普查（2020年）数；人口未知时显示“未知”，不计算。"
            + SPENDING_BASIS_ZH,
            "越高：按人口计的支出越多",
        ),
    )
}

# Canonical figures shown beside the derived metrics on compare and peer pages.
FIGURES: tuple[str, ...] = (
    "expenditure_total",
    "expenditure_current_year",
    "basic_expenditure",
    "project_expenditure",
    "personnel_expenditure",
    "public_expenditure",
    "three_public_total",
)

LARGE_CHANGE = "0.10"  # |yoy %| at or above this without a stated reason is flagged
