"""Building the test site: the fixture reader and a config under a project base path."""

from __future__ import annotations

from pathlib import Path

from generator.build import Builder, text_only_reader
from generator.config import parse_config
from tests.site.fixtures.documents import GUYUAN, HUAXIAN, guyuan_2020, huaxian_2024

ROOT = Path(__file__).resolve().parents[2]
BASE_PATH = "/budget-site/"


def fixture_reader(path: str):
    """The hand-built Documents for seeds 001 and 004; the plain text for the others."""
    if path == HUAXIAN:
        return huaxian_2024()
    if path == GUYUAN:
        return guyuan_2020()
    return text_only_reader(path)


def make_config(tmp: Path, **extra: str):
    lines = [
        f'base_path = "{BASE_PATH}"',
        'base_url = "https://example.org"',
        f'output_dir = "{(tmp / "_site").as_posix()}"',
        f'content_dir = "{(ROOT / "content").as_posix()}"',
        f'cache_dir = "{(ROOT / ".cache").as_posix()}"',
    ] + [f"{k} = {v}" for k, v in extra.items()]
    return parse_config("\n".join(lines) + "\n", tmp)


def build_into(tmp: Path, **extra: str):
    cfg = make_config(tmp, **extra)
    builder = Builder(cfg, quiet=True, reader=fixture_reader)
    return cfg, builder, builder.build()
