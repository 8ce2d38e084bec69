"""Time the stages between reading and rendering on a collection kept by ``scale.py --keep``.

Run: python benchmarks/site_stage.py WORK [STORE]   (the copy in the tree whose code is timed)

At national scale a cold build takes most of an hour, and every change to the generator's
code is a new store version (the whole collection is read again). This script times what a
rebuild does before it renders: loading every index entry from an existing store (STORE, a
folder name under WORK/cache/documents; default: the newest), the cross-document checks,
the metrics, the site model and registering every page, with the code of the tree this
script is in. Two versions of the code (two worktrees) can so be compared on one store. It stops before rendering and
writes nothing to the output; it does make the next build of WORK a full one (it forgets
that the output was complete).
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator import build as build_module  # noqa: E402
from generator.build_uptodate import forget  # noqa: E402
from generator.config import parse_config  # noqa: E402


def main() -> None:
    work = Path(sys.argv[1])
    stores = sorted((work / "cache" / "documents").iterdir(), key=lambda p: p.stat().st_mtime)
    store = sys.argv[2] if len(sys.argv) > 2 else stores[-1].name
    cfg = parse_config((work / "site.toml").read_text(encoding="utf-8"), work)
    marks = {"start": time.perf_counter()}

    def register(site):
        marks["model"] = time.perf_counter()
        registry = register_pages(site)
        marks["registered"] = time.perf_counter()
        print(f"{len(registry)} pages registered")
        raise SystemExit

    def check(self, items):
        marks["read"] = time.perf_counter()
        found = check_stage(self, items)
        marks["check"] = time.perf_counter()
        return found

    register_pages, check_stage = build_module.register_pages, build_module.Builder.check
    build_module.register_pages = register  # type: ignore[assignment]
    build_module.Builder.check = check  # type: ignore[method-assign]
    builder = build_module.Builder(cfg, disclosures=work / "collection")
    builder._code = store  # the store to load the index entries from
    forget(builder.manifest_path)  # else a complete output stops the build before reading
    try:
        builder.build()
    except SystemExit:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"read {marks['read'] - marks['start']:.1f} s · check {marks['check'] - marks['read']:.1f} s"
        f" · metrics and site model {marks['model'] - marks['check']:.1f} s"
        f" · registering pages {marks['registered'] - marks['model']:.1f} s · peak {peak:.0f} MiB"
    )


if __name__ == "__main__":
    main()
