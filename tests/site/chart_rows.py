"""What static/site.js draws for each chart of a built page (``chartRows``), read the way it
reads it: the rows of the chart's data table that carry a value, then the figure's
``data-extra``. Tests use it wherever they once read the JSON embedded beside the table."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any


class _Page(HTMLParser):
    """Every table's body rows (their header text, data-s and data-v cell) by the table's
    id, and every chart figure's attributes, with the table printed inside it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.figures: list[dict[str, Any]] = []
        self.tables: dict[str, list[dict[str, Any]]] = {}
        self._figure: dict[str, Any] | None = None
        self._rows: list[dict[str, Any]] | None = None
        self._row: dict[str, Any] | None = None
        self._in: list[str] = []  # "th" / "v": the row header or the data-v cell being read

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "figure" and "data-chart" in a:
            self._figure = {"attrs": a, "rows": None}
            self.figures.append(self._figure)
        elif tag == "table":
            self._rows = []
            if a.get("id"):
                self.tables[a["id"]] = self._rows
            if self._figure is not None and "chart-table" in (a.get("class") or ""):
                self._figure["rows"] = self._rows
        elif tag == "tbody" and self._rows is not None:
            self._rows.clear()  # only body rows
        elif tag == "tr" and self._rows is not None:
            self._row = {"th": None, "v": None, "s": a.get("data-s"), "text": None}
        elif self._row is not None and tag == "th" and self._row["th"] is None:
            self._row["th"] = ""
            self._in.append("th")
        elif self._row is not None and tag == "td" and "data-v" in a:
            self._row["v"], self._row["text"] = a["data-v"], ""
            self._in.append("v")
        elif self._in and tag in ("th", "td"):
            self._in.append("")  # a nested cell reads nothing of its own

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td") and self._in:
            self._in.pop()
        elif tag == "tr" and self._row is not None and self._rows is not None:
            self._rows.append(self._row)
            self._row = None
        elif tag == "table":
            self._rows = None
        elif tag == "figure":
            self._figure = None

    def handle_data(self, data: str) -> None:
        if self._in and self._in[-1] == "th":
            self._row["th"] += data
        elif self._in and self._in[-1] == "v":
            self._row["text"] += data


def chart_rows(html: str) -> dict[str, list[dict[str, Any]]]:
    """Each chart's drawn rows by the figure's id: dicts of label, value, text, series."""
    page = _Page()
    page.feed(html)
    out = {}
    for fig in page.figures:
        a = fig["attrs"]
        table = page.tables.get(a["data-rows"], []) if a.get("data-rows") else fig["rows"] or []
        rows = [
            {
                "label": (r["th"] or "").strip(),
                "value": float(r["v"]),
                "text": r["text"].strip(),
                "series": r["s"] or a.get("data-series") or "",
            }
            for r in table
            if r["v"] is not None
        ]
        out[a["id"]] = rows + json.loads(a.get("data-extra") or "[]")
    return out
