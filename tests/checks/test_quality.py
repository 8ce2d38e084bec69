"""The data-quality summary: completeness score and counts, not_checked kept apart."""

from __future__ import annotations

from generator.checks import run_checks
from generator.checks.quality import quality, rule_title
from generator.checks.rules.completeness import REQUIRED
from tests.factory import rule_document as document
from tests.factory import table


def test_quality_counts_and_score():
    tables = [
        table(["项目", "金额"], [["合计", "1.00"]], id=t, title=t, line=100 + 10 * i)
        for i, t in enumerate(list(REQUIRED["budget"])[:6])
    ]
    doc = document(
        *tables,
        lines=[
            "较上年增加46.55，主要原因为人员增加。",
            "2024 年收入总计 100.00 万元，与 2023 年相比，增加 10.00 万元，增长 11.11%。",
        ],
    )
    q = quality([doc], run_checks([doc]))
    assert q.score == 6 / 8 and q.score_percent == 75
    assert q.counts["warning"] == 3  # two required tables missing, one change without unit
    assert q.not_checked == 1  # no 2023 document to compare with
    assert "text.missing_unit" in q.rules and rule_title("text.missing_unit") == "增减额缺少单位"
    assert quality([document(kind="performance")], None).score is None
