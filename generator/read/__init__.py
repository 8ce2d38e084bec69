"""The reader: one disclosure file (text conversion or PDF) -> one Document.

``read_file`` never raises: a file that cannot be opened, decoded or understood still gives
a Document whose ``problems`` say why, in plain words, so that a build of hundreds of files
reports the bad ones and publishes the rest.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from generator.model import Document
from generator.read.combine import read_parts
from generator.read.document import build_document
from generator.read.extract import extract, failed_document, sidecar_of


def read_file(path: str | Path) -> Document:
    source = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        return failed_document(
            source,
            "",
            f"the file cannot be read: {err.strerror or err}",
            f"文件无法读取（系统提示：{err.strerror or err}）",
        )
    sha = hashlib.sha256(data).hexdigest()
    try:
        return _read(source, data, sha)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a traceback
        reason = f"{type(exc).__name__}: {exc}"
        return failed_document(
            source,
            sha,
            f"the file could not be read ({reason})",
            f"文件未能读取（技术原因：{reason}）",
        )


def _read(source: str, data: bytes, sha: str) -> Document:
    sidecar, problems = sidecar_of(source)
    if sidecar.get("parts"):
        base = Path(source).parent
        return read_parts([source, *(str(base / name) for name in sidecar["parts"])])
    extracted = extract(source, data, sha)
    if isinstance(extracted, Document):
        extracted.problems[:0] = problems
        return extracted
    fmt, encoding, pages, lines, blocks, more = extracted
    problems.extend(more)
    return build_document(source, fmt, sha, encoding, pages, lines, blocks, problems, sidecar)


def read_files(paths: list[str]) -> Document:
    """One disclosure from one file or from several (see parts.py); never raises."""
    if len(paths) == 1:
        return read_file(paths[0])
    try:
        return read_parts([str(p) for p in paths])
    except Exception as exc:  # noqa: BLE001 - as read_file: never a traceback
        reason = f"{type(exc).__name__}: {exc}"
        return failed_document(
            str(paths[0]),
            "",
            f"the disclosure could not be read ({reason})",
            f"文件未能读取（技术原因：{reason}）",
        )


__all__ = ["read_file", "read_files"]
