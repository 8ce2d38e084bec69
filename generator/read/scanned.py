"""What to say about a PDF with no text layer: scanned, or (by OCR of its title) not a budget.

A scanned budget cannot be read until OCR of tables exists, and says so. A scanned file whose
first page OCR reads as another kind of document (read/ocr.py) is refused as not a budget
disclosure, like a notice with a text layer: no page is made of it.
"""

from __future__ import annotations

from generator.model import Problem
from generator.read import ocr

_SCANNED = "the PDF has no text to read: it seems to be scanned images, which need OCR"
_SCANNED_ZH = "该 PDF 没有可读取的文字：似乎是扫描图片，需要先做文字识别（OCR）"


def scanned_problem(source: str) -> Problem:
    text = ocr.page_text(source, 1)
    title = ocr.other_document_title(ocr.ocr_lines(text)) if text else None
    if title:
        short = title if len(title) <= 40 else title[:40] + "…"
        return Problem(
            "error",
            "this does not look like a budget disclosure: it is scanned images with no text "
            f"layer, and its first page, read by OCR, is titled “{short}”, which names no "
            "部门预算, 决算 or 绩效目标",
            source,
            message_zh="这似乎不是预算公开文件：它是没有文字层的扫描图片，经文字识别（OCR），"
            f"第一页标题为“{short}”，其中没有“预算”“决算”或“绩效目标”",
        )
    hint = (
        ""
        if ocr.available()
        else " (install tesseract-ocr and tesseract-ocr-chi-sim to tell scanned notices from scanned budgets)"
    )
    return Problem("error", _SCANNED + hint, source, message_zh=_SCANNED_ZH)
