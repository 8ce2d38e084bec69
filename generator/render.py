"""Phase 2: turn registered pages into bytes, and write only files whose bytes changed.

Jinja2 autoescapes everything; no template marks disclosure text as safe, so HTML printed
inside a disclosure (``<p>`` in a cell) is shown as text, never interpreted.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, meta, select_autoescape
from markdown_it import MarkdownIt
from markupsafe import Markup

from generator.code_version import TEMPLATES, tree_hash
from generator.file_hashes import sha256_file
from generator.links import Links, output_file
from generator.model import CANONICAL_INDICATORS, KIND_ZH, LEVEL_ZH, UNKNOWN_KIND_ZH, SourceRef
from generator.safe_output import web_url
from generator.site import (
    empty,
    external,
    finding_view,
    html_compact,
    html_links,
    line_range,
    number_text,
    plain_terms,
    source_text,
)
from generator.site.charts import chart_value, indicator_name, money
from generator.site.model import Site, term_id
from generator.site.registry import Page
from generator.site.static import STATIC

__all__ = ["STATIC", "TEMPLATES", "environment", "render", "tree_hash", "write_if_changed"]


class TemplateHashes:
    """Hash of a template and everything it extends, includes or imports, so that editing
    one template re-renders only the pages that use it.

    Kept between builds (``serve``): ``refresh`` re-reads the template folder, parses again
    only templates whose bytes changed and drops exactly those from the environment's
    compiled-template cache, so staleness is decided by content, never by file times."""

    def __init__(self, env: Environment):
        self.env = env
        self._digests: dict[str, bytes] = {}
        self._refs: dict[tuple[str, bytes], set[str]] = {}
        self._cache: dict[str, str] = {}

    def refresh(self) -> set[str]:
        """Re-hash the template files; return the names whose bytes changed."""
        folder = Path(self.env.loader.searchpath[0])
        digests = {
            p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).digest()
            for p in sorted(folder.rglob("*"))
            if p.is_file()
        }
        changed = {
            n
            for n in digests.keys() | self._digests.keys()
            if digests.get(n) != self._digests.get(n)
        }
        if changed:
            for key in [k for k in self.env.cache.keys() if k[1] in changed]:
                del self.env.cache[key]
            self._cache.clear()
            self._refs = {k: v for k, v in self._refs.items() if digests.get(k[0]) == k[1]}
        self._digests = digests
        return changed

    def _refs_of(self, name: str) -> set[str]:
        digest = self._digests.get(name)
        if digest is None:
            return set()
        if (name, digest) not in self._refs:
            source = self.env.loader.get_source(self.env, name)[0]
            refs = meta.find_referenced_templates(self.env.parse(source))
            self._refs[(name, digest)] = {r for r in refs if r}
        return self._refs[(name, digest)]

    def __call__(self, name: str | None) -> str:
        if name is None:
            return ""
        if not self._digests:
            self.refresh()
        if name not in self._cache:
            seen, todo = set(), [name]
            while todo:
                current = todo.pop()
                if current not in seen:
                    seen.add(current)
                    todo.extend(self._refs_of(current))
            h = hashlib.sha256()
            for ref in sorted(seen):
                h.update(ref.encode() + b"\0" + self._digests.get(ref, b"missing"))
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
    md = MarkdownIt("commonmark", {"html": False})
    md.validateLink = _linkable
    return Markup(md.render(text))


def _linkable(url: str) -> bool:
    """Markdown pages link within the site (no scheme) or to http(s) addresses only."""
    head = url.strip().split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    return ":" not in head or web_url(url) is not None


def new_environment() -> Environment:
    """Compiled templates stay in its cache between builds; ``TemplateHashes.refresh``
    drops the ones whose file changed (hence no mtime-based auto_reload)."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html", "xml"], default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    # Chart data in pages: UTF-8 (a Chinese label costs 3 bytes, not a 6-byte \uXXXX) and no
    # blanks; ``tojson`` still escapes < > & ' so the data cannot close its <script>.
    env.policies["json.dumps_kwargs"] = {
        "sort_keys": True,
        "ensure_ascii": False,
        "separators": (",", ":"),
    }
    return env


def environment(site: Site, env: Environment | None = None) -> Environment:
    """The environment for this build's site; an existing one is re-pointed at it, since
    templates look globals and filters up when they render, not when they compile."""
    env = env or new_environment()
    links = site.links
    glossary_terms = {e.term.strip() for d in site.docs for e in d.document.glossary}
    env.globals.update(
        site=site,
        config=site.config,
        url=links.url,
        url_for=links.url_for,
        links=links,
        INDICATORS=CANONICAL_INDICATORS,
        KIND_ZH={**KIND_ZH, None: UNKNOWN_KIND_ZH},
        LEVEL_ZH=LEVEL_ZH,
        indicator_name=indicator_name,
        source_url=site.source_url,
        source_label=site.source_label,
        glossary_terms=glossary_terms,
        term_id=term_id,
        official=external.official,
        external_link=external.link,
        web_url=web_url,
        arrange_findings=finding_view.arrange,
        rule_name=finding_view.rule_name,
        rule_sentence=finding_view.rule_sentence,
        SEVERITY_ZH=finding_view.SEVERITY_ZH,
        SEVERITY_HINT=finding_view.SEVERITY_HINT,
        all_zero_table=empty.table_all_zero,
        plain_term=plain_terms.for_term,
        plain_indicator=plain_terms.for_indicator,
        source_lines=source_text.source_lines,
        line_range=line_range.line_range,
    )
    env.filters.update(
        money=_money,
        chart_value=chart_value,
        printed=number_text.evidence,
        with_unit=number_text.with_unit,
        quoted=number_text.quoted,
        citation=external.citation,
        plain_rule_refs=finding_view.plain_rule_refs,
        markdown=markdown,
        diff_marks=diff_marks,
        as_ref=lambda d: SourceRef(file=d["file"], line=d["line"]),
        indicator_url=lambda i: links.url(Links.indicator(i)),
        term_url=lambda t: links.url(Links.glossary_term(term_id(t))),
    )
    return env


def _money(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return money(value)
    return str(value)


def render(env: Environment, page: Page) -> bytes | Iterable[bytes]:
    """A page's bytes; a produced file may come as chunks (``write_if_changed`` takes both)."""
    if page.produce is not None:
        return page.produce()
    template = env.get_template(page.template)
    context = {**page.lazy(), **page.context} if page.lazy is not None else page.context
    text = template.render(page=page, **context)
    if page.template.endswith(".html"):
        text = html_compact.compact(text)
        if page.path != Links.NOT_FOUND:  # served at any address: its links stay absolute
            text = html_links.shorten(text, output_file(page.path), env.globals["links"].base_path)
    return text.encode("utf-8")


def write_if_changed(
    out_dir: Path, page_path: str, data: bytes | Iterable[bytes]
) -> tuple[bool, str]:
    """Write a page only when its bytes differ, so unchanged files keep their mtime.
    (whether it was written, a hash of its bytes). Chunks are written as they come and
    compared with the file on disk by their hash, so a file is never held whole."""
    target = out_dir / output_file(page_path)
    if isinstance(data, bytes):
        sha = hashlib.sha256(data).hexdigest()
        if target.exists() and target.stat().st_size == len(data) and target.read_bytes() == data:
            return False, sha[:24]
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
        return True, sha[:24]
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    h, size = hashlib.sha256(), 0
    try:
        with open(tmp, "wb") as handle:
            for chunk in data:
                h.update(chunk)
                size += len(chunk)
                handle.write(chunk)
    except BaseException:
        tmp.unlink(missing_ok=True)  # a producer that broke leaves no half file
        raise
    sha = h.hexdigest()
    if target.exists() and target.stat().st_size == size and sha256_file(target) == sha:
        tmp.unlink()
        return False, sha[:24]
    tmp.replace(target)
    return True, sha[:24]
