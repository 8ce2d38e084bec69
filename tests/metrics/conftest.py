"""Fixtures of the metrics tests: the seed documents, built by hand in ``seed_docs``."""

from __future__ import annotations

import pytest
from seed_docs import all_seeds

from generator.metrics import compute


@pytest.fixture
def seeds():
    return all_seeds()


@pytest.fixture
def metrics(seeds):
    return compute(seeds)
