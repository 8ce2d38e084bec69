"""Printed pages behind figures: the figure is boxed on its cited line only, only cited pages
are drawn, the cache is keyed by content and the bytes are stable."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pytest

from generator.site.page_images import (
    CitedLine,
    PageImages,
    cited_lines,
    cited_pages,
    draw_page,
)


def _pdf(at: tuple[float, float]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    c.drawString(72, 760, "Table 1")
    c.drawString(72, 600, "Total")
    c.drawString(at[0], at[1], "1,234.50")
    c.drawString(72, 500, "Total")
    c.drawString(at[0], 500, "1,234.50")  # the same figure on another line: never boxed
    c.drawString(72, 400, "11,234.50")  # contains the figure's digits: never boxed
    c.showPage()
    c.drawString(72, 760, "page two")
    c.save()
    return out.getvalue()


def _cited(text="Total\t1,234.50", line=3):
    return CitedLine(line=line, page=1, text=text, figures=[("1,234.50", "Total")])


def test_the_figure_is_boxed_on_its_cited_line_only():
    printed = draw_page(_pdf((300, 600)), 1, [_cited()], resolution=72)
    assert printed.png.startswith(b"\x89PNG") and printed.height == 842
    (box,) = printed.boxes[3]
    # reportlab's y runs up from the bottom of an 842 pt page; the box's runs down
    assert 290 / 595 < box.left < 300 / 595 < box.left + box.width < 360 / 595
    assert box.top < (842 - 600) / 842 < box.top + box.height


def test_equal_lines_are_told_apart_by_their_order():
    second = CitedLine(line=5, page=1, text="Total\t1,234.50", figures=[("1,234.50", "Total")])
    printed = draw_page(_pdf((300, 600)), 1, [_cited(), second], resolution=72)
    assert printed.boxes[3][0].top < (842 - 600) / 842 < printed.boxes[5][0].top


def test_a_figure_not_on_its_line_gets_no_box_and_the_page_is_still_drawn():
    printed = draw_page(_pdf((300, 600)), 2, [_cited()], resolution=72)
    assert printed.boxes == {3: []} and printed.png.startswith(b"\x89PNG")


def test_cache_by_content_hash(tmp_path):
    images = PageImages(tmp_path / "cache", resolution=72)
    first = images.page(_pdf((300, 600)), 1, [_cited()])
    again = images.page(_pdf((300, 600)), 1, [_cited()])
    assert first.png == again.png and first.boxes == again.boxes and images.rendered == 1
    moved = images.page(_pdf((200, 600)), 1, [_cited()])  # new bytes, new image
    assert moved.png != first.png and images.rendered == 2
    assert draw_page(_pdf((200, 600)), 1, [_cited()], 72).png == moved.png  # stable bytes


def test_pages_not_drawn_are_drawn_in_workers_then_read_from_the_cache(tmp_path):
    from generator.build_fork import forked_map

    pdf = tmp_path / "2024-budget.pdf"
    pdf.write_bytes(_pdf((300, 600)))
    images = PageImages(tmp_path / "cache", resolution=72)
    asked = [(pdf, {1: [_cited()]}), (pdf, {1: [_cited(line=4)]})]
    todo = images.missing(asked)
    assert [pages for _, pages in todo] == [{1: [_cited()]}, {1: [_cited(line=4)]}]
    assert sum(forked_map(images.draw_pdf, todo, workers=2, at_least=2)) == 2
    assert images.missing(asked) == []
    shown = images.page(pdf.read_bytes(), 1, [_cited()])  # from the cache: nothing drawn here
    assert images.rendered == 0 and shown.path is not None
    assert (
        shown.path.read_bytes() == shown.png == draw_page(_pdf((300, 600)), 1, [_cited()], 72).png
    )


def test_only_lines_with_a_cited_figure():
    ref = lambda page, line: SimpleNamespace(page=page, line=line)  # noqa: E731
    reading = lambda page, line, raw: SimpleNamespace(  # noqa: E731
        id="income_total", raw=raw, source=ref(page, line)
    )
    doc = SimpleNamespace(
        lines=[SimpleNamespace(number=n, text=f"line {n}") for n in range(1, 6)],
        readings=[reading(3, 2, "10.00"), reading(3, 2, "2.50 万元"), reading(None, 4, "1")],
        projects=[SimpleNamespace(name="p", amount_raw="7.00", source=ref(4, 5))],
    )
    lines = cited_lines(doc)
    assert sorted(lines) == [2, 5]
    assert lines[2].figures == [("10.00", "收入总计"), ("2.50", "收入总计")]
    assert sorted(cited_pages(lines)) == [3, 4]


@pytest.mark.shared
def test_real_pdf_figures_are_found_on_their_lines(shared_dir, tmp_path):
    from generator.build_readers import default_reader

    pdf = shared_dir / "pdf" / "jiangsu-gaoyuan-2017-budget.pdf"
    if not pdf.is_file():
        pytest.skip(f"{pdf} is absent")
    document = default_reader()(str(pdf))
    pages = cited_pages(cited_lines(document))
    assert pages, "the reader cites no figure with a page"
    drawn = PageImages(tmp_path, resolution=72).for_document(pdf, document)
    assert set(drawn) == set(pages) and len(drawn) < document.pages
    missing = [line for p in drawn.values() for line, boxes in p.boxes.items() if not boxes]
    assert missing == []
