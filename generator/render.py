"""Phase 2: turn registered pages into bytes, and write only files whose bytes changed.

Jinja2 autoescapes everything; no template marks disclosure text as safe, so HTML printed
inside a disclosure (``<p>`` in a cell) is shown as text, never interpreted.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, meta, select_autoescape
from markdown_it import MarkdownIt
from markupsafe import Markup

from generator.charts import indicator_name, money
from generator.links import Links, output_file
from generator.model import CANONICAL_INDICATORS, SourceRef
from generator.site import KIND_ZH, LEVEL_ZH, Page, Site, term_id

PROJECT = Path(__file__).resolve().parent.parent
TEMPLATES = PROJECT / "templates"
STATIC = PROJECT / "static"


def tree_hash(folder: Path) -> str:
    """One hash over a folder's files (names and bytes): a template edit changes it."""
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(path.relative_to(folder).as_posix().encode())
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()[:16]


class TemplateHashes:
    """Hash of a template and everything it extends, includes or imports, so that editing
    one template re-renders only the pages that use it."""

    def __init__(self, env: Environment):
        self.env = env
        self._cache: dict[str, str] = {}

    def _refs(self, name: str) -> set[str]:
        source = self.env.loader.get_source(self.env, name)[0]
        return {r for r in meta.find_referenced_templates(self.env.parse(source)) if r}

    def __call__(self, name: str | None) -> str:
        if name is None:
            return ""
        if name not in self._cache:
            seen, todo = set(), [name]
            while todo:
                current = todo.pop()
                if current not in seen:
                    seen.add(current)
                    todo.extend(self._refs(current))
            h = hashlib.sha256()
            for ref in sorted(seen):
                h.update(ref.encode() + b"\0" + (TEMPLATES / ref).read_bytes())
            self._cache[name] = h.hexdigest()[:16]
        return self._cache[name]


def diff_marks(text: str, base: str) -> Markup:
    """The text with the parts that differ from ``base`` in <mark>, everything escaped."""
    from difflib import SequenceMatcher

    if not base or text == base:
        return Markup.escape(text)
    out = []
    for op, _a1, _a2, b1, b2 in SequenceMatcher(None, base, text, autojunk=False).get_opcodes():
        part = Markup.escape(text[b1:b2])
        if op == "equal":
            out.append(part)
        elif part:
            out.append(Markup("<mark>") + part + Markup("</mark>"))
    return Markup("").join(out)


def markdown(text: str) -> Markup:
    """Project pages are Markdown with raw HTML disabled: authors cannot inject markup."""
    return Markup(MarkdownIt("commonmark", {"html": False}).render(text))


def environment(site: Site) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html", "xml"], default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    links = site.links
    glossary_terms = {e.term.strip() for d in site.docs for e in d.document.glossary}
    env.globals.update(
        site=site,
        config=site.config,
        url=links.url,
        links=links,
        Links=Links,
        INDICATORS=CANONICAL_INDICATORS,
        KIND_ZH=KIND_ZH,
        LEVEL_ZH=LEVEL_ZH,
        indicator_name=indicator_name,
        source_url=site.source_url,
        source_label=site.source_label,
        glossary_terms=glossary_terms,
        term_id=term_id,
    )
    env.filters.update(
        money=_money,
        markdown=markdown,
        diff_marks=diff_marks,
        as_ref=lambda d: SourceRef(file=d["file"], line=d["line"]),
        indicator_url=lambda i: links.url(Links.indicator(i)),
        term_url=lambda t: links.url("glossary/") + "#" + term_id(t),
    )
    return env


def _money(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return money(value)
    return str(value)


def render(env: Environment, page: Page) -> bytes:
    if page.produce is not None:
        return page.produce()
    template = env.get_template(page.template)
    return template.render(page=page, **page.context).encode("utf-8")


def write_if_changed(out_dir: Path, page_path: str, data: bytes) -> bool:
    """Write a page only when its bytes differ, so unchanged files keep their mtime."""
    target = out_dir / output_file(page_path)
    if target.exists() and target.stat().st_size == len(data) and target.read_bytes() == data:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(target)
    return True
