"""Bytes -> clean text lines, with the input file's line numbering kept 1:1.

Disclosures arrive as UTF-8 (with or without BOM) or as GBK/GB18030 exports from Chinese
Office installations; a GBK copy must read exactly like the UTF-8 original. Every figure keeps
the line number it was printed on, so cleaning never adds or removes a line.

Normalisation is deliberately narrow: full-width digits and the separators *inside numbers*
(３，５１８.８５ -> 3,518.85) and radical look-alikes that PDF/Word conversions put in place of
ideographs (⻔ -> 门). Chinese full-width punctuation used as text (（）：，) is left alone,
because the documents and their labels are written with it.
"""

from __future__ import annotations

import re

from generator.model import Line, Problem
from generator.read import noise

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

# Characters expected in a disclosure; a decoding that yields many others is not text.
_TEXTLIKE = re.compile(
    r"[\t\n\r\x20-\x7e\u00a0-\u024f\u2000-\u206f\u2100-\u27ff\u2e80-\u2fdf"
    r"\u3000-\u303f\u3100-\u312f\u3200-\u33ff\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
)


def _textlike_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 1.0
    return len(_TEXTLIKE.findall(sample)) / len(sample)


def decode(data: bytes, path: str) -> tuple[str, str | None, list[Problem]]:
    """Decode a text disclosure; unreadable input gives an error Problem and empty text."""
    problems: list[Problem] = []
    if not data or not data.strip():
        return _unreadable(
            path, "the file is empty: there is nothing to read", "文件为空，没有可读取的内容"
        )
    if data.startswith(b"%PDF"):
        return _unreadable(
            path, "this is a PDF file; it must be read as a PDF", "这是 PDF 文件，须按 PDF 文件读取"
        )
    if data.startswith(b"\xef\xbb\xbf"):
        text, enc = _utf8(data[3:], path, problems), "utf-8-sig"
        return text, enc, problems
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", problems
        except UnicodeDecodeError:
            pass
    head = data[:8192]
    if b"\x00" in head or head.count(b"\x1a") > 2:
        return _unreadable(
            path,
            "the file is binary, not a text disclosure",
            "文件是二进制数据，不是文本格式的公开文件",
        )
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as err:
        if err.start >= len(data) - 3 and err.start > 0:
            # valid UTF-8 up to a character cut in half at the very end: a truncated file
            text = data[: err.start].decode("utf-8")
            encoding = "utf-8"
            problems.append(
                Problem(
                    "warning",
                    "the file ends in the middle of a character: it looks truncated, "
                    "so tables near the end may be incomplete",
                    path,
                    line=text.count("\n") + 1,
                    message_zh="文件在一个字符的中间结束，似乎不完整，靠近末尾的表格可能缺失",
                )
            )
        else:
            try:
                text = data.decode("gb18030")
                encoding = "gb18030"
            except UnicodeDecodeError as gb_err:
                if gb_err.start >= len(data) - 3 and gb_err.start > 0:
                    text = data[: gb_err.start].decode("gb18030")
                    encoding = "gb18030"
                    problems.append(
                        Problem(
                            "warning",
                            "the file ends in the middle of a character: it looks truncated",
                            path,
                            line=text.count("\n") + 1,
                            message_zh="文件在一个字符的中间结束，似乎不完整",
                        )
                    )
                else:
                    return _unreadable(
                        path,
                        "the file is neither UTF-8 nor GBK/GB18030 text "
                        f"(undecodable bytes at offset {err.start})",
                        "文件既不是 UTF-8 也不是 GBK/GB18030 编码的文本"
                        f"（字节偏移 {err.start} 处无法解码）",
                    )
    if _textlike_share(text) < 0.9:
        return _unreadable(
            path,
            f"the file does not look like text (decoded as {encoding})",
            f"文件看起来不是文本（已按 {encoding} 编码解码）",
        )
    return text, encoding, problems


def _unreadable(path: str, message: str, message_zh: str) -> tuple[str, None, list[Problem]]:
    return "", None, [Problem("error", message, path, message_zh=message_zh)]


def _utf8(data: bytes, path: str, problems: list[Problem]) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        problems.append(
            Problem(
                "warning",
                f"invalid UTF-8 at byte {err.start}; unreadable characters were replaced",
                path,
                message_zh=f"第 {err.start} 字节处不是有效的 UTF-8，无法识别的字符已被替换",
            )
        )
        return data.decode("utf-8", errors="replace")


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
