"""Shared fixtures. Tests that read ../shared skip cleanly where it is absent (a user's clone)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
SHARED = ROOT.parent / "shared"
SEEDS = {
    "000": "130607-满城区/保定市满城区医疗保障局/2021-budget.txt",
    "001": "410526-滑县/滑县医疗保障局/2024-budget.txt",
    "002": "419001-济源市/济源产城融合示范区医疗保障局/2021-budget.txt",
    "003": "130304-北戴河区/秦皇岛市北戴河区医疗保障局/2020-performance.txt",
    "004": "640400-固原市/固原市医疗保障局/2020-final.txt",
}


def seed_path(key: str) -> Path:
    """The embedded copy of a seed disclosure (identical bytes to ../shared/seeds)."""
    return CONTENT / "disclosures" / SEEDS[key]


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present (it exists only in CI and the dev workspace)")
    return SHARED


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def chromium() -> str:
    """Path to Debian's chromium; skip with a clear message, except in CI where it is required."""
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("CI requires Chromium for the browser tests; .ci/run installs it")
        pytest.skip("headless Chromium not found: install Debian's 'chromium' to run browser tests")
    try:
        import playwright  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("CI requires the playwright Python package")
        pytest.skip("the playwright Python package is not installed")
    return path


@pytest.fixture
def seeds():
    """The seeds as hand-built documents (tests/seed_docs.py), shared by metrics and site tests."""
    from tests.seed_docs import all_seeds

    return all_seeds()


@pytest.fixture
def metrics(seeds):
    from generator.metrics import compute

    return compute(seeds)
