"""The one factory for hand-built test Documents: cells, rows and tables written as they are
printed, readings and metadata typed from the disclosure, and whole documents.

Each test package keeps its own documents (the seeds' figures, looked up in the seed text);
they are all built with these helpers, so a change to the model is made here once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from generator.model import (
    Cell,
    Code,
    Document,
    Line,
    Metadata,
    Problem,
    Reading,
    Row,
    SourceRef,
    Statement,
    Table,
    TocEntry,
)
from generator.read.narrative import read_statements

_NUM = re.compile(r"^-?[\d,]+(?:\.\d+)?$")


def code(raw: str) -> Code | None:
    digits = raw.replace(" ", "")
    if not digits.isdigit():
        return None
    scheme = (
        "functional"
        if digits[0] == "2"
        else "economic_dept"
        if digits[0] == "3"
        else "economic_gov"
    )
    return Code(
        raw=raw,
        scheme=scheme,
        class_=digits[:3],
        section=digits[3:5] or None,
        item=digits[5:7] or None,
    )


def cell(text: str, line: int) -> Cell:
    t = text.strip()
    value = Decimal(t.replace(",", "")) if _NUM.match(t) else None
    return Cell(text=text, value=value, line=line)


def table(
    columns: list[str],
    rows: list[list[str]],
    *,
    id: str | None = None,
    title: str = "",
    unit: str | None = "万元",
    line: int = 100,
    code_col: int | None = None,
    label_col: int | None = 0,
    empty_statement: str | None = None,
) -> Table:
    """Rows are printed cell texts; the code (if any) and label come from the given columns."""
    out = []
    for i, texts in enumerate(rows):
        n = line + 2 + i
        cells = [cell(t, n) for t in texts]
        c = code(texts[code_col]) if code_col is not None and texts[code_col].strip() else None
        label = texts[label_col] if label_col is not None else ""
        out.append(Row(cells=cells, line=n, code=c, label=label))
    return Table(
        id=id,
        title=title,
        line=line,
        unit=unit,
        columns=columns,
        rows=out,
        end_line=line + 2 + len(rows),
        empty_statement=empty_statement,
    )


def rule_document(
    *tables: Table,
    lines: list[str] | None = None,
    kind: str = "budget",
    year: int = 2024,
    source: str = "test.txt",
    department: str = "某县医疗保障局",
    toc: list[TocEntry] | None = None,
    units: list[str] | None = None,
) -> Document:
    """Narrative lines are numbered from 1; tables should start at line 100 or later."""
    text_lines = [Line(number=i + 1, text=t) for i, t in enumerate(lines or [])]
    for t in tables:
        for r in t.rows:
            text_lines.append(Line(number=r.line, text="\t".join(c.text for c in r.cells)))
    text_lines.sort(key=lambda ln: ln.number)
    meta = Metadata(
        title="测试文件",
        department=department,
        year=year,
        kind=kind,
        units=units or ["万元"],
        region_code="410526",
    )
    return Document(
        source=source,
        format="text",
        sha256="0" * 64,
        metadata=meta,
        lines=text_lines,
        tables=list(tables),
        toc=toc or [],
        statements=read_statements(source, text_lines, year, kind),
    )


def row(line: int, label: str, texts: list[str], code: Code | None = None) -> Row:
    """A table row as printed on ``line``: its label and its cells' texts."""
    return Row(cells=[cell(t, line) for t in texts], line=line, code=code, label=label)


def reading(
    file: str,
    indicator: str,
    value: str,
    line: int,
    raw: str | None = None,
    unit: str = "万元",
    origin: str = "table",
    period: str = "current",
    table_id: str | None = None,
    text: str | None = None,
) -> Reading:
    """A figure the reader would have read on ``line`` (``text``: that line, if known)."""
    return Reading(
        id=indicator,
        value=Decimal(value),
        origin=origin,
        source=SourceRef(file=file, line=line, text=text if text is not None else raw or value),
        raw=raw or value,
        unit=unit,
        period=period,
        table_id=table_id,
    )


def metadata(
    department: str,
    region_code: str,
    region_name: str,
    level: str,
    year: int,
    kind: str,
    **kw: object,
) -> Metadata:
    return Metadata(
        department=department,
        department_type="医疗保障局",
        region_code=region_code,
        region_name=region_name,
        region_level=level,
        year=year,
        kind=kind,
        **kw,
    )


def document(
    source: str,
    meta: Metadata,
    readings: Iterable[Reading] = (),
    statements: Iterable[Statement] = (),
    problems: Iterable[Problem] = (),
    **fields: object,
) -> Document:
    """A Document whose preferred indicator is the first current reading of each id."""
    readings = list(readings)
    current: dict[str, Reading] = {}
    for r in readings:
        if r.period == "current":
            current.setdefault(r.id, r)
    return Document(
        source=source,
        format="text",
        sha256=fields.pop("sha256", "0" * 64),
        metadata=meta,
        indicators=fields.pop("indicators", current),
        readings=readings,
        statements=list(statements),
        problems=list(problems),
        **fields,
    )


def rules_fired(findings, rule: str, severity: str | None = None):
    return [f for f in findings if f.rule == rule and (severity is None or f.severity == severity)]
