"""Find the inputs: disclosures (with their sidecars) and the Markdown pages.

Disclosures are every ``.txt``/``.pdf`` under ``<content>/disclosures/``, or, for a folder
with no ``disclosures/`` (a crawler's collection, ``build --content PATH``), under the folder
itself, in any layout. The path is a hint, not the truth (``generator/path_hints.py``): the
reader's metadata wins, the path only fills what a document never says.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from generator.file_hashes import FileHashes
from generator.path_hints import hints

DISCLOSURE_SUFFIXES = (".txt", ".pdf")


@dataclass
class Input:
    """One disclosure file and what its path says about it."""

    path: Path  # absolute
    rel: str  # content-relative, POSIX: "disclosures/410526-滑县/滑县医疗保障局/2024-budget.txt"
    sha256: str
    sidecar: Path | None = None
    sidecar_sha256: str | None = None
    region_code: str | None = None
    region_name: str | None = None
    department: str | None = None
    year: int | None = None
    kind: str | None = None
    first_seen: str | None = None  # ISO date the file first entered the repository (git)
    parts: list[Input] = field(default_factory=list)  # the other files of a multi-file disclosure


@dataclass
class MarkdownPage:
    slug: str  # file stem, ASCII expected: "about"
    path: Path
    rel: str
    text: str
    sha256: str


def find_disclosures(
    content_dir: Path, hashes: FileHashes | None = None, listing: Listing | None = None
) -> list[Input]:
    """Every disclosure under content/disclosures (or under a layout-free folder), sorted by
    path so builds are deterministic. ``hashes``: hashes remembered from the last build;
    ``listing``: the content folder already walked (``walk``)."""
    hashes = hashes or FileHashes(None)
    _real_folder.cache_clear()  # folders resolved once per build, never across builds
    root = disclosures_root(content_dir)
    if not root.is_dir():
        return []
    if listing is None or listing.root != content_dir:
        listing = walk(content_dir)
    skip = len(root.relative_to(content_dir).parts)  # the parts of ``root`` itself
    found = []
    for path, parts in listing.below(root):
        if path.suffix.lower() not in DISCLOSURE_SUFFIXES or not listing.is_file(path):
            continue
        if not _within(path, content_dir, listing.is_link(path)):
            continue  # a link out of the content folder: reported by generator/inventory.py
        try:
            found.append(_describe(path, parts, parts[skip:], content_dir, hashes, listing))
        except OSError:
            continue  # unreadable: reported by generator/inventory.py
    hashes.save()
    added = first_commits(root)
    for item in found:
        item.first_seen = added.get(item.path)
    return found


@dataclass
class Listing:
    """One walk of the content folder, shared by everything that needs its files: a
    national collection holds tens of thousands, and each ``stat`` the walk saves is saved
    on every build, including the builds with nothing to do."""

    root: Path
    paths: list[Path]  # every entry below root, in the order of sorted(root.rglob("*"))
    parts: list[tuple[str, ...]]  # each one's path below root, in parts
    links: set[str]  # the entries that are symbolic links
    files: set[str]  # the entries that are files (links followed)

    def below(self, folder: Path) -> list[tuple[Path, tuple[str, ...]]]:
        """The entries below ``folder`` (the root or a folder in it), with their parts."""
        prefix = folder.relative_to(self.root).parts
        n = len(prefix)
        return [
            (p, parts)
            for p, parts in zip(self.paths, self.parts, strict=True)
            if parts[:n] == prefix and len(parts) > n
        ]

    def is_file(self, path: Path) -> bool:
        return str(path) in self.files

    def is_link(self, path: Path) -> bool:
        return str(path) in self.links

    def names(self) -> list[str]:
        """Every entry as a root-relative POSIX path."""
        return ["/".join(parts) for parts in self.parts]


def walk(root: Path) -> Listing:
    """``root.rglob("*")`` in one ``os.scandir`` pass: the kind of each entry comes with it
    (no ``stat`` per file), and symbolic links to folders are listed but not entered."""
    found: list[tuple[tuple[str, ...], Path]] = []
    links: set[str] = set()
    files: set[str] = set()

    def visit(folder: Path, parts: tuple[str, ...]) -> None:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            return  # unreadable: reported by generator/inventory.py
        for entry in entries:
            path, rel = folder / entry.name, (*parts, entry.name)
            found.append((rel, path))
            try:
                link, is_dir, is_file = entry.is_symlink(), entry.is_dir(), entry.is_file()
            except OSError:
                continue
            if link:
                links.add(str(path))
            if is_file:
                files.add(str(path))
            if is_dir and not link:
                visit(path, rel)

    visit(root, ())
    found.sort(key=lambda item: item[0])
    return Listing(root, [p for _, p in found], [parts for parts, _ in found], links, files)


def first_commits(folder: Path) -> dict[Path, str]:
    """The date (ISO, committer's) each file under ``folder`` was first committed, from one
    ``git log``: a fact of the repository, so every build on every clone gives the same
    dates. Empty outside a git checkout or without git (the feed then falls back)."""
    import shutil
    import subprocess

    git = shutil.which("git")
    if git is None:
        return {}
    try:
        top = subprocess.run(
            [git, "-C", str(folder), "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            timeout=20,
        )
        if top.returncode != 0:
            return {}
        log = subprocess.run(
            [
                git,
                "-C",
                str(folder),
                "-c",
                "core.quotepath=off",
                "log",
                "--diff-filter=A",
                "--format=@%cs",
                "--name-only",
                "--",
                ".",
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    root = Path(top.stdout.strip())
    dates: dict[Path, str] = {}
    date = None
    for line in log.stdout.splitlines():  # newest first: the last date seen is the first add
        if line.startswith("@"):
            date = line[1:]
        elif line.strip() and date:
            dates[(root / line.strip()).resolve()] = date
    return dates


def disclosures_root(content_dir: Path) -> Path:
    """``content/disclosures`` when the folder has one, else the folder itself."""
    nested = content_dir / "disclosures"
    return nested if nested.is_dir() or (content_dir / "pages").is_dir() else content_dir


def _within(path: Path, folder: Path, link: bool | None = None) -> bool:
    """Whether ``path``, links followed, is in ``folder``: a link out is never read.
    ``link``: whether ``path`` is a symbolic link, when the caller knows."""
    real, top = str(_real(path, link)), str(_real_folder(folder))
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


def _real(path: Path, link: bool | None = None) -> Path:
    """``path.resolve()``, resolving each folder once: a national collection has tens of
    thousands of files in a few thousand folders. A file that is itself a link is resolved
    whole."""
    if path.is_symlink() if link is None else link:
        return path.resolve()
    return _real_folder(path.parent) / path.name


@lru_cache(maxsize=65536)
def _real_folder(folder: Path) -> Path:
    return folder.resolve()


def _describe(
    path: Path,
    parts: tuple[str, ...],
    hinted: tuple[str, ...],
    content_dir: Path,
    hashes: FileHashes,
    listing: Listing,
) -> Input:
    """``parts``: the path's parts below the content folder; ``hinted``: below the folder
    of disclosures (what path hints read)."""
    rel = "/".join(parts)
    sidecar = path.with_suffix(".toml")
    item = Input(path=_real(path, listing.is_link(path)), rel=rel, sha256=hashes.sha256(path))
    side_link = listing.is_link(sidecar)
    if listing.is_file(sidecar) and _within(sidecar, content_dir, side_link):
        item.sidecar = _real(sidecar, side_link)
        try:
            item.sidecar_sha256 = hashes.sha256(sidecar)
        except OSError as err:  # the reader reports it on the disclosure
            item.sidecar_sha256 = f"unreadable:{err.errno}"
    h = hints(hinted)
    item.region_code, item.region_name = h.region_code, h.region_name
    item.department, item.year, item.kind = h.department, h.year, h.kind
    return item


def find_pages(content_dir: Path) -> list[MarkdownPage]:
    root = content_dir / "pages"
    if not root.is_dir():
        return []
    pages = []
    for path in sorted(root.glob("*.md")):
        try:
            if not _within(path, content_dir):
                continue
            data = path.read_bytes()
        except OSError:
            continue  # unreadable: reported by generator/inventory.py
        pages.append(
            MarkdownPage(
                slug=path.stem,
                path=path.resolve(),
                rel=path.relative_to(content_dir).as_posix(),
                text=data.decode("utf-8", errors="replace"),
                sha256=hashlib.sha256(data).hexdigest(),
            )
        )
    return pages
