"""Every page path is named in generator/links.py; templates ask for it by name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.links import Links, path_for

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def test_named_pages_and_helpers():
    links = Links("/budget-site/")
    assert links.url_for("home") == "/budget-site/"
    assert links.url_for("regions") == "/budget-site/regions/"
    assert links.url_for("year", 2024) == "/budget-site/years/2024/"
    assert links.url_for("static", "site.css") == "/budget-site/static/site.css"
    assert path_for("department_year_file", "410526-ybj", 2024, "data.csv") == (
        "d/410526-ybj/2024/data.csv"
    )
    assert path_for("compare_json") == "data/compare.json"


@pytest.mark.parametrize("name", ["nowhere", "url", "_private", "static/site.css"])
def test_an_unknown_name_is_an_error(name):
    with pytest.raises(KeyError, match="generator/links.py"):
        path_for(name)


def test_templates_spell_no_path():
    """A literal path in a template breaks the site under another base path or layout."""
    found = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"url\('[^']*'\)|\bLinks\.|href=\"/(?!/)", text):
            found.append(f"{path.relative_to(TEMPLATES)}: {m.group(0)}")
    assert found == []
