"""The reader: one disclosure file (text conversion or PDF) -> one Document.

``read_file`` never raises: a file that cannot be opened, decoded or understood still gives
a Document whose ``problems`` say why, in plain words, so that a build of hundreds of files
reports the bad ones and publishes the rest. A file over one of the caps of ``limits.py`` is
refused whole with a problem naming the cap (and the line), never read half.
``isolation.read_isolated`` runs the same reader in a worker process with a time and memory
limit, for inputs nobody has looked at.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from generator.model import Document, Metadata, Problem
from generator.read import layout, pdf_health
from generator.read import source as source_mod
from generator.read.document import build_document
from generator.read.limits import DEFAULT_LIMITS, ReadLimits, line_problems
from generator.read.pdf import read_pdf
from generator.read.sidecar import read_sidecar


def read_file(path: str | Path, limits: ReadLimits = DEFAULT_LIMITS) -> Document:
    source = str(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(1024)
            is_pdf = source.lower().endswith(".pdf") or head.startswith(b"%PDF")
            cap = limits.max_pdf_bytes if is_pdf else limits.max_text_bytes
            data = _read_capped(handle, head, cap)
    except OSError as err:
        return _failed(
            source,
            "",
            f"the file cannot be read: {err.strerror or err}",
            f"文件无法读取（系统提示：{err.strerror or err}）",
        )
    if len(data) > cap:
        key, mb = (
            ("max_pdf_mb", limits.max_pdf_mb) if is_pdf else ("max_text_mb", limits.max_text_mb)
        )
        return _failed(
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
        return _failed(
            source,
            sha,
            "reading the file ran out of memory; it was not read "
            "(see site.toml [limits] read_memory_mb)",
            "读取该文件时内存不足，未读取（见 site.toml [limits] read_memory_mb）",
        )
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a traceback
        reason = f"{type(exc).__name__}: {exc}"
        return _failed(
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
    sidecar, problems = _sidecar(source)
    if source.lower().endswith(".pdf") or data.startswith(b"%PDF"):
        refused = pdf_health.oversized_stream(source, limits)
        if refused is not None:
            return _stopped(source, "pdf", sha, problems + [refused])
        try:
            lines, blocks, pages, pdf_problems = read_pdf(source)
        except MemoryError:
            raise
        except Exception as err:  # noqa: BLE001 - pdfplumber re-raises when it closes a bad file
            if pdf_health.out_of_memory(err):
                raise MemoryError from err
            return _stopped(source, "pdf", sha, problems + [pdf_health.diagnose(source, err)])
        problems.extend(pdf_problems)
        if not pages and not any(p.severity == "error" for p in pdf_problems):
            problems.append(pdf_health.no_pages(source))
        capped = line_problems(source, lines, limits)
        if capped or (any(p.severity == "error" for p in problems) and not lines):
            return _stopped(source, "pdf", sha, problems + capped, pages=pages)
        return build_document(source, "pdf", sha, None, pages, lines, blocks, problems, sidecar)
    text, encoding, decode_problems = source_mod.decode(data, source)
    problems.extend(decode_problems)
    if any(p.severity == "error" for p in decode_problems):
        return _stopped(source, "text", sha, problems, encoding=encoding)
    lines = source_mod.to_lines(text)
    capped = line_problems(source, lines, limits)
    if capped:
        return _stopped(source, "text", sha, problems + capped, encoding=encoding)
    blocks = layout.to_blocks(lines)
    return build_document(source, "text", sha, encoding, None, lines, blocks, problems, sidecar)


def _stopped(
    source: str,
    fmt,
    sha: str,
    problems: list[Problem],
    pages: int | None = None,
    encoding: str | None = None,
) -> Document:
    """A Document that says why the file was not read (its problems hold an error)."""
    return Document(
        source=source,
        format=fmt,
        sha256=sha,
        metadata=Metadata(),
        encoding=encoding,
        pages=pages or None,
        problems=problems,
    )


def _sidecar(source: str) -> tuple[dict, list[Problem]]:
    try:
        return read_sidecar(source)
    except MemoryError:
        raise
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


__all__ = ["read_file"]
