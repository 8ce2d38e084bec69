"""A build with nothing to do does nothing.

Every byte of the site is a function of the disclosures (their bytes, names, sidecars and
first commits), the other files in the content folder (the report lists them), the Markdown
pages, site.toml, the templates, the static files and the generator's own code. When one hash
over all of that equals the last complete build's, and every file that build wrote is still
there, the build stops after hashing its inputs: a national collection rebuilds in seconds.
Anything else takes the ordinary path, which itself renders only pages whose inputs changed.

Everything here is light (no reader, checks, pandas or Jinja): ``build`` asks ``survey``
before it imports the stages, so a build with nothing to do costs the hashing of its
inputs and little else.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.build_inputs import input_key, join_parts
from generator.code_version import (
    PACKAGE,
    READING_LIBRARIES,
    STATIC,
    TEMPLATES,
    WRITING_LIBRARIES,
    library_versions,
    tree_hash,
)
from generator.config import SiteConfig
from generator.content import Input, Listing, MarkdownPage, find_disclosures, find_pages, walk
from generator.file_hashes import FileHashes, folder_key
from generator.json_text import load_object
from generator.links import Links, output_file

# Where files are read and written: no byte of any page depends on these settings.
LOCATION_KEYS = ("output_dir", "content_dir", "cache_dir", "root")


@dataclass
class Survey:
    """What a build finds before it reads anything."""

    inputs: list[Input]
    pages: list[MarkdownPage]
    whole: str | None  # the fingerprint of all the build depends on (None: a custom reader)
    kept: dict[str, Any] | None  # the last build's result, when it is still the site's
    seconds: float = 0.0  # how long the survey took


def survey(
    cfg: SiteConfig,
    source_dir: Path,
    code: str | None,
    keep: Callable[[str], bool] | None = None,
    templates: Path = TEMPLATES,
    static: Path = STATIC,
) -> Survey:
    """The inputs, the Markdown pages and whether the last build already made this site.
    ``code``: the code hash, None for a custom reader (tests), which is no part of it and
    whose files are hashed afresh (a test may replace a file within one clock tick)."""
    t0 = time.perf_counter()
    hashes = FileHashes.of_folder(None if code is None else cfg.cache_path, source_dir)
    listing = walk(source_dir)  # once: the inputs, their sidecars and the fingerprint
    inputs = join_parts(find_disclosures(source_dir, hashes, listing))
    if keep is not None:
        inputs = [inp for inp in inputs if keep(inp.rel)]
    pages = find_pages(cfg.content_path)
    if code is None:
        return Survey(inputs, pages, None, None, time.perf_counter() - t0)
    folders = (tree_hash(templates), tree_hash(static))
    whole = fingerprint(inputs, listing, pages, rendered_settings(cfg), code, folders)
    kept = last_result(cfg.cache_path / manifest_name(cfg), cfg.output_path, whole)
    return Survey(inputs, pages, whole, kept, time.perf_counter() - t0)


def code_hash(libraries: tuple[str, ...] = READING_LIBRARIES + WRITING_LIBRARIES) -> str:
    """The code's hash (caches and the store are kept per code version), with the versions
    of ``libraries``; whether OCR is installed changes what a scanned file reads as, so it
    is part of it."""
    from generator.read import ocr

    code = f"{tree_hash(PACKAGE)}-{library_versions(libraries)}"
    return code + "-ocr" if ocr.available() else code


def rendered_settings(cfg: SiteConfig) -> str:
    """The settings pages can depend on: all but where files are read and written, so moving
    the content or the output folder re-renders nothing."""
    kept = {k: v for k, v in vars(cfg).items() if k not in LOCATION_KEYS}
    # where the shards are pushed is no part of any page
    kept["publish"] = dataclasses.replace(cfg.publish, shard_remote="")
    return repr(kept)


def manifest_name(cfg: SiteConfig) -> str:
    """One manifest per output folder, named by its path: the shards of a collection share
    one cache folder, and so may two sites (a preview, a test) built from one project. A
    manifest says which pages on disk are current; read for another folder, it would leave
    that folder's older files in place as if they were current. The name holds the output's
    place relative to the cache, so the two restored together elsewhere still match."""
    return f"manifest-{folder_key(cfg.output_path, cfg.cache_path)}.json"


def state_file(manifest: Path) -> Path:
    """Beside the output's manifest: the shards of a collection share one cache folder."""
    return manifest.with_name(manifest.stem + ".up-to-date.json")


def fingerprint(
    inputs: list[Input],
    listing: Listing,
    pages: list[MarkdownPage],
    settings: str,
    code: str,
    folders: tuple[str, str],
) -> str:
    """``folders``: the hashes of the templates and of the static files."""
    h = hashlib.sha256()
    for part in (settings, code, *folders):
        h.update(part.encode() + b"\0")
    for inp in inputs:
        h.update(repr((input_key(inp), inp.first_seen)).encode() + b"\0")
    for md in pages:
        h.update(f"{md.rel}:{md.sha256}".encode() + b"\0")
    for name in listing.names():  # files not read are listed in the report
        h.update(name.encode() + b"\0")
    return h.hexdigest()


def last_result(manifest_path: Path, out: Path, whole: str) -> dict[str, Any] | None:
    """The last build's result when it was built from exactly this and is intact."""
    saved = load_object(state_file(manifest_path))
    if saved.get("fingerprint") != whole:
        return None
    manifest = load_object(manifest_path)
    if not manifest or not (out / output_file(Links.HOME)).is_file():
        return None
    if not all((out / output_file(path)).is_file() for path in manifest):
        return None
    if saved.get("search") and not (out / saved["search"]).is_file():
        return None
    return saved.get("result")


def remember(manifest_path: Path, whole: str, result: dict[str, Any], search: str | None) -> None:
    """Said after a build that rendered every page (a page that failed builds again)."""
    data = {"fingerprint": whole, "result": result, "search": search}
    state_file(manifest_path).write_text(json.dumps(data, sort_keys=True), encoding="utf-8")


def forget(manifest_path: Path) -> None:
    state_file(manifest_path).unlink(missing_ok=True)
