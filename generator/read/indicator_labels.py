"""Printed labels matched to canonical indicator ids, shared by every indicator reader.

Templates number, space and punctuate the same label many ways ('（一）一般公共 预算 收入：');
the readers must agree on one normal form, or a table and its narrative would name the same
figure differently. Only an exact match against the vocabulary names an indicator: a label that
merely contains one ('其中：财政拨款') is a different figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.read.vocabulary import INDICATOR_LABELS

_SPACES = re.compile(r"[\s\u3000]+")
_NUMBERING = re.compile(
    r"^(?:其中[:：]?|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|[A-Za-z][.．、])+"
)
TOTAL_WORDS = {"合计", "总计", "共计"}


def canonical_label(text: str) -> str:
    """'（一）一般公共 预算 收入：' -> '一般公共预算收入' (numbering, spaces, colons removed)."""
    t = _SPACES.sub("", text).replace("(", "（").replace(")", "）").rstrip("：:")
    return _NUMBERING.sub("", t)


def label_id(text: str, allowed: Iterable[str]) -> str | None:
    """The canonical id whose vocabulary names this label exactly, among ``allowed`` ids."""
    label = canonical_label(text)
    if not label:
        return None
    for ind in allowed:
        if label in INDICATOR_LABELS.get(ind, ()):
            return ind
    return None
