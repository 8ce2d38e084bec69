"""Pagefind's index rewritten into one canonical form, so the same pages give the same bytes.

Pagefind 1.5 writes its word index and page fragments the same way every run, but builds
each filter file (``filter/<lang>_<hash>.pf_filter``: one filter's values and the pages
that carry each) from a hash map, so the values come out in a different order each run; the
file names hash those bytes, and the language's ``.pf_meta`` file names the filter files,
so it changes too, and so does ``pagefind-entry.json``, which names the meta file.

The formats (Pagefind's ``pagefind_web`` loader): a file is ``pagefind_dcd`` followed by a
CBOR document, optionally gzipped, and the loader accepts it either way. A filter file is
``[filter name, [[value, [page numbers]], ...]]``; a meta file is
``[version, pages, index chunks, [[filter name, filter file hash], ...], sorts, meta fields]``.
This module sorts each filter's values and page numbers, writes the filter and meta files
*uncompressed* (so no zlib version can change a byte; the web server compresses them in
transit), names each after a hash of its new bytes, and points the meta and entry files at
the new names. Word index chunks and fragments are left as Pagefind wrote them.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"


class FormatError(RuntimeError):
    """Pagefind wrote something this module does not know; the message names the file."""


def _decode(path: Path) -> object:
    import gzip

    data = path.read_bytes()
    if not data.startswith(SIGNATURE):
        data = gzip.decompress(data)
    if not data.startswith(SIGNATURE):
        raise FormatError(f"{path.name}: no Pagefind signature")
    return cbor2.loads(data[len(SIGNATURE) :])


def _encode(obj: object) -> bytes:
    return SIGNATURE + cbor2.dumps(obj, canonical=True)


def _short(data: bytes, n: int) -> str:
    return hashlib.sha256(data).hexdigest()[:n]


def canonical_filter(obj: object, name: str) -> list:
    """A filter's values sorted by value, each with its pages in ascending order."""
    if not (isinstance(obj, list) and len(obj) == 2 and isinstance(obj[1], list)):
        raise FormatError(f"{name}: not a [filter, values] pair")
    values = sorted(([str(v), sorted(int(p) for p in pages)] for v, pages in obj[1]))
    return [obj[0], values]


def canonicalize(bundle: Path) -> None:
    """Rewrite the filter, meta and entry files of the Pagefind bundle in ``bundle``."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for lang, info in sorted(entry["languages"].items()):
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _decode(meta_path)
        if not (isinstance(meta, list) and len(meta) >= 4 and isinstance(meta[3], list)):
            raise FormatError(f"{meta_path.name}: not a Pagefind {entry['version']} meta file")
        renamed = []
        for filter_name, old_hash in meta[3]:
            old = bundle / "filter" / f"{old_hash}.pf_filter"
            data = _encode(canonical_filter(_decode(old), old.name))
            new_hash = f"{lang}_{_short(data, 7)}"
            old.unlink()
            (bundle / "filter" / f"{new_hash}.pf_filter").write_bytes(data)
            renamed.append([filter_name, new_hash])
        meta[3] = sorted(renamed)
        data = _encode(meta)
        info["hash"] = f"{lang}_{_short(data, 13)}"
        meta_path.unlink()
        (bundle / f"pagefind.{info['hash']}.pf_meta").write_bytes(data)
    entry_path.write_text(
        json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
