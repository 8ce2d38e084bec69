"""Where the site's makings are besides the content (the generator's code, its templates,
its static files) and one hash over a folder of them.

Kept apart and light (no Jinja, no pandas, no reader): a build with nothing to do needs
these hashes and nothing else, so it must not pay for importing the whole generator.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
PROJECT = PACKAGE.parent
TEMPLATES = PROJECT / "templates"
STATIC = PROJECT / "static"


def tree_hash(folder: Path) -> str:
    """One hash over a folder's files (names and bytes): a template edit changes it.
    Python's bytecode caches are not part of the code: Python writes them on first import,
    so counting them would make a fresh clone's second build differ from its first."""
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder)
        if "__pycache__" in rel.parts or path.suffix == ".pyc":
            continue
        h.update(rel.as_posix().encode())
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()[:16]
