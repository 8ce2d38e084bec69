"""Stable, ASCII, URL-safe ids for departments: the same input always gives the same URL.

An id is ``<region_code>-<slug of the department type>``; the slug comes from the data file
generator/data/department_types.csv (add rows as new types are published), else from a hash
of the type, so a new type never breaks a URL that already exists.

Two departments must never share an id: 广州市交通运输局 and 苏州市交通运输局 differ by region
code; a department whose name says more than its region and type (中共广州市委宣传部, a district
bureau whose district is not in the region table, any department of unknown region) gets a
short hash of its full name appended, so it cannot collide with its region's own bureau.
"""

from __future__ import annotations

import csv
import hashlib
import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "department_types.csv"
_PREFIX_TAIL = re.compile(r"^(?:[\u4e00-\u9fff]{1,8}?(?:省|市|自治区))?$")


@lru_cache(maxsize=2)
def load_types(path: str | None = None) -> tuple[tuple[str, str, str], ...]:
    """(ending, type, slug) rows, longest ending first."""
    with open(path or DATA, encoding="utf-8", newline="") as fh:
        rows = [
            (r["ending"].strip(), r["type"].strip(), r["slug"].strip())
            for r in csv.DictReader(fh)
            if (r.get("ending") or "").strip()
        ]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


def _slugs() -> dict[str, str]:
    return {t: s for _, t, s in load_types()}


# type -> slug, kept as a mapping for callers that list the known types
DEPARTMENT_TYPES: dict[str, str] = _slugs()


def department_type_of(name: str | None) -> str | None:
    """The department type a full name ends with, e.g. 滑县医疗保障局 -> 医疗保障局."""
    if not name:
        return None
    for ending, kind, _ in load_types():
        if name.endswith(ending):
            return kind
    return None


def short_hash(text: str, n: int = 8) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:n]


def _plain(
    department: str, department_type: str | None, region_names: str | tuple[str, ...] | None
) -> bool:
    """Whether the name is just its region and its type (上海市普陀区 + 医疗保障局)."""
    names = (region_names,) if isinstance(region_names, str) else region_names or ()
    if not department_type or not names:
        return False
    ending = next(
        (e for e, t, _ in load_types() if t == department_type and department.endswith(e)),
        department_type if department.endswith(department_type) else None,
    )
    if ending is None:
        return False
    prefix = department[: -len(ending)]
    return any(n and prefix.endswith(n) and _PREFIX_TAIL.match(prefix[: -len(n)]) for n in names)


def department_id(
    region_code: str | None,
    department_type: str | None,
    department: str,
    region_name: str | tuple[str, ...] | None = None,
) -> str:
    """``region_name``: the region's name, or every name it goes by (aliases)."""
    known = bool(region_code and re.fullmatch(r"\d{6}", region_code))
    region = region_code if known else "x"
    slug = DEPARTMENT_TYPES.get(department_type or "")
    if slug is None:
        slug = "d" + short_hash(department_type or department)
    if not known or not _plain(department, department_type, region_name):
        slug += "-" + short_hash(department, 6)
    return f"{region}-{slug}"


def region_part(department_id: str) -> str:
    """The region a department id starts with: its 6-digit code, or ``x`` when unknown."""
    return department_id.split("-", 1)[0]


def department_id_of(
    region_code: str | None,
    department_type: str | None,
    name: str,
    region_name: str | tuple[str, ...] | None = None,
) -> str:
    """The id of a department as a document names it: its type, when the metadata does not
    say, is read from the end of its name. The site and the metrics share this one key."""
    return department_id(
        region_code, department_type or department_type_of(name), name, region_name
    )
