"""sitemap index + chunked sitemaps, robots.txt and an Atom feed of disclosures.

Dates are never the wall clock (two builds must be identical): a disclosure's date is its
sidecar ``published`` date; without one, the day the file was first committed (``git log``);
an entry is identified by the content hash, so a changed file is a new entry.
"""

from __future__ import annotations

import hashlib
import os
from datetime import datetime, timezone
from xml.sax.saxutils import escape

from generator.links import Links
from generator.site.deps import all_deps
from generator.site.model import Site, SourceDoc
from generator.site.registry import Page, Registry


def _digest(items: list[str]) -> str:
    return hashlib.sha256("\n".join(items).encode()).hexdigest()[:16]


def _xml(body: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body).encode("utf-8")


def _date(sdoc: SourceDoc) -> str:
    """Publication date (sidecar), else the day the file entered the repository (git), else
    SOURCE_DATE_EPOCH (the reproducible-builds convention), else the end of the budget year
    the document is for — never the wall clock."""
    published = sdoc.document.metadata.published
    if published:
        return published[:10]
    if sdoc.input is not None and sdoc.input.first_seen:
        return sdoc.input.first_seen
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date().isoformat()
    return f"{sdoc.year:04d}-12-31" if sdoc.year else "1970-01-01"


def sitemaps(site: Site, reg: Registry) -> None:
    """Sitemaps list every page, so the build runs this provider after all the others."""
    urls = [site.links.absolute(p.path) for p in reg if p.sitemap]
    size = site.config.sitemap_chunk_size
    chunks = [urls[i : i + size] for i in range(0, len(urls), size)] or [[]]
    names = []
    for n, chunk in enumerate(chunks, start=1):
        name = Links.sitemap_chunk(n)
        names.append(name)
        body = "".join(f"<url><loc>{escape(u)}</loc></url>\n" for u in chunk)
        data = _xml(
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + body + "</urlset>\n"
        )
        reg.add(
            Page(name, produce=lambda data=data: data, deps={"urls": _digest(chunk)}, sitemap=False)
        )
    index = "".join(
        f"<sitemap><loc>{escape(site.links.absolute(n))}</loc></sitemap>\n" for n in names
    )
    data = _xml(
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + index
        + "</sitemapindex>\n"
    )
    reg.add(
        Page(Links.SITEMAP, produce=lambda: data, deps={"index": str(len(names))}, sitemap=False)
    )


def feed(site: Site) -> bytes:
    docs = sorted(site.docs, key=lambda d: (_date(d), d.rel), reverse=True)[
        : site.config.feed_entries
    ]
    updated = _date(docs[0]) if docs else "1970-01-01"
    entries = []
    for d in docs:
        name = d.document.metadata.department or d.dept_id
        title = f"{name} {d.year} 年{d.kind_zh}"
        link = site.links.absolute(Links.department_year(d.dept_id, d.year))
        entries.append(
            "<entry>"
            f"<title>{escape(title)}</title>"
            f'<link href="{escape(link)}"/>'
            f"<id>urn:sha256:{escape(d.document.sha256)}</id>"
            f"<updated>{_date(d)}T00:00:00Z</updated>"
            f"<summary>{escape(d.rel)}</summary>"
            "</entry>\n"
        )
    body = (
        '<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f"<title>{escape(site.config.title)}：新增或更新的公开文件</title>\n"
        f'<link rel="self" href="{escape(site.links.absolute(Links.FEED))}"/>\n'
        f'<link href="{escape(site.links.absolute(""))}"/>\n'
        f"<id>{escape(site.links.absolute(''))}</id>\n"
        f"<updated>{updated}T00:00:00Z</updated>\n" + "".join(entries) + "</feed>\n"
    )
    return _xml(body)


def feeds(site: Site, reg: Registry) -> None:
    dates = {d.rel: _date(d) for d in site.docs}
    deps = {**all_deps(site), "dates": _digest([f"{k}={v}" for k, v in sorted(dates.items())])}
    reg.add(Page(Links.FEED, produce=lambda: feed(site), deps=deps, sitemap=False))
    robots = (f"User-agent: *\nAllow: /\nSitemap: {site.links.absolute(Links.SITEMAP)}\n").encode()
    reg.add(Page(Links.ROBOTS, produce=lambda: robots, deps={}, sitemap=False))
