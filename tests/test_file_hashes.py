"""Hashes remembered across builds: a file is read again exactly when it may have changed."""

from __future__ import annotations

import hashlib
import os
import time

from generator.file_hashes import RACY_NS, FileHashes


def _age(path, seconds=60):
    """Move a file's modification time into the past (its change time moves to now)."""
    past = time.time() - seconds
    os.utime(path, (past, past))


def _saved_later(store, seconds=60):
    """As if the remembered hashes had been saved ``seconds`` after the files' last change."""
    import json

    data = json.loads(store.read_text(encoding="utf-8"))
    data["saved_at"] += seconds * 1_000_000_000
    store.write_text(json.dumps(data), encoding="utf-8")


def _remembered(tmp_path, data: bytes, age: bool = False):
    """A file hashed once and its hash saved a minute after the file's last change."""
    f, store = tmp_path / "a.txt", tmp_path / "cache" / "hashes.json"
    f.write_bytes(data)
    if age:
        _age(f)
    first = FileHashes(store)
    assert first.sha256(f) == hashlib.sha256(data).hexdigest()
    first.save()
    _saved_later(store)
    return f, store


def test_an_unchanged_file_is_not_read_again(tmp_path):
    f, store = _remembered(tmp_path, b"2024 budget")
    second = FileHashes(store)
    assert second.sha256(f) == hashlib.sha256(b"2024 budget").hexdigest()
    assert second.hashed == 0


def test_a_changed_file_is_read_again_even_with_its_old_size_and_time(tmp_path):
    f, store = _remembered(tmp_path, b"1000.00", age=True)
    stat = f.stat()
    f.write_bytes(b"9000.00")  # same size
    os.utime(f, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same modification time
    second = FileHashes(store)
    assert second.sha256(f) == hashlib.sha256(b"9000.00").hexdigest()
    assert second.hashed == 1


def test_a_file_changed_within_the_clock_tick_of_the_save_is_not_trusted(tmp_path):
    f, store = tmp_path / "a.txt", tmp_path / "hashes.json"
    f.write_bytes(b"x")
    first = FileHashes(store)
    first.sha256(f)
    first.save()  # saved within RACY_NS of the file's times
    assert RACY_NS >= 1_000_000_000
    second = FileHashes(store)
    second.sha256(f)
    assert second.hashed == 1


def test_nothing_is_remembered_without_a_file(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(b"x")
    hashes = FileHashes(None)
    hashes.sha256(f)
    hashes.save()
    assert hashes.hashed == 1 and list(tmp_path.iterdir()) == [f]


def test_a_damaged_store_is_ignored(tmp_path):
    f, store = tmp_path / "a.txt", tmp_path / "hashes.json"
    f.write_bytes(b"x")
    store.write_text("{not json", encoding="utf-8")
    hashes = FileHashes(store)
    assert hashes.sha256(f) == hashlib.sha256(b"x").hexdigest()
