"""sitemap index + chunked sitemaps, robots.txt and an Atom feed of disclosures.

Dates are never the wall clock (two builds must be identical): a disclosure's date is its
sidecar ``published`` date; without one, the entry is dated by its year and identified by
the content hash, so a changed file is a new entry.
"""

from __future__ import annotations

import hashlib
from xml.sax.saxutils import escape

from generator.pages import all_deps
from generator.site import Page, Registry, Site, page_provider


def _digest(items: list[str]) -> str:
    return hashlib.sha256("\n".join(items).encode()).hexdigest()[:16]


def _xml(body: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body).encode("utf-8")


def _date(sdoc) -> str:
    published = sdoc.document.metadata.published
    if published:
        return published[:10]
    return f"{sdoc.year:04d}-01-01" if sdoc.year else "1970-01-01"


def sitemaps(site: Site, reg: Registry) -> None:
    urls = [site.links.absolute(p.path) for p in reg if p.sitemap]
    size = site.config.sitemap_chunk_size
    chunks = [urls[i : i + size] for i in range(0, len(urls), size)] or [[]]
    names = []
    for n, chunk in enumerate(chunks, start=1):
        name = f"sitemaps/sitemap-{n}.xml"
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
        Page("sitemap.xml", produce=lambda: data, deps={"index": str(len(names))}, sitemap=False)
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
        link = site.links.absolute(d.path.rsplit("/", 2)[0] + "/")
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
        f'<link rel="self" href="{escape(site.links.absolute("feed.xml"))}"/>\n'
        f'<link href="{escape(site.links.absolute(""))}"/>\n'
        f"<id>{escape(site.links.absolute(''))}</id>\n"
        f"<updated>{updated}T00:00:00Z</updated>\n" + "".join(entries) + "</feed>\n"
    )
    return _xml(body)


@page_provider("feeds")
def feeds(site: Site, reg: Registry) -> None:
    reg.add(Page("feed.xml", produce=lambda: feed(site), deps=all_deps(site), sitemap=False))
    robots = (f"User-agent: *\nAllow: /\nSitemap: {site.links.absolute('sitemap.xml')}\n").encode()
    reg.add(Page("robots.txt", produce=lambda: robots, deps={}, sitemap=False))


def finish(site: Site, reg: Registry) -> None:
    """Sitemaps list every page, so they are added after all other providers ran."""
    sitemaps(site, reg)
