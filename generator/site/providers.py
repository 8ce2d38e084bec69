"""Every page provider of the site, in the order the build runs them.

A provider is a plain function ``(site, registry)`` that adds pages, or adds to pages an
earlier provider made (the metrics panels on department pages, the rule list on the
methodology page). Nothing registers itself on import: this tuple is the whole list, and
the sitemaps come last because they list every other page.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.site import feeds, listing_pages, pages
from generator.site.metric_pages import metrics_pages
from generator.site.model import Site
from generator.site.opendata import open_data
from generator.site.printed import printed_pages
from generator.site.quality import quality_page
from generator.site.registry import Registry
from generator.site.static import static_files

PageProvider = Callable[[Site, Registry], None]

PROVIDERS: tuple[tuple[str, PageProvider], ...] = (
    ("home", listing_pages.home),
    ("indexes", pages.indexes),
    ("years", listing_pages.years),
    ("department_index", listing_pages.department_index),
    ("departments", pages.departments),
    ("department_years", pages.department_years),
    ("printed_pages", printed_pages),
    ("indicators", listing_pages.indicators),
    ("glossary", pages.glossary),
    ("markdown_pages", pages.markdown_pages),  # before metrics and quality: they add to
    ("report", pages.report),  # the methodology page it makes
    ("not_found", pages.not_found),
    ("search", pages.search),
    ("feeds", feeds.feeds),
    ("metrics", metrics_pages),
    ("quality", quality_page),
    ("open_data", open_data),
    ("static", static_files),
    ("sitemaps", feeds.sitemaps),  # last: lists every page the others added
)


def register_pages(site: Site) -> Registry:
    """All pages of the site, from every provider in order."""
    registry = Registry()
    for _name, provider in PROVIDERS:
        provider(site, registry)
    return registry
