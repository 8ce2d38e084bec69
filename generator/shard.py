"""A collection too big for one published site, built as one site per province or city.

``[publish] shard_by = "province"`` (generator/config_publish.py): every disclosure goes to
the shard of its province, the first two digits of its region code (``130000`` for 河北省);
``shard_by = "city"``: to the shard of its prefecture-level city (``130600`` for 保定市, and
``130000`` for the province's own departments), for a province too big for one site. A
disclosure whose region is not known, and every file that is not read as a disclosure, go
to the ``unknown`` shard. Each shard is a complete site of its own (its pages, rankings,
search index and report cover its documents only) in ``<output_dir>/<shard>/``, served under
``<base_path><shard>/``; ``<output_dir>/index.html`` is the national index linking them.
``run_shards`` is ``build``'s entry (generator/build_command.py) when the config shards.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator import render
from generator.build import Builder, BuildResult
from generator.build_inputs import join_parts
from generator.build_uptodate import manifest_name
from generator.clean import mark_created
from generator.config import SiteConfig
from generator.content import find_disclosures
from generator.inventory import PAGE, unread_rows
from generator.links import output_file
from generator.read.regions import load_regions, lookup, province_code, province_name
from generator.search import pagefind
from generator.site.html_compact import compact
from generator.site_size import mb, site_bytes, size_warning

UNKNOWN = "unknown"


@dataclass
class Shard:
    name: str  # folder: "130000", "130600" or "unknown"
    title: str  # 河北省, 河北省保定市
    files: set[str]  # content-relative paths of its inputs (and, for unknown, unread files)
    documents: int = 0
    site_bytes: int = 0
    result: BuildResult | None = None


def province_of(region_code: str | None) -> str:
    return province_code(region_code) or UNKNOWN


def city_code(code: str | None) -> str | None:
    """The prefecture-level region (地级) a region code lies in: a county's city as the
    table names its parent, a city itself, and for a province-level code the province (its
    own departments); a code the table lacks, by its first four digits. None for no code."""
    if province_code(code) is None:
        return None
    code = (code or "").strip()
    region = lookup(code)
    if region is not None and region.level == "县级" and region.parent_code:
        return region.parent_code
    if region is not None or code.endswith("0000"):
        return code
    return code[:4] + "00"


@lru_cache(maxsize=4096)
def city_name(code: str) -> str:
    """A ``city_code``'s name with its province (河北省保定市); a province's own code is its
    own departments (河北省本级部门); a code the table lacks is named by its digits."""
    province = province_code(code)
    if province is None:
        return province_name(UNKNOWN)
    region = lookup(code)
    if region is not None and region.level == "省":
        return f"{region.name}本级部门"
    # a grouping the table names only as its counties' parent (省直辖县级行政区划)
    name = region.name if region is not None else _parent_names().get(code)
    return province_name(province) + (name or f" {code[:4]} 开头的地区")


@lru_cache(maxsize=1)
def _parent_names() -> dict[str, str]:
    return {r.parent_code: r.parent_name for r in load_regions() if r.parent_code and r.parent_name}


def shard_of(shard_by: str, region_code: str | None) -> tuple[str, str]:
    """The folder and title of the shard a disclosure of this region goes to."""
    if shard_by == "city":
        key = city_code(region_code) or UNKNOWN
        return key, city_name(key)
    key = province_of(region_code)
    return key, province_name(key)


def plan(cfg: SiteConfig, builder: Builder) -> list[Shard]:
    """The shards of a collection, read once (the read cache serves the shards' builds)."""
    shards: dict[str, Shard] = {}
    inputs = join_parts(find_disclosures(builder.source_dir))
    rows = []
    shard_of_file: dict[str, Shard] = {}
    for inp, entry in builder.read(inputs):  # indexed: the path's facts are filled in
        key, title = shard_of(cfg.publish.shard_by, entry.light.metadata.region_code)
        shard = shards.setdefault(key, Shard(key, title, set()))
        shard.files.add(inp.rel)
        shard.documents += 1
        for f in (inp, *inp.parts):
            rows.append({"file": f.rel})
            shard_of_file[f.rel] = shard
    unread, pages = set(), set()
    for o in unread_rows(builder.source_dir, rows):
        owner = shard_of_file.get(o.get("sidecar_of") or "")
        if owner is not None:  # a sidecar goes (and is reported) with its disclosure
            owner.files.add(o["file"])
        else:
            (pages if o["status"] == PAGE else unread).add(o["file"])
    if not shards:  # no disclosure at all: the pages still make (and report) one site
        unread |= pages
    for shard in shards.values():  # the site's own pages: built, and reported, in every shard
        shard.files.update(pages)
    if unread:
        shards.setdefault(UNKNOWN, Shard(UNKNOWN, province_name(UNKNOWN), set())).files.update(
            unread
        )
    return [shards[k] for k in sorted(shards, key=lambda k: (k == UNKNOWN, k))]


def shard_config(cfg: SiteConfig, shard: Shard) -> SiteConfig:
    base_path = f"{cfg.base_path}{shard.name}/"
    return dataclasses.replace(
        cfg,
        output_dir=str(Path(cfg.output_dir) / shard.name),
        base_path=base_path,
        base_url=cfg.base_url,  # the origin: links add base_path themselves
        title=f"{cfg.title} · {shard.title}",
    )


def build_shards(
    cfg: SiteConfig,
    quiet: bool = True,
    disclosures: Path | None = None,
    reader=None,
    workers: int | None = None,
) -> tuple[list[Shard], list[str]]:
    """Build every shard and the national index; return the shards and the build's errors
    (pages that could not be rendered), each prefixed by its shard."""
    first = Builder(cfg, quiet=quiet, reader=reader, disclosures=disclosures, workers=workers)
    shards = plan(cfg, first)
    remove_whole_site(cfg)
    errors: list[str] = []
    for shard in shards:
        builder = Builder(
            shard_config(cfg, shard),
            quiet=quiet,
            reader=reader,
            disclosures=first.source_dir,
            workers=workers,
            keep=shard.files.__contains__,
        )
        shard.result = builder.build()
        errors += [f"{shard.name}/{e}" for e in builder.errors]
        measured = shard.result.site_bytes  # the build measured it (or remembered it)
        shard.site_bytes = site_bytes(builder.config.output_path) if measured is None else measured
    write_index(cfg, shards)
    return shards, errors


def remove_whole_site(cfg: SiteConfig) -> None:
    """The pages an earlier build without shards wrote at the top of the output folder (its
    manifest lists them) would sit beside the shards as a stale site: remove them, and the
    folders they leave empty. A shard's files all lie under its own folder, so no path of a
    whole site's page is ever one of them."""
    out = cfg.output_path
    if (out / pagefind.FOLDER).is_dir():  # the search index is not in the manifest
        shutil.rmtree(out / pagefind.FOLDER)
    try:
        pages = json.loads((cfg.cache_path / manifest_name(cfg)).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    for path in sorted(pages):
        stale = out / output_file(path)
        if stale.is_file():
            stale.unlink()
            folder = stale.parent
            while folder != out and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent


def write_index(cfg: SiteConfig, shards: list[Shard]) -> None:
    out = cfg.output_path
    mark_created(out)
    page = render.new_environment().get_template("shards.html")
    html = compact(
        page.render(config=cfg, shards=shards, size=mb, by_city=cfg.publish.shard_by == "city")
    )
    render.write_if_changed(out, "", html.encode("utf-8"))


def shard_warnings(cfg: SiteConfig, shards: list[Shard]) -> list[str]:
    out = [
        size_warning(cfg, cfg.output_path / s.name, f"shard {s.name} ({s.title})") for s in shards
    ]
    return [w for w in out if w]


def run_shards(
    cfg: SiteConfig,
    quiet: bool = False,
    content: str | None = None,
    strict: bool = False,
    workers: int | None = None,
) -> int:
    """``python -m generator build`` with ``shard_by``: one site per province (or city)."""
    if content is not None and not Path(content).is_dir():
        print(f"error: --content {content}: no such folder", file=sys.stderr)
        return 2
    disclosures = Path(content) if content else None
    shards, errors = build_shards(cfg, quiet, disclosures, workers=workers)
    for error in errors:
        print(f"error: page not rendered: {error}", file=sys.stderr)
    for warning in shard_warnings(cfg, shards):
        print(warning, file=sys.stderr)
    if not quiet:
        for s in shards:
            print(
                f"shard {s.name} ({s.title}): {s.documents} documents, {mb(s.site_bytes)}",
                file=sys.stderr,
            )
        print(f"national index: {cfg.output_path / 'index.html'}", file=sys.stderr)
    failed = sum(s.result.failed + s.result.faults for s in shards if s.result)
    return 1 if errors or (strict and failed) else 0
