"""OCR of a scanned PDF's title (generator/read/ocr.py, read/scanned.py): it may refuse a
scanned notice as not a budget disclosure, and never does anything else.

The rule is tested on text; the end-to-end tests draw scanned pages themselves and need
tesseract (Debian: tesseract-ocr, tesseract-ocr-chi-sim) and a CJK font, and skip with a
clear message where they are missing, except in CI, where .ci/run installs both.
"""

from __future__ import annotations

import glob
import os

import pytest

from generator.read import ocr
from generator.read import scanned as scanned_mod
from generator.read.audit import row_of
from generator.read.reader import read_file


def _lines(*texts):
    return ocr.ocr_lines("\n".join(texts))


def test_spaces_between_chinese_characters_are_removed():
    lines = _lines("长 沙 市 财 政 局", "2023 年度长沙市 专项资金")
    assert [ln.text for ln in lines] == ["长沙市财政局", "2023 年度长沙市专项资金"]


@pytest.mark.parametrize(
    "texts, title",
    [
        (
            (
                "2023 年度长沙市公安局交通警察支队",
                "专项资金绩效评价结果",
                "",
                "为加强财政支出管理……",
            ),
            "2023年度长沙市公安局交通警察支队专项资金绩效评价结果",
        ),
        (("长 沙 市 财 政 局", "", "关于下达 2025 年文化和旅游项目资金", "的通知"), "通知"),
    ],
)
def test_a_title_naming_another_kind_of_document_is_found(texts, title):
    got = ocr.other_document_title(_lines(*texts))
    assert got is not None and title in got


@pytest.mark.parametrize(
    "texts",
    [
        ("长沙市公安局", "2026 年部门预算", "", "目录"),  # a budget
        ("某某市财政局关于 2025 年部门决算的报告",),  # names 决算: stays scanned
        ("2026 年部门预箕",),  # an OCR misreading with no other-kind word: stays scanned
        ("通知",),  # too short to have been read
        ("", "", ""),
    ],
)
def test_anything_less_clear_is_not_refused(texts):
    assert ocr.other_document_title(_lines(*texts)) is None


def test_scanned_problem_refuses_only_on_a_clear_title(monkeypatch):
    monkeypatch.setattr(ocr, "page_text", lambda path, number=1: "关于下达资金的通知\n\n正文")
    p = scanned_mod.scanned_problem("x.pdf")
    assert p.severity == "error" and "does not look like a budget disclosure" in p.message
    assert "read by OCR" in p.message and "关于下达资金的通知" in p.message_zh
    monkeypatch.setattr(ocr, "page_text", lambda path, number=1: None)
    p = scanned_mod.scanned_problem("x.pdf")
    assert p.message.startswith("the PDF has no text to read")


# --- end to end, on PDFs of drawn pages ----------------------------------------------------

_FONTS = sorted(glob.glob("/usr/share/fonts/**/NotoSansCJK-Regular.ttc", recursive=True))


def _need_ocr():
    if ocr.available() and _FONTS:
        return
    why = "tesseract with chi_sim" if not ocr.available() else "a CJK font (fonts-noto-cjk)"
    if os.environ.get("CI"):
        pytest.fail(f"CI must install {why} (see .ci/run)")
    pytest.skip(f"{why} is not installed: the OCR end-to-end tests need it")


def _scanned_pdf(path, lines):
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(_FONTS[0], 44, index=2)
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    y = 200
    for text in lines:
        draw.text((150, y), text, fill="black", font=font)
        y += 90
    page.save(path, "PDF", resolution=150)


def test_a_scanned_notice_is_refused_and_a_scanned_budget_stays_scanned(tmp_path):
    _need_ocr()
    notice = tmp_path / "notice.pdf"
    _scanned_pdf(
        notice,
        ["关于下达2025年文化和旅游", "项目资金的通知", "", "市文旅广电局：经研究，现下达资金。"],
    )
    row = row_of(read_file(notice))
    assert row.status == "not_disclosure" and "通知" in row.reason
    assert row.scanned_pages == [1]
    budget = tmp_path / "budget.pdf"
    _scanned_pdf(budget, ["某某市医疗保障局", "2026年部门预算", "", "目录"])
    row = row_of(read_file(budget))
    assert row.status == "scanned" and row.scanned_pages == [1]
