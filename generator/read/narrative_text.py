"""Narrative text as paragraphs: wrapped lines re-joined, tables, 目录 and glossary left out.

Conversions break sentences at the page width ("…7764.9万元" / "，支出总计…"), so a statement
can only be read once its lines are joined; every character still knows its source line, so
each number keeps the line it was printed on.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from generator.model import Line
from generator.read.blocks import Block
from generator.read.glossary import glossary_range
from generator.read.sections import _heading_title, heading_level, plain, table_lines, toc_range

_LETTER_ITEM = re.compile(r"^[A-Za-z]\s*[.．、]")
# Real paragraphs are under 400 characters and sentences under 250 (seeds and published PDFs);
# past these bounds text is not prose, and reading it whole would cost the square of its length.
MAX_PARAGRAPH = 4000
MAX_SENTENCE = 1000
_CLAUSE_END = re.compile(r"[，,；;：:、\s]")


@dataclass
class Para:
    text: str = ""
    starts: list[tuple[int, Line]] = field(default_factory=list)

    def add(self, ln: Line, text: str) -> None:
        self.starts.append((len(self.text), ln))
        self.text += text

    def line_at(self, pos: int) -> Line:
        k = bisect.bisect_right(self.starts, pos, key=lambda x: x[0])
        return self.starts[max(k - 1, 0)][1]


def excluded_lines(lines: list[Line], blocks: list[Block] | None = None) -> set[int]:
    """The 目录, the 名词解释 and every table line: none of them holds a statement."""
    tables = table_lines(lines, blocks)
    skip: set[int] = set(tables)
    for rng in (toc_range(lines, tables), glossary_range(lines, blocks)):
        if rng:
            skip.update(range(rng[0], rng[1] + 1))
    if blocks is None:  # without the layout: cell text continued on the line after a row
        prev_tab = False
        for ln in lines:
            has_tab = ln.number in tables
            if prev_tab and not has_tab and ln.text.strip() and len(ln.text.strip()) <= 20:
                skip.add(ln.number)
            if ln.text.strip():
                prev_tab = has_tab
    return skip


def paragraphs(lines: list[Line], blocks: list[Block] | None = None) -> list[Para]:
    """Narrative lines joined into paragraphs where a sentence was wrapped."""
    skip = excluded_lines(lines, blocks)
    paras: list[Para] = []
    cur: Para | None = None
    last_text = ""
    gap = 0
    for ln in lines:
        t = plain(ln.text)
        if ln.number in skip:
            cur, gap = None, 0
            continue
        if not t:
            gap += 1
            continue
        joins = (
            cur is not None
            and len(cur.text) < MAX_PARAGRAPH
            and gap <= 2
            and heading_level(t) is None
            and not _LETTER_ITEM.match(t)
            and not _is_heading(last_text)
            and (
                t[0] in "，,。；;、）)"
                or (len(last_text) >= 20 and not last_text.endswith(("。", "；", "！", "？", "：")))
            )
        )
        if not joins:
            cur = Para()
            paras.append(cur)
        cur.add(ln, t)
        last_text, gap = t, 0
    return paras


def is_heading(text: str) -> bool:
    """A numbered heading line ("（三）一般公共预算财政拨款支出决算具体情况")."""
    return _is_heading(text)


def _is_heading(text: str) -> bool:
    level = heading_level(text)
    return level is not None and _heading_title(text, level) == text


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs; a run longer than MAX_SENTENCE is cut at its last clause
    break before the bound (text without full stops is not prose, but must stay cheap)."""
    out, start = [], 0
    ends = [m.end() for m in re.finditer(r"[。！？]", text)]
    if not ends or ends[-1] < len(text):
        ends.append(len(text))
    for end in ends:
        while end - start > MAX_SENTENCE:
            cut = start + MAX_SENTENCE
            breaks = [m.end() for m in _CLAUSE_END.finditer(text, start + 1, cut)]
            cut = breaks[-1] if breaks else cut
            out.append((start, text[start:cut]))
            start = cut
        if end > start:
            out.append((start, text[start:end]))
        start = end
    return out
