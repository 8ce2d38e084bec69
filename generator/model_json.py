"""Model objects as plain JSON data, every amount with exactly the digits it was printed with.

Apart from the dataclasses (generator/model.py) because it is the one way any stage writes
them out: the open data, the reader's commands and the build's dependency hashes.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any


def to_jsonable(obj: Any) -> Any:
    """Plain JSON data (Decimal -> JSON number with the same digits) for any model object."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, Decimal):
        return json_decimal(obj)
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(v) for v in obj]
    return obj


_SAFE_INTEGER = 2**53  # beyond it a JSON number loses digits in JavaScript and most parsers


def json_decimal(value: Decimal) -> int | float | str:
    """A JSON number whose text is exactly ``value``, else the exact digits as a string.

    Every amount a disclosure prints (at most 15 significant digits) stays a number, with the
    same digits: float repr is the shortest text that round-trips, so it is checked against
    the Decimal rather than trusted. A longer or huge figure (a 4,300-digit cell, a 20-digit
    total) becomes a string such as "12345678901234567890.12", which any consumer can read
    exactly, instead of losing digits or failing to convert.
    """
    if not value.is_finite():
        return str(value)
    if value == value.to_integral_value() and abs(value) < _SAFE_INTEGER:
        return int(value)
    if value.adjusted() < 300 and len(value.as_tuple().digits) <= 17:
        as_float = float(value)
        if Decimal(repr(as_float)) == value:
            return as_float
    return str(value)
