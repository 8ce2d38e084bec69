"""Printed numbers -> exact Decimals, and 指标值 texts -> operator, number, unit.

Published figures are sacred: a cell is either a number exactly as printed (``Decimal``,
never float) or nothing. An empty cell or a dash means "nothing printed" (None), which is not
the same as a printed ``0``/``0.0`` (Decimal 0): absent is not zero.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from generator.model import to_wan  # noqa: F401  (the one 元 -> 万元 conversion, in the model)
from generator.read.source import normalise

_AMOUNT_START = set("0123456789.-−０１２３４５６７８９－")
NOTHING = {"", "-", "—", "——", "–", "－", "―", "/", "／", "…", "……"}
MONEY_UNITS = ("亿元", "万元", "千元", "元")
_AMOUNT = re.compile(
    r"^(?P<sign>[-−]?)\s*(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"\s*(?P<unit>亿元|万元|千元|元)?$"
)


def split_amount(text: str | None) -> tuple[Decimal | None, str | None]:
    """'4,300,085.06 元' -> (Decimal('4300085.06'), '元'); non-numbers -> (None, None)."""
    if not text:
        return None, None
    s = text.strip()
    if not s or s[0] not in _AMOUNT_START:
        return None, None  # fast path: most cells are labels
    s = normalise(s).replace("\u3000", "").replace("\u00a0", " ")
    if s in NOTHING:
        return None, None
    m = _AMOUNT.match(s)
    if not m:
        return None, None
    try:
        value = Decimal(m["num"].replace(",", ""))
    except InvalidOperation:
        return None, None
    if m["sign"]:
        value = -value
    return value, m["unit"]


def parse_amount(text: str | None) -> Decimal | None:
    """The number printed in a money cell, in whatever unit the table declares, or None."""
    return split_amount(text)[0]


# --- units declared above tables -------------------------------------------------------

_UNIT_DECL = re.compile(r"(?:金额)?单位\s*[:：]\s*(?P<unit>[^\s，,。；;）)]*)")


@dataclass
class UnitDecl:
    unit: str | None  # canonical "万元" / "元" / "千元" / "亿元"; None: declared on the next line
    printed: str  # the text as printed after 单位：
    truncated: bool = False  # "单位：万" read as 万元


def find_unit(text: str) -> UnitDecl | None:
    """A money unit declared in a line ('单位：万元', '金额单位：元', '（单位：万元）').

    '单位：' with nothing after it returns UnitDecl(None, '') so the caller can look at the next
    line (the unit broken over two lines). '单位：济源…局' (单位 meaning *unit/department*) is
    not a unit declaration and returns None. '单位：万' — a truncated 万元 — is taken as 万元,
    flagged ``truncated`` so that the reader reports it: in a money table 万 can mean nothing
    else, and refusing it would lose every figure of the table.
    """
    m = _UNIT_DECL.search(text)
    if not m:
        return None
    printed = m["unit"].strip()
    if printed == "":
        rest = text[m.end() :].strip()
        return UnitDecl(None, "") if not rest else None
    return unit_word(printed)


def unit_word(word: str) -> UnitDecl | None:
    """'万元' / '元' / '万' (truncated) alone -> UnitDecl, anything else -> None."""
    w = word.strip().strip("()（）")
    if w in MONEY_UNITS:
        return UnitDecl(w, word)
    if w == "万":
        return UnitDecl("万元", word, truncated=True)
    return None


# --- 指标值 -------------------------------------------------------------------------------

_OPERATORS = {
    "≥": "≥",
    ">=": "≥",
    "＞=": "≥",
    "≧": "≥",
    "≤": "≤",
    "<=": "≤",
    "＜=": "≤",
    "≦": "≤",
    "=": "=",
    "＝": "=",
    ">": ">",
    "＞": ">",
    "<": "<",
    "＜": "<",
    "不低于": "≥",
    "不少于": "≥",
    "不小于": "≥",
    "大于等于": "≥",
    "高于": ">",
    "大于": ">",
    "不高于": "≤",
    "不超过": "≤",
    "不大于": "≤",
    "小于等于": "≤",
    "低于": "<",
    "小于": "<",
}
_OP_RE = "|".join(sorted((re.escape(k) for k in _OPERATORS), key=len, reverse=True))
_VALUE = re.compile(
    rf"^(?P<op>{_OP_RE})?\s*(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<rest>.*)$"
)
UNITS = (
    "百分比",
    "%",
    "‰",
    "万元",
    "亿元",
    "千元",
    "元",
    "万人次",
    "万人",
    "人次",
    "人",
    "次",
    "个月",
    "月",
    "天",
    "日",
    "小时",
    "分钟",
    "年",
    "周",
    "条",
    "个",
    "家",
    "户",
    "项",
    "份",
    "辆",
    "台",
    "套",
    "件",
    "所",
    "篇",
    "期",
    "场",
    "批",
    "张",
    "亩",
    "平方米",
    "公里",
    "笔",
    "本",
    "册",
    "名",
    "元/人",
    "元/人/年",
    "工作日",
    "分",
    "类",
    "种",
    "座",
    "处",
)
_UNIT_SET = set(UNITS)
_SUFFIX_OPS = {"以上": "≥", "及以上": "≥", "以下": "≤", "及以下": "≤", "以内": "≤"}


@dataclass
class IndicatorValue:
    operator: str | None
    number: Decimal | None
    unit: str | None
    raw: str


def parse_indicator_value(text: str) -> IndicatorValue:
    """'≥90%' -> ('≥', 90, '%'); '2月份之前完成' stays text (number None).

    A number is taken only when what follows it is nothing or a unit (optionally with 以上 /
    以下 / 以内, which give the operator). A number followed by more words — a deadline such as
    '2月份之前完成' or '12 月底前' — is a textual target: reading it as "2 months" would invent
    a meaning the document does not state.
    """
    raw = text
    s = normalise(text).strip().replace("\u3000", " ")
    m = _VALUE.match(s)
    if not m:
        return IndicatorValue(None, None, None, raw)
    op = _OPERATORS.get(m["op"]) if m["op"] else None
    rest = m["rest"].strip()
    for suffix, suffix_op in _SUFFIX_OPS.items():
        if rest.endswith(suffix) and op is None:
            rest, op = rest[: -len(suffix)].strip(), suffix_op
            break
    if rest and rest not in _UNIT_SET:
        return IndicatorValue(op if m["op"] else None, None, None, raw)
    try:
        number = Decimal(m["num"].replace(",", ""))
    except InvalidOperation:
        return IndicatorValue(None, None, None, raw)
    return IndicatorValue(op, number, rest or None, raw)
