"""Reading and indexing many disclosures for the build: from a cache on disk when the bytes
were read before, else in worker processes; each worker also indexes what it read
(``build_index``) and stores the pages' copy (``build_store``), so only small index entries
travel back to the build.

A corpus of real PDFs takes minutes to read, and a second ``build`` of the same files (or
a build after ``audit``-style work on them, or CI with a restored cache) should not pay it
again. Each Document is kept in ``<cache_dir>/read/`` under a hash of its files' bytes,
their content-relative names, its sidecar and the reader's own code (``reader_version``:
generator/read/ and the model it fills), so a new reader version reads everything again and
a stale reading is never served.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator import unpickle
from generator.build_fork import forked_map
from generator.build_index import Indexed, index_document
from generator.build_readers import read_group
from generator.build_store import DocumentStore
from generator.config import PrivacyConfig
from generator.content import Input
from generator.model import Document
from generator.read.cluster import reader_version


class ReadCache:
    """Documents on disk by content hash; a broken or foreign file is a miss, never an error."""

    def __init__(self, folder: Path):
        self.folder = folder / "read"
        self.code = reader_version()

    def _file(self, key: tuple[str, ...]) -> Path:
        digest = hashlib.sha256("\n".join([self.code, *map(str, key)]).encode()).hexdigest()
        return self.folder / f"{digest}.pickle"

    def get(self, key: tuple[str, ...]) -> Document | None:
        try:
            doc = unpickle.loads(self._file(key).read_bytes())
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


@dataclass(frozen=True)
class Job:
    """One disclosure to read (or find in the read cache) and index."""

    input: Input
    read_key: tuple[str, ...]
    name: str  # its name in the DocumentStore


@dataclass(frozen=True)
class Caches:
    """Where a worker finds and leaves its results: plain values, so they cross processes."""

    read: Path | None  # the read cache's folder (None: a custom reader, nothing on disk)
    store: Path | None
    code: str
    privacy: PrivacyConfig


def input_paths(inp: Input) -> list[Path]:
    return [inp.path, *(p.path for p in inp.parts)]


_OPEN: dict[tuple[str, ...], tuple[ReadCache | None, DocumentStore]] = {}


def _open(caches: Caches) -> tuple[ReadCache | None, DocumentStore]:
    """One ReadCache and DocumentStore per process (hashing the reader's code costs time)."""
    key = (str(caches.read), str(caches.store), caches.code, repr(caches.privacy))
    if key not in _OPEN:
        read = ReadCache(caches.read) if caches.read is not None else None
        _OPEN[key] = read, DocumentStore(caches.store, caches.code, repr(caches.privacy))
    return _OPEN[key]


def read_or_cached(
    base: Path, inp: Input, read_key: tuple[str, ...], read_cache, reader=None, keep=True
) -> Document:
    """A disclosure's Document from the read cache, else read (and, with ``keep``, kept
    there)."""
    doc = read_cache.get(read_key) if read_cache is not None else None
    if doc is None:
        doc = read_group(reader, base, input_paths(inp))
        if read_cache is not None and keep:
            read_cache.put(read_key, doc)
    return doc


def index_and_store(
    job: Job, doc: Document, privacy: PrivacyConfig, store: DocumentStore | None
) -> Indexed:
    """The index entry of a read Document; its pages' copy goes to ``store`` (None: nowhere,
    so the next build reads it again)."""
    indexed, shown = index_document(job.input, doc, privacy)
    if store is not None:
        store.put(job.name, indexed, shown)
    return indexed


def process(base: Path, job: Job, caches: Caches) -> Indexed:
    """Read one disclosure (unless the read cache has it), index it and store its pages' copy."""
    read_cache, store = _open(caches)
    doc = read_or_cached(base, job.input, job.read_key, read_cache)
    return index_and_store(job, doc, caches.privacy, store)


def process_in_workers(
    base: Path,
    jobs: list[Job],
    caches: Caches,
    done: Callable[[int, Indexed], None],
    workers: int | None = None,
) -> None:
    """Process each job in forked worker processes, largest first; ``done(index, entry)``
    in that order. One job or one worker: here."""
    workers = min(workers or os.cpu_count() or 1, len(jobs))
    order = sorted(range(len(jobs)), key=lambda i: -_size(jobs[i].input))
    entries = forked_map(lambda i: process(base, jobs[i], caches), order, workers, at_least=2)
    for i, entry in zip(order, entries, strict=True):
        done(i, entry)


def _size(inp: Input) -> int:
    total = 0
    for path in input_paths(inp):
        try:
            total += path.stat().st_size
        except OSError:
            pass
    return total
