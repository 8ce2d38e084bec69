"""What the checks compute once per document or table, kept while they check it.

Every rule asks again for a document's line index, its tables' figures and precision, its
narrative paragraphs. These used to be pinned on the object itself, but the model's classes
have slots (a national index holds millions of their objects), so the pinning silently
failed and each was computed again on every ask: the line index once per piece of evidence,
a table's precision once per sum checked. They are kept here instead, for the few objects
being checked at a time: an entry holds its object (so the object's id is not reused while
the entry lives), everything goes when the outermost ``scope`` ends (the checks of one
document, or of one department's documents), and within a scope the oldest entries go first
past KEEP. Nothing outlives the checks that made it: a document kept alive after its checks
costs the garbage collector a scan of its objects on every full collection, which made
loading the next documents slower than the computing saved. A result must be a pure
function of its object, which the checks never change.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

KEEP = 256  # entries: a department's documents with their tables, checked together

_kept: OrderedDict[tuple[int, str], tuple[object, object]] = OrderedDict()
_depth = 0


@contextmanager
def scope() -> Iterator[None]:
    """Results kept inside live until the outermost scope ends."""
    global _depth
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if _depth == 0:
            _kept.clear()


def once(obj: object, name: str, make: Callable[[], T]) -> T:
    """``make()`` for ``obj`` the first time ``name`` is asked of it, the same value after."""
    key = (id(obj), name)
    hit = _kept.get(key)
    if hit is not None and hit[0] is obj:
        _kept.move_to_end(key)
        return hit[1]  # type: ignore[return-value]
    value = make()
    _kept[key] = (obj, value)
    if len(_kept) > KEEP:
        _kept.popitem(last=False)
    return value
