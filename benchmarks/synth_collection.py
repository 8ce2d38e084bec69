"""A synthetic collection of N disclosures made from the five seeds, for ``scale.py``.

Each document is a seed copied under another department, region and year, so the reader,
checks and site meet real layouts and real amounts at any scale. Departments are the
(region, department type) pairs of the shipped tables (``generator/data/regions.csv``,
``department_types.csv``): a region code outside the region table is accepted only with a
warning and a page titled by its bare code, which no real collection would show, so every
department stands in a real region and province. Each department gets a run of years and,
per year, a budget and often a final account and a performance target, each made from the
seed of that kind, so no two copies ever land in one department-year by accident. A share
of the documents is drawn as a PDF (reportlab, as in the tests) and a few carry a sidecar
with the official address and publication date. The same N and seed give the same files.
"""

from __future__ import annotations

import csv
import random
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "content" / "disclosures"
DATA = ROOT / "generator" / "data"
KIND_CHANCE = {"budget": 0.9, "final": 0.6, "performance": 0.45}
# department types that stand at one level only, never in a county
NOT_EVERYWHERE = {"高级人民法院", "中级人民法院", "人民政府办公厅"}
YEARS = range(2018, 2026)


@dataclass(frozen=True)
class Seed:
    path: Path
    department: str  # 保定市满城区医疗保障局
    prefix: str  # 保定市满城区: the department's name before its type
    region_names: tuple[str, ...]  # 满城区 (and aliases)
    parent_name: str | None
    year: int
    kind: str
    text: str


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    level: str
    parent_name: str | None
    province: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Planned:
    """One document of the collection."""

    rel: str  # path inside the collection
    department: str
    region_code: str
    year: int
    kind: str
    pdf: bool


@dataclass
class Collection:
    documents: list[Planned]

    @property
    def department_years(self) -> int:
        return len({(d.department, d.year) for d in self.documents})

    @property
    def departments(self) -> int:
        return len({d.department for d in self.documents})

    @property
    def regions(self) -> int:
        return len({d.region_code for d in self.documents})

    def provinces(self) -> int:
        return len({d.region_code[:2] for d in self.documents})


def _rows(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load_regions() -> list[Region]:
    """Regions a department can stand in (grouping rows such as 省直辖县级行政区划 are not)."""
    out = []
    for row in _rows("regions.csv"):
        if row["level"] not in ("省", "地级", "县级"):
            continue
        aliases = tuple(a.strip() for a in (row.get("aliases") or "").split(";") if a.strip())
        out.append(
            Region(
                row["code"],
                row["name"],
                row["level"],
                row["parent_name"] or None,
                row["province"],
                aliases,
            )
        )
    return out


def load_types() -> list[str]:
    """One department type per URL slug (医疗保险服务中心 and 医疗保障服务中心 share one)."""
    seen: dict[str, str] = {}
    for row in _rows("department_types.csv"):
        if row["type"] not in NOT_EVERYWHERE:
            seen.setdefault(row["slug"], row["type"])
    return list(seen.values())


def load_seeds() -> list[Seed]:
    by_code = {r.code: r for r in load_regions()}
    seeds = []
    for path in sorted(SEEDS.glob("*/*/*.txt")):
        code = path.parent.parent.name.split("-", 1)[0]
        department = path.parent.name
        region = by_code[code]
        year, kind = path.stem.split("-")
        seeds.append(
            Seed(
                path,
                department,
                department.removesuffix("医疗保障局"),
                (region.name, *region.aliases),
                region.parent_name,
                int(year),
                kind,
                path.read_text(encoding="utf-8"),
            )
        )
    return seeds


def department_name(region: Region, dtype: str) -> str:
    """What a department calls itself: a district adds its city (保定市满城区医疗保障局), so two
    districts of one name (上海市普陀区, 舟山市普陀区) stay apart."""
    if region.level == "县级" and region.name.endswith("区") and region.parent_name:
        return f"{region.parent_name}{region.name}{dtype}"
    return f"{region.name}{dtype}"


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=\s*年)")


def rewrite(seed: Seed, department: str, dtype: str, region: Region, year: int) -> str:
    """The seed under another name, region and year, in one pass (no replacement is applied
    to the text another one wrote). Years are shifted, not set, so a document's earlier
    and later years keep their distance (上年, 下年)."""
    new_prefix = department.removesuffix(dtype)
    swaps = {seed.department: department, seed.prefix: new_prefix, "医疗保障局": dtype}
    for name in seed.region_names:
        swaps.setdefault(name, region.name)
    if seed.parent_name and seed.parent_name != seed.region_names[0]:
        swaps.setdefault(seed.parent_name, region.parent_name or region.province)
    keys = sorted(swaps, key=len, reverse=True)
    text = re.sub("|".join(map(re.escape, keys)), lambda m: swaps[m.group(0)], seed.text)
    delta = year - seed.year
    return _YEAR.sub(lambda m: str(int(m.group(1)) + delta), text)


def plan(n: int, seed: int = 12, pdf_share: float = 0.01) -> tuple[Collection, dict]:
    """Which department, year and kind each of the N documents is (no files written)."""
    rnd = random.Random(seed)
    regions, types = load_regions(), load_types()
    rnd.shuffle(regions)
    # every region gets a 医疗保障局 first (the project's first subject), then other types
    others = [(r, t) for r in regions for t in types if t != "医疗保障局"]
    rnd.shuffle(others)
    pairs = [(r, "医疗保障局") for r in regions] + others
    docs: list[Planned] = []
    extra: dict = {}
    for region, dtype in pairs:
        if len(docs) >= n:
            break
        name = department_name(region, dtype)
        span = rnd.randint(2, 6)
        last = rnd.randint(YEARS.start + span - 1, YEARS.stop - 1)
        for year in range(last - span + 1, last + 1):
            kinds = [k for k, p in KIND_CHANCE.items() if rnd.random() < p] or ["budget"]
            for kind in kinds:
                if len(docs) >= n:
                    break
                folder = f"{region.code}-{region.name}/{name}"
                i = len(docs)  # PDFs evenly spread: int(N * pdf_share) of them
                pdf = int((i + 1) * pdf_share) > int(i * pdf_share)
                docs.append(
                    Planned(
                        f"{folder}/{year}-{kind}.{'pdf' if pdf else 'txt'}",
                        name,
                        region.code,
                        year,
                        kind,
                        pdf,
                    )
                )
                extra[docs[-1].rel] = (region, dtype, rnd.random())
    if len(docs) < n:
        raise ValueError(f"at most {len(docs)} documents fit the region and type tables")
    return Collection(docs), extra


def make(out: Path, n: int, seed: int = 12, pdf_share: float = 0.01) -> Collection:
    """Write the collection into ``out`` (created; must be empty or absent)."""
    collection, extra = plan(n, seed, pdf_share)
    seeds = load_seeds()
    by_kind: dict[str, list[Seed]] = {}
    for s in seeds:
        by_kind.setdefault(s.kind, []).append(s)
    for doc in collection.documents:
        region, dtype, draw = extra[doc.rel]
        choices = by_kind[doc.kind]
        # one department keeps one seed per kind: its documents share a layout, as real ones do
        chosen = choices[sum(map(ord, doc.department)) % len(choices)]
        text = rewrite(chosen, doc.department, dtype, region, doc.year)
        path = out / doc.rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if doc.pdf:
            try:
                from pdf_drawing import draw_pdf
            except ImportError as exc:  # reportlab is a test dependency
                raise SystemExit(f"PDFs need reportlab (pip install -e '.[test]'): {exc}") from exc
            draw_pdf(path, text)
        else:
            path.write_text(text, encoding="utf-8")
        if draw < 0.1:  # a few maintainers stated where the document was published
            path.with_suffix(".toml").write_text(
                f'source_url = "https://www.example.gov.cn/{doc.region_code}/{doc.year}/'
                f'{doc.kind}.html"\npublished = "{doc.year}-0{1 + int(draw * 80)}-15"\n',
                encoding="utf-8",
            )
    return collection
