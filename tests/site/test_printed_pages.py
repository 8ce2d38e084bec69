"""The printed page behind a PDF figure, on a site built from ../shared/pdf: a headline
figure's link shows the page it was printed on, with its cell boxed; only cited pages are
drawn, in small files; the figure views pass axe at a phone's and a desktop's width."""

from __future__ import annotations

import functools
import http.server
import io
import re
import shutil
import threading
from urllib.parse import unquote

import pytest

from tests.site.helpers import BASE_PATH
from tests.site.test_site_browser import _Handler, browser  # noqa: F401 (fixture)
from tests.site.test_site_phone import AXE_RUN, _axe_source

PLACES = {
    "jiangsu-gaoyuan-2017-budget.pdf": "320000-江苏省/江苏省高级人民法院/2017-budget.pdf",
    "shanghai-putuo-guihuaziyuanju-2024-final.pdf": (
        "310107-普陀区/上海市普陀区规划和自然资源局/2024-final.pdf"
    ),
    "shanghai-putuo-shangwuwei-2025-budget.pdf": "310107-普陀区/上海市普陀区商务委员会/2025-budget.pdf",
}


@pytest.fixture(scope="module")
def pdf_site(tmp_path_factory):
    from generator.build import Builder
    from generator.config import parse_config
    from tests.conftest import SHARED
    from tests.site.helpers import ROOT

    pdfs = SHARED / "pdf"
    if not all((pdfs / name).is_file() for name in PLACES):
        pytest.skip(f"the PDFs of {pdfs} are absent")
    tmp = tmp_path_factory.mktemp("pdf-site")
    for name, place in PLACES.items():
        target = tmp / "content" / "disclosures" / place
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(pdfs / name, target)
    cfg = parse_config(
        f'base_path = "{BASE_PATH}"\n'
        f'output_dir = "{(tmp / "_site").as_posix()}"\n'
        f'content_dir = "{(tmp / "content").as_posix()}"\n'
        f'cache_dir = "{(ROOT / ".cache").as_posix()}"\n',
        tmp,
    )
    result = Builder(cfg, quiet=True).build()
    return cfg.output_path, result


@pytest.fixture(scope="module")
def pdf_server(pdf_site):
    site, _ = pdf_site
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Handler, site=site)
    )
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _jiangsu(site):
    (page,) = site.glob("d/320000-*/2017/index.html")
    return page.parent.relative_to(site).as_posix() + "/"


def test_only_cited_pages_are_drawn_small(pdf_site):
    from PIL import Image

    site, _ = pdf_site
    images = sorted(site.glob("d/*/*/*/page-*.png"))
    views = sorted(site.glob("d/*/*/*/L*/index.html"))
    assert images and views
    drawn = {BASE_PATH + p.relative_to(site).as_posix() for p in images}
    for image in images:
        data = image.read_bytes()
        assert len(data) < 60_000, (image, len(data))  # a palette PNG at 100 dpi
        assert Image.open(io.BytesIO(data)).mode == "P"
    # every image is shown by a figure view, and only the budget's cited pages exist
    shown = {
        unquote(m)
        for v in views
        for m in re.findall(r'<img src="([^"]+\.png)"', v.read_text(encoding="utf-8"))
    }
    assert shown == drawn
    assert len(list(site.glob("d/320000-*/2017/budget/page-*.png"))) < 27  # of 27 pages


@pytest.mark.browser
def test_a_headline_figure_shows_its_printed_page_boxed(pdf_site, pdf_server, browser):  # noqa: F811
    site, _ = pdf_site
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(pdf_server + BASE_PATH + _jiangsu(site), wait_until="load")
    lead = page.locator("dl.headline .figure.lead a.amount")
    assert lead.locator(".num").inner_text() == "28,849.38"  # 收入总计, printed on page 12
    lead.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/2017/budget/L269/")
    image = page.locator(".paper-frame img")
    assert image.get_attribute("src").endswith("/page-12.png")
    page.wait_for_function("document.querySelector('.paper-frame img').naturalWidth > 0")
    # 28,849.38 is printed four times on page 12; the line cites it twice (收入合计 and
    # 支出合计, both cited figures): two boxes on one row, the line 当年收入小计 above is not boxed
    boxes = page.locator(".paper-box")
    assert boxes.count() == 2
    img = image.bounding_box()
    left, right = sorted((boxes.nth(i).bounding_box() for i in range(2)), key=lambda b: b["x"])
    assert abs(left["y"] - right["y"]) < 2 and left["x"] + left["width"] < right["x"]
    box = left
    assert img["x"] <= box["x"] and box["x"] + box["width"] <= img["x"] + img["width"] / 2
    assert img["y"] < box["y"] < img["y"] + img["height"] and box["height"] < 40
    # what the box frames on the image is the printed figure: dark digits inside
    from PIL import Image

    shot = Image.open(io.BytesIO(page.screenshot(clip=box, full_page=True))).convert("L")
    assert shot.getextrema()[0] < 100
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_pdf_pages_fit_and_pass_axe(pdf_site, pdf_server, browser, width):  # noqa: F811
    site, _ = pdf_site
    views = sorted(site.glob("d/320000-*/2017/budget/L*/index.html"))[:3]
    paths = [_jiangsu(site), _jiangsu(site) + "budget/"] + [
        v.parent.relative_to(site).as_posix() + "/" for v in views
    ]
    context = browser.new_context(viewport={"width": width, "height": 800})
    context.add_init_script(_axe_source())
    page = context.new_page()
    problems = []
    for path in paths:
        page.goto(pdf_server + BASE_PATH + path, wait_until="load")
        wide = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if wide[0] > wide[1]:
            problems.append(f"{path}: {wide[0]} px wide at {wide[1]} px")
        problems += [f"{path}: axe {v}" for v in page.evaluate(AXE_RUN)]
    context.close()
    assert not problems, "\n".join(problems)
