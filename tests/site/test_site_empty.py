"""Nothing empty: no chart or table whose rows are all 0 or 不适用 (a sentence says it), two
projects of one name stay two bars, a negative value is drawn as negative, and per person
figures only with a population whose source is cited."""

from __future__ import annotations

import re
from decimal import Decimal as D
from types import SimpleNamespace

from generator.model import Cell, Code, Project, Row, SourceRef, Table
from generator.site.charts import Chart, ChartRow, templates
from generator.site.empty import table_all_zero
from generator.site.figures import projects_chart
from tests.site.chart_rows import chart_rows

EMPTY_TEXT = {"不适用", "未公开", "0", "0.00", "0.00 万元", "0.00%", "—", ""}


def _rows(values):
    return [
        Row([Cell("科目"), Cell(v, D(v) if v not in ("", "—") else None)], 10 + i)
        for i, v in enumerate(values)
    ]


def test_a_table_of_zeros_is_all_zero_and_one_number_is_not():
    assert table_all_zero(Table(None, "政府性基金", 1, rows=_rows(["0", "0.00", "—"])))
    assert not table_all_zero(Table(None, "政府性基金", 1, rows=_rows(["0", "0.01"])))
    assert not table_all_zero(Table(None, "无数字", 1, rows=_rows(["—"])))
    coded = Row(
        [Cell("2080501", D(2080501)), Cell("0", D(0))],
        3,
        code=Code("2080501", "functional", "208", "05", "01"),
    )
    assert table_all_zero(Table(None, "按科目", 1, rows=[coded]))


def test_a_chart_of_zeros_says_so():
    zero = Chart("compare", "x", "“三公”经费", [ChartRow("公务接待费", D(0), "0.00", "2020 年")])
    assert zero.all_zero
    assert not Chart("bars", "y", "t", [ChartRow("a", D("0.01"), "0.01")]).all_zero
    assert not Chart("bars", "z", "t", []).all_zero


def test_projects_of_one_name_stay_apart():
    site = SimpleNamespace(source_url=lambda ref: f"#L{ref.line}" if ref else None)
    projects = [
        Project("打击欺诈骗保工作经费", amount=D("10"), source=SourceRef("a.txt", 40)),
        Project("打击欺诈骗保工作经费", amount=D("5"), source=SourceRef("a.txt", 52)),
        Project("医保信息化", amount=D("7"), source=SourceRef("a.txt", 60)),
    ]
    doc = SimpleNamespace(document=SimpleNamespace(projects=projects))
    labels = [r.label for r in projects_chart(site, doc).rows]
    assert labels == [
        "打击欺诈骗保工作经费（第 40 行）",
        "医保信息化",
        "打击欺诈骗保工作经费（第 52 行）",
    ]


def test_bar_labels_of_negative_values_sit_left_of_their_bar():
    layers = templates()["bars"]["layer"]
    texts = [la for la in layers if la["mark"]["type"] == "text"]
    sides = {la["transform"][0]["filter"]: la["mark"]["align"] for la in texts}
    assert sides == {"datum.value >= 0": "left", "datum.value < 0": "right"}


def _pages(site):
    return [p for p in sorted(site.rglob("index.html")) if "pagefind" not in p.parts]


def test_no_chart_or_table_of_only_zeros_or_not_applicable(real_site):
    site, _ = real_site
    bad = []
    for page in _pages(site):
        text = page.read_text(encoding="utf-8")
        rel = page.relative_to(site).as_posix()
        for rows in chart_rows(text).values():
            if rows and all(r["value"] == 0 for r in rows):
                bad.append(f"{rel}: chart of zeros")
        for t in re.finditer(r"<table(.*?)</table>", text, re.S):
            cells = [
                re.sub(r"<[^>]+>", "", c).strip()
                for c in re.findall(r'<td class="num">(.*?)</td>', t.group(1), re.S)
            ]
            if cells and all(c in EMPTY_TEXT for c in cells):
                bad.append(f"{rel}: table {re.search(r'<caption>([^<]*)', t.group(1))}")
    assert bad == []


def test_the_sentences_that_replace_them(real_site):
    site, _ = real_site
    guyuan = (site / "d/640400-ybj/2020/index.html").read_text(encoding="utf-8")
    assert re.search(r'class="chart-empty"[^>]*><strong>“三公”经费</strong>：.*均为 0', guyuan)
    assert "表中数字全部为 0" in guyuan
    performance = (site / "d/130304-ybj/2020/index.html").read_text(encoding="utf-8")
    assert "项可比指标都没有可计算的数字" in performance
    assert 'class="data compact metric-table"' not in performance


def test_same_named_projects_are_two_bars_on_the_page(real_site):
    site, _ = real_site
    text = (site / "d/419001-ybj/2021/index.html").read_text(encoding="utf-8")
    charts = chart_rows(text)
    assert charts
    for rows in charts.values():
        labels = [(r["label"], r["series"]) for r in rows]
        assert len(labels) == len(set(labels))
    assert text.count("打击欺诈骗保工作经费（第 ") >= 2


def test_per_capita_only_with_a_cited_population(real_site):
    site, _ = real_site
    for page in sorted(site.glob("d/*/*/index.html")):
        text = page.read_text(encoding="utf-8")
        if 'data-metric="per_capita_expenditure"' in text:
            assert "常住人口：" in text, page
    manc = (site / "d/130607-ybj/2021/index.html").read_text(encoding="utf-8")
    assert 'data-metric="per_capita_expenditure"' not in manc
    assert "不计算人均支出" in manc
