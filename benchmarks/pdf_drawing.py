"""Draw a disclosure's text as a PDF with a text layer, for the synthetic collection.

Prose lines are wrapped to the page; each run of table rows (tab-separated cells) is set in
aligned columns, with gaps wider than the reader's cell gap (one font size), at the largest
font size that fits the page. reportlab's CID font STSong-Light needs no font file.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
WIDTH, HEIGHT, MARGIN = 595.0, 842.0, 40.0
PROSE_SIZE = 10.0
GAP_EM = 1.6  # gap between cells, in font sizes (the reader splits cells at one)


def _font():
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return pdfmetrics


def _blocks(text: str) -> list[list[str]]:
    """Runs of lines that are all table rows or all prose."""
    blocks: list[list[str]] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if blocks and ("\t" in line) == ("\t" in blocks[-1][0]):
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def draw_pdf(path: Path, text: str) -> None:
    metrics = _font()
    c = canvas.Canvas(str(path), pagesize=(WIDTH, HEIGHT), invariant=1)
    usable = WIDTH - 2 * MARGIN
    y = HEIGHT - MARGIN

    def advance(step: float) -> float:
        nonlocal y
        if y - step < MARGIN:
            c.showPage()
            y = HEIGHT - MARGIN
        y -= step
        return y

    for block in _blocks(text):
        if "\t" not in block[0]:
            per_line = max(1, int(usable / PROSE_SIZE))
            for line in block:
                line = line.strip()
                for start in range(0, len(line), per_line):
                    c.setFont(FONT, PROSE_SIZE)
                    c.drawString(MARGIN, advance(PROSE_SIZE * 1.6), line[start : start + per_line])
            continue
        rows = [line.split("\t") for line in block]
        k = max(len(r) for r in rows)
        widths = [0.0] * k  # at font size 1
        for row in rows:
            for j, cell in enumerate(row):
                widths[j] = max(widths[j], metrics.stringWidth(cell.strip(), FONT, 1))
        size = max(3.0, min(9.0, usable / (sum(widths) + GAP_EM * (k - 1) or 1)))
        xs, x = [], MARGIN
        for w in widths:
            xs.append(x)
            x += (w + GAP_EM) * size
        for row in rows:
            top = advance(size * 1.8)
            c.setFont(FONT, size)
            for j, cell in enumerate(row):
                if cell.strip():
                    c.drawString(xs[j], top, cell.strip())
    c.showPage()
    c.save()
