"""Printed pages behind figures: the cell is boxed, only cited pages are drawn, the cache
is keyed by content and the bytes are stable."""

from __future__ import annotations

import io
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.site.page_images import BOX, PageImages, cited_figures, render_page


def _red_box(png: bytes) -> tuple[int, int, int, int] | None:
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    px = image.load()
    xs, ys = [], []
    for y in range(0, image.height, 2):
        for x in range(0, image.width, 2):
            if px[x, y] == BOX:
                xs.append(x)
                ys.append(y)
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def _pdf(figure: str, at: tuple[float, float]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    c.drawString(72, 760, "Table 1")
    c.drawString(at[0], at[1], figure)
    c.drawString(72, 500, "11,234.50")  # contains the figure's digits, must not be boxed
    c.showPage()
    c.drawString(72, 760, "page two")
    c.save()
    return out.getvalue()


def test_the_cited_cell_is_boxed_and_nothing_else():
    data = _pdf("1,234.50", (300, 600))
    image = render_page(data, 1, ["1,234.50"], resolution=72)
    assert image.png.startswith(b"\x89PNG") and image.boxed == ["1,234.50"]
    x0, y0, x1, y1 = _red_box(image.png)
    # reportlab's y runs up from the bottom of an 842 pt page; the image's runs down
    assert 290 <= x0 < 300 < x1 <= 360 and y0 < 842 - 600 < y1
    assert y1 < 842 - 500 - 20  # the look-alike lower on the page carries no box


def test_a_figure_not_on_the_page_is_reported_and_the_page_still_drawn():
    image = render_page(_pdf("1,234.50", (300, 600)), 2, ["1,234.50"], resolution=72)
    assert image.missing == ["1,234.50"] and _red_box(image.png) is None


def test_cache_by_content_hash(tmp_path):
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(_pdf("1,234.50", (300, 600)))
    images = PageImages(tmp_path / "cache", resolution=72)
    first = images.image(pdf, 1, ["1,234.50"])
    again = images.image(pdf, 1, ["1,234.50"])
    assert first == again and images.rendered == 1
    pdf.write_bytes(_pdf("1,234.50", (200, 600)))  # new bytes, new image
    moved = images.image(pdf, 1, ["1,234.50"])
    assert moved != first and images.rendered == 2
    assert render_page(pdf.read_bytes(), 1, ["1,234.50"], 72).png == moved  # stable bytes


def test_only_pages_with_a_cited_figure():
    reading = lambda page, raw: SimpleNamespace(raw=raw, source=SimpleNamespace(page=page))  # noqa: E731
    doc = SimpleNamespace(
        indicators={"a": reading(3, "10.00"), "b": reading(3, "2.50"), "c": reading(None, "1")}
    )
    assert cited_figures(doc) == {3: ["10.00", "2.50"]}


@pytest.mark.shared
def test_real_pdf_figures_are_boxed_on_their_pages(shared_dir, tmp_path):
    from generator.build_readers import default_reader

    pdf = shared_dir / "pdf" / "jiangsu-gaoyuan-2017-budget.pdf"
    if not pdf.is_file():
        pytest.skip(f"{pdf} is absent")
    document = default_reader()(str(pdf))
    cited = cited_figures(document)
    assert cited, "the reader cites no figure with a page"
    images = PageImages(tmp_path, resolution=72)
    drawn = images.for_document(Path(pdf), document)
    assert set(drawn) == set(cited) and len(drawn) < document.pages
    data = pdf.read_bytes()
    for page, texts in cited.items():
        image = render_page(data, page, texts, resolution=72)
        assert image.missing == [], (page, image.missing)
        assert _red_box(drawn[page]) is not None
