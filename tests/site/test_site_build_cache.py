"""The Builder's caches between builds: what is read and checked again after an edit.

``serve`` keeps one Builder alive; it must re-read only the disclosure that changed, run the
per-document rules only on it, and still give exactly the findings a fresh run gives, also
for the rules that compare a document with its peers.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import generator.checks as checks
from generator.build import Builder
from generator.config import parse_config
from generator.content import find_disclosures
from generator.read.reader import read_file
from tests.site.helpers import ROOT

HUAXIAN = "disclosures/410526-滑县/滑县医疗保障局/2024-budget.txt"
FIGURE = "八、社会保障和就业\t701.87"
TOTAL = "本年支出合计\t23,278.10\n上年结转结余\t\t年终结转结余\t\n收入总计\t23,278.10\t支出总计\t23,278.10"


def _builder(tmp: Path, reader=None) -> tuple[Builder, Path]:
    content = tmp / "content"
    shutil.copytree(ROOT / "content", content)
    cfg = parse_config('content_dir = "content"\noutput_dir = "out"\ncache_dir = "cache"\n', tmp)
    return Builder(cfg, quiet=True, reader=reader), content


def _findings(builder: Builder, content: Path):
    """What the build's check stage gives for the tree as it is now."""
    return builder.check(builder.read(find_disclosures(content)))


def _fresh(content: Path):
    """The findings of a Builder that has never seen the tree before."""
    fresh = Builder(parse_config('content_dir = "content"\n', content.parent), quiet=True)
    return _findings(fresh, content)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer holds {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _of(findings, document: str, prefix: str = "") -> list:
    return [f for f in findings if f.document == document and f.rule.startswith(prefix)]


def test_only_a_changed_disclosure_is_read_again(tmp_path):
    calls: list[str] = []

    def reader(path: str):
        calls.append(path)
        return read_file(path)

    builder, content = _builder(tmp_path, reader)
    builder.read(find_disclosures(content))
    assert len(calls) == 5
    calls.clear()
    builder.read(find_disclosures(content))
    assert calls == []
    _edit(content / HUAXIAN, FIGURE, "八、社会保障和就业\t701.88")
    builder.read(find_disclosures(content))
    assert calls == [HUAXIAN]


def test_a_rule_sees_its_changed_document_and_only_it_is_checked_again(tmp_path, monkeypatch):
    builder, content = _builder(tmp_path)
    before = _findings(builder, content)
    checked: list[str] = []
    original = checks.document_findings

    def counting(doc):
        checked.append(doc.source)
        return original(doc)

    monkeypatch.setattr(checks, "document_findings", counting)
    _edit(content / HUAXIAN, FIGURE, "八、社会保障和就业\t701.88")
    after = _findings(builder, content)
    assert checked == [HUAXIAN]
    assert _of(after, HUAXIAN) != _of(before, HUAXIAN)
    assert any("701.88" in (e.raw or "") for f in _of(after, HUAXIAN) for e in f.evidence)
    assert after == _fresh(content)


def test_cross_document_findings_follow_a_changed_peer(tmp_path):
    builder, content = _builder(tmp_path)
    alone = _of(_findings(builder, content), HUAXIAN, "cross_document.")
    assert alone and all(f.status == "not_checked" for f in alone)

    # last year's budget appears: this year's unchanged document is now compared with it
    peer = (content / HUAXIAN).with_name("2023-budget.txt")
    peer.write_text((content / HUAXIAN).read_text(encoding="utf-8").replace("2024", "2023"))
    with_peer = _findings(builder, content)
    compared = _of(with_peer, HUAXIAN, "cross_document.")
    assert compared != alone and any(f.status == "failed" for f in compared)
    assert with_peer == _fresh(content)

    # the peer's total changes: the comparison follows it
    _edit(peer, TOTAL, TOTAL.replace("23,278.10", "16,594.21"))
    edited = _findings(builder, content)
    assert _of(edited, HUAXIAN, "cross_document.") != compared
    assert edited == _fresh(content)
