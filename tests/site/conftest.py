"""One site build per test session (into a tmp dir, under a project base path)."""

from __future__ import annotations

from pathlib import Path

import pytest

# Pytest imports every directory's conftest.py as the module "conftest"; tests that write
# `from conftest import SEEDS, seed_path` must find the root conftest's names here too.
from tests.conftest import SEEDS, seed_path  # noqa: E402, F401
from tests.site.helpers import build_into


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.delenv("SITE_BASE_PATH", raising=False)
    mp.delenv("SITE_BASE_URL", raising=False)
    tmp = tmp_path_factory.mktemp("site")
    cfg, _builder, result = build_into(tmp)
    yield cfg.output_path, result
    mp.undo()


@pytest.fixture(scope="session")
def real_site(tmp_path_factory):
    """The site built by the real reader (generator.read), as `make site` builds it."""
    from generator.build import Builder
    from tests.site.helpers import make_config

    tmp = tmp_path_factory.mktemp("real")
    cfg = make_config(tmp)
    result = Builder(cfg, quiet=True).build()
    return cfg.output_path, result


@pytest.fixture(scope="session")
def seed_docs_site(tmp_path_factory):
    """The real site build (registry, templates) over the hand-built seeds of
    tests/seed_docs.py, so page tests can name the figures those documents hold."""
    from generator.build import Builder
    from generator.config import SiteConfig
    from tests.site.helpers import seed_docs_reader

    root = tmp_path_factory.mktemp("seed-docs-site")
    content = Path(__file__).resolve().parents[2] / "content"
    cache = content.parent / ".cache"  # the vendored chart bundle, generated once per machine
    config = SiteConfig(
        root=root, content_dir=str(content), output_dir="_site", cache_dir=str(cache)
    )
    result = Builder(config, quiet=True, reader=seed_docs_reader).build()
    return config.output_path, result
