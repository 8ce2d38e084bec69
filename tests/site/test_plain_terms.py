"""Every indicator and common glossary term has a plain sentence beside the document's own
wording; a term the table does not know shows the official wording alone."""

from __future__ import annotations

import re

from generator.model import CANONICAL_INDICATORS
from generator.site import plain_terms

COMMON = (
    "基本支出",
    "项目支出",
    "三公经费",
    "“三公”经费",
    "机关运行经费",
    "机关运行费",
    "政府采购",
    "一般公共预算",
    "政府性基金",
    "上年结转",
    "人员经费",
    "公用经费",
)


def _one_sentence(text: str) -> bool:
    return text.endswith("。") and text.count("。") == 1 and not re.search(r"[A-Za-z_]", text)


def test_every_canonical_indicator_has_one_plain_sentence():
    missing = [i for i in CANONICAL_INDICATORS if not plain_terms.for_indicator(i)]
    assert missing == []
    for i in CANONICAL_INDICATORS:
        assert _one_sentence(plain_terms.for_indicator(i)), i


def test_common_terms_in_any_spelling():
    for term in COMMON:
        assert _one_sentence(plain_terms.for_term(term)), term
    assert plain_terms.for_term(" “三公” 经费 ") == plain_terms.for_indicator("three_public_total")
    assert plain_terms.same_term("机关运行费", "机关运行经费")
    assert not plain_terms.same_term("基本支出", "项目支出")
    assert plain_terms.for_term("某个没有收录的名词") == ""


def test_pages_show_the_sentence_beside_the_official_wording(real_site):
    site, _ = real_site
    glossary = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    entries = re.findall(r'<section class="term-entry".*?</section>', glossary, re.S)
    assert entries
    for entry in entries:
        term = re.search(r"<h2>([^<]*)", entry).group(1).strip()
        assert "文件原文" in entry
        assert ("通俗地说" in entry) == bool(plain_terms.for_term(term)), term
    basic = (site / "indicators" / "basic_expenditure" / "index.html").read_text(encoding="utf-8")
    assert plain_terms.for_indicator("basic_expenditure") in basic
    assert "文件原文：</strong>指为保障机构正常运转" in basic
    dy = (site / "d" / "410526-ybj" / "2024" / "index.html").read_text(encoding="utf-8")
    assert dy.count("通俗地说") >= 5


def test_unknown_terms_show_only_the_official_wording():
    from generator.config import SiteConfig
    from generator.links import Links
    from generator.model import GlossaryEntry, SourceRef
    from generator.render import environment
    from generator.site.model import build_site
    from generator.site.pages import by_wording
    from generator.site.registry import Page
    from tests.site.fixtures.documents import HUAXIAN, huaxian_2024

    doc = huaxian_2024()
    doc.glossary = [
        GlossaryEntry("基本支出", "指为保障机构正常运转的支出。", SourceRef(HUAXIAN, 300)),
        GlossaryEntry("某某专项资金", "指本局自定的一类资金。", SourceRef(HUAXIAN, 301)),
    ]
    site = build_site(SiteConfig(), [(None, doc)], [], None, None)
    page = Page(Links.GLOSSARY, "glossary.html", {}, {}, "名词解释")
    template = environment(site).get_template("glossary.html")
    terms = site.glossary()
    wordings = {t: by_wording(v) for t, v in terms.items()}
    html = template.render(page=page, terms=terms, wordings=wordings, shown_max=5)
    known, unknown = re.findall(r'<section class="term-entry".*?</section>', html, re.S)
    assert "通俗地说" in known and "指为保障机构正常运转的支出。" in known
    assert "通俗地说" not in unknown and "指本局自定的一类资金。" in unknown
