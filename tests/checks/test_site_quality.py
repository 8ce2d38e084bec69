"""The site's data-quality page and the methodology rule list, built from the real seeds."""

from __future__ import annotations

import csv
import re

import pytest

from generator.checks import RULES


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory):
    from generator.build import Builder
    from tests.site.helpers import make_config

    cfg = make_config(tmp_path_factory.mktemp("quality"))
    Builder(cfg, quiet=True).build()
    return cfg.output_path


def test_quality_page_lists_every_finding_with_filters(site_dir):
    html = (site_dir / "quality" / "index.html").read_text(encoding="utf-8")
    with open(site_dir / "data" / "findings.csv", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert rows and list(rows[0]) == [
        "department_id",
        "year",
        "kind",
        "rule",
        "severity",
        "message",
        "sources",
    ]
    assert html.count('<li class="finding sev-') == len(rows)
    for name in ("rule", "severity", "region", "year"):
        assert f'<select name="{name}">' in html
    assert "static/quality.js" in html
    # 固原 2020: every source line of the known contradiction is linked
    assert re.search(r'href="[^"]*/d/640400-[^/]+/2020/final/#L397"', html)
    assert re.search(r'href="[^"]*/d/640400-[^/]+/2020/final/#L319"', html)
    # completeness: 滑县 2024 publishes all eight standard budget tables
    row = re.search(r"滑县医疗保障局</a></th><td>2024</td>\s*<td[^>]*>(\d+)%", html)
    assert row and row.group(1) == "100"


def test_methodology_lists_every_rule(site_dir):
    html = (site_dir / "methodology" / "index.html").read_text(encoding="utf-8")
    for r in RULES:
        assert f'id="rule-{r.id}"' in html
        assert r.title_zh.replace("“", "&#34;")[:4] in html or r.title_zh[:4] in html
    assert "尾差的判断" in html


def test_department_year_panel_links_rules(site_dir):
    pages = list((site_dir / "d").glob("640400-*/2020/index.html"))
    html = pages[0].read_text(encoding="utf-8")
    assert (
        'href="/methodology/#rule-narrative.amount_matches_table"' in html
        or "#rule-narrative.amount_matches_table" in html
    )
