"""Test helper: the cleaned lines and blocks of an embedded seed, as the reader sees them."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from generator.read.layout import to_blocks
from generator.read.source import decode, to_lines

CONTENT = Path(__file__).resolve().parents[2] / "content" / "disclosures"
SEEDS = {
    "000": "130607-满城区/保定市满城区医疗保障局/2021-budget.txt",
    "001": "410526-滑县/滑县医疗保障局/2024-budget.txt",
    "002": "419001-济源市/济源产城融合示范区医疗保障局/2021-budget.txt",
    "003": "130304-北戴河区/秦皇岛市北戴河区医疗保障局/2020-performance.txt",
    "004": "640400-固原市/固原市医疗保障局/2020-final.txt",
}


def seed_file(key: str) -> str:
    return str(CONTENT / SEEDS[key])


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
