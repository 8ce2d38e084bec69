"""The outline of a disclosure (parts, sections, sub-sections) and its table of contents.

The 目录 matters twice: it is how a visitor navigates a long document, and it lists the tables
the department *claims* to publish, which the checks compare with the tables actually found
(seed 002 lists tables that are absent from its body). The 目录 block itself is not part of
the outline: its entries would otherwise appear twice.
"""

from __future__ import annotations

import re

from generator.model import Line, Section, Table, TocEntry
from generator.read.blocks import Block, Grid
from generator.read.table_kinds import match_title as _match_title

_CN = "一二三四五六七八九十"
PART = re.compile(rf"^第[{_CN}]+部分")
LEVEL2 = re.compile(rf"^[{_CN}]+\s*、")
LEVEL3 = re.compile(rf"^[（(]\s*[{_CN}]+\s*[）)]")
LEVEL4 = re.compile(r"^\d{1,2}\s*(?:[、．]|\.(?!\d))")
TOC_TITLE = re.compile(r"^目\s*录$")
_BULLET = re.compile(r"^[-•·●]\s*")
_MAX_HEADING = 40
_AMOUNT = re.compile(r"\d\s*(?:万元|亿元|元|%)")


def table_lines(lines: list[Line], blocks: list[Block] | None = None) -> set[int]:
    """Numbers of the lines printed inside tables.

    With the layout's blocks these are the grids' line ranges (a PDF table row need not
    contain a tab); without them, the tab-separated rows of a text conversion.
    """
    if blocks is None:
        return {ln.number for ln in lines if "\t" in ln.text}
    out: set[int] = set()
    for b in blocks:
        if isinstance(b, Grid):
            out.update(range(b.line, b.end_line + 1))
    return out


# A run of blanks holding a tab, matched only from the run's first character: anchored on the
# tab alone, the pattern would rescan a long run of spaces from every position in it.
_GAP = re.compile(r"(?<![ \t])[ \t]*\t[ \t]*")


def plain(text: str) -> str:
    """A line outside tables with its wide gaps (tabs in PDF text) read as spaces."""
    return _GAP.sub(" ", text).strip() if "\t" in text else text.strip()


def heading_level(text: str) -> int | None:
    """1 for 第一部分, 2 for 一、, 3 for （一）/(一), 4 for 1./1、; None for anything else."""
    t = text.strip()
    if PART.match(t):
        return 1
    if LEVEL2.match(t):
        return 2
    if LEVEL3.match(t):
        return 3
    if LEVEL4.match(t):
        return 4
    return None


def _key(text: str) -> str:
    """What identifies a heading across the 目录 and the body ("第一部分", "一、")."""
    t = _BULLET.sub("", text.strip())
    m = PART.match(t)
    if m:
        return m.group(0)
    return re.sub(r"\s+", "", t)


def toc_range(lines: list[Line], tables: set[int] | None = None) -> tuple[int, int] | None:
    """(first, last) line numbers of the 目录 block, or None when there is no 目录."""
    tables = table_lines(lines) if tables is None else tables
    start = None
    for i, ln in enumerate(lines[:400]):
        if ln.number not in tables and TOC_TITLE.match(plain(ln.text)):
            start = i
            break
    if start is None:
        return None
    seen: set[str] = set()
    first_key: str | None = None
    last = start
    for ln in lines[start + 1 :]:
        t = _toc_text(ln.text)
        if not t:
            continue
        if ln.number in tables or len(t) > 60:
            break
        key = _key(t)
        numbered = heading_level(t) is not None or t.startswith("附件") or t.startswith("附表")
        if first_key is not None and (key == first_key or (PART.match(t) and key in seen)):
            break  # the body starts: its first heading repeats the 目录's first entry
        if first_key is not None and PART.match(t) and not any(PART.match(k) for k in seen):
            break  # a 目录 of sections only, then the body's first part
        if not numbered and not (_is_table_title(t) or len(t) <= 10):
            break
        if first_key is None:
            first_key = key
        seen.add(key)
        last = ln.number
    return lines[start].number, last


def _toc_text(text: str) -> str:
    """A 目录 line without its bullet and page number ("一、收入支出决算总表……3")."""
    t = _BULLET.sub("", plain(text))
    return re.sub(r"(?:[.…·．]{2,}|\s)\s*\d{1,3}$", "", t).strip()


def _is_table_title(t: str) -> bool:
    return t.endswith("表") and 4 <= len(t) <= 40


def read_sections(
    lines: list[Line], blocks: list[Block] | None = None
) -> tuple[list[Section], list[TocEntry]]:
    """The section tree (without the 目录 block and tables) and the 目录 entries."""
    try:
        tables = table_lines(lines, blocks)
        rng = toc_range(lines, tables)
        return _sections(lines, rng, tables, blocks is None), _toc(lines, rng)
    except MemoryError:
        raise  # a file that exhausts memory is refused whole, not read in part
    except Exception:  # noqa: BLE001 - an outline is a convenience, never a reason to fail
        return [], []


def _toc(lines: list[Line], rng: tuple[int, int] | None) -> list[TocEntry]:
    if rng is None:
        return []
    entries: list[TocEntry] = []
    for ln in lines:
        if ln.number <= rng[0] or ln.number > rng[1]:
            continue
        t = _toc_text(ln.text)
        if not t:
            continue
        numbered = heading_level(t) is not None or t.startswith(("附件", "附表"))
        if entries and not numbered and not _is_table_title(t) and len(t) <= 10:
            entries[-1].title += t  # a title wrapped onto the next line (PDF)
            entries[-1].table_id = table_id(entries[-1].title)
            continue
        entries.append(TocEntry(title=t, line=ln.number, table_id=table_id(t)))
    return entries


def table_id(title: str) -> str | None:
    """Standard-table id of a 目录 entry that names a table ("一、部门收支总体情况表")."""
    t = re.sub(rf"^(?:[{_CN}]+、|\d+[.．、]\s*|[（(][{_CN}]+[）)])\s*", "", title.strip())
    if not (t.endswith("表") or "表（" in t or "表(" in t):
        return None
    try:
        return _match_title(t)
    except MemoryError:
        raise  # a file that exhausts memory is refused whole, not read in part
    except Exception:  # noqa: BLE001
        return None


def mark_found(toc: list[TocEntry], tables: list[Table]) -> None:
    """Set TocEntry.found for entries naming a standard table: is that table in the body?"""
    present = {t.id for t in tables if t.id}
    for entry in toc:
        if entry.table_id:
            entry.found = entry.table_id in present


def _sections(
    lines: list[Line], rng: tuple[int, int] | None, tables: set[int], tab_rows: bool
) -> list[Section]:
    roots: list[Section] = []
    stack: list[Section] = []
    rejected: set[int] = set()  # levels whose numbered items are paragraphs (a list, not headings)
    n = len(lines)
    for i, ln in enumerate(lines):
        if rng and rng[0] <= ln.number <= rng[1]:
            continue
        if ln.number in tables:
            continue
        if tab_rows and i and lines[i - 1].number in tables:
            continue  # a table cell continued on the next line, not a heading
        t = _BULLET.sub("", plain(ln.text))
        level = heading_level(t)
        if level is None:
            continue
        title = _heading_title(t, level)
        if title is None or level in rejected:
            rejected.add(level)
            continue
        rejected = {lv for lv in rejected if lv < level}
        if level == 1 and PART.fullmatch(title):  # "第一部分" alone: its name is on the next line
            nxt = _next_text(lines, i + 1, n, tables)
            if nxt is not None and heading_level(nxt) is None and len(nxt) <= _MAX_HEADING:
                title = f"{title} {nxt}"
        sec = Section(title=title, level=level, line=ln.number)
        while stack and stack[-1].level >= level:
            stack.pop()
        (stack[-1].children if stack else roots).append(sec)
        stack.append(sec)
    return roots


def _heading_title(t: str, level: int) -> str | None:
    """The heading text, or None when the numbered line is a paragraph (a list item)."""
    if t.endswith(("；", ";", "，")):
        return None  # an enumerated list item
    if len(t) <= _MAX_HEADING and not t.endswith("。"):
        head = t
    elif level > 1:
        # "（一）机关运行经费支出情况。2020年度…": the heading is the first sentence
        head = re.split(r"[。；;]", t, maxsplit=1)[0]
        if len(head) > 24 or "，" in head:
            return None
    else:
        return None
    if _AMOUNT.search(head):
        return None  # "（一）因公出国（境）费0.0万元": a statement, not a heading
    body = PART.sub("", head, count=1) if level == 1 else head
    colon = re.search(r"[：:]", body)
    if level > 1 and colon and colon.end() < len(body.rstrip()):
        return None  # "五、其他收入：是指…": a definition or a labelled item
    return head


def _next_text(lines: list[Line], start: int, n: int, tables: set[int]) -> str | None:
    for ln in lines[start : min(n, start + 4)]:
        if ln.text.strip():
            return plain(ln.text) if ln.number not in tables else None
    return None


def walk(sections: list[Section]):
    """Every section of a tree, depth first (for tests and renderers)."""
    for s in sections:
        yield s
        yield from walk(s.children)
