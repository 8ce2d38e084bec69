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
"""

from __future__ import annotations

from typing import Any

FORMAT = "budget-site/department-year/2"


def _bare(x: Any, own: str | None) -> Any:
    # exact types: the input is to_jsonable's plain data (a department-year's few hundred
    # thousand values, walked on every render of its data file)
    kind = type(x)
    if kind is dict:
        if "file" in x and "line" in x and "text" in x:  # a source reference
            ref: dict[str, Any] = {"line": x["line"]}
            if x.get("page") is not None:
                ref["page"] = x["page"]
            if x["file"] != own:
                ref["file"] = x["file"]
            return ref
        return {k: _bare(v, own) for k, v in x.items() if not _empty(v)}
    if kind is list:
        return [_bare(v, own) for v in x]
    return x


def _empty(v: Any) -> bool:
    """null, [] or {} (never "", 0 or false: those are values)."""
    return v is None or (not v and type(v) in (list, dict))


def _cell(cell: dict[str, Any], row_line: int) -> Any:
    kept = {k: v for k, v in cell.items() if v is not None and not (k == "line" and v == row_line)}
    return kept["text"] if list(kept) == ["text"] else kept


def _table(table: dict[str, Any]) -> dict[str, Any]:
    out = dict(table)
    if all(u is None for u in out.get("column_units") or []):
        out.pop("column_units", None)
    out["rows"] = [
        {**row, "cells": [_cell(c, row["line"]) for c in row["cells"]]} for row in table["rows"]
    ]
    return out


def document(data: dict[str, Any], source_page: str) -> dict[str, Any]:
    """One document's JSON (``to_jsonable``, without lines) in the compact form."""
    own = data["source"]
    data = {**data, "tables": [_table(t) for t in data.get("tables") or []]}
    out = _bare(data, own)
    out["source_page"] = source_page
    return out


def findings(items: list[dict[str, Any]] | None) -> list[dict[str, Any]] | None:
    """Findings may cite several documents: their references keep the file."""
    return None if items is None else _bare(items, None)
