"""Printed labels matched to canonical indicator ids, shared by every indicator reader.

Templates number, space and punctuate the same label many ways ('（一）一般公共 预算 收入：');
the readers must agree on one normal form, or a table and its narrative would name the same
figure differently. Only an exact match against the vocabulary names an indicator: a label that
merely contains one ('其中：财政拨款') is a different figure.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.read.vocabulary import INDICATOR_LABELS, TOTAL_WORDS, canonical_label

__all__ = ["TOTAL_WORDS", "canonical_label", "label_id"]


def label_id(text: str, allowed: Iterable[str]) -> str | None:
    """The canonical id whose vocabulary names this label exactly, among ``allowed`` ids."""
    label = canonical_label(text)
    if not label:
        return None
    for ind in allowed:
        if label in INDICATOR_LABELS.get(ind, ()):
            return ind
    return None
