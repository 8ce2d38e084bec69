"""Model objects as plain JSON data, every amount with exactly the digits it was printed with.

Apart from the dataclasses (generator/model.py) because it is the one way any stage writes
them out: the open data, the reader's commands and the build's dependency hashes.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from generator.model import field_names

_PLAIN = (str, int, float, bool, type(None))  # JSON as they are


def to_jsonable(obj: Any) -> Any:
    """Plain JSON data (Decimal -> JSON number with the same digits) for any model object.
    Dispatched on the exact type first: a department-year's data file walks every object of
    its documents (a few hundred thousand), so the cheap cases come first."""
    kind = type(obj)
    if kind in _PLAIN:
        return obj
    names = field_names(kind)
    if names is not None:
        return {name: to_jsonable(getattr(obj, name)) for name in names}
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
