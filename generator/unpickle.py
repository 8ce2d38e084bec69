"""Unpickling the build's large objects with the garbage collector paused.

Loading a Document from the read cache or the store makes tens of thousands of objects at
once, none of them garbage. Each few hundred allocations set Python's cyclic collector
scanning the young objects, and every so often all of them: at national scale the build
holds the whole index, so a full collection scans hundreds of MB while a document loads. A
pause for the length of one ``loads`` is safe (it makes no cycles to collect) and the
collector resumes as it was.
"""

from __future__ import annotations

import gc
import pickle
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


def loads(data: bytes) -> Any:
    with paused():
        return pickle.loads(data)


@contextmanager
def paused() -> Iterator[None]:
    """The collector paused while a caller loads many objects that are not garbage (the
    build's index from its buckets); it resumes as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
