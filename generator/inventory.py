"""Every file under the content folder, and what the build can do with it, before anything
is read: so a symbolic link leading out of the folder, a dangling link, an unreadable file or
folder, a sidecar with no disclosure, a ``.docx`` or a README each become a row of the build
report instead of a traceback or silence.

The walk never follows a link: a link is judged by where it points (inside the content
folder: read like the file it points to; outside or nowhere: reported, never read).
"""

from __future__ import annotations

import os
from collections.abc import Set
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.content import DISCLOSURE_SUFFIXES

# statuses of files that never reach the reader; the report names each in Chinese
UNREADABLE = "unreadable"  # permission or I/O error (file or folder)
OUTSIDE_LINK = "outside_link"  # a symbolic link leading outside the content folder
DANGLING_LINK = "dangling_link"  # a symbolic link to nothing
ORPHAN_SIDECAR = "orphan_sidecar"  # a .toml with no disclosure of the same name beside it
UNSUPPORTED = "unsupported"  # a file that could be a document but is not .txt/.pdf
IGNORED = "ignored"  # README, .gitkeep, a sidecar-like file the build has no use for
SIDECAR = "sidecar"  # read with its disclosure
PAGE = "page"  # a Markdown page under pages/

# these mean an input the author meant to publish did not make it: ``build --strict`` fails
FAULTS = (UNREADABLE, OUTSIDE_LINK, DANGLING_LINK, ORPHAN_SIDECAR)
DOCUMENT_LIKE = {".doc", ".docx", ".xls", ".xlsx", ".wps", ".et", ".ofd", ".rtf", ".odt", ".ods"}
DOCUMENT_LIKE |= {".html", ".htm", ".csv", ".zip", ".rar", ".7z", ".jpg", ".png", ".tif"}
_QUIET = {".gitkeep", ".gitignore", ".ds_store", "thumbs.db"}


@dataclass
class Entry:
    rel: str  # POSIX, relative to the content folder
    status: str
    message: str  # English, for the command line and report.json
    message_zh: str  # for the report page
    for_file: str | None = None  # a sidecar's disclosure


def _readable(path: Path) -> OSError | None:
    try:
        with open(path, "rb") as handle:
            handle.read(1)
    except OSError as err:
        return err
    return None


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def survey(content: Path, known: Set[str] = frozenset()) -> tuple[dict[str, Entry], set[str]]:
    """(every file that is not a readable disclosure, with its fate; the content-relative
    paths of the disclosures that may be read). Sorted walk: deterministic. ``known``: files
    whose fate the caller already has (the disclosures a build read): not opened again."""
    content = content.resolve()
    entries: dict[str, Entry] = {}
    readable: set[str] = set()

    def folder_error(err: OSError) -> None:
        rel = Path(err.filename).resolve().relative_to(content).as_posix() + "/"
        entries[rel] = Entry(
            rel,
            UNREADABLE,
            f"the folder cannot be read ({err.strerror or err}); files in it were not looked at",
            f"无法打开该文件夹（系统提示：{err.strerror or err}），其中的文件未读取",
        )

    names: list[Path] = []
    for top, dirs, files in os.walk(content, onerror=folder_error, followlinks=False):
        dirs.sort()
        for d in list(dirs):
            path = Path(top) / d
            if path.is_symlink():  # a linked folder: reported, never walked
                dirs.remove(d)
                names.append(path)
        names.extend(Path(top) / f for f in sorted(files))
    all_rels = {p.relative_to(content).as_posix() for p in names}
    for path in sorted(names):
        rel = path.relative_to(content).as_posix()
        if rel in known:
            continue
        entry = _judge(path, rel, content, all_rels)
        if entry is None:
            readable.add(rel)
        else:
            entries[rel] = entry
    return entries, readable


def _judge(path: Path, rel: str, content: Path, all_rels: set[str]) -> Entry | None:
    suffix = path.suffix.lower()
    if path.is_symlink():
        target = os.readlink(path)
        if not path.exists():
            return Entry(
                rel,
                DANGLING_LINK,
                f"a symbolic link to {target!r}, which does not exist; nothing was read",
                f"符号链接指向不存在的“{target}”，未读取",
            )
        if not _inside(path.resolve(), content):
            return Entry(
                rel,
                OUTSIDE_LINK,
                "a symbolic link leading outside the content folder; it was not read",
                "符号链接指向内容文件夹之外，未读取",
            )
        if path.is_dir():
            return Entry(
                rel,
                IGNORED,
                "a symbolic link to a folder inside the content folder; read there, not here",
                "指向内容文件夹内另一文件夹的符号链接，其中文件按原位置读取",
            )
    if not path.is_file():
        return Entry(rel, IGNORED, "not a regular file", "不是普通文件，未读取")
    err = _readable(path)
    if err is not None:
        return Entry(
            rel,
            UNREADABLE,
            f"the file cannot be read ({err.strerror or err})",
            f"无法读取该文件（系统提示：{err.strerror or err}）",
        )
    if suffix in DISCLOSURE_SUFFIXES:
        return None
    if rel.startswith("pages/") and suffix == ".md":
        return Entry(rel, PAGE, "a Markdown page of the site", "本站的说明页面")
    if suffix == ".toml":
        stem = rel[: -len(path.suffix)]
        owner = next((stem + s for s in DISCLOSURE_SUFFIXES if stem + s in all_rels), None)
        if owner is None:
            owner = next(
                (
                    r
                    for r in all_rels
                    if r.lower() in {stem.lower() + s for s in DISCLOSURE_SUFFIXES}
                ),
                None,
            )
        if owner is not None:
            return Entry(rel, SIDECAR, f"the sidecar of {owner}", f"{owner} 的附带资料文件", owner)
        return Entry(
            rel,
            ORPHAN_SIDECAR,
            "a sidecar with no disclosure of the same name (.txt or .pdf) beside it; "
            "its values apply to nothing",
            "同名的公开文件（.txt 或 .pdf）不存在，这份附带资料文件未被使用",
        )
    if path.name.lower() in _QUIET or suffix == ".md":
        return Entry(rel, IGNORED, "not a disclosure; ignored", "不是公开文件，已忽略")
    if suffix in DOCUMENT_LIKE or not suffix:
        kind = f"'{path.suffix}'" if suffix else "no extension"
        return Entry(
            rel,
            UNSUPPORTED,
            f"not read: a file with {kind}; only .txt and .pdf disclosures are read "
            "(convert it to PDF or text)",
            f"未读取：只读取 .txt 和 .pdf 格式的公开文件（{kind}），请转换为 PDF 或文本",
        )
    return Entry(rel, IGNORED, "not a disclosure; ignored", "不是公开文件，已忽略")


def unread_rows(content: Path, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Report rows of every file under the content folder that was not read as a
    disclosure (generator/inventory.py): the report lists every file."""
    listed = {r["file"] for r in rows}
    entries, readable = survey(content, listed)
    out = []
    for rel in sorted(readable - listed):  # a .txt/.pdf the build does not look at
        entries[rel] = Entry(
            rel,
            IGNORED,
            "not under disclosures/; not read",
            "不在 disclosures/ 文件夹中，未读取",
        )
    for rel, e in sorted(entries.items()):
        if rel in listed:
            continue
        severity = "error" if e.status in FAULTS else "warning"
        out.append(
            {
                "file": rel,
                "sha256": None,
                "status": e.status,
                "page": None,
                "problems": [
                    {
                        "severity": severity,
                        "message": e.message,
                        "message_zh": e.message_zh,
                        "line": None,
                        "page": None,
                    }
                ]
                if e.status not in (SIDECAR, PAGE)
                else [],
            }
            | ({"sidecar_of": e.for_file} if e.for_file else {})
        )
    return out
