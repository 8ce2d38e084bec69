"""Building the test site: the fixture reader and a config under a project base path."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from generator.build import Builder
from generator.build_readers import text_only_reader
from generator.config import parse_config
from tests.seed_docs import all_seeds
from tests.site.fixtures.documents import GUYUAN, HUAXIAN, guyuan_2020, huaxian_2024

ROOT = Path(__file__).resolve().parents[2]
BASE_PATH = "/budget-site/"


def fixture_reader(path: str):
    """The hand-built Documents for seeds 001 and 004; the plain text for the others."""
    if path == HUAXIAN:
        return huaxian_2024()
    if path == GUYUAN:
        return guyuan_2020()
    return text_only_reader(path)


def seed_docs_reader(path: str):
    """The build's reader, answering with the hand-built seed documents (by source path)."""
    for doc in all_seeds():
        if doc.source == path:
            return doc
    return text_only_reader(path)


def make_config(tmp: Path, **extra: str):
    lines = [
        f'base_path = "{BASE_PATH}"',
        'base_url = "https://example.org"',
        f'output_dir = "{(tmp / "_site").as_posix()}"',
        f'content_dir = "{(ROOT / "content").as_posix()}"',
        f'cache_dir = "{(ROOT / ".cache").as_posix()}"',
    ] + [f"{k} = {v}" for k, v in extra.items()]
    return parse_config("\n".join(lines) + "\n", tmp)


def build_into(tmp: Path, **extra: str):
    cfg = make_config(tmp, **extra)
    builder = Builder(cfg, quiet=True, reader=fixture_reader)
    return cfg, builder, builder.build()


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        for key in ("href", "src"):
            if a.get(key):
                self.refs.append(a[key])


def broken_links(site: Path, base_path: str = BASE_PATH) -> list[str]:
    """Every internal href/src of every page that does not resolve to a file or an anchor."""
    pages = {}
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert '<html lang="zh-CN">' in text, f"{path} is not marked as Chinese"
        parser = _Links()
        parser.feed(text)
        pages[path] = parser
    broken = []
    for path, parser in pages.items():
        for ref in parser.refs:
            parts = urlsplit(ref)
            if parts.scheme in ("http", "https", "data", "mailto") or parts.netloc:
                continue
            if not parts.path:
                target = path
            else:
                if parts.path.startswith("/"):
                    assert parts.path.startswith(base_path), f"{path}: link {ref} bypasses url()"
                    rel = unquote(parts.path[len(base_path) :])
                else:  # relative links written in Markdown pages
                    here = path.parent.relative_to(site).as_posix()
                    rel = posixpath.normpath(posixpath.join(here, unquote(parts.path)))
                    rel = "" if rel == "." else rel + ("/" if parts.path.endswith("/") else "")
                    assert not rel.startswith(".."), f"{path}: {ref} leaves the site"
                target = site / (rel + "index.html" if rel == "" or rel.endswith("/") else rel)
            if not target.exists():
                broken.append(f"{path.relative_to(site)} -> {ref}")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else set()
                if parts.fragment not in ids:
                    broken.append(f"{path.relative_to(site)} -> {ref} (no anchor)")
    return broken


def page_links(html: str, page: str) -> list[str]:
    """The ``<a href>`` targets of the page at ``page`` (its path, as ``BASE_PATH +
    "d/x/2024/"``) as absolute paths: relative links (generator/site/html_links.py) resolved
    as a browser resolves them."""
    site = "https://example.org"
    out = []
    for href in re.findall(r'<a\s[^>]*?href="([^"]*)"', html):
        url = urljoin(site + page, href.replace("&amp;", "&"))
        out.append(url[len(site) :] if url.startswith(site) else url)
    return out
