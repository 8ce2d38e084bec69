"""Per department-year summaries of the findings, for the site's data-quality page.

The site shows, for every department-year, how complete its disclosures are (the share of
required standard tables published) and how many findings of each severity its documents
carry; "not checked" is counted apart, because it is neither a pass nor a failure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.checks.model import Finding
from generator.checks.packed import PackedFindings, Tally, tally
from generator.checks.registry import REGISTRY
from generator.checks.rules.completeness import completeness_score
from generator.model import Document

SEVERITY_ZH = {"error": "不一致", "warning": "需注意", "info": "说明"}
FAMILY_ZH = {
    "identities": "表内勾稽",
    "cross_table": "表间一致",
    "narrative": "说明与表格",
    "completeness": "完整性",
    "text": "文字问题",
    "cross_document": "跨文件核对",
}


@dataclass
class Quality:
    score: float | None  # mean completeness of the budget/final documents; None if none
    counts: dict[str, int] = field(default_factory=dict)  # error / warning / info (checked)
    not_checked: int = 0
    rules: list[str] = field(default_factory=list)  # rule ids that produced findings

    @property
    def score_percent(self) -> int | None:
        return None if self.score is None else round(self.score * 100)


def quality(documents: list[Document], findings: Sequence[Finding] | None) -> Quality:
    """``findings`` packed (as a build keeps them) are counted without being unpacked."""
    scores = [s for s in (completeness_score(d) for d in documents) if s is not None]
    score = sum(scores) / len(scores) if scores else None
    t = tally_of(findings or [])
    counts = {"error": 0, "warning": 0, "info": 0, **dict(t.counts)}
    return Quality(score, counts, t.not_checked, list(t.rules))


def tally_of(findings: Sequence[Finding]) -> Tally:
    return findings.tally() if isinstance(findings, PackedFindings) else tally(findings)


def rule_title(rule_id: str) -> str:
    reg = REGISTRY.get(rule_id)
    return reg.doc.title_zh if reg else rule_id
