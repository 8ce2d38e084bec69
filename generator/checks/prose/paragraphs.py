"""The narrative as paragraphs of plain text, for the rules that check the wording itself.

Template residue ("增加（减少）"), placeholders, a reason left empty or a share without "%"
are defects of the text, not of its figures, so these rules scan the narrative lines rather
than the reader's statements. The paragraphs come from the reader's one splitter
(read/narrative_text.paragraphs) with its ``SENTENCES`` joining: every line outside tables,
the 目录 included (its placeholders are defects too), a sentence broken over several lines
joined back until its "。", each character keeping its line so evidence points at the right
one. Why not the reader's own paragraphs is measured there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.checks.evidence import ref
from generator.checks.memo import once
from generator.checks.model import Evidence
from generator.model import Document
from generator.read.narrative_text import SENTENCES, Para, paragraphs


def _table_lines(doc: Document) -> set[int]:
    taken: set[int] = set()
    for t in doc.tables:
        end = t.end_line or (max((r.line for r in t.rows), default=t.line))
        taken.update(range(t.line, end + 1))
        for part in t.parts:
            taken.add(part)
    return taken


def text_paragraphs(doc: Document) -> list[Para]:
    """The narrative lines outside tables, wrapped sentences joined (computed once per doc)."""
    return once(doc, "text_paragraphs", lambda: _text_paragraphs(doc))


def _text_paragraphs(doc: Document) -> list[Para]:
    skip = _table_lines(doc) | {ln.number for ln in doc.lines if "\t" in ln.text}
    return paragraphs(doc.lines, skip, SENTENCES)


def matches(doc: Document, pattern: re.Pattern) -> Iterator[tuple[re.Match, list[Evidence]]]:
    """Every match of ``pattern`` in the narrative, with the quoted text as evidence."""
    for p in text_paragraphs(doc):
        for m in pattern.finditer(p.text):
            source = ref(doc, p.line_at(m.start()).number)
            yield m, [Evidence(label="原文", source=source, raw=m.group(0))]
