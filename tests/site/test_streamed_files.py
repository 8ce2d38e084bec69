"""The site-wide downloads are written as they are made (hundreds of megabytes at national
scale), with the same bytes and the same write-only-when-changed rule as every page."""

from __future__ import annotations

import hashlib
import os

import pytest

from generator import render
from generator.links import Links
from generator.site import opendata


def test_chunks_are_written_once_and_then_left_alone(tmp_path):
    chunks = [b"\xef\xbb\xbfa,b\n", b"1,2\n" * 1000, b"3,4\n"]
    written, sha = render.write_if_changed(tmp_path, "data/x.csv", iter(chunks))
    target = tmp_path / "data" / "x.csv"
    assert written and target.read_bytes() == b"".join(chunks)
    assert sha == hashlib.sha256(b"".join(chunks)).hexdigest()[:24]
    os.utime(target, (1, 1))
    again, same = render.write_if_changed(tmp_path, "data/x.csv", iter(chunks))
    assert not again and same == sha and target.stat().st_mtime == 1
    # the same bytes given whole: the same answer and hash
    assert render.write_if_changed(tmp_path, "data/x.csv", b"".join(chunks)) == (False, sha)
    changed, other = render.write_if_changed(tmp_path, "data/x.csv", iter([b"new\n"]))
    assert changed and other != sha and target.read_bytes() == b"new\n"


def test_a_producer_that_breaks_leaves_the_last_file_and_no_half_one(tmp_path):
    render.write_if_changed(tmp_path, "data/x.csv", b"old\n")

    def broken():
        yield b"half"
        raise ValueError("a row could not be made")

    with pytest.raises(ValueError):
        render.write_if_changed(tmp_path, "data/x.csv", broken())
    assert (tmp_path / "data" / "x.csv").read_bytes() == b"old\n"
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["x.csv"]


def test_a_csv_in_chunks_is_the_csv_whole(monkeypatch):
    monkeypatch.setattr(opendata, "CHUNK_ROWS", 3)
    rows = [[n, f"第{n}行", "=1+1"] for n in range(10)]
    chunks = list(opendata._csv_chunks(["n", "text", "formula"], iter(rows)))
    assert len(chunks) == 5  # the header, three rows a chunk, then the rest
    assert b"".join(chunks) == opendata._csv(["n", "text", "formula"], rows)
    assert b"".join(chunks).startswith("\ufeffn,text,formula\n".encode())


def test_the_site_wide_downloads_are_produced_in_chunks(tmp_path):
    from generator.config import SiteConfig
    from generator.site.model import build_site
    from generator.site.registry import Registry
    from tests import seed_docs

    config = SiteConfig(root=tmp_path)
    site = build_site(config, [(None, d) for d in seed_docs.all_seeds()], [], [], None)
    registry = Registry()
    opendata.open_data(site, registry)
    made = {}
    for path in (Links.INDICATORS_CSV, Links.FINDINGS_CSV):
        chunks = registry.get(path).produce()
        assert not isinstance(chunks, bytes)  # chunks, written as they come
        made[path] = b"".join(chunks).decode("utf-8-sig").splitlines()
    assert made[Links.INDICATORS_CSV][0] == ",".join(opendata.INDICATOR_FIELDS)
    assert len(made[Links.INDICATORS_CSV]) > 10
    assert made[Links.FINDINGS_CSV] == [",".join(opendata.FINDING_FIELDS)]  # no findings given
