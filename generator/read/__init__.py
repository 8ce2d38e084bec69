"""The reader: one disclosure file (text conversion or PDF) -> one Document.

``read_file`` never raises: a file that cannot be opened, decoded or understood still gives
a Document whose ``problems`` say why, in plain words, so that a build of hundreds of files
reports the bad ones and publishes the rest.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from generator.model import Document, Metadata, Problem
from generator.read import layout
from generator.read import source as source_mod
from generator.read.document import build_document
from generator.read.pdf import read_pdf
from generator.read.sidecar import read_sidecar


def read_file(path: str | Path) -> Document:
    source = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        return _failed(
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
        return _failed(
            source,
            sha,
            f"the file could not be read ({reason})",
            f"文件未能读取（技术原因：{reason}）",
        )


def _read(source: str, data: bytes, sha: str) -> Document:
    sidecar, problems = _sidecar(source)
    if sidecar.get("parts"):
        from generator.read.combine import read_parts

        base = Path(source).parent
        return read_parts([source, *(str(base / name) for name in sidecar["parts"])])
    extracted = extract(source, data, sha)
    if isinstance(extracted, Document):
        extracted.problems[:0] = problems
        return extracted
    fmt, encoding, pages, lines, blocks, more = extracted
    problems.extend(more)
    return build_document(source, fmt, sha, encoding, pages, lines, blocks, problems, sidecar)


def extract(source: str, data: bytes, sha: str):
    """(format, encoding, pages, lines, blocks, problems) of one file, or a failed Document."""
    if source.lower().endswith(".pdf") or data.startswith(b"%PDF"):
        lines, blocks, pages, pdf_problems = read_pdf(source)
        if any(p.severity == "error" for p in pdf_problems) and not lines:
            return Document(
                source=source,
                format="pdf",
                sha256=sha,
                metadata=Metadata(),
                pages=pages or None,
                problems=list(pdf_problems),
            )
        return "pdf", None, pages, lines, blocks, list(pdf_problems)
    text, encoding, decode_problems = source_mod.decode(data, source)
    if any(p.severity == "error" for p in decode_problems):
        return Document(
            source=source,
            format="text",
            sha256=sha,
            metadata=Metadata(),
            encoding=encoding,
            problems=list(decode_problems),
        )
    lines = source_mod.to_lines(text)
    blocks = layout.to_blocks(lines)
    return "text", encoding, None, lines, blocks, list(decode_problems)


def _sidecar(source: str) -> tuple[dict, list[Problem]]:
    try:
        return read_sidecar(source)
    except Exception as exc:  # noqa: BLE001
        return {}, [
            Problem(
                "warning",
                f"the sidecar could not be read ({exc})",
                source,
                message_zh=f"附带的元数据文件未能读取（技术原因：{exc}）",
            )
        ]


def _failed(source: str, sha: str, message: str, message_zh: str) -> Document:
    fmt = "pdf" if source.lower().endswith(".pdf") else "text"
    return Document(
        source=source,
        format=fmt,
        sha256=sha,
        metadata=Metadata(),
        problems=[Problem("error", message, source, message_zh=message_zh)],
    )


def read_files(paths: list[str]) -> Document:
    """One disclosure from one file or from several (see parts.py); never raises."""
    if len(paths) == 1:
        return read_file(paths[0])
    from generator.read.combine import read_parts

    try:
        return read_parts([str(p) for p in paths])
    except Exception as exc:  # noqa: BLE001 - as read_file: never a traceback
        reason = f"{type(exc).__name__}: {exc}"
        return _failed(
            str(paths[0]),
            "",
            f"the disclosure could not be read ({reason})",
            f"文件未能读取（技术原因：{reason}）",
        )


__all__ = ["read_file", "read_files"]
