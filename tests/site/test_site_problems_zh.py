"""Reading problems reach the Chinese pages in Chinese, never as the reader's English text."""

from __future__ import annotations

import json
from pathlib import Path

DY = "d/410526-ybj/2024/index.html"
REPORT = "report/index.html"
# The English wording of seed 001's three problems (units at lines 311, 368, 432)
ENGLISH = ["the unit of table", "prints “单位：” without a unit", "read as 万元", "warning"]


def _read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def _problems_block(html: str) -> str:
    start = html.index('<details class="problems"')
    return html[start : html.index("</details>", start)]


def test_the_huaxian_page_lists_its_problems_in_chinese(real_site):
    site, _ = real_site
    block = _problems_block(_read(site, DY))
    assert "表格《2024年一般公共预算支出情况表》的单位印作“单位：万”（不完整），按万元读取" in block
    assert "提示：" in block and "#L311" in block and "#L368" in block and "#L432" in block
    assert block.count("没有写明单位") == 2
    for words in ENGLISH:
        assert words not in block, words


def test_the_build_report_shows_problems_and_severity_in_chinese(real_site):
    site, _ = real_site
    html = _read(site, REPORT)
    assert "单位印作“单位：万”（不完整）" in html and "（第 311 行）" in html
    assert "提示：" in html
    for words in ENGLISH:
        assert words not in html, words


def test_report_json_keeps_the_english_message_beside_the_chinese(real_site):
    site, _ = real_site
    report = json.loads(_read(site, "report.json"))
    huaxian = next(o for o in report["inputs"] if "滑县" in o["file"])
    by_line = {p["line"]: p for p in huaxian["problems"]}
    assert by_line[311]["message"].startswith("the unit of table")
    assert by_line[311]["message_zh"].startswith("表格《2024年一般公共预算支出情况表》的单位")
