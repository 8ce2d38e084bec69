"""The narrative as paragraphs of plain text, for the rules that check the wording itself.

Template residue ("增加（减少）"), placeholders, a reason left empty or a share without "%"
are defects of the text, not of its figures, so these rules scan the narrative lines rather
than the reader's statements. Table rows are left out; a sentence broken over several lines
(a PDF page break, a DOC export) is joined back, keeping each character's line so evidence
points at the right one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from generator.checks.evidence import ref
from generator.checks.model import Evidence
from generator.model import Document

_HEADING = re.compile(
    r"^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])"
)
AMOUNT = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(万元|元)")


@dataclass
class Paragraph:
    text: str
    starts: list[tuple[int, int]] = field(default_factory=list)  # (offset, line number)

    def line_at(self, offset: int) -> int:
        line = self.starts[0][1]
        for off, n in self.starts:
            if off > offset:
                break
            line = n
        return line

    def sentence_bounds(self, offset: int) -> tuple[int, int]:
        start = max(self.text.rfind("。", 0, offset), -1) + 1
        end = self.text.find("。", offset)
        return start, len(self.text) if end < 0 else end + 1


def _table_lines(doc: Document) -> set[int]:
    taken: set[int] = set()
    for t in doc.tables:
        end = t.end_line or (max((r.line for r in t.rows), default=t.line))
        taken.update(range(t.line, end + 1))
        for part in t.parts:
            taken.add(part)
    return taken


def text_paragraphs(doc: Document) -> list[Paragraph]:
    """The narrative lines outside tables, wrapped sentences joined (computed once per doc)."""
    cached = getattr(doc, "_checks_text_paragraphs", None)
    if cached is not None:
        return cached
    taken = _table_lines(doc)
    out: list[Paragraph] = []
    cur: Paragraph | None = None
    joined = 0
    for ln in doc.lines:
        text = ln.text.strip()
        if ln.number in taken or "\t" in ln.text:
            cur = None
            continue
        if not text:
            continue
        if (
            cur is not None
            and not cur.text.endswith("。")
            and not _HEADING.match(text)
            and not _is_heading(cur.text)
            and joined < 6
        ):
            cur.starts.append((len(cur.text), ln.number))
            cur.text += text
            joined += 1
            continue
        cur = Paragraph(text=text, starts=[(0, ln.number)])
        joined = 0
        out.append(cur)
    try:
        object.__setattr__(doc, "_checks_text_paragraphs", out)
    except (AttributeError, TypeError):  # pragma: no cover
        pass
    return out


def _is_heading(text: str) -> bool:
    return bool(_HEADING.match(text)) and len(text) < 40 and not AMOUNT.search(text)


def matches(doc: Document, pattern: re.Pattern) -> Iterator[tuple[re.Match, list[Evidence]]]:
    """Every match of ``pattern`` in the narrative, with the quoted text as evidence."""
    for p in text_paragraphs(doc):
        for m in pattern.finditer(p.text):
            source = ref(doc, p.line_at(m.start()))
            yield m, [Evidence(label="原文", source=source, raw=m.group(0))]
