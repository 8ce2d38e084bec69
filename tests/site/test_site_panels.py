"""The findings and peers partials: later stages fill them, and they cope with nothing."""

from __future__ import annotations

from decimal import Decimal

from generator.checks.model import Evidence, Finding
from generator.config import SiteConfig
from generator.model import SourceRef
from generator.render import environment
from generator.site.model import build_site
from tests.site.fixtures.documents import HUAXIAN, huaxian_2024


def _env():
    site = build_site(SiteConfig(), [(None, huaxian_2024())], [], None, None)
    return environment(site)


def _panel(**ctx) -> str:
    return _env().get_template("partials/findings.html").render(**ctx)


def test_findings_panel_says_not_checked_when_checks_did_not_run():
    html = _panel(findings=None)
    assert "尚未核对" in html and "未发现" not in html


def test_findings_panel_says_checked_when_nothing_found():
    assert "未发现" in _panel(findings=[])


def test_findings_panel_shows_both_sides_with_source_links():
    finding = Finding(
        rule="narrative.matches_table",
        severity="error",
        message="说明中的基本支出与表格不一致。",
        document=HUAXIAN,
        evidence=[
            Evidence(
                "基本支出（表格）", SourceRef(HUAXIAN, 249), Decimal("797.18"), "万元", "797.18"
            ),
            Evidence(
                "基本支出（说明）", SourceRef(HUAXIAN, 93), Decimal("797.18"), "万元", "797.18 <b>"
            ),
        ],
    )
    html = _panel(findings=[finding])
    assert "<strong>1</strong> 条" in html and 'data-rule="narrative.matches_table"' in html
    assert "/d/410526-ybj/2024/budget/#L249" in html and "#L93" in html
    assert "797.18 &lt;b&gt;" in html  # printed text is escaped


def test_peers_partial_without_peers_or_metrics():
    html = _env().get_template("partials/peers.html").render(peers=[], metrics=None)
    assert "暂无同类型" in html and "尚未计算" in html


def test_glossary_marks_differing_wording_and_escapes():
    from generator.render import diff_marks

    html = str(diff_marks("是指<b>人员支出和公用支出。", "是指人员经费和公用经费。"))
    assert "&lt;b&gt;" in html and "<mark>" in html and html.startswith("是指")
