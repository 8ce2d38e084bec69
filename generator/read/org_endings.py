"""The words organisation names end with (generator/data/org_endings.txt), as a pattern.

Department and unit names are recognised by how they end (局, 委员会, 办事处, 街道, 中心 …), so
a new kind of organisation needs a line in the data file, not new code.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "org_endings.txt"


@lru_cache(maxsize=2)
def load(path: str | None = None) -> tuple[str, ...]:
    """The endings, longest first (so 委员会 is tried before 会)."""
    words: list[str] = []
    for raw in Path(path or DATA).read_text(encoding="utf-8").splitlines():
        word = raw.split("#", 1)[0].strip()
        if word and word not in words:
            words.append(word)
    return tuple(sorted(words, key=len, reverse=True))


def pattern(path: str | None = None) -> str:
    """A regular-expression group matching any ending."""
    return "(?:" + "|".join(re.escape(w) for w in load(path)) + ")"
