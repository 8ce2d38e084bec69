"""Narrative text as paragraphs: wrapped lines re-joined, tables, 目录 and glossary left out.

Conversions break sentences at the page width ("…7764.9万元" / "，支出总计…"), so a statement
can only be read once its lines are joined; every character still knows its source line, so
each number keeps the line it was printed on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.model import Line
from generator.read.blocks import Block
from generator.read.glossary import glossary_range
from generator.read.sections import _heading_title, heading_level, plain, table_lines, toc_range

_LETTER_ITEM = re.compile(r"^[A-Za-z]\s*[.．、]")


@dataclass
class Para:
    text: str = ""
    starts: list[tuple[int, Line]] = field(default_factory=list)

    def add(self, ln: Line, text: str) -> None:
        self.starts.append((len(self.text), ln))
        self.text += text

    def line_at(self, pos: int) -> Line:
        found = self.starts[0][1]
        for start, ln in self.starts:
            if start > pos:
                break
            found = ln
        return found


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
    out, start = [], 0
    for m in re.finditer(r"[。！？]", text):
        out.append((start, text[start : m.end()]))
        start = m.end()
    if start < len(text):
        out.append((start, text[start:]))
    return out
