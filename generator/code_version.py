"""Where the site's makings are besides the content (the generator's code, its templates,
its static files) and one hash over a folder of them.

Kept apart and light (no Jinja, no pandas, no reader): a build with nothing to do needs
these hashes and nothing else, so it must not pay for importing the whole generator.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
PROJECT = PACKAGE.parent
TEMPLATES = PROJECT / "templates"
STATIC = PROJECT / "static"

# The installed libraries whose versions shape what is made, besides the code: a cache kept
# between machines (CI restores it on every push, with whatever versions pip resolves that
# day) must not serve a reading or a page that another version would make differently.
READING_LIBRARIES = ("pdfplumber", "pdfminer.six", "pypdfium2", "pillow")
WRITING_LIBRARIES = (
    "jinja2",
    "markupsafe",
    "markdown-it-py",
    "pandas",
    "altair",
    "vl-convert-python",
    "pagefind",
    "orjson",
    "cbor2",
)


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


def library_versions(names: Iterable[str]) -> str:
    """A short hash of the installed versions of ``names`` (a missing one counts too)."""
    h = hashlib.sha256()
    for name in names:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        h.update(f"{name}=={version}\n".encode())
    return h.hexdigest()[:8]
