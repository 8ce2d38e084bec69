"""Golden findings for the five seeds, each error reviewed by reading the document.

The JSON files list every finding (rule, severity, status, evidence lines) with a verdict
for each error and warning. A change in the reader or the rules that adds, drops or moves a
finding fails here and must be reviewed against the source text again.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from generator.checks import run_checks
from generator.read.reader import read_file
from tests.conftest import SEEDS, seed_path

GOLDEN = Path(__file__).parent / "golden_findings"


@pytest.fixture(scope="module")
def findings():
    docs = [read_file(str(seed_path(k))) for k in sorted(SEEDS)]
    return run_checks(docs)


def _key(rule, severity, status, lines):
    return (rule, severity, status, tuple(lines))


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_golden(findings, seed):
    golden = json.loads((GOLDEN / f"{seed}.json").read_text(encoding="utf-8"))
    source = str(seed_path(seed))
    got = Counter(
        _key(f.rule, f.severity, f.status, sorted({e.source.line for e in f.evidence}))
        for f in findings
        if f.document == source
    )
    want = Counter(
        _key(g["rule"], g["severity"], g["status"], g["lines"]) for g in golden["findings"]
    )
    assert got == want, {"missing": want - got, "unexpected": got - want}
    for g in golden["findings"]:
        if g["severity"] == "error":
            assert g.get("verdict", "").startswith("REAL"), g


def test_known_contradictions_are_found_with_both_lines(findings):
    # 固原 2020: narrative 基本支出 3,470,158.34 元 (L397) against the 基本支出 table's 1,420,085.06 (L319).
    guyuan = str(seed_path("004"))
    hit = [
        f
        for f in findings
        if f.document == guyuan
        and f.rule == "narrative.amount_matches_table"
        and f.severity == "error"
        and {e.source.line for e in f.evidence} == {397, 319}
    ]
    assert len(hit) == 1 and "3,470,158.34" in hit[0].message and "1420085.06" in hit[0].message
    # 滑县 2024: 735.44 + 3.10 = 738.54 against 738.55 is rounding, never an error.
    huaxian = str(seed_path("001"))
    personnel = [
        f
        for f in findings
        if f.document == huaxian and f.rule == "cross_table.personnel_matches_economic_columns"
    ]
    assert [(f.severity, f.status) for f in personnel] == [("info", "rounding")]
    assert not [f for f in findings if f.document == huaxian and f.severity == "error"]


def test_deterministic(findings):
    docs = [read_file(str(seed_path(k))) for k in sorted(SEEDS)]
    again = run_checks(list(reversed(docs)))
    assert [(f.document, f.rule, f.message) for f in again] == [
        (f.document, f.rule, f.message) for f in findings
    ]
