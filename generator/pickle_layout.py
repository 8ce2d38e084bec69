"""How the model's objects are pickled: as their constructor's arguments, in field order.

A Document is thousands of small objects, pickled into the read cache and the store and
loaded again for each of its pages; a site's findings are pickled the same way. Python's
default for a slots class writes a dict of field names per object: a tuple of values is a
third smaller, dumped in about half the time and loaded in two thirds (a 280 KB pickle:
6.5 → 3.2 ms and 4.6 → 3.0 ms). The field order so becomes part of what is stored: every
cache holding these objects is kept per version of the code that defines them (the read
cache by generator/model.py's bytes, the store by the whole package's), so an object is
never built from an older order.
"""

from __future__ import annotations

import copyreg
import operator
from dataclasses import fields


def by_position(*classes: type) -> None:
    """Register each dataclass so that its objects pickle as ``(cls, field values)``."""
    for cls in classes:
        names = [f.name for f in fields(cls)]
        assert len(names) > 1, cls  # attrgetter of a single name gives no tuple
        values = operator.attrgetter(*names)
        copyreg.pickle(cls, lambda obj, cls=cls, values=values: (cls, values(obj)))
