"""Printed pages: for each line of a PDF that carries a cited figure, a page showing the line
as the reader extracted it beside the printed page with the figure's cell boxed.

Figures' links (``Site.source_url``) lead here instead of to the bare text line, so a reader
can see at once that the number on the site is the number on paper. Only pages holding a
cited figure are drawn (``page_images``), once per PDF page, cached by content hash; the
PNG is an output file like any other, with its bytes from the cache.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from generator.links import Links
from generator.site.deps import department_digest, digest, doc_deps
from generator.site.model import Site
from generator.site.page_images import VERSION, CitedLine, PageImages, cited_pages
from generator.site.registry import Page, Registry


def _with_printed_pages(site: Site):
    """(department-year, document, its PDF) for each PDF with a cited figure."""
    for dy in site.department_years:
        for doc in dy.docs:
            path = doc.input.path if doc.input else Path(doc.document.source)
            if doc.cited and path.is_file():
                yield dy, doc, path


def printed_pdfs(site: Site) -> list[tuple[Path, dict[int, list[CitedLine]]]]:
    """Each PDF whose pages the site shows, with the cited lines of each such page: what the
    build draws (in its workers) before the pages are registered."""
    return [(path, cited_pages(doc.cited)) for _, doc, path in _with_printed_pages(site)]


def printed_pages(site: Site, reg: Registry) -> None:
    images = PageImages(site.config.cache_path)
    for dy, doc, path in _with_printed_pages(site):
        data = path.read_bytes()
        # a figure's page names its department and year: nothing else of the site
        deps = {
            **doc_deps([doc]),
            "drawing": VERSION,
            "department": department_digest(dy.department),
        }
        for number, cited in cited_pages(doc.cited).items():
            printed = images.page(data, number, cited)
            image_path = Links.page_image(doc.path, number)
            reg.add(
                Page(
                    image_path,
                    # read from the cache when written: the registry holds no image
                    produce=lambda path=printed.path: path.read_bytes(),
                    deps={**deps, "png": hashlib.sha256(printed.png).hexdigest()[:16]},
                    sitemap=False,
                )
            )
            for c in cited:
                boxes = printed.boxes.get(c.line, [])
                reg.add(
                    Page(
                        Links.figure(doc.path, c.line),
                        "figure.html",
                        {
                            "dy": dy,
                            "sdoc": doc,
                            "cited": c,
                            "boxes": boxes,
                            "image": image_path,
                            "width": printed.width,
                            "height": printed.height,
                        },
                        {**deps, "boxes": digest([b.__dict__ for b in boxes])},
                        f"{dy.department.name} {dy.year} 年{doc.kind_zh} 第 {c.page} 页",
                        sitemap=False,
                    )
                )
