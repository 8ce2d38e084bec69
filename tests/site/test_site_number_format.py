"""One way to show a number: a figure reads the same on its card, in the chart data (labels
and tooltips show the rows' ``text``) and in the tables of every page that shows it."""

from __future__ import annotations

import re
from decimal import Decimal

from generator.site import metric_format
from generator.site.charts import money
from tests.site.chart_rows import chart_rows

CARD = re.compile(
    r'<dt[^>]*><a class="ind"[^>]*>([^<]+)</a>.*?<span class="num">([^<]+)</span>', re.S
)
TABLE_ROW = re.compile(
    r'<tr><th scope="row"><a class="ind"[^>]*>([^<]+)</a></th><td class="num">([^<]+)</td>'
)


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", "").split()[0])


def test_amount_helpers_agree():
    for v in ("23278.1", "430.714456", "-12929.31", "0", "0.005"):
        d = Decimal(v)
        assert metric_format.amount(d) == f"{money(d)} 万元"
        assert metric_format.number(d, "万元") == metric_format.amount(d)
    assert money(Decimal("23278.1")) == "23,278.10"
    assert money(Decimal("430.714456")) == "430.71"


def test_a_figure_reads_the_same_on_card_chart_and_table(real_site):
    site, _ = real_site
    checked = 0
    for page in sorted(site.glob("d/*/*/index.html")):
        text = page.read_text(encoding="utf-8")
        cards = dict(CARD.findall(text))
        table = dict(TABLE_ROW.findall(text))
        charts = [r for rows in chart_rows(text).values() for r in rows]
        for name, shown in cards.items():
            assert table.get(name) == shown, (page, name, shown, table.get(name))
            value = _number(shown)
            same = [r for r in charts if Decimal(str(r["value"])) == value and r["text"]]
            for r in same:
                assert r["text"] == shown, (page, name, r)
            checked += 1 + len(same)
    assert checked > 25


def test_the_department_page_timeline_and_table_agree_with_the_card(real_site):
    site, _ = real_site
    year_page = (site / "d/410526-ybj/2024/index.html").read_text(encoding="utf-8")
    card = dict(CARD.findall(year_page))["基本支出"]
    dept = (site / "d/410526-ybj/index.html").read_text(encoding="utf-8")
    timeline = [r for rows in chart_rows(dept).values() for r in rows]
    assert any(r["text"] == card and r["series"].startswith("基本支出") for r in timeline)
    assert f">{card}</a></td>" in dept  # 历年公开文件
    assert f"基本支出 {card} 万元" in year_page  # the metric table's inputs
