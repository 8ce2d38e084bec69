"""How big a built site is, against the most one published site may hold.

GitHub Pages publishes at most 1 GB per site (``[publish] max_site_bytes``); a build over it
says so with the measured size, and how to split the collection (generator/shard.py).
"""

from __future__ import annotations

import os
from pathlib import Path

from generator.config import SiteConfig


def site_bytes(folder: Path) -> int:
    """Bytes of every file under ``folder`` (one ``scandir`` walk: a national site holds
    hundreds of thousands of files)."""
    total, todo = 0, [str(folder)]
    while todo:
        try:
            entries = list(os.scandir(todo.pop()))
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                todo.append(entry.path)
            elif entry.is_file(follow_symlinks=False):
                total += entry.stat(follow_symlinks=False).st_size
    return total


def gb(n: int) -> str:
    return f"{n / 1e9:.2f} GB"


def mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def size_warning(
    cfg: SiteConfig, folder: Path | None = None, label: str = "the site", size: int | None = None
) -> str:
    """A warning when the built site is over the limit of one published site, else ''.
    ``size``: the site's bytes when known (a build with nothing to do remembers them)."""
    if size is None:
        size = site_bytes(folder or cfg.output_path)
    limit = cfg.publish.max_site_bytes
    if size <= limit:
        return ""
    hint = {
        "": '; set [publish] shard_by = "province" in site.toml to build one site per province',
        "province": '; set [publish] shard_by = "city" to build one site per city instead',
    }.get(cfg.publish.shard_by, "")
    return (
        f"warning: {label} is {gb(size)} ({size:,} bytes), over the {gb(limit)} "
        f"({limit:,} bytes) one published site may hold ([publish] max_site_bytes){hint}"
    )
