"""Notice a document that was cut short (a partial download, a half-copied conversion).

A truncated disclosure still reads — its first tables are as good as ever — so nothing fails;
but a reader who sees no 名词解释 and no narrative must learn that the file stops early, not
that the department published less. The document's own 目录 is the witness: parts it promises
after the last part the body reaches were never seen, and neither were the tables it lists
after the last table found when the text stops right at that table. (A table missing from the
middle of the list is the department's omission, reported by the completeness checks.)
"""

from __future__ import annotations

import re

from generator.model import Line, Problem, Section, Table, TocEntry

_PART = re.compile(r"^\s*第\s*([一二三四五六七八九十]+)\s*部分")
_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _part_number(title: str) -> int | None:
    m = _PART.match(title)
    if not m:
        return None
    text = m.group(1)
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _DIGITS.get(text[1:], 0)
    if text.endswith("十"):
        return _DIGITS.get(text[0], 0) * 10
    if "十" in text:
        tens, ones = text.split("十")
        return _DIGITS.get(tens, 0) * 10 + _DIGITS.get(ones, 0)
    return _DIGITS.get(text)


def cut_short_problems(
    source: str, toc: list[TocEntry], sections: list[Section], last_line: int
) -> list[Problem]:
    """A warning when the 目录 lists parts after the last part the body contains."""
    listed = [(n, e) for e in toc if (n := _part_number(e.title)) is not None]
    present = [n for s in sections if s.level == 1 and (n := _part_number(s.title)) is not None]
    if not listed or not present:
        return []
    last_present = max(present)
    missing = [e for n, e in listed if n > last_present]
    if not missing:
        return []
    names = "、".join(e.title.strip() for e in missing)
    toc_line = missing[0].line
    return [
        Problem(
            "warning",
            f"the document seems cut short: its 目录 (line {toc_line}) lists {names}, "
            f"but the text ends at line {last_line} before reaching "
            f"{'it' if len(missing) == 1 else 'them'}",
            source,
            line=last_line,
            message_zh=f"文件似乎不完整：目录（第 {toc_line} 行）列出了{names}，"
            f"但正文在第 {last_line} 行就结束了，"
            f"没有{'这一部分' if len(missing) == 1 else '这些部分'}",
        )
    ]


_TAIL = 5  # non-blank lines a complete document may print after its last table (a note, a date)
_BODYLESS = 60  # lines after the 目录 within which a text that holds none of its tables ends


def missing_tables_problems(
    source: str, toc: list[TocEntry], tables: list[Table], lines: list[Line]
) -> list[Problem]:
    """A warning when the 目录's last tables are absent and the text stops at the last table
    found (or right after the 目录): the file was cut, not the tables left out."""
    listed = [e for e in toc if e.table_id]
    if not listed or not lines or listed[-1].found is not False:
        return []
    found = [k for k, e in enumerate(listed) if e.found]
    missing = listed[found[-1] + 1 :] if found else listed
    last_line = lines[-1].number
    if found:
        table_end = max((t.end_line or t.line) for t in tables)
        after = sum(1 for ln in lines if ln.number > table_end and ln.text.strip())
        if after > _TAIL:
            return []
    elif last_line - max(e.line for e in toc) > _BODYLESS:
        return []
    names = "、".join(e.title.strip() for e in missing[:3]) + ("等" if len(missing) > 3 else "")
    return [
        Problem(
            "warning",
            f"the document seems cut short: its 目录 (line {missing[0].line}) lists "
            f"{len(missing)} more table(s) ({names}), but the text ends at line {last_line} "
            "without them",
            source,
            line=last_line,
            message_zh=f"文件似乎不完整：目录（第 {missing[0].line} 行）还列出了 {len(missing)} "
            f"张表（{names}），但正文在第 {last_line} 行就结束了，没有这些表",
        )
    ]
