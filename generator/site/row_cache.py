"""Rows of the site-wide downloads, kept per department-year between builds.

``findings.csv`` holds every finding of the site, ``indicators.csv`` every canonical figure.
Making them again after one edit meant unpacking every department-year's findings and
writing every row as CSV (about 6 s and 3 s at 20,000 documents, on every rebuild). A
department-year's rows are a function of what its key names, so they are kept as CSV bytes
under that key in the store's folder (one per code version, ``build_store``): a rebuild
makes again only the rows whose key changed, and once a download is whole the rows it no
longer used are removed, so the folder holds one site's rows however many builds it saw.
A missing, unreadable or unwritable file only costs the time to make the rows.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path


def key(*parts: object) -> str:
    return hashlib.sha256("\n".join(map(str, parts)).encode()).hexdigest()


def cached(folder: Path | None, name: str, make: Callable[[], bytes]) -> bytes:
    """The bytes kept under ``name`` in ``folder``, else ``make()``'s, kept for next time."""
    if folder is None:
        return make()
    path = folder / name[:2] / name
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = make()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError:
        pass
    return data


class Kept:
    """The rows of one download kept in ``folder`` (None: nothing is kept)."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.used: set[str] = set()

    def rows(self, name: str, make: Callable[[], bytes]) -> bytes:
        self.used.add(name)
        return cached(self.folder, name, make)

    def prune(self) -> None:
        """Remove the rows this download did not use (call it once the download is whole)."""
        if self.folder is None or not self.folder.is_dir():
            return
        for sub in os.scandir(self.folder):
            if not sub.is_dir(follow_symlinks=False):
                continue
            for entry in os.scandir(sub.path):
                if entry.name not in self.used:
                    try:
                        os.unlink(entry.path)
                    except OSError:
                        pass
