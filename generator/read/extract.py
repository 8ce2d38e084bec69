"""Extraction of one file, before any reading of what it says.

Kept apart from ``read/__init__`` so that a disclosure of several files (``combine``) can
extract each part the same way a single file is extracted, without importing the package
entry point that itself dispatches to ``combine``.
"""

from __future__ import annotations

from generator.model import Document, Metadata, Problem
from generator.read import layout, pdf_health
from generator.read import source as source_mod
from generator.read.limits import DEFAULT_LIMITS, ReadLimits, line_problems
from generator.read.pdf import read_pdf
from generator.read.sidecar import read_sidecar


def extract(source: str, data: bytes, sha: str, limits: ReadLimits = DEFAULT_LIMITS):
    """(format, encoding, pages, lines, blocks, problems) of one file, or a Document that says
    why it was not read (a cap exceeded, a broken or page-less PDF, an undecodable text)."""
    problems: list[Problem] = []
    if source.lower().endswith(".pdf") or data.startswith(b"%PDF"):
        refused = pdf_health.oversized_stream(source, limits)
        if refused is not None:
            return stopped(source, "pdf", sha, [refused])
        try:
            lines, blocks, pages, pdf_problems = read_pdf(source)
        except MemoryError:
            raise
        except Exception as err:  # noqa: BLE001 - pdfplumber re-raises when it closes a bad file
            if pdf_health.out_of_memory(err):
                raise MemoryError from err
            return stopped(source, "pdf", sha, [pdf_health.diagnose(source, err)])
        problems.extend(pdf_problems)
        if not pages and not any(p.severity == "error" for p in pdf_problems):
            problems.append(pdf_health.no_pages(source))
        capped = line_problems(source, lines, limits)
        if capped or (any(p.severity == "error" for p in problems) and not lines):
            return stopped(source, "pdf", sha, problems + capped, pages=pages)
        return "pdf", None, pages, lines, blocks, problems
    text, encoding, decode_problems = source_mod.decode(data, source)
    problems.extend(decode_problems)
    if any(p.severity == "error" for p in decode_problems):
        return stopped(source, "text", sha, problems, encoding=encoding)
    lines = source_mod.to_lines(text)
    capped = line_problems(source, lines, limits)
    if capped:
        return stopped(source, "text", sha, problems + capped, encoding=encoding)
    blocks = layout.to_blocks(lines)
    return "text", encoding, None, lines, blocks, problems


def stopped(
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


def sidecar_of(source: str) -> tuple[dict, list[Problem]]:
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


def failed_document(source: str, sha: str, message: str, message_zh: str) -> Document:
    fmt = "pdf" if source.lower().endswith(".pdf") else "text"
    return Document(
        source=source,
        format=fmt,
        sha256=sha,
        metadata=Metadata(),
        problems=[Problem("error", message, source, message_zh=message_zh)],
    )
