"""A build with nothing to do does nothing.

Every byte of the site is a function of the disclosures (their bytes, names, sidecars and
first commits), the other files in the content folder (the report lists them), the Markdown
pages, site.toml, the templates, the static files and the generator's own code. When one hash
over all of that equals the last complete build's, and every file that build wrote is still
there, the build stops after hashing its inputs: a national collection rebuilds in seconds.
Anything else takes the ordinary path, which itself renders only pages whose inputs changed.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from generator.build_inputs import input_key
from generator.content import Input, MarkdownPage
from generator.links import Links, output_file
from generator.render import STATIC, TEMPLATES, tree_hash


def state_file(manifest: Path) -> Path:
    """Beside the output's manifest: the shards of a collection share one cache folder."""
    return manifest.with_name(manifest.stem + ".up-to-date.json")


def fingerprint(
    inputs: list[Input], source_dir: Path, pages: list[MarkdownPage], settings: str, code: str
) -> str:
    h = hashlib.sha256()
    for part in (settings, code, tree_hash(TEMPLATES), tree_hash(STATIC)):
        h.update(part.encode() + b"\0")
    for inp in inputs:
        h.update(repr((input_key(inp), inp.first_seen)).encode() + b"\0")
    for md in pages:
        h.update(f"{md.rel}:{md.sha256}".encode() + b"\0")
    for path in sorted(source_dir.rglob("*")):  # files not read are listed in the report
        h.update(path.relative_to(source_dir).as_posix().encode() + b"\0")
    return h.hexdigest()


def last_result(manifest_path: Path, out: Path, whole: str) -> dict[str, Any] | None:
    """The last build's result when it was built from exactly this and is intact."""
    saved = _load(state_file(manifest_path))
    if saved.get("fingerprint") != whole:
        return None
    manifest = _load(manifest_path)
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


def _load(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
