"""Terms the department defines in its 名词解释 section (term -> definition).

The site links each indicator to the document's own definition, because departments do not
define the same words the same way (财政拨款收入 is 区级, 县级 or 市级 money depending on who
writes). Definitions wrap across lines in the conversions ("…“事" / "业收入”…"), so wrapped
lines are re-joined without a separator; numbering ("一、", "1、", "（一）") is not part of a term.
"""

from __future__ import annotations

import re

from generator.model import GlossaryEntry, Line, SourceRef
from generator.read.blocks import Block
from generator.read.sections import PART, plain, table_lines, toc_range

_CN = "一二三四五六七八九十"
_NUMBERING = re.compile(
    rf"^\s*(?:[{_CN}]+\s*、|\d{{1,2}}\s*[、.．]|[（(]\s*(?:[{_CN}]+|\d+)\s*[）)])\s*"
)
_HEADING = re.compile(rf"^(?:第[{_CN}]+部分\s*[:：]?\s*|[{_CN}]+、\s*)?名词解释\s*[:：]?$")
_ENTRY = re.compile(r"^(?P<term>[^：:。，]{1,30}?)\s*[：:]\s*(?P<def>.*)$")
_STOP = re.compile(r"^(?:附件|附表|第[一二三四五六七八九十]+部分)")


def glossary_range(lines: list[Line], blocks: list[Block] | None = None) -> tuple[int, int] | None:
    """(heading line, last line) of the 名词解释 section, outside the 目录; None if absent."""
    tables = table_lines(lines, blocks)
    toc = toc_range(lines, tables)
    start = None
    for i, ln in enumerate(lines):
        if toc and toc[0] <= ln.number <= toc[1]:
            continue
        if ln.number in tables:
            continue
        t = plain(ln.text)
        if not t:
            continue
        if _HEADING.match(t.replace(" ", "")):
            start = i
            break
        # "第三部分" alone, with 名词解释 on the next non-blank line
        if PART.fullmatch(t.replace(" ", "")):
            nxt = next((x for x in lines[i + 1 : i + 4] if x.text.strip()), None)
            if nxt is not None and plain(nxt.text).replace(" ", "") == "名词解释":
                start = lines.index(nxt)
                break
    if start is None:
        return None
    last = lines[start].number
    prev = ""
    for ln in lines[start + 1 :]:
        t = plain(ln.text)
        if not t:
            continue
        if ln.number in tables or _ends_glossary(t):
            break
        if prev.endswith(("。", "；", ";")) and not _NUMBERING.match(t) and not _ENTRY.match(t):
            break  # an unnumbered line after a finished definition: the next section
        last, prev = ln.number, t
    return lines[start].number, last


def _ends_glossary(t: str) -> bool:
    if _STOP.match(t):
        return True
    if re.match(r"^(?:金额)?单位\s*[:：]", t):
        return True
    return t.endswith("表") and len(t) <= 40 and "：" not in t and ":" not in t


def read_glossary(
    source: str, lines: list[Line], blocks: list[Block] | None = None
) -> list[GlossaryEntry]:
    """The 名词解释 entries, each with the line where its term is printed."""
    try:
        return _entries(source, lines, glossary_range(lines, blocks))
    except MemoryError:
        raise  # a file that exhausts memory is refused whole, not read in part
    except Exception:  # noqa: BLE001 - a glossary is never worth a failure
        return []


def _entries(source: str, lines: list[Line], rng: tuple[int, int] | None) -> list[GlossaryEntry]:
    if rng is None:
        return []
    entries: list[GlossaryEntry] = []
    for ln in lines:
        if ln.number <= rng[0] or ln.number > rng[1]:
            continue
        t = plain(ln.text)
        if not t:
            continue
        numbered = _NUMBERING.match(t)
        body = t[numbered.end() :] if numbered else t
        m = _ENTRY.match(body)
        if m and (numbered or not entries):
            entries.append(
                GlossaryEntry(
                    term=m.group("term").strip(),
                    definition=m.group("def").strip(),
                    source=SourceRef(file=source, line=ln.number, page=ln.page, text=t),
                )
            )
        elif entries:
            entries[-1].definition += t  # a definition wrapped onto the next line
    return entries
