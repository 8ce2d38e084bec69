"""Narrative text as paragraphs: the one splitter, for the reader's statements and the checks.

Conversions break sentences at the page width ("…7764.9万元" / "，支出总计…"), so a statement
can only be read once its lines are joined; every character still knows its source line, so
each number keeps the line it was printed on. The reader leaves out tables, the 目录 and the
glossary (``excluded_lines``) and joins wrapped lines; the checks' wording rules scan every
line outside tables, 目录 included, and join whole sentences (``SENTENCES`` below).
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
    """A paragraph's text and, for each joined line, the offset where it starts."""

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


WRAPPED, SENTENCES = "wrapped", "sentences"
# How lines join into a paragraph:
# - WRAPPED (the reader's statements): a line continues the paragraph when the one before was
#   cut at the page width (20+ characters, no closing "。；！？：") or when it opens with
#   punctuation; more than two blank lines, a heading or a lettered item starts a new one.
# - SENTENCES (the checks' wording rules): a line continues the paragraph until a "。", over
#   blank lines, at most six lines joined, never after or onto a short numbered heading. Text
#   defects (a placeholder left in, a share without "%") are sought in whole sentences, which
#   the wrap test would cut where a short line ends without a full stop.
# On the 95 documents of ../shared the checks' findings with WRAPPED paragraphs (and the
# reader's skipped 目录 and 名词解释) were 72 fewer and 27 other, some of them false errors
# (广州宣传部 "推算基数为18.00万元"), so the checks keep SENTENCES until a measured change.
_SHORT_HEADING = re.compile(
    r"^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])"
)
PRINTED_AMOUNT = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(万元|元)")


def paragraphs(lines: list[Line], skip: set[int], join: str = WRAPPED) -> list[Para]:
    """Narrative lines joined into paragraphs, ``skip`` lines (tables, …) breaking them.

    ``skip`` says which lines hold no narrative: ``excluded_lines`` for the reader.
    """
    sentences_mode = join == SENTENCES
    paras: list[Para] = []
    cur: Para | None = None
    last_text = ""
    gap = joined = 0
    for ln in lines:
        if ln.number in skip:  # before cleaning the text: most skipped lines are table rows
            cur, gap = None, 0
            continue
        t = plain(ln.text)
        if not t:
            gap += 1
            continue
        if cur is not None and len(cur.text) >= MAX_PARAGRAPH:
            joins = False
        elif sentences_mode:
            joins = cur is not None and joined < 6 and _continues_sentence(cur.text, t)
        else:
            joins = cur is not None and gap <= 2 and _continues_wrapped(last_text, t)
        if joins:
            joined += 1
        else:
            cur = Para()
            paras.append(cur)
            joined = 0
        cur.add(ln, t)
        last_text, gap = t, 0
    return paras


def _continues_wrapped(last_text: str, t: str) -> bool:
    return (
        heading_level(t) is None
        and not _LETTER_ITEM.match(t)
        and not _is_heading(last_text)
        and (
            t[0] in "，,。；;、）)"
            or (len(last_text) >= 20 and not last_text.endswith(("。", "；", "！", "？", "：")))
        )
    )


def _continues_sentence(so_far: str, t: str) -> bool:
    return (
        not so_far.endswith("。")
        and not _SHORT_HEADING.match(t)
        and not (
            _SHORT_HEADING.match(so_far) and len(so_far) < 40 and not PRINTED_AMOUNT.search(so_far)
        )
    )


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
