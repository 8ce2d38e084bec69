"""Test helper: the cleaned lines and blocks of an embedded seed, as the reader sees them."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from generator.read.layout import to_blocks
from generator.read.source import decode, to_lines
from tests.conftest import seed_path


def seed_file(key: str) -> str:
    return str(seed_path(key))


@lru_cache(maxsize=8)
def seed_lines(key: str):
    path = seed_file(key)
    text, _enc, _problems = decode(Path(path).read_bytes(), path)
    return to_lines(text)


@lru_cache(maxsize=8)
def seed_blocks(key: str):
    return to_blocks(seed_lines(key))


def line_text(key: str, number: int) -> str:
    return next(ln.text for ln in seed_lines(key) if ln.number == number)
