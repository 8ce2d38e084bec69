"""The built site, checked as files: content, escaping, open data, links and determinism."""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import Builder
from tests.site.helpers import BASE_PATH, ROOT, broken_links, build_into, make_config, page_links

DY = "d/410526-ybj/2024/index.html"


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def test_department_year_page_shows_figures_linked_to_lines(built_site):
    site, _ = built_site
    html = read(site, DY)
    assert '<html lang="zh-CN">' in html
    assert "23,278.10" in html and "797.18" in html and "22,480.92" in html
    # 收入总计 links to line 223 of its source page, in the page's own folder (relative:
    # generator/site/html_links.py)
    assert 'href="budget/#L223"' in html
    links = page_links(html, BASE_PATH + "d/410526-ybj/2024/")
    assert f"{BASE_PATH}d/410526-ybj/2024/budget/#L223" in links
    # indicator names link to indicator pages
    assert f"{BASE_PATH}indicators/income_total/" in links
    assert 'id="findings"' in html and 'id="peers"' in html
    assert f"{BASE_PATH}d/640400-ybj/2020/" not in links  # 地级 is not a 县级 peer


def test_absent_is_not_zero(built_site):
    site, _ = built_site
    html = read(site, "indicators/overseas_travel/index.html")
    assert "滑县医疗保障局" not in html  # its 因公出国（境）费 cell is empty, so it is not listed


def test_functional_classes_use_current_names(built_site):
    site, _ = built_site
    html = read(site, DY)
    assert "210 卫生健康支出" in html
    # The 支出表 prints only 项 rows, whose sum is 22,517.59; the 收支总表 prints the class
    # total 22,517.58 (line 200). The page shows the printed figure, never the sum.
    chart = html[html.index('id="chart-budget-functional"') :]
    chart = chart[: chart.index("</figure>")]
    assert "22,517.58" in chart and "22,517.59" not in chart
    assert "按项级科目相加" not in chart


def test_source_page_has_line_anchors(built_site):
    site, _ = built_site
    html = read(site, "d/410526-ybj/2024/budget/index.html")
    assert "<p id=L223>" in html and "收入总计" in html


def test_disclosure_html_is_escaped(built_site):
    site, _ = built_site
    html = read(site, "d/419001-ybj/2021/budget/index.html")
    raw = (
        Path(__file__).resolve().parents[2]
        / "content/disclosures/419001-济源市/济源产城融合示范区医疗保障局/2021-budget.txt"
    )
    assert "<p>" in raw.read_text(encoding="utf-8") or "<ol" in raw.read_text(encoding="utf-8")
    body = html.split('<section class="source', 1)[1].split("</section>", 1)[0]
    assert "<p>" not in body and "<ol " not in body
    assert "&lt;p&gt;" in body or "&lt;ol" in body


def test_phone_numbers_hidden_on_source_pages(built_site):
    site, _ = built_site
    html = read(site, "d/419001-ybj/2021/budget/index.html")
    assert "03916636556" not in html and "6639889" not in html and "牛亚楠" not in html


def test_glossary_shows_differing_wordings(built_site):
    site, _ = built_site
    html = read(site, "glossary/index.html")
    assert "基本支出" in html and "2 种表述" in html


def test_open_data_csv(built_site):
    site, _ = built_site
    raw = (site / "data/indicators.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert list(rows[0]) == [
        "department_id",
        "department",
        "region_code",
        "year",
        "kind",
        "indicator",
        "value",
        "unit",
        "source",
    ]
    basic = [r for r in rows if r["indicator"] == "basic_expenditure" and r["year"] == "2020"]
    # 1,420,085.06 元 in 万元, every digit, no float noise
    assert basic[0]["value"] == "142.008506"
    assert basic[0]["source"].endswith("2020-final.txt#L258")


def test_department_year_data_file_holds_every_table_of_its_documents(real_site):
    from generator.config import PrivacyConfig
    from generator.privacy import redact
    from generator.read.reader import read_file

    site, _ = real_site
    raw = (site / "d/410526-ybj/2024/data.json.gz").read_bytes()
    assert raw[:2] == b"\x1f\x8b" and raw[4:8] == b"\0\0\0\0"  # gzip, no time stamp
    data = json.loads(gzip.decompress(raw))
    seed = ROOT / "content/disclosures/410526-滑县/滑县医疗保障局/2024-budget.txt"
    doc = redact(read_file(seed), PrivacyConfig())
    tables = data["documents"][0]["tables"]
    assert [(t["title"], t["line"]) for t in tables] == [(t.title, t.line) for t in doc.tables]
    for got, table in zip(tables, doc.tables, strict=True):
        assert [r["line"] for r in got.get("rows", [])] == [r.line for r in table.rows]
        texts = [[c if isinstance(c, str) else c["text"] for c in r["cells"]] for r in got["rows"]]
        assert texts == [[c.text for c in r.cells] for r in table.rows]
    assert data["documents"][0]["source_page"].endswith("/d/410526-ybj/2024/budget/")
    # a note printed under a table (source line 330) stays on the page, grid drawn or not
    page = read(site, "d/410526-ybj/2024/index.html")
    box = page.split('id="table-budget-307"', 1)[1].split("</div>", 1)[0]
    assert '<p class="note">备注：本表仅含当年财政拨款安排的支出</p>' in box


def test_datapackage_validates(built_site):
    site, _ = built_site
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(site / "data/datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_sitemap_index_and_feed(built_site):
    site, _ = built_site
    index = read(site, "sitemap.xml")
    assert (
        "<sitemapindex" in index
        and "https://example.org/budget-site/sitemaps/sitemap-1.xml" in index
    )
    assert "https://example.org/budget-site/d/410526-ybj/2024/" in read(
        site, "sitemaps/sitemap-1.xml"
    )
    feed = read(site, "feed.xml")
    assert feed.count("<entry>") == 5
    assert "-01-01T00:00:00Z" not in feed  # no placeholder dates
    assert (site / "robots.txt").exists() and (site / "404.html").exists()


def test_report_lists_every_input(built_site):
    site, result = built_site
    report = json.loads(read(site, "report.json"))
    disclosures = [o for o in report["inputs"] if o["status"] != "page"]
    assert len(disclosures) == result.inputs == 5
    assert {o["status"] for o in disclosures} <= {"ok", "problems", "failed"}
    # every other file under content/ is listed too: the site's own pages
    pages = {o["file"] for o in report["inputs"] if o["status"] == "page"}
    assert pages == {"pages/about.md", "pages/guide.md", "pages/methodology.md"}


@pytest.mark.parametrize("which", ["built_site", "real_site"])
def test_every_internal_link_resolves(which, request):
    site, _ = request.getfixturevalue(which)
    broken = broken_links(site)
    assert not broken, "\n".join(broken[:20])


def test_navigation_does_not_list_the_whole_site(built_site):
    site, _ = built_site
    html = read(site, DY)
    links = page_links(html, BASE_PATH + "d/410526-ybj/2024/")
    linked = {m[1] for m in map(re.compile(r"/budget-site/d/([^/]+/\d+)/").match, links) if m}
    # its own year, the department's other years and same-level peers: never every page
    # the text-only seeds take their region from their path (so their level, 县级, is known):
    # they are this county bureau's same-level peers, each linked in its nearest year once
    assert linked == {"410526-ybj/2024", "130304-ybj/2020", "130607-ybj/2021", "419001-ybj/2021"}
    assert links.count("/budget-site/d/130304-ybj/2020/") <= 2
    assert "/budget-site/indicators/" in links


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_two_builds_are_byte_identical(built_site, tmp_path):
    site, _ = built_site
    cfg, _, _ = build_into(tmp_path)
    assert _digest(cfg.output_path) == _digest(site)


def test_rebuild_touches_only_what_changed(tmp_path):
    cfg, builder, first = build_into(tmp_path)
    second = builder.build()
    assert second.rendered == 0 and second.written == 0
    assert first.written == first.pages


def test_build_command_runs(tmp_path):
    (tmp_path / "site.toml").write_text(
        f'output_dir = "out"\ncontent_dir = "{(ROOT / "content").as_posix()}"\n'
        f'cache_dir = "{(ROOT / ".cache").as_posix()}"\n',
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--config", str(tmp_path / "site.toml")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "inputs read: 5" in done.stderr and (tmp_path / "out/index.html").exists()
    bad = tmp_path / "bad.toml"
    bad.write_text("titel = 1\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--config", str(bad)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "'titel'" in done.stderr


def test_markdown_pages_do_not_render_raw_html(built_site):
    from generator.render import markdown

    assert "<script>" not in markdown("<script>alert(1)</script>")
    assert re.search(r"<h1>关于本站</h1>", read(built_site[0], "about/index.html"))


def test_real_reader_build_reads_every_seed(real_site):
    site, result = real_site
    assert result.inputs == 5 and result.failed == 0
    html = read(site, DY)
    assert "23,278.10" in html and "#L223" in html
    frictionless = pytest.importorskip("frictionless")
    assert frictionless.validate(str(site / "data/datapackage.json")).valid


def _text(path: Path) -> str:
    raw = path.read_bytes()
    return (gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8")


def test_personal_data_appears_in_no_output_file(real_site):
    site, _ = real_site
    secrets = ["03916636556", "6639889", "牛亚楠", "齐软软", "杨雯雯"]
    leaked = [
        (p.relative_to(site).as_posix(), s)
        for p in site.rglob("*")
        if p.is_file() and p.suffix in (".html", ".json", ".csv", ".xml", ".gz")
        for s in secrets
        if s in _text(p)
    ]
    assert not leaked


def test_contacts_shown_when_switched_on(tmp_path):
    cfg = make_config(
        tmp_path, **{"privacy": "{ show_contact_names = true, show_phone_numbers = true }"}
    )
    Builder(cfg, quiet=True).build()
    html = (cfg.output_path / "d/419001-ybj/2021/budget/index.html").read_text(encoding="utf-8")
    assert "牛亚楠" in html and "03916636556" in html


def test_sitemap_is_chunked_under_an_index(tmp_path):
    cfg, _, _ = build_into(tmp_path, sitemap_chunk_size="10")
    index = (cfg.output_path / "sitemap.xml").read_text(encoding="utf-8")
    chunks = sorted(cfg.output_path.glob("sitemaps/sitemap-*.xml"))
    assert len(chunks) > 2 and index.count("<sitemap>") == len(chunks)
    urls = sum(c.read_text(encoding="utf-8").count("<url>") for c in chunks)
    assert all(c.read_text(encoding="utf-8").count("<url>") <= 10 for c in chunks)
    assert urls == len(list(cfg.output_path.rglob("*.html"))) - 1  # every page but 404.html
