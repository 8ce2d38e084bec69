"""The pages that are files rather than rendered templates: ``static/``, the chart scripts.

Every file under ``static/`` is copied as it is; the vega bundle is generated locally
(no CDN) once per vl-convert version and cached; ``static/charts.js`` carries the chart
templates. Kept apart from the stage runner because these pages come from the
generator's own files, never from the disclosures.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from generator.code_version import STATIC
from generator.links import Links
from generator.site.charts import templates_js
from generator.site.model import Site
from generator.site.registry import Page, Registry


def _vl_version() -> str:
    import vl_convert

    return vl_convert.__version__


def vega_bundle(cache: Path) -> bytes:
    """vega + vega-lite + vega-embed as one local script (no CDN), generated once per version."""
    import vl_convert

    target = cache / f"vega-bundle-{vl_convert.__version__}.js"
    if not target.exists():
        cache.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(vl_convert.javascript_bundle(), encoding="utf-8")
        tmp.replace(target)
    return target.read_bytes()


def static_files(site: Site, registry: Registry) -> None:
    cfg = site.config
    for path in sorted(p for p in STATIC.rglob("*") if p.is_file()):
        rel = Links.static(path.relative_to(STATIC).as_posix())
        # the file's own bytes are its input: an edited static/ file is written again
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        registry.add(
            Page(rel, produce=lambda p=path: p.read_bytes(), deps={"bytes": digest}, sitemap=False)
        )
    registry.add(
        Page(
            Links.static("vega.js"),
            produce=lambda: vega_bundle(cfg.cache_path),
            deps={"vega": _vl_version()},
            sitemap=False,
        )
    )
    registry.add(
        Page(
            Links.static("charts.js"),
            produce=lambda: templates_js().encode("utf-8"),
            deps={"charts": "templates"},
            sitemap=False,
        )
    )
