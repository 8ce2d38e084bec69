"""The checks stage: findings where a disclosure contradicts its tables, its narrative, or
last year's document.

``run_checks`` applies every rule to each Document, then the corpus rules to all Documents
together, and returns findings in a deterministic order. ``RULES`` documents each rule in
Chinese and English; the methodology page is generated from it.

Where things are: rule ``family.name`` is defined, with its ``@rule`` documentation, in
``rules/family.py`` (or ``rules/family/``); ``tables/`` reads figures out of tables
whatever their layout, ``prose/`` the figures and wording of the narrative; ``evidence``
and ``tolerance`` say how a figure is cited and how much rounding explains.
"""

from __future__ import annotations

from itertools import groupby

from generator.checks import memo
from generator.checks.model import Evidence, Finding, RuleDoc
from generator.checks.packed import PackedFindings
from generator.checks.registry import REGISTRY
from generator.checks.rules import RULE_MODULES
from generator.checks.rules.cross_document import department_key  # the corpus rules' reach
from generator.model import Document

RULES: list[RuleDoc] = [REGISTRY[k].doc for k in sorted(REGISTRY)]

_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def _key(f: Finding):
    first = f.evidence[0].source.line if f.evidence else 0
    return (f.document, _SEVERITY_ORDER.get(f.severity, 3), f.rule, first, f.message)


def run_checks(documents: list[Document]) -> list[Finding]:
    """Every finding for these documents; a rule that breaks is reported, never raised."""
    with memo.scope():
        per_document = [f for doc in documents for f in document_findings(doc)]
        return merge_findings(per_document + corpus_findings(documents))


def document_findings(doc: Document) -> list[Finding]:
    """The findings of the rules that look at one document only: they depend on nothing
    else, so a rebuild can keep them for every document that did not change."""
    with memo.scope():
        return [
            f
            for reg in (REGISTRY[k] for k in sorted(REGISTRY))
            if reg.scope != "corpus"
            for f in _safely(reg, doc, doc)
        ]


def corpus_findings(documents: list[Document]) -> list[Finding]:
    """The findings of the rules that compare documents with each other. They compare only
    documents of one department (``department_key``), so the build runs them department by
    department and never holds the whole collection's Documents at once."""
    with memo.scope():
        return [
            f
            for reg in (REGISTRY[k] for k in sorted(REGISTRY))
            if reg.scope == "corpus"
            for f in _safely(reg, documents, None)
        ]


def merge_findings(findings: list[Finding]) -> list[Finding]:
    """Duplicates removed (first kept), in a deterministic order; within one rule the input
    order (documents in the given order) is kept, which is all the stable sort relies on."""
    unique: dict[tuple, Finding] = {}
    for f in findings:
        k = (f.rule, f.document, f.message, tuple((e.source.line, e.raw) for e in f.evidence))
        unique.setdefault(k, f)
    return sorted(unique.values(), key=_key)


def packed_per_document(found: list[Finding]) -> dict[str, PackedFindings]:
    """One department's findings merged (duplicates out, in a deterministic order) and
    packed per document."""
    out: dict[str, PackedFindings] = {}
    for document, mine in groupby(merge_findings(found), lambda f: f.document):
        mine = list(mine)
        if document in out:
            mine = merge_findings([*out[document], *mine])
        out[document] = PackedFindings(mine)
    return out


def _safely(reg, arg, doc: Document | None) -> list[Finding]:
    try:
        return list(reg.func(arg) or [])
    except Exception as exc:  # a broken rule must not stop the build; say so instead
        source = doc.source if doc is not None else ""
        return [
            Finding(
                rule=reg.doc.id,
                severity="info",
                message=f"未检查：规则执行出错（{type(exc).__name__}: {exc}）。",
                document=source,
                status="not_checked",
            )
        ]


__all__ = [
    "RULES",
    "RULE_MODULES",
    "Evidence",
    "Finding",
    "RuleDoc",
    "corpus_findings",
    "department_key",
    "document_findings",
    "merge_findings",
    "packed_per_document",
    "run_checks",
]
