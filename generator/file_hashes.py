"""File hashes remembered by size, modification and change times and inode, as git's index
does.

Every build hashes every disclosure (what it is read from and what its pages depend on); at
national scale that is gigabytes read just to learn that nothing changed. A file whose size,
times and inode are those it had when it was last hashed has the same hash (the change time
also moves when a file's permissions do, so a file made unreadable is read again and fails
as before). A file changed within the same clock tick as it was hashed could keep them all,
so an entry whose times are less than ``RACY_NS`` before the moment it was saved is never
trusted (the "racily clean" rule of git): such a file is hashed again.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

RACY_NS = 2_000_000_000  # file systems with coarse timestamps tick in up to 2 s
VERSION = 2


def sha256_file(path: Path) -> str:
    """The hash of a file's bytes, read in blocks: a large PDF or a site-wide download is
    never held whole (the caller catches OSError)."""
    h = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            h.update(block)
    return h.hexdigest()


def folder_key(folder: Path, cache: Path) -> str:
    """A folder in the name of a file in ``cache``: one cache folder serves several content
    and output folders (a preview, the shards, the test suite's builds), and each keeps its
    own state. Named by where it lies from the cache, so a project moved or restored with
    its cache elsewhere (CI restores the last build into a new checkout) finds its state."""
    folder, cache = folder.resolve(), cache.resolve()
    try:
        where = Path(os.path.relpath(folder, cache)).as_posix()
    except ValueError:  # another drive: no relative path
        where = str(folder)
    return hashlib.sha256(where.encode()).hexdigest()[:12]


class FileHashes:
    """``sha256(path)`` that trusts what it saved in ``file`` (None: remembers nothing)."""

    def __init__(self, file: Path | None):
        self.file = file
        self._old: dict[str, list] = {}
        self._new: dict[str, list] = {}
        self.hashed = 0  # files read this time (the tests look)
        if file is None:
            return
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(data, dict) and data.get("version") == VERSION:
            saved_at = data.get("saved_at", 0)
            self._old = {
                k: v
                for k, v in data.get("files", {}).items()
                if isinstance(v, list) and len(v) == 5 and max(v[1:3]) < saved_at - RACY_NS
            }

    @classmethod
    def of_folder(cls, cache: Path | None, folder: Path) -> FileHashes:
        """The hashes of the files under ``folder``, kept in ``cache`` (None: not kept)."""
        if cache is None:
            return cls(None)
        return cls(cache / f"file-hashes-{folder_key(folder, cache)}.json")

    def sha256(self, path: Path) -> str:
        st = path.stat()
        key = str(path)
        stamp = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
        old = self._old.get(key)
        if old is not None and old[:4] == stamp:
            digest = old[4]
        else:
            digest = sha256_file(path)  # the module's name, looked up now: a test replaces it
            self.hashed += 1
        self._new[key] = [*stamp, digest]
        return digest

    def save(self) -> None:
        """Keep the files hashed by this build (files gone since are forgotten)."""
        if self.file is None or self._new == self._old:
            return
        data = {"version": VERSION, "saved_at": time.time_ns(), "files": self._new}
        self.file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.file.with_name(self.file.name + f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        tmp.replace(self.file)
