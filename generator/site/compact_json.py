"""The department-year ``data.json``: the full reading result, written without repetition.

A document's JSON (``parse --json``, ``generator/document.schema.json``) spells out, for every
figure, the file, page and whole text of its source line, and for every table cell its line
and page again. On the site the source page already prints every line once (``#L<line>``
anchors), so this download keeps each figure's link to its line and leaves out what the link
leads to:

- a source reference is ``{"line": n}`` (plus ``page`` for a PDF, plus ``file`` when it is
  not the document's own file); the line's text is on the source page (``source_page``);
- a table cell on its row's line, with no number read from it, is its text (a string); a
  cell holding a number is ``{"text": …, "value": …}``;
- fields that are null or empty are left out (absent means null, or an empty list).

Nothing a figure depends on is dropped: every value, printed text, unit and line is kept.

The model objects are walked once, straight into this form. Going through ``to_jsonable``'s
full form first and compacting that was about 45% of the time a department-year took to
render: a department-year's documents hold a few hundred thousand objects.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from generator.model import Cell, Document, Row, SourceRef, Table, field_names
from generator.model_json import json_decimal

FORMAT = "budget-site/department-year/2"

_PLAIN = (str, int, float, bool, type(None))  # JSON as they are
_CONTAINERS = (list, tuple, dict)


def _empty(v: Any) -> bool:
    """null, an empty list or an empty mapping (never "", 0 or false: those are values)."""
    return v is None or (not v and type(v) in _CONTAINERS)


def _compact(obj: Any, own: str | None) -> Any:
    # exact types first: the cheap cases are the many ones
    kind = type(obj)
    if kind in _PLAIN:
        return obj
    if kind is SourceRef:
        ref: dict[str, Any] = {"line": obj.line}
        if obj.page is not None:
            ref["page"] = obj.page
        if obj.file != own:
            ref["file"] = obj.file
        return ref
    if kind is Row:
        return _row(obj, own)
    names = field_names(kind)
    if names is not None:
        out = {}
        for name in names:
            value = getattr(obj, name)
            if not _empty(value):
                out[name] = _compact(value, own)
        if kind is Table and all(u is None for u in obj.column_units):
            out.pop("column_units", None)
        return out
    if isinstance(obj, Decimal):
        return json_decimal(obj)
    if isinstance(obj, dict):
        return {str(k): _compact(v, own) for k, v in obj.items() if not _empty(v)}
    if isinstance(obj, (list, tuple)):
        return [_compact(v, own) for v in obj]
    return obj


def _row(row: Row, own: str | None) -> dict[str, Any]:
    out = {}
    for name in field_names(Row):
        value = getattr(row, name)
        if not _empty(value):
            cells = name == "cells"
            out[name] = [_cell(c, row.line) for c in value] if cells else _compact(value, own)
    return out


def _cell(cell: Cell, row_line: int) -> Any:
    kept: dict[str, Any] = {}
    if cell.text is not None:
        kept["text"] = cell.text
    if cell.value is not None:
        kept["value"] = json_decimal(cell.value)
    if cell.line is not None and cell.line != row_line:
        kept["line"] = cell.line
    if cell.page is not None:
        kept["page"] = cell.page
    return kept["text"] if list(kept) == ["text"] else kept


def document(doc: Document, rel: str, department_id: str | None, source_page: str) -> dict:
    """One document in the compact form, without its lines (the source page has the text;
    the download stays small). ``rel`` is its file as the site names it."""
    out = {
        name: _compact(value, rel)
        for name in field_names(Document)
        if name != "lines" and not _empty(value := getattr(doc, name))
    }
    out["source"] = rel
    if not _empty(department_id):
        out["department_id"] = department_id
    out["source_page"] = source_page
    return out


def findings(items: Iterable[Any] | None) -> list[dict[str, Any]] | None:
    """Findings may cite several documents: their references keep the file."""
    return None if items is None else [_compact(f, None) for f in items]
