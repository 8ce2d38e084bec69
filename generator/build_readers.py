"""Turning one disclosure file into a ``Document`` for the build, without ever stopping it.

The build's read stage needs a reader that always answers: the real reader
(``generator.read``), and, when the reader itself fails, a plain-text ``Document`` that
says what went wrong. Kept apart from the stage runner so tests and tools can use the
plain-text reader without the rest of the build.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.model import Document, Line, Metadata, Problem
from generator.read.extract import failed_document
from generator.read.reader import read_file, read_files

Reader = Callable[[str], Document]


@contextmanager
def _cwd(path: Path) -> Iterator[None]:
    """Readers get content-relative paths so SourceRefs (and output) never hold a local path."""
    old = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def default_reader() -> Reader:
    return read_file


def text_only_reader(path: str) -> Document:
    """The plain text only, and a warning saying the figures were not read (tests use it
    to stand in for the reader; the build uses it when the reader fails on a file)."""
    data = Path(path).read_bytes()
    problems = [
        Problem(
            "warning",
            "the reader is not installed in this build; only the plain text is shown",
            path,
            message_zh="本次构建未安装文件解析模块，只显示原文文本",
        )
    ]
    text = data.decode("utf-8", errors="replace") if path.endswith(".txt") else ""
    lines = [Line(i, t) for i, t in enumerate(text.split("\n"), start=1)]
    return Document(
        source=path,
        format="pdf" if path.endswith(".pdf") else "text",
        sha256=hashlib.sha256(data).hexdigest(),
        metadata=Metadata(),
        lines=lines,
        problems=problems,
    )


def read_disclosure(reader: Reader, content_path: Path, path: Path) -> Document:
    """Read one disclosure by its content-relative path; a reader bug becomes an error
    on that document's page instead of stopping the site."""
    rel = path.relative_to(content_path).as_posix()
    try:
        with _cwd(content_path):
            return reader(rel)
    except Exception as exc:  # the reader promises not to raise; a bug must not stop the site
        return reader_failed(content_path, path, f"{type(exc).__name__}: {exc}")


def reader_failed(content_path: Path, path: Path, reason: str) -> Document:
    """The plain text of a disclosure the reader failed on, with an error saying why (also
    what a reading that failed on a Dask worker becomes: generator/build_dask.py)."""
    rel = path.relative_to(content_path).as_posix()
    try:
        doc = text_only_reader(str(path))
    except OSError:
        doc = failed_document(rel, "", reason, reason)
    doc.source = rel
    doc.problems = [
        Problem(
            "error",
            f"the reader failed ({reason})",
            rel,
            message_zh=f"读取失败（技术原因：{reason}）",
        )
    ]
    return doc


def read_group(reader: Reader | None, content_path: Path, paths: list[Path]) -> Document:
    """One disclosure of one file (``reader``, the default when None) or of several parts,
    read together as one Document (generator/read/parts.py)."""
    if len(paths) == 1:
        return read_disclosure(reader or default_reader(), content_path, paths[0])
    with _cwd(content_path):
        return read_files([p.relative_to(content_path).as_posix() for p in paths])
