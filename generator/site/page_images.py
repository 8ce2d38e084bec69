"""The printed page behind a figure: a PDF page rendered to PNG, and the figure's cell found on it.

A citizen who doubts a number can compare it with the page as it was printed, not only with
the text the reader extracted. Rendering is slow (tenths of a second a page), so only pages
that carry a cited figure are drawn, at a modest resolution in a small palette, and every
result is kept in the cache under a hash of the PDF's bytes and what was asked: an unchanged
PDF is never drawn twice, and the same inputs always give the same PNG bytes.

The page is drawn once, without marks; each figure's box is a rectangle in page fractions
that the figure view lays over the image. So one image serves every figure of its page, and
a box marks only the figure's own cell: the figure is looked for on its cited line (found by
its text among the page's lines, as the reader grouped them), never elsewhere on the page,
where the same digits may be printed again. Where the line or the figure cannot be found (an
image-only page, a figure split across lines) the page is still shown, without a box.
"""

from __future__ import annotations

import difflib
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.model import CANONICAL_INDICATORS

RESOLUTION = 100  # dots per inch: a table's digits stay legible on a phone when zoomed
COLOURS = 64  # palette size: printed pages are text and rules, a small palette keeps them sharp
VERSION = "2"  # bump when the drawing or the locating changes, so cached results are redone


@dataclass(frozen=True)
class Box:
    """A figure's cell as fractions of the page's width and height (0..1, from the top left)."""

    text: str
    left: float
    top: float
    width: float
    height: float


@dataclass
class CitedLine:
    """A line of the extracted text that carries cited figures, and where it was printed."""

    line: int
    page: int
    text: str  # the line as the reader extracted it
    # printed texts of its figures, each with what it is ("收入总计", a project's name): where
    # the same digits stand twice on the line, the one after the most alike label is boxed
    figures: list[tuple[str, str]] = field(default_factory=list)


def _figure_text(raw: str) -> str:
    """The printed figure as it stands on the page: "3528.37 万元" is looked for as "3528.37"."""
    number = re.match(r"[-－]?[\d,]+(?:\.\d+)?", raw.strip())
    return number.group(0) if number else raw.strip()


def cited_lines(document) -> dict[int, CitedLine]:
    """Every line of a PDF document that carries a figure the site links to, by line number:
    the indicators' readings (table and narrative, every period) and the projects' amounts."""
    lines = {ln.number: ln for ln in document.lines}
    found: dict[int, CitedLine] = {}

    def add(ref, raw: str, hint: str) -> None:
        if ref is None or not ref.page or not ref.line or not raw or ref.line not in lines:
            return
        cited = found.setdefault(
            ref.line, CitedLine(ref.line, ref.page, lines[ref.line].text.strip())
        )
        figure = (_figure_text(raw), hint)
        if figure[0] and figure not in cited.figures:
            cited.figures.append(figure)

    for reading in document.readings:
        add(reading.source, reading.raw or "", CANONICAL_INDICATORS.get(reading.id, ""))
    for project in document.projects:
        add(project.source, project.amount_raw or "", project.name)
    for cited in found.values():
        cited.figures.sort()
    return dict(sorted(found.items()))


def cited_pages(cited_by_line: dict[int, CitedLine]) -> dict[int, list[CitedLine]]:
    pages: dict[int, list[CitedLine]] = {}
    for cited in cited_by_line.values():
        pages.setdefault(cited.page, []).append(cited)
    return dict(sorted(pages.items()))


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _token(text: str) -> re.Pattern[str]:
    """The figure as a whole token: "1,234.50" must not match inside "11,234.50"."""
    return re.compile(r"(?<![\d.,])" + re.escape(text) + r"(?![\d%])")


def _line_chars(line) -> tuple[str, list[dict | None]]:
    """A line's text with a tab at every gap, and the character behind each position."""
    from generator.read.pdf_page import SPACE_GAP

    text, owners = [], []
    for i, c in enumerate(line.chars):
        if i and c["x0"] - line.chars[i - 1]["x1"] > SPACE_GAP:
            text.append("\t")
            owners.append(None)
        text.append(c["text"])
        owners.extend([c] + [None] * (len(c["text"]) - 1))
    return "".join(text), owners


def _which_line(page_lines, cited: CitedLine, ordinal: int):
    """The page's line the reader cited: equal text (the ordinal-th of equals), else the most
    alike line that holds one of the figures."""
    flat = _flat(cited.text)
    equal = [ln for ln in page_lines if _flat(ln.text) == flat]
    if equal:
        return equal[min(ordinal, len(equal) - 1)]
    holding = [
        ln
        for ln in page_lines
        if any(_token(f).search(_line_chars(ln)[0]) for f, _hint in cited.figures)
    ]
    scored = [(difflib.SequenceMatcher(None, _flat(ln.text), flat).ratio(), ln) for ln in holding]
    scored = [s for s in scored if s[0] >= 0.6]
    return max(scored, key=lambda s: s[0])[1] if scored else None


def _label_before(text: str, at: int) -> str:
    """The nearest cell before a position that holds words (a row's or a sentence's label)."""
    for cell in reversed(re.split(r"[\t，。；：]", text[:at])):
        if re.search(r"[\u4e00-\u9fff]", cell):
            return cell
    return ""


def _choose(matches: list[re.Match], text: str, hint: str) -> list[re.Match]:
    """Of several places of the same digits on one line, those after the label most like the
    figure's name; all of them when the labels do not tell them apart."""
    if len(matches) < 2 or not hint:
        return matches
    scores = [len(set(_label_before(text, m.start())) & set(hint)) for m in matches]
    best = max(scores)
    chosen = [m for m, s in zip(matches, scores, strict=True) if s == best]
    return chosen if best and len(chosen) == 1 else matches


def locate(page, cited: list[CitedLine]) -> dict[int, list[Box]]:
    """Boxes of each cited line's figures, on that line only, in page fractions."""
    from generator.read.pdf_page import text_lines

    page_lines = text_lines(page.chars)
    width, height = float(page.width), float(page.height)
    seen: dict[str, int] = {}
    out: dict[int, list[Box]] = {}
    for c in sorted(cited, key=lambda c: c.line):
        ordinal = seen.get(_flat(c.text), 0)
        seen[_flat(c.text)] = ordinal + 1
        line = _which_line(page_lines, c, ordinal)
        boxes = []
        if line is not None:
            text, owners = _line_chars(line)
            for figure, hint in c.figures:
                for m in _choose(list(_token(figure).finditer(text)), text, hint):
                    chars = [o for o in owners[m.start() : m.end()] if o is not None]
                    x0, x1 = min(ch["x0"] for ch in chars), max(ch["x1"] for ch in chars)
                    top, bottom = min(ch["top"] for ch in chars), max(ch["bottom"] for ch in chars)
                    pad = 2.0
                    boxes.append(
                        Box(
                            figure,
                            round(max(x0 - pad, 0) / width, 4),
                            round(max(top - pad, 0) / height, 4),
                            round((x1 - x0 + 2 * pad) / width, 4),
                            round((bottom - top + 2 * pad) / height, 4),
                        )
                    )
        out[c.line] = list(dict.fromkeys(boxes))  # two figures of one cell: one box
    return out


def render(page, resolution: int = RESOLUTION) -> bytes:
    """The page as an optimised palette PNG (deterministic: same page, same bytes)."""
    image = page.to_image(resolution=resolution).original.convert("RGB")
    small = image.quantize(colors=COLOURS, dither=0)
    out = io.BytesIO()
    small.save(out, format="PNG", optimize=True)
    return out.getvalue()


@dataclass
class PrintedPage:
    page: int
    png: bytes
    width: int
    height: int
    boxes: dict[int, list[Box]]  # cited line -> its figures' boxes (empty: not found)
    path: Path | None = None  # where the cache keeps the PNG


def _key(pdf_bytes: bytes, page: int, cited: list[CitedLine], resolution: int) -> str:
    h = hashlib.sha256(pdf_bytes)
    h.update(f"\0{VERSION}\0{page}\0{resolution}\0".encode())
    for c in sorted(cited, key=lambda c: c.line):
        h.update(json.dumps([c.line, c.text, sorted(c.figures)], ensure_ascii=False).encode())
    return h.hexdigest()[:24]


def draw_page(
    pdf_bytes: bytes, page: int, cited: list[CitedLine], resolution: int = RESOLUTION
) -> PrintedPage:
    """Draw one page (1-based) and find its cited figures."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        if not 1 <= page <= len(pdf.pages):
            raise ValueError(f"page {page} is outside the PDF (1..{len(pdf.pages)})")
        p = pdf.pages[page - 1]
        png = render(p, resolution)
        boxes = locate(p, cited)
    from PIL import Image

    width, height = Image.open(io.BytesIO(png)).size
    return PrintedPage(page, png, width, height, boxes)


class PageImages:
    """Printed pages kept in ``cache/page-images`` by content hash (a PNG and its boxes)."""

    def __init__(self, cache: Path, resolution: int = RESOLUTION):
        self.folder = cache / "page-images"
        self.resolution = resolution
        self.rendered = 0  # pages actually drawn by this object (the rest came from cache)

    def page(self, pdf_bytes: bytes, page: int, cited: list[CitedLine]) -> PrintedPage:
        png_path, meta_path = self._files(pdf_bytes, page, cited)
        if png_path.is_file() and meta_path.is_file():
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            boxes = {int(k): [Box(**b) for b in v] for k, v in meta["boxes"].items()}
            png = png_path.read_bytes()
            return PrintedPage(page, png, meta["width"], meta["height"], boxes, png_path)
        drawn = draw_page(pdf_bytes, page, cited, self.resolution)
        self.folder.mkdir(parents=True, exist_ok=True)
        meta = {
            "width": drawn.width,
            "height": drawn.height,
            "boxes": {str(k): [b.__dict__ for b in v] for k, v in drawn.boxes.items()},
        }
        for path, data in ((png_path, drawn.png), (meta_path, json.dumps(meta).encode())):
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(data)
            tmp.replace(path)
        self.rendered += 1
        drawn.path = png_path
        return drawn

    def _files(self, pdf_bytes: bytes, page: int, cited: list[CitedLine]) -> tuple[Path, Path]:
        key = _key(pdf_bytes, page, cited, self.resolution)
        return self.folder / f"{key}.png", self.folder / f"{key}.json"

    def missing(
        self, pdfs: list[tuple[Path, dict[int, list[CitedLine]]]]
    ) -> list[tuple[Path, dict[int, list[CitedLine]]]]:
        """Of each PDF's cited pages, those not drawn yet."""
        todo = []
        for path, pages in pdfs:
            data = path.read_bytes()
            absent = {
                n: c
                for n, c in pages.items()
                if not all(f.is_file() for f in self._files(data, n, c))
            }
            if absent:
                todo.append((path, absent))
        return todo

    def draw_pdf(self, item: tuple[Path, dict[int, list[CitedLine]]]) -> int:
        """Draw these pages of one PDF into the cache; the build runs this in forked workers
        (drawing is slow, and pdfminer's many short-lived objects, made in the build's own
        process, would leave its heap fragmented for the rest of the build)."""
        path, pages = item
        data = path.read_bytes()
        for number, cited in pages.items():
            self.page(data, number, cited)
        return len(pages)

    def for_document(self, pdf: Path, document) -> dict[int, PrintedPage]:
        """One image per page carrying a cited figure; other pages are never drawn."""
        data = pdf.read_bytes()
        pages = cited_pages(cited_lines(document))
        return {page: self.page(data, page, cited) for page, cited in pages.items()}
