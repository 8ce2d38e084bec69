"""The render and write stages: every page whose inputs changed, on all cores.

Each page's fingerprint (its ``deps``, template, settings and the generator's code) is
compared with the last build's manifest; only changed or missing pages render. With several
workers, the pages to render are cut into runs of neighbouring paths (a department-year's
pages together, so each worker loads that year's documents once) and rendered in forked
processes that inherit the site and write their files themselves; the bytes of a page never
depend on which process rendered it, so the output is identical to one worker's.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import render
from generator.build_fork import forked_map
from generator.clean import mark_created
from generator.links import Links, output_file
from generator.site.deps import digest
from generator.site.registry import Page

RUN = 40  # pages per task: big enough to amortise the hand-over, small enough to balance
PARALLEL_FROM = 2 * RUN  # fewer pages than this render here: a fork costs more


@dataclass
class Rendered:
    rendered: int = 0
    written: int = 0
    removed: int = 0
    errors: list[str] = field(default_factory=list)  # pages not rendered (template bugs)
    # every page now on disk, by output path: a hash of its bytes (the search index's key)
    contents: dict[str, str] = field(default_factory=dict)


@dataclass
class Fingerprints:
    """What every page depends on besides its own deps."""

    settings: str  # digest of the settings pages can depend on
    code: str  # the generator's own code: a new version re-renders everything
    template: Callable[[str | None], str]  # template name -> hash of it and its includes


def render_and_write(
    pages: list[Page],
    env: Any,
    fingerprints: Fingerprints,
    out: Path,
    manifest_path: Path,
    workers: int,
    progress: Callable[[int, int], None],
) -> Rendered:
    mark_created(out)
    old = _load_json(manifest_path) if (out / output_file(Links.HOME)).exists() else {}
    glob = {"config": fingerprints.settings, "code": fingerprints.code}
    plain = {"code": fingerprints.code}  # static/ files: their own bytes, never site.toml
    new: dict[str, Any] = {}
    todo: list[int] = []
    for i, page in enumerate(pages):
        common = plain if page.path.startswith(Links.STATIC) else glob
        fp = digest(common, page.deps, fingerprints.template(page.template), _static_hash(page))
        new[page.path] = {"fingerprint": fp, "inputs": sorted(page.deps)}
        target = out / output_file(page.path)
        if old.get(page.path, {}).get("fingerprint") != fp or not target.exists():
            todo.append(i)
    result = Rendered()
    for path, entry in new.items():  # a page not rendered again keeps its bytes
        if "sha" in old.get(path, {}):
            entry["sha"] = old[path]["sha"]
    for i, error, written, sha in _render_all(pages, todo, env, out, workers, progress):
        if error is not None:  # a template bug: report the page, build the others
            result.errors.append(f"{pages[i].path}: {error}")
            new.pop(pages[i].path)
            continue
        new[pages[i].path]["sha"] = sha
        result.rendered += 1
        result.written += written
    if not todo:  # nothing rendered: the bar still ends
        progress(len(pages), len(pages))
    for path in sorted(set(old) - set(new)):
        stale = out / output_file(path)
        if stale.is_file():
            stale.unlink()
            result.removed += 1
    mark_created(manifest_path.parent)
    manifest_path.write_text(json.dumps(new, indent=0, sort_keys=True), encoding="utf-8")
    result.contents = {path: entry.get("sha", entry["fingerprint"]) for path, entry in new.items()}
    return result


def _render_all(pages, todo, env, out, workers, progress):
    """(page index, error or None, written, hash of the bytes) for each page to render, in
    page order."""
    runs = [todo[k : k + RUN] for k in range(0, len(todo), RUN)]
    if len(todo) < PARALLEL_FROM:
        workers = 1
    done = 0
    render_run = lambda run: list(_render_run(pages, env, out, run))  # noqa: E731
    for results in forked_map(render_run, runs, workers, at_least=2):
        yield from results
        done += len(results)
        progress(done, len(todo))


def _render_run(pages, env, out, run):
    for i in run:
        page = pages[i]
        try:
            # a produced file may come in chunks, made while it is written
            written, sha = render.write_if_changed(out, page.path, render.render(env, page))
        except OSError:
            raise  # the output cannot be written: the build stops, as it always did
        except Exception as exc:  # noqa: BLE001 - a template bug: said, the build goes on
            yield i, f"{type(exc).__name__}: {exc}", False, ""
            continue
        yield i, None, written, sha


def _static_hash(page: Page) -> str:
    """A copied static file depends on its own bytes."""
    if page.template is None and page.path.startswith(Links.STATIC):
        source = render.STATIC / page.path[len(Links.STATIC) :]
        if source.is_file():
            return hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    return ""


def _load_json(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
