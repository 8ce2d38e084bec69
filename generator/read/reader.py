"""The reader's entry points: one disclosure (one file, or its parts) -> one Document."""

from __future__ import annotations

import hashlib
from pathlib import Path

from generator.model import Document
from generator.read.combine import read_parts
from generator.read.document import build_document
from generator.read.extract import extract, failed_document, sidecar_of
from generator.read.limits import DEFAULT_LIMITS, ReadLimits


def read_file(path: str | Path, limits: ReadLimits = DEFAULT_LIMITS) -> Document:
    source = str(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(1024)
            is_pdf = source.lower().endswith(".pdf") or head.startswith(b"%PDF")
            cap = limits.max_pdf_bytes if is_pdf else limits.max_text_bytes
            data = _read_capped(handle, head, cap)
    except OSError as err:
        return failed_document(
            source,
            "",
            f"the file cannot be read: {err.strerror or err}",
            f"文件无法读取（系统提示：{err.strerror or err}）",
        )
    if len(data) > cap:
        key, mb = (
            ("max_pdf_mb", limits.max_pdf_mb) if is_pdf else ("max_text_mb", limits.max_text_mb)
        )
        return failed_document(
            source,
            "",
            f"the file is larger than {mb:g} MB, the limit for one "
            f"{'PDF' if is_pdf else 'text'} disclosure (site.toml [limits] {key}); it was not read",
            f"文件超过 {mb:g} MB，超出单个{'PDF' if is_pdf else '文本'}文件的上限"
            f"（site.toml [limits] {key}），未读取",
        )
    sha = hashlib.sha256(data).hexdigest()
    try:
        document = _read(source, data, sha, limits)
        if any("MemoryError" in p.message for p in document.problems):
            raise MemoryError  # a part (a PDF page, the metadata) took it for its own fault
        return document
    except MemoryError:
        return failed_document(
            source,
            sha,
            "reading the file ran out of memory; it was not read "
            "(see site.toml [limits] read_memory_mb)",
            "读取该文件时内存不足，未读取（见 site.toml [limits] read_memory_mb）",
        )
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a traceback
        reason = f"{type(exc).__name__}: {exc}"
        return failed_document(
            source,
            sha,
            f"the file could not be read ({reason})",
            f"文件未能读取（技术原因：{reason}）",
        )


def _read_capped(handle, head: bytes, cap: int) -> bytes:
    """The file's bytes, or cap + 1 of them when it is larger: never more in memory (a file
    may also be a device or a pipe that never ends)."""
    chunks, size = [head], len(head)
    while size <= cap:
        chunk = handle.read(min(1 << 20, cap + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _read(source: str, data: bytes, sha: str, limits: ReadLimits) -> Document:
    sidecar, problems = sidecar_of(source)
    if sidecar.get("parts"):
        base = Path(source).parent
        return read_parts([source, *(str(base / name) for name in sidecar["parts"])])
    extracted = extract(source, data, sha, limits)
    if isinstance(extracted, Document):
        extracted.problems[:0] = problems
        return extracted
    fmt, encoding, pages, lines, blocks, more = extracted
    problems.extend(more)
    return build_document(source, fmt, sha, encoding, pages, lines, blocks, problems, sidecar)


def read_files(paths: list[str], limits: ReadLimits = DEFAULT_LIMITS) -> Document:
    """One disclosure from one file or from several (see parts.py); never raises."""
    if len(paths) == 1:
        return read_file(paths[0], limits)
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
