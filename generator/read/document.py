"""Assemble one Document from decoded lines and blocks, whatever the input format.

Every part of the reader runs here in one place, each guarded: a part that fails on strange
input adds a Problem naming the file and the part, and the others still run, so one bad
table never costs a reader the rest of the document.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from generator.model import Document, Line, Metadata, Problem
from generator.read import glossary as glossary_mod
from generator.read import indicators, magnitude, narrative
from generator.read import metadata as metadata_mod
from generator.read import projects as projects_mod
from generator.read import sections as sections_mod
from generator.read import tables as tables_mod
from generator.read.blocks import Block, Grid
from generator.read.truncation import cut_short_problems, missing_tables_problems

# the parts _guard names, as a reader of the site calls them
_PART_ZH = {
    "tables": "表格",
    "sections": "章节",
    "narrative": "文字说明",
    "glossary": "名词解释",
    "projects": "项目",
    "metadata": "文件基本信息",
    "indicators": "主要指标",
}


def _guard(
    problems: list[Problem], source: str, what: str, fn: Callable[[], Any], default: Any
) -> Any:
    try:
        return fn()
    except MemoryError:
        raise  # a file that exhausts memory is refused whole, not read in part
    except Exception as exc:  # noqa: BLE001 - strange input must never stop the reader
        reason = f"{type(exc).__name__}: {exc}"
        problems.append(
            Problem(
                "warning",
                f"the {what} could not be read ({reason})",
                source,
                message_zh=f"{_PART_ZH.get(what, what)}部分未能读取（技术原因：{reason}）",
            )
        )
        return default


def build_document(
    source: str,
    fmt: Literal["text", "pdf"],
    sha256: str,
    encoding: str | None,
    pages: int | None,
    lines: list[Line],
    blocks: list[Block],
    problems: list[Problem],
    sidecar: dict | None,
) -> Document:
    problems = list(problems)
    tables, table_problems = _guard(
        problems,
        source,
        "tables",
        lambda: tables_mod.read_tables_with_problems(source, blocks),
        ([], []),
    )
    problems.extend(table_problems)

    sections, toc = _guard(
        problems,
        source,
        "sections",
        lambda: sections_mod.read_sections(lines, blocks=blocks),
        ([], []),
    )
    present = {t.id for t in tables if t.id}
    for entry in toc:
        if entry.table_id:
            entry.found = entry.table_id in present
    if lines:
        cut = cut_short_problems(source, toc, sections, lines[-1].number)
        problems.extend(cut or missing_tables_problems(source, toc, tables, lines))

    statements = _guard(
        problems,
        source,
        "narrative",
        lambda: narrative.read_statements(source, lines, blocks=blocks),
        [],
    )
    glossary = _guard(
        problems,
        source,
        "glossary",
        lambda: glossary_mod.read_glossary(source, lines, blocks=blocks),
        [],
    )
    projects = _guard(
        problems,
        source,
        "projects",
        lambda: projects_mod.read_projects(source, blocks, tables),
        [],
    )
    statements, absurd_problems = magnitude.drop_absurd(source, tables, statements, projects)
    problems.extend(absurd_problems)
    metadata, meta_problems = _guard(
        problems,
        source,
        "metadata",
        lambda: metadata_mod.read_metadata(source, lines, tables, sidecar or {}),
        (Metadata(), []),
    )
    problems.extend(meta_problems)
    if not metadata.units:
        metadata.units = _declared_units(tables)

    preferred, readings = _guard(
        problems,
        source,
        "indicators",
        lambda: indicators.collect(source, tables, statements, metadata.units, metadata.kind),
        ({}, []),
    )
    if lines and not preferred and metadata.kind is None:
        # a notice, a form or a report may well hold tables: what a disclosure has and they
        # lack is a title naming a budget, final account or performance targets, or a figure
        problems.append(
            Problem(
                "error",
                "this does not look like a budget disclosure: its title names no 部门预算, "
                "决算 or 绩效目标 and no budget figure was found"
                + (f" (it begins “{_first_words(lines)}”)" if _first_words(lines) else ""),
                source,
                message_zh="这似乎不是预算公开文件：标题中没有“预算”“决算”或“绩效目标”，"
                "也没有找到预算数字"
                + (f"（开头为“{_first_words(lines)}”）" if _first_words(lines) else ""),
            )
        )
    elif lines and not tables and not any(isinstance(b, Grid) for b in blocks):
        problems.append(
            Problem(
                "warning",
                "no table was found in the document",
                source,
                message_zh="文件中没有找到表格",
            )
        )
    return Document(
        source=source,
        format=fmt,
        sha256=sha256,
        metadata=metadata,
        encoding=encoding,
        pages=pages,
        lines=lines,
        sections=sections,
        toc=toc,
        tables=tables,
        statements=statements,
        glossary=glossary,
        projects=projects,
        indicators=preferred,
        readings=readings,
        problems=problems,
    )


def _first_words(lines: list[Line]) -> str:
    """The first words of the document, so a refused file can be recognised in a report."""
    text = " ".join(ln.text.replace("\t", " ").strip() for ln in lines[:3] if ln.text.strip())
    return text[:30] + ("…" if len(text) > 30 else "")


def _declared_units(tables: list) -> list[str]:
    units: list[str] = []
    for t in tables:
        if t.unit and t.unit not in units:
            units.append(t.unit)
    return units
