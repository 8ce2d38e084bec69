"""Extraction of one file, before any reading of what it says.

Kept apart from ``read/__init__`` so that a disclosure of several files (``combine``) can
extract each part the same way a single file is extracted, without importing the package
entry point that itself dispatches to ``combine``.
"""

from __future__ import annotations

from generator.model import Document, Metadata, Problem
from generator.read import layout
from generator.read import source as source_mod
from generator.read.pdf import read_pdf
from generator.read.sidecar import read_sidecar


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


def sidecar_of(source: str) -> tuple[dict, list[Problem]]:
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


def failed_document(source: str, sha: str, message: str, message_zh: str) -> Document:
    fmt = "pdf" if source.lower().endswith(".pdf") else "text"
    return Document(
        source=source,
        format=fmt,
        sha256=sha,
        metadata=Metadata(),
        problems=[Problem("error", message, source, message_zh=message_zh)],
    )
