"""Fixtures of the metrics tests: the seed documents, built by hand in ``seed_docs``."""

from __future__ import annotations

import pytest

from generator.metrics import compute
from tests.metrics.seed_docs import all_seeds


@pytest.fixture
def seeds():
    return all_seeds()


@pytest.fixture
def metrics(seeds):
    return compute(seeds)


def seed_reader(path: str):
    """The build's reader, answering with the hand-built seed documents (by source path)."""
    from generator.build_readers import text_only_reader
    from tests.metrics.seed_docs import all_seeds

    for doc in all_seeds():
        if doc.source == path:
            return doc
    return text_only_reader(path)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The real site build (registry, templates) over the hand-built seeds, written once."""
    from pathlib import Path

    from generator.build import Builder
    from generator.config import SiteConfig

    root = tmp_path_factory.mktemp("site")
    content = Path(__file__).resolve().parents[2] / "content"
    cache = content.parent / ".cache"  # the vendored chart bundle, generated once per machine
    config = SiteConfig(
        root=root, content_dir=str(content), output_dir="_site", cache_dir=str(cache)
    )
    result = Builder(config, quiet=True, reader=seed_reader).build()
    return config.output_path, result
