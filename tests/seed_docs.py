"""Documents built by hand from the seeds' printed figures (line numbers of the seed files).

These stand in for the reader's output so the metrics can be tested on their own: every
value below was typed from the disclosure text, never copied from parser output.
"""

from __future__ import annotations

from decimal import Decimal as D

from generator.model import Document, Problem, SourceRef, Statement
from tests.factory import document, reading
from tests.factory import metadata as meta

F000 = "disclosures/130607-满城区/保定市满城区医疗保障局/2021-budget.txt"
F001 = "disclosures/410526-滑县/滑县医疗保障局/2024-budget.txt"
F002 = "disclosures/419001-济源市/济源产城融合示范区医疗保障局/2021-budget.txt"
F003 = "disclosures/130304-北戴河区/秦皇岛市北戴河区医疗保障局/2020-performance.txt"
F004 = "disclosures/640400-固原市/固原市医疗保障局/2020-final.txt"


def doc_000() -> Document:
    """满城区 2021 budget: narrative only, no 本年支出合计, no carry-over printed."""
    f = F000
    n = "narrative"
    return document(
        f,
        meta("保定市满城区医疗保障局", "130607", "满城区", "县级", 2021, "budget"),
        [
            reading(f, "expenditure_total", "7119.13", 48, "7119.13万元", origin=n),
            reading(f, "basic_expenditure", "553.99", 49, "553.99万元", origin=n),
            reading(f, "personnel_expenditure", "524.92", 50, "524.92万元", origin=n),
            reading(f, "public_expenditure", "29.07", 51, "29.07万元", origin=n),
            reading(f, "project_expenditure", "6565.14", 52, "6565.14万元", origin=n),
            reading(f, "three_public_total", "6.57", 101, "6.57"),
        ],
        [
            Statement(
                kind="change",
                subject="本年度预算总收支",
                indicator=None,
                value=D("12929.31"),
                unit="万元",
                raw="较上年减少12929.31万元",
                sentence="本年度预算总收支安排7119.13万元，较上年减少12929.31万元。",
                source=SourceRef(f, 55),
                direction="decrease",
            )
        ],
    )


def doc_001() -> Document:
    """滑县 2024 budget: full tables, 上年结转结余 printed empty."""
    f = F001
    return document(
        f,
        meta("滑县医疗保障局", "410526", "滑县", "县级", 2024, "budget"),
        [
            reading(f, "expenditure_current_year", "23278.10", 221, "23,278.10"),
            reading(f, "expenditure_total", "23278.10", 223, "23,278.10"),
            reading(f, "basic_expenditure", "797.18", 249),
            reading(f, "project_expenditure", "22480.92", 249, "22,480.92"),
            reading(f, "personnel_expenditure", "738.55", 109, "738.55 万元", origin="narrative"),
            reading(f, "public_expenditure", "58.63", 249),
            reading(f, "three_public_total", "9.20", 410),
        ],
        [
            Statement(
                kind="change",
                subject="收、支总计",
                indicator=None,
                value=D("6683.89"),
                unit="万元",
                raw="收、支总计各增加 6683.89 万元，增长 40.28%",
                sentence="与 2023 年相比，收、支总计各增加 6683.89 万元，增长 40.28%。",
                source=SourceRef(f, 85),
                direction="increase",
                percent=D("40.28"),
                reason="2024 年增加国家公务员医疗补助资金等。",
            )
        ],
    )


def doc_002(**meta_kw) -> Document:
    """济源 2021 budget: 支出合计 = 支出总计 = 7764.9 with 部门结转 92.2; 人员经费 not printed."""
    f = F002
    n = "narrative"
    return document(
        f,
        meta("济源产城融合示范区医疗保障局", "419001", "济源市", "县级", 2021, "budget", **meta_kw),
        [
            reading(f, "expenditure_total", "7764.9", 58, "7764.9万元", origin=n),
            reading(f, "expenditure_current_year", "7764.9", 66, "7764.9万元", origin=n),
            reading(f, "carryover_begin", "92.2", 62, "92.2万元", origin=n),
            reading(f, "basic_expenditure", "3107.2", 157, "3,107.2"),
            reading(f, "project_expenditure", "4657.7", 157, "4,657.7"),
            reading(f, "public_expenditure", "118.9", 157),
            reading(f, "three_public_total", "2.5", 267),
        ],
        [
            Statement(
                kind="change",
                subject="支出总计",
                indicator="expenditure_total",
                value=D("447.7"),
                unit="万元",
                raw="支出总计增加447.7万元，增长6.12%",
                sentence="支出总计增加447.7万元，增长6.12%。",
                source=SourceRef(f, 58),
                direction="increase",
                percent=D("6.12"),
                reason="根据《…机构改革方案〉的通知》文件，新增预算单位济源产城融合示范区医疗保障局局机关。",
            )
        ],
    )


def doc_003() -> Document:
    """北戴河区 2020 performance targets: no expenditure at all."""
    return document(
        F003,
        meta("秦皇岛市北戴河区医疗保障局", "130304", "北戴河区", "县级", 2020, "performance"),
        [],
    )


def doc_004(problems=()) -> Document:
    """固原市 2020 final accounts, printed in 元 (÷ 10,000 into 万元, exact)."""
    f = F004
    return document(
        f,
        meta("固原市医疗保障局", "640400", "固原市", "地级", 2020, "final"),
        [
            reading(f, "expenditure_current_year", "347.015834", 136, "3470158.34", unit="元"),
            reading(f, "carryover_begin", "0.70595", 138, "7059.5", unit="元"),
            reading(f, "carryover_end", "83.698622", 138, "836986.22", unit="元"),
            reading(
                f,
                "basic_expenditure",
                "142.008506",
                379,
                "1,420,085.06",
                unit="元",
                origin="narrative",
            ),
            reading(
                f,
                "project_expenditure",
                "205.007328",
                379,
                "2,050,073.28",
                unit="元",
                origin="narrative",
            ),
            reading(f, "personnel_expenditure", "129.209592", 318, "1292095.92", unit="元"),
            reading(f, "public_expenditure", "12.798914", 318, "127989.14", unit="元"),
            reading(f, "three_public_total", "0", 413, "0元", unit="元", origin="narrative"),
            reading(
                f,
                "expenditure_current_year",
                "191.063099",
                393,
                "1,910,630.99",
                unit="元",
                origin="narrative",
                period="budget",
            ),
        ],
        problems=problems,
    )


def all_seeds() -> list[Document]:
    return [doc_000(), doc_001(), doc_002(), doc_003(), doc_004()]


__all__ = [
    "D",
    "Problem",
    "Statement",
    "all_seeds",
    "doc_000",
    "doc_001",
    "doc_002",
    "doc_003",
    "doc_004",
]
