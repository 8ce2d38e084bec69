"""Notice a document that was cut short (a partial download, a half-copied conversion).

A truncated disclosure still reads — its first tables are as good as ever — so nothing fails;
but a reader who sees no 名词解释 and no narrative must learn that the file stops early, not
that the department published less. The document's own 目录 is the witness: parts it promises
after the last part the body reaches were never seen.
"""

from __future__ import annotations

import re

from generator.model import Problem, Section, TocEntry

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
