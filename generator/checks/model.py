"""What a check produces: a finding with every figure involved and where it was printed.

The site shows both sides of a contradiction from ``evidence``; it never "corrects" a
published number, so a finding carries the printed values, not a fixed one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from generator import pickle_layout
from generator.model import SourceRef

FindingSeverity = Literal["error", "warning", "info"]
FindingStatus = Literal["failed", "rounding", "unverifiable", "not_checked"]


@dataclass(slots=True)
class Evidence:
    """One figure a rule looked at: its label, the value as printed and in 万元, its line."""

    label: str  # plain Chinese, e.g. "基本支出（支出决算表 合计）"
    source: SourceRef
    value: Decimal | None = None  # in the unit of ``unit``
    unit: str | None = None  # "万元", "元", "%"
    raw: str | None = None  # as printed


@dataclass(slots=True)
class Finding:
    rule: str  # rule id, e.g. "table.total_equals_items"
    severity: FindingSeverity
    message: str  # plain Chinese, one or two sentences, naming the figures
    document: str  # Document.source
    evidence: list[Evidence] = field(default_factory=list)
    status: FindingStatus = "failed"
    expected: Decimal | None = None  # what the identity gives (recomputed), for display
    difference: Decimal | None = None
    other_documents: list[str] = field(default_factory=list)  # cross-document rules


pickle_layout.by_position(Evidence, Finding)  # a site's findings are packed as pickles


@dataclass(slots=True)
class RuleDoc:
    """The documentation of a rule; the methodology page is generated from these."""

    id: str
    family: (
        str  # "identities", "cross_table", "narrative", "completeness", "text", "cross_document"
    )
    title_zh: str
    title_en: str
    explanation_zh: str
    explanation_en: str
    severity: FindingSeverity
