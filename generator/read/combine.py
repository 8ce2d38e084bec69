"""Read the files of one disclosure (see parts.py) as one Document.

Each file is extracted on its own (its pages keep their own numbers), then its lines are
renumbered to follow the previous file's, so the reader sees one document: the narrative's
title and sentences, the tables' grids. Afterwards every place the reader recorded (a
figure's source, a problem) is given back the file its line came from, by line range.
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

from generator.model import Document, Line, Metadata, Part, Problem, SourceRef
from generator.read.blocks import Block, Grid
from generator.read.document import build_document
from generator.read.extract import extract, sidecar_of


def read_parts(paths: list[str]) -> Document:
    """One Document of several files, in the given order (the first names the disclosure)."""
    source = paths[0]
    sidecar, problems = sidecar_of(source)
    sidecar = {k: v for k, v in sidecar.items() if k != "parts"}
    all_lines: list[Line] = []
    all_blocks: list[Block] = []
    parts: list[Part] = []
    shas: list[str] = []
    fmt = "pdf"
    encoding = None
    total_pages = 0
    for path in paths:
        try:
            data = Path(path).read_bytes()
        except OSError as err:
            problems.append(
                Problem(
                    "error",
                    f"part {path} of this disclosure cannot be read: {err.strerror or err}",
                    path,
                    message_zh=f"本公开文件的组成部分 {path} 无法读取（系统提示：{err.strerror or err}）",
                )
            )
            continue
        sha = hashlib.sha256(data).hexdigest()
        shas.append(sha)
        got = extract(path, data, sha)
        if isinstance(got, Document):
            problems.extend(got.problems)
            parts.append(Part(path, 0, -1, got.pages))
            total_pages += got.pages or 0
            continue
        part_fmt, part_encoding, pages, lines, blocks, more = got
        fmt = part_fmt if not parts else fmt
        encoding = encoding or part_encoding
        offset = all_lines[-1].number if all_lines else 0
        _shift(lines, blocks, offset)
        for p in more:
            if p.line is not None:
                p.line += offset
        problems.extend(more)
        first = lines[0].number if lines else offset + 1
        last = lines[-1].number if lines else offset
        parts.append(Part(path, first, last, pages))
        total_pages += pages or 0
        all_lines.extend(lines)
        all_blocks.extend(blocks)
    sha = hashlib.sha256("".join(shas).encode()).hexdigest()
    if not all_lines:
        return Document(
            source=source,
            format="pdf",
            sha256=sha,
            metadata=Metadata(),
            pages=total_pages or None,
            problems=problems
            or [
                Problem(
                    "error",
                    "no part of this disclosure has text to read",
                    source,
                    message_zh="本公开文件的各个组成部分都没有可读取的文字",
                )
            ],
            parts=parts,
        )
    doc = build_document(
        source, fmt, sha, encoding, total_pages or None, all_lines, all_blocks, problems, sidecar
    )
    doc.parts = parts
    assign_files(doc, parts)
    return doc


def _shift(lines: list[Line], blocks: list[Block], offset: int) -> None:
    """Renumber one file's lines and grids to follow ``offset`` (each object once)."""
    if not offset:
        return
    seen: set[int] = set()
    for ln in lines:
        if id(ln) not in seen:
            seen.add(id(ln))
            ln.number += offset
    for b in blocks:
        if id(b) in seen:
            continue
        seen.add(id(b))
        if isinstance(b, Grid):
            b.line += offset
            b.end_line += offset
            for row in b.rows:
                row.line += offset
                for cell in row.cells:
                    if id(cell) not in seen:
                        seen.add(id(cell))
                        cell.line += offset
        elif isinstance(b, Line):
            b.number += offset


def part_of(parts: list[Part], line: int | None) -> Part | None:
    if line is None:
        return None
    return next((p for p in parts if p.first_line <= line <= p.last_line), None)


def assign_files(doc: Document, parts: list[Part]) -> None:
    """Give every SourceRef and Problem with a line the file that line came from."""
    seen: set[int] = set()

    def walk(obj: object) -> None:
        if id(obj) in seen:
            return
        seen.add(id(obj))
        if isinstance(obj, (SourceRef, Problem)):
            part = part_of(parts, obj.line)
            if part is not None:
                obj.file = part.file
            return
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            for f in dataclasses.fields(obj):
                if f.name != "lines":
                    walk(getattr(obj, f.name))
        elif isinstance(obj, (list, tuple)):
            for v in obj:
                walk(v)
        elif isinstance(obj, dict):
            for v in obj.values():
                walk(v)

    walk(doc)
