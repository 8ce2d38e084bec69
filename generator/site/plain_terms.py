"""A plain-language sentence for each indicator and common budget term, shown beside the
documents' own wording (glossary, indicator pages, a department-year's 名词解释).

The sentences live in ``generator/data/plain_terms.csv`` (one Chinese sentence a term, with
the other spellings documents use); a term not in that table gets no sentence, and the page
shows the document's official wording alone.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from generator.model import CANONICAL_INDICATORS

TABLE = Path(__file__).resolve().parent.parent / "data" / "plain_terms.csv"
_NOISE = re.compile(r"[\s“”\"‘’「」]")


def _key(term: str) -> str:
    """Spelling-blind key: spaces and quote marks dropped, half-width brackets made full."""
    return _NOISE.sub("", term or "").replace("(", "（").replace(")", "）")


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, str]]:
    """Key of every spelling -> (the table's own spelling, the sentence)."""
    out: dict[str, tuple[str, str]] = {}
    with TABLE.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            names = [row["term"], *filter(None, (row["aliases"] or "").split(";"))]
            for name in names:
                out[_key(name)] = (row["term"], row["plain"].strip())
    return out


def for_term(term: str) -> str:
    """The plain sentence for a term as a document prints it; "" when the table has none."""
    return _table().get(_key(term), ("", ""))[1]


def same_term(a: str, b: str) -> bool:
    """Two spellings of one term (机关运行费 and 机关运行经费, 三公经费 and “三公”经费)."""
    ka, kb = _key(a), _key(b)
    table = _table()
    return ka == kb or (ka in table and kb in table and table[ka][0] == table[kb][0])


def for_indicator(indicator: str) -> str:
    """The plain sentence for an indicator id (canonical ids all have one: a test checks)."""
    return for_term(CANONICAL_INDICATORS.get(indicator, indicator))
