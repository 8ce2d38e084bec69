"""The shipped region table (generator/data/regions.csv) and finding a department's region.

A department's name starts with its region ("保定市满城区医疗保障局" -> 满城区 130607), and the
region code is what lets the site compare counties and look up populations. Names are not
unique (two 普陀区: 上海市 and 舟山市), so a name that matches several regions is resolved only
by a parent named in the same text ("上海市普陀区"); otherwise no code is given and the caller
reports it. Guessing a code would put a department on the wrong map.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "regions.csv"
_LEVEL_RANK = {"省": 1, "地级": 2, "县级": 3}


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    level: str  # "省" / "地级" / "县级"
    parent_code: str | None
    parent_name: str | None
    province: str | None
    population: int | None  # 2020 census resident population, None when unknown
    aliases: tuple[str, ...] = ()
    row: dict = field(default_factory=dict, compare=False, hash=False)  # every column as shipped

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@lru_cache(maxsize=4)
def load_regions(path: str | None = None) -> tuple[Region, ...]:
    """All region rows (grouping rows such as 省直辖县级行政区划 are skipped)."""
    regions = []
    with open(path or DATA, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            level = (row.get("level") or "").strip()
            if level not in _LEVEL_RANK:
                continue
            pop = (row.get("population_2020_census") or "").strip()
            aliases = tuple(a.strip() for a in (row.get("aliases") or "").split(";") if a.strip())
            regions.append(
                Region(
                    code=row["code"].strip(),
                    name=row["name"].strip(),
                    level=level,
                    parent_code=(row.get("parent_code") or "").strip() or None,
                    parent_name=(row.get("parent_name") or "").strip() or None,
                    province=(row.get("province") or "").strip() or None,
                    population=int(pop) if pop.isdigit() and int(pop) > 0 else None,
                    aliases=aliases,
                    row=dict(row),
                )
            )
    return tuple(regions)


@lru_cache(maxsize=1)
def _by_code() -> dict[str, Region]:
    return {r.code: r for r in reversed(load_regions())}  # the first row of a code wins


def lookup(name_or_code: str) -> Region | None:
    """A region by 6-digit code, or by exact name/alias when that name is unique."""
    key = str(name_or_code or "").strip()
    if not key:
        return None
    if key.isdigit():
        return _by_code().get(key)
    found = [r for r in load_regions() if key in r.names]
    return found[0] if len(found) == 1 else None


def names_of(code: str | None, name: str | None) -> tuple[str, ...]:
    """Every name a department may give its region: the stated one, and the table's name and
    aliases for its code (济源市 is also written 济源产城融合示范区)."""
    region = lookup(code) if code else None
    names = [name] if name else []
    if region is not None:
        names += [n for n in region.names if n not in names]
    return tuple(names)


def province_code(code: str | None) -> str | None:
    """The province a 6-digit region code lies in (its first two digits), None for no code."""
    code = (code or "").strip()
    return code[:2] + "0000" if len(code) == 6 and code.isdigit() else None


@lru_cache(maxsize=64)
def province_name(code: str) -> str:
    """A province's name from the shipped table; a code the table lacks is named by its
    digits rather than guessed, and what is no code at all (the marker of documents without
    a region: ``x``, ``unknown``) is 地区未知."""
    if province_code(code) is None:
        return "地区未知"
    region = lookup(code)
    return region.name if region is not None and region.level == "省" else f"{code[:2]} 开头的地区"


@lru_cache(maxsize=4096)
def place_name(code: str) -> str | None:
    """A region's name as a visitor tells it from its namesakes: a county with its city
    (保定市满城区: a 鼓楼区 lies in four provinces, two of them in one). None when the table
    lacks the code."""
    region = lookup(code)
    if region is None:
        return None
    parent = region.parent_name or ""
    if region.level == "县级" and parent and "直辖" not in parent and parent != region.province:
        return parent + region.name
    return region.name


def by_name(name: str) -> list[Region]:
    """Every region called ``name`` (or with that alias)."""
    return [r for r in load_regions() if name in r.names]


def find_region(text: str) -> tuple[Region | None, str | None]:
    """The most specific region named in ``text`` (a department name), or (None, why not).

    Returns (region, None) when found, (None, None) when no region name occurs, and
    (None, message) when a name is ambiguous and no parent in the text settles it.
    """
    region, message, _ = find_region_explained(text)
    return region, message


def find_region_explained(text: str) -> tuple[Region | None, str | None, str | None]:
    """``find_region`` with the why-not message also in Chinese, for the site's pages."""
    text = str(text or "").strip()
    if not text:
        return None, None, None
    regions = load_regions()
    hits: dict[str, list[tuple[int, Region, str]]] = {}
    for r in regions:
        for nm in r.names:
            pos = text.find(nm)
            if pos >= 0:
                hits.setdefault(nm, []).append((pos, r, nm))
    if not hits:
        return None, None, None
    # a name contained in a longer matched name at the same place is not a separate mention
    names = sorted(hits, key=len, reverse=True)
    kept: list[str] = []
    for nm in names:
        pos = hits[nm][0][0]
        if any(
            nm in longer and hits[longer][0][0] <= pos < hits[longer][0][0] + len(longer)
            for longer in kept
        ):
            continue
        kept.append(nm)
    named = {r.name for nm in kept for _, r, _ in hits[nm]} | set(kept)
    candidates: list[Region] = []
    ambiguous: list[str] = []
    for nm in kept:
        group = [r for _, r, _ in hits[nm]]
        if len(group) > 1:
            settled = [r for r in group if (r.parent_name in named) or (r.province in named)]
            if len(settled) == 1:
                group = settled
            else:
                ambiguous.append(nm)
                continue
        candidates.extend(group)
    message = message_zh = None
    if ambiguous:
        named_places = [
            f"{r.code} {r.parent_name or r.province or ''}{r.name}"
            for nm in ambiguous
            for r in by_name(nm)
        ]
        places = "; ".join(named_places)
        message = (
            f"region name '{ambiguous[0]}' in '{text}' matches several regions ({places}) "
            "and no parent region is named with it; no code was assigned for it"
        )
        message_zh = (
            f"“{text}”中的地名“{ambiguous[0]}”对应多个地区（{'；'.join(named_places)}），"
            "且没有同时写明上级地区，因此未据此确定地区代码"
        )
    if not candidates:
        return None, message, message_zh
    # the ambiguous name was more specific than anything left: keep only what the text states
    best = max(candidates, key=lambda r: _LEVEL_RANK[r.level])
    return best, message, message_zh


def by_short_name(text: str) -> Region | None:
    """The city a name starts with in its short form, without 市 ("长沙职业教育基地综合协调办公室"
    -> 长沙市), when exactly one city has that short form and it is no region's full name.
    Only cities, and only at the start: a province's or county's short form begins the names
    of central bodies (湖南大学) and ordinary words. The caller confirms it in the document."""
    found = []
    for r in load_regions():
        if r.level != "地级":
            continue
        for nm in r.names:
            short = nm[:-1] if nm.endswith("市") else ""
            if len(short) >= 2 and text.startswith(short):
                found.append((short, r))
    regions = {r.code: r for _, r in found}
    if len(regions) != 1:
        return None
    short = found[0][0]
    return None if by_name(short) else next(iter(regions.values()))
