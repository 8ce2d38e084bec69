"""Stable, ASCII, URL-safe ids for departments: the same input always gives the same URL.

An id is ``<region_code>-<slug of the department type>``; the slug comes from a short table
of department types (add rows as new types are published), else from a hash of the name,
so a new type never breaks a URL that already exists.
"""

from __future__ import annotations

import hashlib
import re

DEPARTMENT_TYPES: dict[str, str] = {
    "医疗保障局": "ybj",
    "医疗保障服务中心": "ybfwzx",
    "医疗保险服务中心": "ybfwzx",
    "财政局": "czj",
    "卫生健康委员会": "wjw",
    "卫生健康局": "wjj",
    "人力资源和社会保障局": "rsj",
    "民政局": "mzj",
    "教育局": "jyj",
    "审计局": "sjj",
    "统计局": "tjj",
    "规划和自然资源局": "ghzyj",
    "商务委员会": "swwyh",
    "市场监督管理局": "scjgj",
}


def department_type_of(name: str | None) -> str | None:
    """The department type a full name ends with, e.g. 滑县医疗保障局 -> 医疗保障局."""
    if not name:
        return None
    for kind in sorted(DEPARTMENT_TYPES, key=len, reverse=True):
        if name.endswith(kind):
            return kind
    return None


def short_hash(text: str, n: int = 8) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:n]


def department_id(region_code: str | None, department_type: str | None, department: str) -> str:
    region = region_code if region_code and re.fullmatch(r"\d{6}", region_code) else "x"
    slug = DEPARTMENT_TYPES.get(department_type or "")
    if slug is None:
        slug = "d" + short_hash(department_type or department)
    return f"{region}-{slug}"


def department_id_of(region_code: str | None, department_type: str | None, name: str) -> str:
    """The id of a department as a document names it: its type, when the metadata does not
    say, is read from the end of its name. The site and the metrics share this one key."""
    return department_id(region_code, department_type or department_type_of(name), name)
