"""The printed page behind a figure: a PDF page rendered to PNG with the figure's cell boxed.

A citizen who doubts a number can compare it with the page as it was printed, not only with
the text the reader extracted. Rendering is slow (tenths of a second a page), so only pages
that carry a cited figure are drawn, and every image is kept in the cache under a hash of
the PDF's bytes, the page, the boxed cells and the resolution: an unchanged PDF is never
drawn twice, and the same inputs always give the same PNG bytes.

The cell is found on the page by its printed text (pdfplumber's ``page.search``); where the
text cannot be found (an image-only page, a figure split across lines) the page is still
drawn, without a box, and ``PageImage.boxed`` says so.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

RESOLUTION = 110  # dots per inch: a table's digits stay legible on a phone when zoomed
BOX = (176, 28, 28)  # the site's accent red
VERSION = "1"  # bump when the drawing changes, so cached images are redrawn


@dataclass(frozen=True)
class Cited:
    """One figure to box: its printed text on a 1-based page of the PDF."""

    page: int
    text: str


@dataclass
class PageImage:
    page: int
    png: bytes
    width: int
    height: int
    boxed: list[str] = field(default_factory=list)  # texts that were found and boxed
    missing: list[str] = field(default_factory=list)  # texts not found on the page


def cited_figures(document) -> dict[int, list[str]]:
    """Printed texts of the document's cited figures, by page (PDF inputs only)."""
    pages: dict[int, set[str]] = {}
    for reading in document.indicators.values():
        ref = reading.source
        raw = (reading.raw or "").strip()
        if ref.page and raw:
            pages.setdefault(ref.page, set()).add(raw)
    return {page: sorted(texts) for page, texts in sorted(pages.items())}


def _pattern(text: str) -> re.Pattern[str]:
    """The printed figure as a whole token: "1,234.50" must not match inside "11,234.50"."""
    return re.compile(r"(?<![\d.,])" + re.escape(text) + r"(?![\d])")


def _candidates(text: str) -> list[str]:
    """The text as cited, then its number alone ("3528.37 万元" is printed "3528.37万元")."""
    number = re.match(r"-?[\d,]+(?:\.\d+)?", text)
    return [text] + ([number.group(0)] if number and number.group(0) != text else [])


def _key(pdf_bytes: bytes, page: int, texts: list[str], resolution: int) -> str:
    h = hashlib.sha256(pdf_bytes)
    h.update(f"\0{VERSION}\0{page}\0{resolution}\0".encode())
    h.update("\0".join(sorted(texts)).encode())
    return h.hexdigest()[:24]


def render_page(
    pdf_bytes: bytes, page: int, texts: list[str], resolution: int = RESOLUTION
) -> PageImage:
    """Draw one page (1-based) with a box around every occurrence of each text."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        if not 1 <= page <= len(pdf.pages):
            raise ValueError(f"page {page} is outside the PDF (1..{len(pdf.pages)})")
        p = pdf.pages[page - 1]
        image = p.to_image(resolution=resolution)
        boxed, missing = [], []
        for text in texts:
            matches = []
            for candidate in _candidates(text):
                matches = p.search(_pattern(candidate), return_chars=False)
                if matches:
                    break
            if not matches:
                missing.append(text)
                continue
            boxed.append(text)
            for m in matches:
                pad = 2
                bbox = (m["x0"] - pad, m["top"] - pad, m["x1"] + pad, m["bottom"] + pad)
                image.draw_rect(bbox, fill=(255, 243, 176, 90), stroke=BOX, stroke_width=3)
        out = io.BytesIO()
        image.annotated.save(out, format="PNG", optimize=True)
        width, height = image.annotated.size
    return PageImage(page, out.getvalue(), width, height, boxed, missing)


class PageImages:
    """Rendered pages kept in ``cache/page-images`` by content hash."""

    def __init__(self, cache: Path, resolution: int = RESOLUTION):
        self.folder = cache / "page-images"
        self.resolution = resolution
        self.rendered = 0  # pages actually drawn by this object (the rest came from cache)

    def image(self, pdf: Path, page: int, texts: list[str]) -> bytes:
        data = pdf.read_bytes()
        target = self.folder / f"{_key(data, page, texts, self.resolution)}.png"
        if target.is_file():
            return target.read_bytes()
        png = render_page(data, page, texts, self.resolution).png
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_bytes(png)
        tmp.replace(target)
        self.rendered += 1
        return png

    def for_document(self, pdf: Path, document) -> dict[int, bytes]:
        """One image per page carrying a cited figure; other pages are never drawn."""
        return {
            page: self.image(pdf, page, texts) for page, texts in cited_figures(document).items()
        }
