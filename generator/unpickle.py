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
from typing import Any


def loads(data: bytes) -> Any:
    paused = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)
    finally:
        if paused:
            gc.enable()
