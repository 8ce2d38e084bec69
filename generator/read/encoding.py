"""Bytes of a text disclosure -> str, and a Problem for every way the bytes can mislead.

Disclosures arrive as UTF-8 (with or without BOM) or as GBK/GB18030 exports from Chinese
Office installations, now and then as UTF-16/UTF-32 from Windows tools. A decode that
"succeeds" can still be wrong: GB18030 accepts almost any byte pair, a UTF-8 BOM may sit on a
GBK body, a file may switch encodings half-way (lines pasted from another export), a copy may
already be garbled into U+FFFD (�). Each of these is said, with the line (and byte offset)
where it happens, because a reader who sees "ok" trusts every character on the page.

Decoding never adds or removes a line break, so line numbers stay those of the file.
"""

from __future__ import annotations

import re

from generator.model import Problem

_REPLACEMENT = "\ufffd"
_LINE_BREAK = re.compile(rb"\r\n|\n|\r")
_MAX_LISTED = 10  # lines named one by one; the rest are counted in one more problem
GARBLED_SHARE = 0.01  # above this share of U+FFFD among the characters, the text is not usable

# Characters expected in a disclosure; a decoding that yields many others is not text.
_TEXTLIKE = re.compile(
    r"[\t\n\r\x20-\x7e\u00a0-\u024f\u2000-\u206f\u2100-\u27ff\u2e80-\u2fdf"
    r"\u3000-\u303f\u3100-\u312f\u3200-\u33ff\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
)

_BOMS = (  # longest first: the UTF-32-LE mark begins with the UTF-16-LE one
    (b"\xff\xfe\x00\x00", "utf-32", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32", "UTF-32"),
    (b"\xff\xfe", "utf-16", "UTF-16"),
    (b"\xfe\xff", "utf-16", "UTF-16"),
)


def textlike_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 1.0
    return len(_TEXTLIKE.findall(sample)) / len(sample)


def line_at(data: bytes, offset: int) -> int:
    """1-based line of a byte offset, counting line breaks as ``source.to_lines`` does."""
    return len(_LINE_BREAK.findall(data, 0, offset)) + 1


def decode(data: bytes, path: str) -> tuple[str, str | None, list[Problem]]:
    """Decode a text disclosure; unreadable input gives an error Problem and empty text."""
    if not data or not data.strip():
        return _unreadable(
            path, "the file is empty: there is nothing to read", "文件为空，没有可读取的内容"
        )
    if data.startswith(b"%PDF"):
        return _unreadable(
            path, "this is a PDF file; it must be read as a PDF", "这是 PDF 文件，须按 PDF 文件读取"
        )
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return _wide(data, path, codec, name)
    head = data[:8192]
    if b"\x00" in head or head.count(b"\x1a") > 2:
        return _unreadable(path, *_binary_message(head))
    problems: list[Problem] = []
    if data.startswith(b"\xef\xbb\xbf"):
        text, encoding = _eight_bit(data[3:], 3, path, problems, bom=True)
    else:
        text, encoding = _eight_bit(data, 0, path, problems, bom=False)
    if text is None:
        return "", None, problems
    return _judged(text, encoding, path, problems)


def _judged(
    text: str, encoding: str, path: str, problems: list[Problem]
) -> tuple[str, str | None, list[Problem]]:
    """The last look at a decoded text: is it text at all, and how much of it is garbled?"""
    garbled = text.count(_REPLACEMENT)
    if garbled:
        chars = max(1, len(text) - text.count(" ") - text.count("\n") - text.count("\t"))
        lines = _lines_with(text, _REPLACEMENT)
        where = ", ".join(str(n) for n in lines[:_MAX_LISTED]) + (
            " …" if len(lines) > _MAX_LISTED else ""
        )
        if garbled / chars > GARBLED_SHARE:
            problems.append(
                Problem(
                    "error",
                    f"the text is garbled: {garbled} of {chars} characters are U+FFFD (�), "
                    f"the mark of a wrong conversion (lines {where}); re-export the document",
                    path,
                    line=lines[0],
                    message_zh=f"文本已乱码：{chars} 个字符中有 {garbled} 个是替换符“�”，"
                    f"说明文件转换时用错了编码（第 {where} 行），请重新导出文件",
                )
            )
            return "", None, problems
        if not any(p.line in lines for p in problems):
            problems.append(
                Problem(
                    "warning",
                    f"{garbled} character(s) are U+FFFD (�), unreadable in the file itself "
                    f"(lines {where}); figures on those lines may be missing",
                    path,
                    line=lines[0],
                    message_zh=f"文件中有 {garbled} 个无法识别的字符“�”（第 {where} 行），"
                    "这些行的数字可能缺失",
                )
            )
    if textlike_share(text) < 0.9:
        return _unreadable(
            path,
            f"the file does not look like text (decoded as {encoding})",
            f"文件看起来不是文本（已按 {encoding} 编码解码）",
        )
    return text, encoding, problems


def _lines_with(text: str, char: str) -> list[int]:
    out: list[int] = []
    line = 1
    for m in re.finditer(rf"\r\n|\n|\r|{re.escape(char)}", text):
        if m.group() == char:
            if not out or out[-1] != line:
                out.append(line)
        else:
            line += 1
    return out


def _wide(data: bytes, path: str, codec: str, name: str) -> tuple[str, str | None, list[Problem]]:
    """UTF-16/UTF-32 announced by a byte-order mark."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as err:
        return _unreadable(
            path,
            f"the file announces {name} (byte-order mark) but is not valid {name} "
            f"(byte {err.start})",
            f"文件开头标明是 {name} 编码，但内容不是有效的 {name}（第 {err.start} 字节）",
        )
    return _judged(text, codec, path, [])


def _binary_message(head: bytes) -> tuple[str, str]:
    for codec, name in (("utf-32-le", "UTF-32"), ("utf-32-be", "UTF-32"), ("utf-16-le", "UTF-16"),
                        ("utf-16-be", "UTF-16")):  # fmt: skip
        try:
            sample = head[: len(head) // 4 * 4].decode(codec)
        except UnicodeDecodeError:
            continue
        if sample.strip() and textlike_share(sample) > 0.95:
            return (
                f"the file seems to be {name} text without a byte-order mark; save it as UTF-8",
                f"文件似乎是没有字节顺序标记（BOM）的 {name} 文本，请另存为 UTF-8",
            )
    return "the file is binary, not a text disclosure", "文件是二进制数据，不是文本格式的公开文件"


def _eight_bit(
    data: bytes, base: int, path: str, problems: list[Problem], bom: bool
) -> tuple[str | None, str]:
    """UTF-8 or GB18030 (GBK), whole or line by line when the file mixes them."""
    try:
        return data.decode("utf-8"), "utf-8-sig" if bom else "utf-8"
    except UnicodeDecodeError as err:
        first_bad = err.start
    if first_bad >= len(data) - 3 and first_bad > 0 and _only_cut(data, first_bad, "utf-8"):
        text = data[:first_bad].decode("utf-8")
        problems.append(_truncated(path, data, first_bad))
        return text, "utf-8-sig" if bom else "utf-8"
    primary = "utf-8" if _mostly_utf8(data) else "gb18030"
    if primary == "gb18030":
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as gb_err:
            if gb_err.start >= len(data) - 3 and _only_cut(data, gb_err.start, "gb18030"):
                problems.append(_truncated(path, data, gb_err.start))
                text = data[: gb_err.start].decode("gb18030")
            else:
                text = None
        if text is not None:
            if bom:
                problems.append(
                    Problem(
                        "warning",
                        "the file starts with a UTF-8 byte-order mark but its text is GBK "
                        "(GB18030); it was read as GBK — save it again as UTF-8",
                        path,
                        line=1,
                        message_zh="文件开头标明是 UTF-8（BOM），但正文是 GBK（GB18030）编码，"
                        "已按 GBK 读取；请另存为 UTF-8",
                    )
                )
            return text, "gb18030"
    text = _line_by_line(data, base, path, problems, primary)
    if text is None:
        return None, primary
    if primary == "gb18030":
        return text, "gb18030"
    return text, "utf-8-sig" if bom else "utf-8"


def _only_cut(data: bytes, start: int, codec: str) -> bool:
    """The error is a character cut in half at the very end (a truncated download)."""
    try:
        data[:start].decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _truncated(path: str, data: bytes, offset: int) -> Problem:
    return Problem(
        "warning",
        "the file ends in the middle of a character: it looks truncated, "
        "so tables near the end may be incomplete",
        path,
        line=line_at(data, offset),
        message_zh="文件在一个字符的中间结束，似乎不完整，靠近末尾的表格可能缺失",
    )


def _mostly_utf8(data: bytes) -> bool:
    """Most non-ASCII characters form valid UTF-8: the file is UTF-8 with some damage or a
    foreign line, not a GBK file (GB18030 decodes nearly any bytes, UTF-8 text included)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count(_REPLACEMENT) - data.count(b"\xef\xbf\xbd")
    good = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    return good >= 20 * max(bad, 1) or (good > 0 and bad <= 3)


_NAMES = {"utf-8": ("UTF-8", "UTF-8"), "gb18030": ("GBK (GB18030)", "GBK（GB18030）")}


def _line_by_line(
    data: bytes, base: int, path: str, problems: list[Problem], primary: str
) -> str | None:
    """Decode each line in the file's main encoding, else in the other one, else with U+FFFD;
    name every line that was not in the main encoding (None, with an error, when too much
    of the file decodes in neither). Only line breaks split the bytes, and
    they are never part of a multi-byte character in either encoding."""
    other = "gb18030" if primary == "utf-8" else "utf-8"
    parts: list[str] = []
    foreign: list[int] = []
    damaged: list[tuple[int, int]] = []  # (line, byte offset in the file)
    offset = 0
    for number, (raw, brk) in enumerate(_split_lines(data), 1):
        try:
            parts.append(raw.decode(primary))
        except UnicodeDecodeError as err:
            try:
                parts.append(raw.decode(other))
                foreign.append(number)
            except UnicodeDecodeError:
                parts.append(raw.decode(primary, errors="replace"))
                damaged.append((number, base + offset + err.start))
        parts.append(brk.decode("ascii"))
        offset += len(raw) + len(brk)
    text = "".join(parts)
    if damaged:
        replaced = text.count(_REPLACEMENT) - data.count(b"\xef\xbf\xbd")
        if replaced / max(1, len(text)) > GARBLED_SHARE:
            number, at = damaged[0]
            others = f", and {len(damaged) - 1} more line(s)" if len(damaged) > 1 else ""
            problems.append(
                Problem(
                    "error",
                    "the file is neither UTF-8 nor GBK/GB18030 text (undecodable bytes at "
                    f"line {number}, byte {at}{others})",
                    path,
                    line=number,
                    message_zh="文件既不是 UTF-8 也不是 GBK/GB18030 编码的文本"
                    f"（第 {number} 行、第 {at} 字节处无法解码"
                    + (f"，另有 {len(damaged) - 1} 行" if len(damaged) > 1 else "")
                    + "）",
                )
            )
            return None
    main, main_zh = _NAMES[primary]
    alien, alien_zh = _NAMES[other]
    for number in foreign[:_MAX_LISTED]:
        problems.append(
            Problem(
                "warning",
                f"line {number} is {alien} text in a {main} file: the file mixes two "
                f"encodings; the line was read as {alien}",
                path,
                line=number,
                message_zh=f"第 {number} 行是 {alien_zh} 编码，而文件其余部分是 {main_zh}："
                f"文件混用了两种编码，该行已按 {alien_zh} 读取",
            )
        )
    for number, at in damaged[:_MAX_LISTED]:
        problems.append(
            Problem(
                "warning",
                f"invalid {main} at line {number} (byte {at}); the unreadable characters were "
                "replaced by �, and figures on that line may be missing",
                path,
                line=number,
                message_zh=f"第 {number} 行（第 {at} 字节处）不是有效的 {main_zh}，无法识别的"
                "字符已替换为“�”，该行的数字可能缺失",
            )
        )
    rest = sorted(foreign[_MAX_LISTED:] + [n for n, _ in damaged[_MAX_LISTED:]])
    if rest:
        problems.append(
            Problem(
                "warning",
                f"{len(rest)} more line(s) are not valid {main} (from line {rest[0]} on)",
                path,
                line=rest[0],
                message_zh=f"另有 {len(rest)} 行不是有效的 {main_zh}（自第 {rest[0]} 行起）",
            )
        )
    return text


def _split_lines(data: bytes) -> list[tuple[bytes, bytes]]:
    out: list[tuple[bytes, bytes]] = []
    start = 0
    for m in _LINE_BREAK.finditer(data):
        out.append((data[start : m.start()], m.group()))
        start = m.end()
    out.append((data[start:], b""))
    return out


def _unreadable(path: str, message: str, message_zh: str) -> tuple[str, None, list[Problem]]:
    return "", None, [Problem("error", message, path, message_zh=message_zh)]
