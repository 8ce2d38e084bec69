"""Table headers: which rows are header, and one flattened name per column.

Published headers span several rows with merged cells (基本支出 over 小计 | 人员经费 |
公用经费), carry rows of column numbers (栏次 1 2 3), and columns of codes (类 款 项, 单位代码,
行次) whose digits are not money. Naming every column by its path through the header lets the
indicator reader find "基本支出/小计" however the header was drawn.
"""

from __future__ import annotations

import re

from generator.read import codes
from generator.read.numbers import find_unit, parse_amount

_SPACES = re.compile(r"[\s\u3000]+")
LEADING_ZERO_ID = re.compile(r"^0\d+$|^\d{8,}$")  # unit / project codes, not figures
_EXCLUDED_EXACT = {"类", "款", "项", "序号", "**", "栏次", "行次"}
_EXCLUDED_PART = ("编码", "代码", "行次", "栏次", "行 次", "栏 次")
MAX_HEADER_ROWS = 5


def excluded_columns(header: list[list[str]], columns: list[str]) -> set[int]:
    out: set[int] = set()
    for row in header:
        for j, text in enumerate(row):
            t = _SPACES.sub("", text)
            if t in _EXCLUDED_EXACT or any(p in t for p in _EXCLUDED_PART):
                out.add(j)
    return out


def column_numbers(texts: list[str]) -> bool:
    """A row of column numbers (1 2 3 …, 栏次, 类 款 项 1 2 3) is header, not data."""
    cells = [_SPACES.sub("", t) for t in texts if t.strip()]
    if any(t.startswith("栏次") for t in cells):
        return True
    nums = [t for t in cells if t.isdigit()]
    others = [t for t in cells if not t.isdigit()]
    if len(nums) < 2 or any(t not in _EXCLUDED_EXACT for t in others):
        return False
    values = [int(t) for t in nums]
    return values == list(range(values[0], values[0] + len(values)))


def _is_data(texts: list[str]) -> bool:
    if column_numbers(texts):
        return False
    code, used = codes.row_code(texts)
    if code is not None:
        return True
    return any(
        parse_amount(t) is not None and not LEADING_ZERO_ID.match(t.strip()) for t in texts if t
    )


def header_count(texts: list[list[str]]) -> int:
    for k, row in enumerate(texts):
        if _is_data(row):
            return k if k <= MAX_HEADER_ROWS else 0
    return 0


def flatten_header(header: list[list[str]], width: int) -> list[str]:
    """One name per column: the header texts above it, top-down, spanning cells filled right.

    A header cell spans to the right over empty cells as long as some lower header row names a
    sub-column there (基本支出 over 小计 | 人员经费 | 公用经费); rows of column numbers do not
    count as names.
    """
    named = [list(row) + [""] * (width - len(row)) for row in header if not column_numbers(row)]
    filled: list[list[str]] = []
    for r, row in enumerate(named):
        out = []
        carry = ""
        for j, text in enumerate(row):
            if text:
                carry = text
                out.append(text)
            elif carry and any(lower[j] for lower in named[r + 1 :]):
                out.append(carry)
            else:
                carry = ""
                out.append("")
        filled.append(out)
    columns = []
    for j in range(width):
        parts: list[str] = []
        for row in filled:
            t = _SPACES.sub("", row[j])
            if t and t != "**" and not t.isdigit() and t not in parts:
                parts.append(t)
        columns.append("/".join(parts))
    return columns


_BRACKETED_UNIT = re.compile(r"[（(]\s*(?:金额)?(?:单位[:：])?\s*(亿元|万元|千元|元)\s*[）)]")


def column_units(header: list[list[str]], width: int) -> list[str | None]:
    """The unit each column's own header declares ('金额（万元）', '预算数(元)', '单位：元').

    A header cell spanning several columns (its text is carried right over empty cells as
    in flatten_header) declares the unit of each of them.
    """
    units: list[str | None] = [None] * width
    for row in header:
        carry: str | None = None
        for j in range(width):
            text = row[j] if j < len(row) else ""
            if text:
                carry = _unit_of(text)
            if carry and units[j] is None:
                units[j] = carry
    return units


def _unit_of(text: str) -> str | None:
    m = _BRACKETED_UNIT.search(text)
    if m:
        return m[1]
    decl = find_unit(text)
    return decl.unit if decl is not None else None
