"""Classification codes (功能分类 类/款/项, 经济分类 部门 301… / 政府 501…) however printed.

Tables print the same code as three columns (``208 ⇥ 01 ⇥ 09``), joined (``2101501``), as a
class and section (``301 ⇥ 02``) or prefixed to the name (``201 一般公共服务支出``). Comparing
counties and years needs one form, so every code becomes a ``Code`` split into 类/款/项.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from generator.model import Code

DATA = Path(__file__).resolve().parent.parent / "data"
_JOINED = re.compile(r"^(\d{3})(\d{2})?(\d{2})?$")
_SPACED = re.compile(r"^(\d{3})\s+(\d{2})(?:\s+(\d{2}))?$")
# the name must not start with a digit separator: "371,514,655.00" is an amount, not code 371
_WITH_NAME = re.compile(r"^(\d{3}(?:\d{2}){0,2})\s*([^\d\s,.，．].*)$")


@lru_cache(maxsize=1)
def names() -> dict[tuple[str, str], str]:
    """(scheme, code) -> name, from the reference lists shipped in generator/data."""
    table: dict[tuple[str, str], str] = {}
    with open(DATA / "functional_codes.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            table[("functional", row["code"])] = row["name"]
    with open(DATA / "economic_codes.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            scheme = "economic_dept" if row["scheme"] == "部门" else "economic_gov"
            table[(scheme, row["code"])] = row["name"]
    return table


def scheme_of(digits: str) -> str | None:
    """The scheme a digit string belongs to, or None if it is not a classification code."""
    if len(digits) not in (3, 5, 7):
        return None
    head = digits[0]
    if head == "2" and len(digits) in (3, 5, 7):
        return "functional"
    if head == "3" and len(digits) in (3, 5):
        return "economic_dept"
    if head == "5" and len(digits) in (3, 5):
        return "economic_gov"
    return None


def _make(raw: str, cls: str, sec: str | None, item: str | None) -> Code | None:
    scheme = scheme_of(cls + (sec or "") + (item or ""))
    if scheme is None:
        return None
    return Code(raw=raw, scheme=scheme, class_=cls, section=sec, item=item)  # type: ignore[arg-type]


def parse_code(text: str) -> Code | None:
    """'2101501' / '210 15 01' / '30101' / '201 一般公共服务支出' -> Code; anything else None."""
    t = text.strip()
    if not t:
        return None
    m = _JOINED.match(t) or _SPACED.match(t)
    if m:
        return _make(t, m[1], m[2], m[3])
    m = _WITH_NAME.match(t)
    if m:
        digits = m[1]
        return _make(digits, digits[:3], digits[3:5] or None, digits[5:7] or None)
    return None


def split_name(text: str) -> tuple[Code | None, str]:
    """'201 一般公共服务支出' -> (Code 201, '一般公共服务支出'); other text -> (None, text)."""
    m = _WITH_NAME.match(text.strip())
    if m:
        code = parse_code(m[1])
        if code is not None:
            return code, m[2].strip()
    return None, text.strip()


_THREE_DIGITS = re.compile(r"\d{3}")
_TWO_DIGITS = re.compile(r"\d{2}")


def row_code(texts: list[str]) -> tuple[Code | None, list[int]]:
    """The code at the start of a table row and the indices of the cells that printed it.

    Looks at the first non-empty cell among the first three: class/section/item columns
    (``208|01|09``, ``301|02``), a joined code, or a code followed by its name.
    """
    start = next((k for k, t in enumerate(texts[:3]) if t.strip()), None)
    if start is None:
        return None, []
    first = texts[start].strip()
    if _THREE_DIGITS.fullmatch(first) and scheme_of(first):
        parts = [first]
        used = [start]
        for k in (start + 1, start + 2):
            if k < len(texts) and _TWO_DIGITS.fullmatch(texts[k].strip()):
                parts.append(texts[k].strip())
                used.append(k)
            else:
                break
        raw = " ".join(parts)
        code = _make(
            raw,
            parts[0],
            parts[1] if len(parts) > 1 else None,
            parts[2] if len(parts) > 2 else None,
        )
        return (code, used) if code else (None, [])
    code = parse_code(first)
    if code is not None:
        return code, [start]
    return None, []


def name_of(code: Code) -> str | None:
    """The reference name of a code (None when the reference lists do not have it)."""
    return names().get((code.scheme, code.full))


def functional_names() -> dict[str, str]:
    """Current 类 (class) names of the functional scheme by code."""
    return {c: n for (scheme, c), n in names().items() if scheme == "functional" and len(c) == 3}


# Former names of a 类 still printed by some templates (医疗卫生与计划生育 -> 卫生健康); the
# reference list notes each rename. One table for the reader, the checks and the charts.
FORMER_CLASS_NAMES = {
    "医疗卫生与计划生育": "210",
    "医疗卫生": "210",
    "城乡社区事务": "212",
    "资源勘探信息等": "215",
    "文化体育与传媒": "207",
    "文化旅游体育与传媒": "207",
}


def functional_class_of(label: str) -> str | None:
    """The 类 code a summary-table label names ("十、卫生健康", "(八) 社会保障和就业支出")."""
    name = re.sub(r"^[（(]?[一二三四五六七八九十]+[）)、.]?\s*", "", label.strip())
    name = name.replace(" ", "")
    if not name:
        return None
    for former, code in FORMER_CLASS_NAMES.items():
        if name.startswith(former):
            return code
    for code, current in functional_names().items():
        base = current.removesuffix("支出")
        if name in (current, base) or (len(name) >= 4 and current.startswith(name)):
            return code
    return None
