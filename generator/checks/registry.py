"""One place that knows every rule: its documentation and the function that applies it.

Rules register themselves with ``@rule(...)`` where they are defined, so a rule cannot exist
without its documentation: the methodology page and ``RULES`` are built from the same call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from generator.checks.model import Finding, FindingSeverity, RuleDoc
from generator.model import Document

DocumentRule = Callable[[Document], Iterable[Finding]]
CorpusRule = Callable[[list[Document]], Iterable[Finding]]


@dataclass
class Registered:
    doc: RuleDoc
    func: Callable
    scope: str  # "document": runs on one Document; "corpus": runs on all of them together


REGISTRY: dict[str, Registered] = {}


def rule(
    id: str,
    *,
    title_zh: str,
    title_en: str,
    explanation_zh: str,
    explanation_en: str,
    severity: FindingSeverity,
    scope: str = "document",
) -> Callable[[Callable], Callable]:
    """Register a rule; its family is the part of the id before the dot."""

    family = id.split(".", 1)[0]

    def register(func: Callable) -> Callable:
        if id in REGISTRY:
            raise ValueError(f"rule {id} registered twice")
        doc = RuleDoc(
            id=id,
            family=family,
            title_zh=title_zh,
            title_en=title_en,
            explanation_zh=explanation_zh,
            explanation_en=explanation_en,
            severity=severity,
        )
        REGISTRY[id] = Registered(doc=doc, func=func, scope=scope)
        return func

    return register
