"""Rows of the site-wide downloads, kept per department-year between builds.

``findings.csv`` holds every finding of the site, ``indicators.csv`` every canonical figure.
Making them again after one edit meant unpacking every department-year's findings and
writing every row as CSV (about 6 s and 3 s at 20,000 documents, on every rebuild). A department-year's rows are a function of what its key
names, so they are kept as CSV bytes under that key in the store's folder (one per code
version, ``build_store``): a rebuild makes again only the rows whose key changed. A
missing, unreadable or unwritable file only costs the time to make the rows.
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
