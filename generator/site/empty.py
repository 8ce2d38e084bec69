"""Nothing empty: which views would show only zeros or "不适用", so a page says it in a
sentence instead of drawing a table or chart of them."""

from __future__ import annotations

from decimal import Decimal

from generator.model import Table


def table_all_zero(table: Table) -> bool:
    """A printed table whose every number is 0 (a 政府性基金 table of a department without
    such funds): the page says so and links the source lines, which keep the printed form."""
    numbers = [
        c.value
        for row in table.rows
        for c in row.cells
        if c.value is not None and not (row.code and c.text.strip() == row.code.raw)
    ]
    return bool(numbers) and all(v == Decimal(0) for v in numbers)


def all_absent(texts_numeric: list[tuple[bool, object]]) -> bool:
    """Rows of (is a number, value): none is a number other than 0."""
    return all(not numeric or not value for numeric, value in texts_numeric)
