"""Plain Chinese for citizens: no code ids, file paths or config names in the visible text of
any built page, outside the methodology page's technical appendix and the build report (a
list of input files for maintainers). Ids may stay in data- attributes and the open data."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

CODEY = re.compile(r"[a-z]+_[a-z]+|[a-z]+\.[a-z_]+")
SKIP_TAGS = {"script", "style"}


class _Visible(HTMLParser):
    """Text nodes and the attributes a reader meets (aria-label, alt, placeholder), skipping
    scripts, styles and anything inside an element of class ``technical-appendix``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.text: list[str] = []

    def _hidden(self) -> bool:
        return any(skip for _, skip in self.stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        skip = tag in SKIP_TAGS or "technical-appendix" in (a.get("class") or "").split()
        if tag not in {"meta", "link", "br", "img", "input", "hr", "source", "wbr"}:
            self.stack.append((tag, skip))
        if not self._hidden() and not skip:
            self.text += [a[k] for k in ("aria-label", "alt", "placeholder") if a.get(k)]

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if not self._hidden():
            self.text.append(data)


def visible_text(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    return "\n".join(parser.text)


def test_the_parser_sees_what_it_should():
    html = (
        "<p>预算 <code>text.placeholder</code></p><script>a.b_c</script>"
        '<section class="technical-appendix"><p>site.toml</p></section><p data-x="a_b">无</p>'
    )
    assert CODEY.findall(visible_text(html)) == ["text.placeholder"]


def test_no_code_ids_in_visible_text(real_site):
    site, _ = real_site
    pages = [p for p in sorted(site.rglob("*.html")) if "pagefind" not in p.parts]
    assert len(pages) > 50
    bad = []
    for page in pages:
        rel = page.relative_to(site).as_posix()
        if rel == "report/index.html":
            continue
        hits = sorted(set(CODEY.findall(visible_text(page.read_text(encoding="utf-8")))))
        if hits:
            bad.append(f"{rel}: {hits[:5]}")
    assert bad == []


def test_methodology_keeps_ids_in_its_appendix(real_site):
    site, _ = real_site
    html = (site / "methodology" / "index.html").read_text(encoding="utf-8")
    assert 'id="technical-appendix"' in html
    appendix = html.split('id="technical-appendix"', 1)[1]
    assert "identities.total_equals_items" in appendix


def test_every_department_year_links_the_guide(real_site):
    site, _ = real_site
    guide = site / "guide" / "index.html"
    assert "如何读懂一份部门预算" in guide.read_text(encoding="utf-8")
    pages = sorted(Path(site, "d").glob("*/*/index.html"))
    assert pages
    for page in pages:
        assert "《如何读懂一份部门预算》" in page.read_text(encoding="utf-8"), page
