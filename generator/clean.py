"""``python -m generator clean``: remove the output folder and the build caches, and
nothing else.

A folder is removed only when all of these hold: the build created it (it holds the marker
file the build writes into a folder it made or found empty), it lies inside the project
(the folder of site.toml) and is not the project itself, and it neither is, holds nor lies
inside the content folder. A mistyped ``output_dir = "../victim"`` or ``cache_dir =
"content"`` therefore removes nothing (and site.toml's own checks refuse both first).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from generator.config import ConfigError, SiteConfig, load_config

MARKER = ".made-by-generator"
MARKER_TEXT = (
    "This folder was created by `python -m generator build`; "
    "`python -m generator clean` may remove it.\n"
)


def mark_created(folder: Path) -> bool:
    """Create ``folder`` if needed and mark it as the build's own when the build made it
    (or found it empty); a folder that already held other files is used but never marked.
    Returns whether the folder carries the marker."""
    marker = folder / MARKER
    if marker.is_file():
        return True
    fresh = not folder.exists() or (folder.is_dir() and not any(folder.iterdir()))
    folder.mkdir(parents=True, exist_ok=True)
    if fresh:
        marker.write_text(MARKER_TEXT, encoding="utf-8")
    return fresh


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def removable(folder: Path, cfg: SiteConfig) -> str | None:
    """None when ``clean`` may remove ``folder``, else the reason it is kept."""
    project = cfg.root.resolve()
    content = cfg.content_path
    if not folder.is_dir():
        return "it does not exist"
    if folder.is_symlink():
        return "it is a symbolic link"
    real = folder.resolve()
    if real == project or not _inside(real, project):
        return f"it is not inside the project folder {project}"
    if _inside(content, real) or _inside(real, content):
        return f"it is, holds or lies inside the content folder {content}"
    if not (real / MARKER).is_file():
        return f"the build did not create it (no {MARKER} file); remove it by hand if you mean to"
    return None


def run_clean(config_path: str) -> int:
    try:
        cfg = load_config(config_path)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for key, folder in (("output_dir", cfg.output_path), ("cache_dir", cfg.cache_path)):
        reason = removable(folder, cfg)
        if reason is None:
            shutil.rmtree(folder)
            print(f"removed {folder}", file=sys.stderr)
        elif folder.exists():
            print(f"kept {folder} ({key}): {reason}", file=sys.stderr)
    return 0
