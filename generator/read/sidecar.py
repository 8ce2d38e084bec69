"""Optional metadata beside a disclosure: ``2020-performance.toml`` for ``2020-performance.txt``.

A document does not always say who published it, where it came from or when; a maintainer
states those facts in a small TOML file next to it. The sidecar is trusted over the
document's own text (the maintainer looked at the source page), so its values are applied
last and every field it supplied is listed in ``Metadata.from_sidecar``. A wrong key or type
is reported by name, never silently ignored: a typo would otherwise hide a real correction.
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

from generator.model import KINDS, Problem
from generator.safe_output import web_url, why_not_web_url

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

SCOPES = ("department", "unit")
# key -> human description of the expected type (used in Problem messages)
KEYS: dict[str, str] = {
    "department": "text",
    "region_code": "a 6-digit region code as text",
    "year": "a whole number (e.g. 2021)",
    "kind": "one of budget, final, performance",
    "source_url": "text (a URL)",
    "published": "an ISO date (2021-04-07)",
    "population": "a whole number above 0",
    "title": "text",
    "scope": "one of department, unit",
    "parts": "a list of file names in the same folder (the other files of this disclosure)",
}
# the same descriptions in Chinese, for the site
KEYS_ZH: dict[str, str] = {
    "department": "文字",
    "region_code": "6 位地区代码（文字）",
    "year": "整数（如 2021）",
    "kind": "“budget”“final”“performance”三者之一",
    "source_url": "文字（网址）",
    "published": "ISO 格式日期（如 2021-04-07）",
    "population": "大于 0 的整数",
    "title": "文字",
    "scope": "“department”“unit”二者之一",
    "parts": "同一文件夹中的文件名列表（同一份公开文件的其他部分）",
}


def sidecar_path(path: str | Path) -> Path:
    """The sidecar of an input file: same folder, same stem, ``.toml``."""
    p = Path(path)
    return p.with_suffix(".toml")


def read_sidecar(path: str | Path) -> tuple[dict, list[Problem]]:
    """Read and validate the sidecar of ``path`` (the input file); absent sidecar -> {}."""
    side = sidecar_path(path)
    if not side.is_file():
        return {}, []
    name = str(side)
    try:
        text = side.read_bytes().decode("utf-8-sig")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        return {}, [
            _problem(
                name,
                "the sidecar file is not UTF-8 text; it was ignored",
                "该文件不是 UTF-8 编码的文本，已忽略",
            )
        ]
    except tomllib.TOMLDecodeError as exc:
        return {}, [
            _problem(
                name,
                f"the sidecar file is not valid TOML ({exc}); it was ignored",
                f"该文件不是有效的 TOML 格式（技术原因：{exc}），已忽略",
            )
        ]
    except OSError as exc:
        return {}, [
            _problem(
                name,
                f"the sidecar file could not be read ({exc})",
                f"该文件无法读取（系统提示：{exc}）",
            )
        ]
    return validate(data, name, text)


def validate(data: dict, name: str, text: str = "") -> tuple[dict, list[Problem]]:
    """Keep the valid keys (normalised), report the others by name (and line, given the
    sidecar's ``text``)."""
    out: dict = {}
    problems: list[Problem] = []
    for key, value in data.items():
        if key not in KEYS:
            known = ", ".join(KEYS)
            problems.append(
                _problem(
                    name,
                    f"unknown key '{key}' (known keys: {known})",
                    f"未知的键“{key}”（可用的键：{known}）",
                )
            )
            continue
        ok, norm = _check(key, value)
        if ok and key == "source_url" and web_url(norm) is None:
            problems.append(
                _problem(
                    name,
                    f"key 'source_url' has {norm!r}, which is not linked: {why_not_web_url(norm)}",
                    f"键“source_url”的值 {norm!r} 不是 http:// 或 https:// 网址，不会作为链接显示，已忽略",
                    _key_line(text, key),
                )
            )
            continue
        if ok:
            out[key] = norm
        else:
            problems.append(
                _problem(
                    name,
                    f"key '{key}' has {value!r}, expected {KEYS[key]}; it was ignored",
                    f"键“{key}”的值为 {value!r}，应为{KEYS_ZH[key]}，已忽略",
                )
            )
    return out, problems


def _check(key: str, value: object) -> tuple[bool, object]:
    if key in ("department", "source_url", "title"):
        if isinstance(value, str) and value.strip():
            return True, value.strip()
        return False, None
    if key == "region_code":
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and re.fullmatch(r"\d{6}", value.strip()):
            return True, value.strip()
        return False, None
    if key == "year":
        if isinstance(value, int) and not isinstance(value, bool) and 1949 < value < 2200:
            return True, value
        return False, None
    if key == "kind":
        return (True, value) if value in KINDS else (False, None)
    if key == "scope":
        return (True, value) if value in SCOPES else (False, None)
    if key == "parts":
        if (
            isinstance(value, list)
            and value
            and all(
                isinstance(v, str) and v.strip() and "/" not in v and "\\" not in v for v in value
            )
        ):
            return True, [v.strip() for v in value]
        return False, None
    if key == "population":
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return True, value
        return False, None
    if key == "published":
        if isinstance(value, _dt.datetime):
            return True, value.date().isoformat()
        if isinstance(value, _dt.date):
            return True, value.isoformat()
        if isinstance(value, str):
            try:
                return True, _dt.date.fromisoformat(value.strip()).isoformat()
            except ValueError:
                return False, None
        return False, None
    return False, None  # pragma: no cover - every key of KEYS is handled above


def _key_line(text: str, key: str) -> int | None:
    m = re.search(rf"^[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*=", text, re.M)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _problem(name: str, message: str, message_zh: str, line: int | None = None) -> Problem:
    where = f" (line {line})" if line else ""
    return Problem(
        severity="warning",
        message=f"sidecar {name}{where}: {message}",
        file=name,
        line=line,
        message_zh=f"附带的元数据文件 {name}{f'第 {line} 行' if line else ''}：{message_zh}",
    )
