"""OCR of a scanned PDF's first page, to tell what the document is: never to read a figure.

Crawlers save scanned notices, evaluation reports and funding letters as "budgets". With no
text layer the reader cannot tell them from a scanned budget, so each would stay a
disclosure whose every figure is missing. Tesseract (Debian: ``tesseract-ocr`` and
``tesseract-ocr-chi-sim``) reads the first page well enough to see its title. Only the title
is used, and only to refuse: a title that names no 预算, 决算 or 绩效 but names another kind of
document (通知, 评价结果, 报告 …) makes the file "not a budget disclosure". Anything less
clear stays "scanned, needs OCR": an OCR misreading can at worst leave a document scanned,
never give it a figure or a page. Without tesseract nothing changes.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from functools import lru_cache

from generator.model import Line
from generator.read.metadata import title_lines, title_text

RESOLUTION = 200  # dpi: the title's large type reads well; body text is not needed
TIMEOUT_SECONDS = 120
_BUDGET_WORDS = ("预算", "决算", "绩效目标", "绩效信息")
# titles of documents crawlers mistake for budgets; a budget's title holds none of them
_OTHER_KINDS = (
    "通知",
    "通告",
    "公告",
    "公报",
    "报告",
    "评价",
    "结果",
    "申请表",
    "决定",
    "意见",
    "办法",
    "方案",
    "批复",
    "请示",
    "纪要",
    "总结",
    "函",
)
_MIN_TITLE_CHARS = 6  # a title shorter than this was not read, whatever it says
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SPACE_BETWEEN_CJK = re.compile(r"(?<=[\u4e00-\u9fff〔〕（）])\s+(?=[\u4e00-\u9fff〔〕（）\d])")


@lru_cache(maxsize=1)
def _tesseract() -> str | None:
    """The tesseract executable, if it is installed with its simplified-Chinese model."""
    exe = shutil.which("tesseract")
    if not exe:
        return None
    try:
        out = subprocess.run(
            [exe, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return exe if "chi_sim" in (out.stdout + out.stderr).split() else None


def available() -> bool:
    """Tesseract with its simplified-Chinese model is installed (checked once, ~15 ms)."""
    return _tesseract() is not None


def page_text(path: str, number: int = 1) -> str | None:
    """The OCR text of one page (1-based), or None when OCR is missing or fails."""
    exe = _tesseract()
    if exe is None:
        return None
    try:
        import pdfplumber

        with tempfile.TemporaryDirectory() as tmp:
            image = os.path.join(tmp, "page.png")
            with pdfplumber.open(path) as pdf:
                if number > len(pdf.pages):
                    return None
                pdf.pages[number - 1].to_image(resolution=RESOLUTION).save(image)
            out = subprocess.run(
                [exe, image, "stdout", "-l", "chi_sim", "--psm", "3"],
                capture_output=True,
                text=True,
                timeout=TIMEOUT_SECONDS,
                check=False,
                # one thread: the same text every run, and workers do not fight over cores
                env={**os.environ, "OMP_THREAD_LIMIT": "1"},
            )
    except Exception:  # noqa: BLE001 - OCR is a hint: any failure leaves the file as scanned
        return None
    return out.stdout if out.returncode == 0 else None


def ocr_lines(text: str) -> list[Line]:
    """OCR output as numbered lines, the spaces tesseract puts between Chinese characters
    removed ("2023 年度长沙市" stays, "长 沙 市" becomes "长沙市")."""
    out = []
    for raw in text.splitlines():
        t = _SPACE_BETWEEN_CJK.sub("", raw.strip())
        out.append(Line(len(out) + 1, t, 1))
    return out


def other_document_title(lines: list[Line]) -> str | None:
    """The title, when it clearly names a document that is not a budget disclosure."""
    title = title_text(title_lines(lines))
    if len(_CJK.findall(title)) < _MIN_TITLE_CHARS:
        return None
    if any(w in title for w in _BUDGET_WORDS):
        return None
    return title if any(w in title for w in _OTHER_KINDS) else None
