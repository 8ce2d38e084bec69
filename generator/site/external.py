"""Links to pages outside the site (a disclosure's official page, a population's source):
the one place such a URL is turned into a link, so how it is shown and checked is decided
once. Only http(s) addresses become links; anything else is shown as plain text.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from generator.safe_output import web_url

_CITED = re.compile(r"[（(]\s*((?:https?://)?[\w.-]+\.[a-z]{2,}(?:/[^\s（）()]*)?)\s*[）)]\s*$")


def href(url: str | None) -> str | None:
    """The address to link to, or None when it is not a web address (``safe_output``)."""
    return web_url(url)


def link(url: str | None, text: str) -> Markup:
    """``text`` linking to ``url`` (opened as an outside page), or ``text`` alone."""
    target = href(url)
    if target is None:
        return escape(text)
    return Markup('<a class="external" href="{}" rel="noopener noreferrer">{}</a>').format(
        target, text
    )


def citation(text: str | None) -> Markup:
    """A source named in words with its address in brackets at the end ("第七次全国人口普查
    （stats.gov.cn/...）"): the words stay, the address becomes a link named 出处."""
    if not text:
        return Markup("")
    m = _CITED.search(text)
    if not m or href(m.group(1)) is None:
        return escape(text)
    return (
        escape(text[: m.start()].rstrip()) + Markup("（") + link(m.group(1), "出处") + Markup("）")
    )


def official(sdoc) -> dict[str, str | None]:  # a site.model.SourceDoc
    """The official page and publication date of a disclosure (its sidecar), and the day
    the file entered this site's repository, for the sentence under its title."""
    meta = sdoc.document.metadata
    return {
        "url": href(meta.source_url),
        "published": (meta.published or "")[:10] or None,
        "first_seen": sdoc.input.first_seen if sdoc.input is not None else None,
    }
