"""Bytes -> clean text lines, with the input file's line numbering kept 1:1.

Decoding (UTF-8, GBK/GB18030, UTF-16/32, mixed and damaged files) is ``encoding.decode``; a
GBK copy must read exactly like the UTF-8 original. Every figure keeps the line number it was
printed on, so cleaning never adds or removes a line.

Normalisation is deliberately narrow: full-width digits and the separators *inside numbers*
(３，５１８.８５ -> 3,518.85) and radical look-alikes that PDF/Word conversions put in place of
ideographs (⻔ -> 门). Chinese full-width punctuation used as text (（）：，) is left alone,
because the documents and their labels are written with it.
"""

from __future__ import annotations

import re

from generator.model import Line
from generator.read import noise
from generator.read.encoding import decode

# Kangxi radicals (U+2F00–U+2FD5) have NFKC mappings; the CJK Radicals Supplement
# (U+2E80–U+2EF3) mostly does not, so the look-alikes seen in conversions are listed here.
_RADICALS_SUPPLEMENT = {
    "⺁": "厂",
    "⺇": "几",
    "⺊": "卜",
    "⺋": "㔾",
    "⺌": "小",
    "⺍": "小",
    "⺎": "兀",
    "⺏": "尢",
    "⺒": "巳",
    "⺓": "幺",
    "⺔": "彐",
    "⺖": "忄",
    "⺘": "扌",
    "⺙": "攵",
    "⺛": "旡",
    "⺜": "日",
    "⺝": "月",
    "⺞": "歺",
    "⺟": "母",
    "⺠": "民",
    "⺡": "氵",
    "⺣": "灬",
    "⺤": "爫",
    "⺦": "丬",
    "⺨": "犭",
    "⺩": "王",
    "⺪": "疋",
    "⺫": "罒",
    "⺬": "示",
    "⺭": "礻",
    "⺯": "糹",
    "⺰": "纟",
    "⺱": "罒",
    "⺲": "罒",
    "⺹": "耂",
    "⺻": "聿",
    "⺼": "月",
    "⺽": "臼",
    "⺾": "艹",
    "⺿": "艹",
    "⻀": "艹",
    "⻂": "衤",
    "⻃": "覀",
    "⻄": "西",
    "⻅": "见",
    "⻆": "角",
    "⻈": "讠",
    "⻉": "贝",
    "⻋": "车",
    "⻌": "辶",
    "⻍": "辶",
    "⻎": "辶",
    "⻏": "阝",
    "⻐": "钅",
    "⻒": "镸",
    "⻓": "长",
    "⻔": "门",
    "⻖": "阝",
    "⻗": "雨",
    "⻘": "青",
    "⻙": "韦",
    "⻚": "页",
    "⻛": "风",
    "⻜": "飞",
    "⻝": "食",
    "⻟": "食",
    "⻠": "饣",
    "⻡": "首",
    "⻢": "马",
    "⻣": "骨",
    "⻤": "鬼",
    "⻥": "鱼",
    "⻦": "鸟",
    "⻧": "卤",
    "⻨": "麦",
    "⻩": "黄",
    "⻪": "黾",
    "⻫": "斉",
    "⻬": "齐",
    "⻭": "歯",
    "⻮": "齿",
    "⻯": "竜",
    "⻰": "龙",
    "⻲": "亀",
    "⻳": "龟",
}

__all__ = ["decode", "normalise", "to_lines"]


def _radical_table() -> dict[int, str]:
    import unicodedata

    table = {ord(k): v for k, v in _RADICALS_SUPPLEMENT.items()}
    for cp in range(0x2F00, 0x2FD6):
        table[cp] = unicodedata.normalize("NFKC", chr(cp))
    for cp in range(0xFF10, 0xFF1A):  # full-width digits are always digits
        table[cp] = chr(cp - 0xFF10 + 0x30)
    return table


_TRANSLATE = _radical_table()
_NEEDS_TRANSLATE = re.compile(r"[\u2e80-\u2fdf\uff10-\uff19]")
# Separators inside numbers only: 3，518 -> 3,518; 8．85 -> 8.85; 90％ -> 90%; －1.5 -> -1.5
_FW_COMMA = re.compile(r"(?<=\d)，(?=\d{3}(?!\d))")
_FW_POINT = re.compile(r"(?<=\d)．(?=\d)")
_FW_PERCENT = re.compile(r"(?<=\d)％")
_FW_MINUS = re.compile(r"(?:(?<=^)|(?<=[\s\t]))－(?=\d)")
_LINE_BREAK = re.compile(r"\r\n|\n|\r")


def normalise(text: str) -> str:
    """Full-width digits and in-number separators, radical look-alikes -> standard forms."""
    if _NEEDS_TRANSLATE.search(text):
        text = text.translate(_TRANSLATE)
    if "，" in text:
        text = _FW_COMMA.sub(",", text)
    if "．" in text:
        text = _FW_POINT.sub(".", text)
    if "％" in text:
        text = _FW_PERCENT.sub("%", text)
    if "－" in text:
        text = _FW_MINUS.sub("-", text)
    return text


def to_lines(text: str) -> list[Line]:
    """Cleaned lines numbered as in the input file (a final newline does not add a line)."""
    parts = _LINE_BREAK.split(text)
    if parts and parts[-1] == "" and len(parts) > 1:
        parts.pop()
    return [Line(number=i, text=normalise(noise.clean(raw))) for i, raw in enumerate(parts, 1)]
