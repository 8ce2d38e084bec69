"""Reading many disclosures for the build: from a cache on disk when the bytes were read
before, else in worker processes.

A corpus of real PDFs takes minutes to read, and a second ``build`` of the same files (or
a build after ``audit``-style work on them, or CI with a restored cache) should not pay it
again. Each Document is kept in ``<cache_dir>/read/`` under a hash of its files' bytes,
their content-relative names, its sidecar and the reader's own code (generator/read/), so
a new reader version reads everything again and a stale reading is never served.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from generator.build_readers import read_group
from generator.model import Document
from generator.render import tree_hash

READER_CODE = Path(__file__).resolve().parent / "read"


class ReadCache:
    """Documents on disk by content hash; a broken or foreign file is a miss, never an error."""

    def __init__(self, folder: Path):
        self.folder = folder / "read"
        self.code = tree_hash(READER_CODE)

    def _file(self, key: tuple[str, ...]) -> Path:
        digest = hashlib.sha256("\n".join([self.code, *map(str, key)]).encode()).hexdigest()
        return self.folder / f"{digest}.pickle"

    def get(self, key: tuple[str, ...]) -> Document | None:
        try:
            doc = pickle.loads(self._file(key).read_bytes())
        except Exception:  # noqa: BLE001 - missing, truncated or from another version
            return None
        return doc if isinstance(doc, Document) else None

    def put(self, key: tuple[str, ...], doc: Document) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            target = self._file(key)
            tmp = target.with_suffix(".tmp")
            tmp.write_bytes(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL))
            tmp.replace(target)
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            pass  # a cache that cannot be written only costs time


def _job(args: tuple[str, list[str]]) -> Document:
    base, paths = args
    return read_group(None, Path(base), [Path(p) for p in paths])


def read_in_workers(
    base: Path, jobs: list[list[Path]], done: Callable[[int, Document], None]
) -> None:
    """Read each job (the files of one disclosure) in worker processes, largest first;
    ``done(index, document)`` as each finishes. One job or one core: read here."""
    workers = min(os.cpu_count() or 1, len(jobs))
    if workers <= 1:
        for i, paths in enumerate(jobs):
            done(i, read_group(None, base, paths))
        return
    order = sorted(range(len(jobs)), key=lambda i: -sum(_size(p) for p in jobs[i]))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {i: pool.submit(_job, (str(base), [str(p) for p in jobs[i]])) for i in order}
        for i in order:
            try:
                doc = futures[i].result()
            except Exception:  # noqa: BLE001 - a worker died: read this one here instead
                doc = read_group(None, base, jobs[i])
            done(i, doc)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
