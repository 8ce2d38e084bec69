"""The hashes caches are kept under follow the installed libraries, not the code alone: CI
restores the last build's caches into a machine where pip may have resolved newer versions,
and a PDF library's upgrade can change what a file reads as."""

from __future__ import annotations

from importlib import metadata

import pytest

from generator import code_version
from generator.build import Builder
from generator.build_uptodate import code_hash
from generator.config import parse_config
from generator.read import cluster


@pytest.fixture
def upgraded(monkeypatch):
    """Pretend one library is at another version; the reader's version is found again."""
    real = metadata.version

    def upgrade(name: str) -> None:
        monkeypatch.setattr(
            code_version.metadata,
            "version",
            lambda n: "999.0" if n == name else real(n),
        )
        monkeypatch.setattr(cluster, "_VERSION", [])

    monkeypatch.setattr(cluster, "_VERSION", [])
    return upgrade


def test_a_pdf_library_upgrade_changes_the_read_cache_and_the_code_hash(upgraded):
    reader, code = cluster.reader_version(), code_hash()
    upgraded("pdfminer.six")
    assert cluster.reader_version() != reader
    assert code_hash() != code


def test_a_template_library_upgrade_keeps_the_readings_and_the_index(upgraded, tmp_path):
    config = parse_config("", tmp_path)
    reader, code, index = cluster.reader_version(), code_hash(), Builder(config)._code_hash(True)
    upgraded("jinja2")
    assert cluster.reader_version() == reader  # nothing to read again
    assert Builder(config)._code_hash(index=True) == index  # nor to index again
    assert code_hash() != code  # but every page is made again
    assert Builder(config)._code_hash() == code_hash()


def test_a_missing_library_is_a_version_too(monkeypatch):
    def missing(name):
        raise metadata.PackageNotFoundError(name)

    before = code_version.library_versions(["pdfplumber"])
    monkeypatch.setattr(code_version.metadata, "version", missing)
    assert code_version.library_versions(["pdfplumber"]) != before


def test_every_library_named_is_installed():
    """A misspelt name would count as missing for ever and follow no upgrade."""
    for name in code_version.READING_LIBRARIES + code_version.WRITING_LIBRARIES:
        assert metadata.version(name)
