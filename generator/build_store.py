"""Processed disclosures on disk: each one's index entry and its redacted Document.

The build keeps only the index entries in memory (``build_index``) and loads one document's
full Document while it renders that document's pages, so memory does not grow with the
collection. Both files are named by a hash of what they were made from: the input's bytes
and names (``input_key``), the privacy settings and the generator's own code; a changed input,
setting or version is a miss, never a stale page. A broken or foreign file is a miss too.

A build in a new process needs every entry again. Tens of thousands of small files cost a
file read each, and each entry arrives with a private copy of every string in it, to be
interned (``share_strings``). So the entries a build used are also kept in buckets: 256
files per output folder, each holding the entries whose names begin with its two hex
digits, their strings shared within the file. A rebuild reads the buckets, then any entry
not in them from its own file, and rewrites only the buckets whose entries changed: after
one edit, the one or two holding the edited document's old and new entry.

Builders given a custom reader (tests) keep the same things in memory instead.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
from collections import OrderedDict, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from generator import unpickle
from generator.build_index import Indexed
from generator.checks.packed import PackedFindings
from generator.model import Document

KEEP_LOADED = 8  # a department-year's documents, while its pages render


KEEP_VERSIONS = 2  # the generator's code versions whose stores stay on disk
BUCKET_DIGITS = 2  # a store name's first hex digits pick its bucket: 256 buckets


class DocumentStore:
    def __init__(self, folder: Path | None, code: str, privacy: str):
        # one folder per version of the generator's code: a new version indexes everything
        # again, and ``prune`` removes the stores of versions before the last few
        self.folder = folder / code if folder is not None else None
        self.salt = f"{code}\n{privacy}"
        self._memory: dict[str, tuple[Indexed, Document]] = {}
        self._loaded: OrderedDict[str, Document] = OrderedDict()
        # per scope, per bucket: the names its file holds (as read or last written)
        self._buckets: dict[str, dict[str, frozenset[str]]] = {}

    def rows_folder(self, scope: str) -> Path | None:
        """Where the site-wide downloads' rows are kept between builds (site/row_cache.py),
        per output folder as the buckets are: each shard's downloads keep their own."""
        return None if self.folder is None else self.folder / "rows" / scope

    def name(self, input_key: tuple[Any, ...]) -> str:
        text = "\n".join([self.salt, *map(str, input_key)])
        return hashlib.sha256(text.encode()).hexdigest()

    def _path(self, name: str, part: str) -> Path:
        assert self.folder is not None
        return self.folder / part / name[:2] / f"{name}.pickle"

    def put(self, name: str, indexed: Indexed, shown: Document) -> None:
        if self.folder is None:
            self._memory[name] = (indexed, shown)
            return
        for part, obj in (("docs", shown), ("index", indexed)):  # the index entry last
            _write(self._path(name, part), obj)

    def indexed(self, name: str) -> Indexed | None:
        if self.folder is None:
            found = self._memory.get(name)
            return found[0] if found else None
        obj = _load(self._path(name, "index"))
        return obj if isinstance(obj, Indexed) else None

    def bucketed(self, scope: str, names: Iterable[str]) -> dict[str, Indexed]:
        """The entries of these names that the buckets of ``scope`` (one per output folder:
        the shards of a collection share one store) hold."""
        self._buckets[scope] = {}
        folder = self._bucket_folder(scope)
        if folder is None or not folder.is_dir():
            return {}
        wanted, found = set(names), {}
        with unpickle.paused():  # tens of thousands of entries and no garbage among them
            for path in sorted(folder.glob("*.pickle")):
                held = _load(path)
                if not isinstance(held, dict):
                    continue  # broken: its entries are read one by one, and written again
                self._buckets[scope][path.stem] = frozenset(held)
                found.update(
                    (n, e) for n, e in held.items() if n in wanted and isinstance(e, Indexed)
                )
        return found

    def put_buckets(self, scope: str, entries: dict[str, Indexed]) -> None:
        """Keep a build's entries in the buckets of ``scope``; a bucket whose names are the
        ones its file holds is not written again (an entry never changes under its name)."""
        folder = self._bucket_folder(scope)
        if folder is None:
            return
        grouped: dict[str, dict[str, Indexed]] = defaultdict(dict)
        for name in sorted(entries):
            grouped[name[:BUCKET_DIGITS]][name] = entries[name]
        held = self._buckets.get(scope, {})
        for bucket, mine in grouped.items():
            if held.get(bucket) != frozenset(mine):
                _write(folder / f"{bucket}.pickle", mine)
        for bucket in set(held) - set(grouped):
            (folder / f"{bucket}.pickle").unlink(missing_ok=True)
        self._buckets[scope] = {b: frozenset(mine) for b, mine in grouped.items()}

    def _bucket_folder(self, scope: str) -> Path | None:
        return None if self.folder is None else self.folder / "buckets" / scope

    def document(self, name: str) -> Document | None:
        """The redacted Document of a stored disclosure; the last few stay loaded."""
        if name in self._loaded:
            self._loaded.move_to_end(name)
            return self._loaded[name]
        if self.folder is None:
            found = self._memory.get(name)
            doc = found[1] if found else None
        else:
            obj = _load(self._path(name, "docs"))
            doc = obj if isinstance(obj, Document) else None
        if doc is not None:
            self._loaded[name] = doc
            while len(self._loaded) > KEEP_LOADED:
                self._loaded.popitem(last=False)
        return doc

    def group_findings(self, names: list[str]) -> dict[str, PackedFindings] | None:
        """The findings of one department's documents (their own and those comparing them),
        merged and packed per document, when these very documents were checked together
        before: a rebuild after one edit merges again only the edited department's."""
        if self.folder is None:
            return None
        found = _load(self._path(self._group(names), "groups"))
        return found if isinstance(found, dict) else None

    def put_group(self, names: list[str], findings: dict[str, PackedFindings]) -> None:
        if self.folder is not None:
            _write(self._path(self._group(names), "groups"), findings)

    def _group(self, names: list[str]) -> str:
        return hashlib.sha256("\n".join(names).encode()).hexdigest()

    def prune(self, keep: int = KEEP_VERSIONS) -> None:
        """Remove the stores of older code versions, keeping this one and the newest others."""
        if self.folder is None or not self.folder.parent.is_dir():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        os.utime(self.folder)  # in use: the newest
        versions = [p for p in self.folder.parent.iterdir() if p.is_dir()]
        versions.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for old in versions[keep:]:
            if old != self.folder:
                shutil.rmtree(old, ignore_errors=True)

    def drop_except(self, names: set[str]) -> None:
        """Memory store: forget disclosures no longer in the content."""
        self._memory = {k: v for k, v in self._memory.items() if k in names}


def _load(path: Path) -> Any:
    try:
        return unpickle.loads(path.read_bytes())
    except Exception:  # noqa: BLE001 - missing, truncated or from another version
        return None


def _write(target: Path, obj: Any) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(target)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass  # a cache that cannot be written only costs time
