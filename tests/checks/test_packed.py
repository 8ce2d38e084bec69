"""Findings kept packed: the same findings, in the same order, in a tenth of the memory."""

from __future__ import annotations

import gc
import pickle
import tracemalloc
from decimal import Decimal

from generator.checks import merge_findings
from generator.checks.model import Evidence, Finding
from generator.checks.packed import FindingsByDocument, PackedFindings, packed
from generator.model import SourceRef


def _finding(document: str, line: int, rule: str = "table.total_equals_items") -> Finding:
    return Finding(
        rule=rule,
        severity="error",
        message=f"合计 1,000.00 与各项之和 999.00 不等（第 {line} 行）。",
        document=document,
        evidence=[
            Evidence("合计", SourceRef(document, line), Decimal("1000.00"), "万元", "1,000.00"),
            Evidence("各项之和", SourceRef(document, line + 1), Decimal("999.00"), "万元"),
        ],
        expected=Decimal("999.00"),
        difference=Decimal("1.00"),
    )


def test_packed_findings_read_as_the_list_they_were():
    items = [_finding("甲/2024-budget.txt", n) for n in range(1, 30)]
    kept = PackedFindings(items)
    assert len(kept) == 29 and kept and kept == items and list(kept) == items
    assert kept[3] == items[3] and kept[-1] == items[-1]
    assert pickle.loads(pickle.dumps(kept)) == items
    assert not PackedFindings() and list(PackedFindings()) == []
    assert packed(None) is None


def test_packed_findings_take_a_fraction_of_the_memory():
    PackedFindings([_finding("warm-up", 1)]).unpacked()  # pickle's and zlib's first use
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    loose = [_finding("甲/2024-budget.txt", n) for n in range(1, 400)]
    as_objects = tracemalloc.get_traced_memory()[0] - before
    kept = PackedFindings(loose)
    del loose
    gc.collect()
    as_packed = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    assert len(kept) == 399
    assert as_packed * 5 < as_objects


def test_findings_by_document_iterate_in_the_checks_order():
    found = [_finding(d, n) for d in ("乙/2024-final.txt", "甲/2024-budget.txt") for n in (9, 2)]
    found.append(_finding("甲/2024-budget.txt", 2, rule="text.unit_magnitude"))
    whole = merge_findings(found)
    per_document = {
        d: PackedFindings(merge_findings([f for f in found if f.document == d]))
        for d in ("甲/2024-budget.txt", "乙/2024-final.txt")
    }
    site = FindingsByDocument(per_document)
    assert list(site) == whole and site == whole and len(site) == len(whole)
    assert list(site.of("乙/2024-final.txt")) == [f for f in whole if f.document.startswith("乙")]
    assert site.of("丙/2024-budget.txt") is None


def test_a_chain_reads_as_its_parts_one_after_the_other():
    first = PackedFindings([_finding("甲/2024-budget.txt", n) for n in range(1, 5)])
    second = PackedFindings([_finding("甲/2024-final.txt", n) for n in range(1, 3)])
    chained = PackedFindings.chain([first, None, PackedFindings(), second])
    assert len(chained) == 6 and chained == [*first, *second]
    assert pickle.loads(pickle.dumps(chained)) == [*first, *second]
    assert PackedFindings.chain([None, second]) is second  # one part: itself, not a copy
    assert not PackedFindings.chain([]) and list(PackedFindings.chain([None])) == []


def test_the_digest_follows_the_findings_not_the_objects():
    items = [_finding("甲/2024-budget.txt", n) for n in range(1, 5)]
    again = [_finding("甲/2024-budget.txt", n) for n in range(1, 5)]  # equal, other objects
    assert PackedFindings(items).digest() == PackedFindings(again).digest()
    again[2].message += "。"
    assert PackedFindings(items).digest() != PackedFindings(again).digest()
    parts = [PackedFindings(items[:2]), PackedFindings(items[2:])]
    assert PackedFindings.chain(parts).digest() == PackedFindings.chain(list(parts)).digest()
    site = FindingsByDocument({"甲": PackedFindings(items)})
    assert site.digest() == FindingsByDocument({"甲": PackedFindings(list(items))}).digest()
    assert site.digest() != FindingsByDocument({"乙": PackedFindings(items)}).digest()


def test_failed_lines_are_read_without_unpacking(monkeypatch):
    from dataclasses import replace

    from generator.metrics.values import findings_index

    found = [_finding("甲/2024-budget.txt", 5), _finding("甲/2024-budget.txt", 9)]
    found.append(replace(_finding("甲/2024-budget.txt", 20), status="rounding"))
    found.append(replace(_finding("甲/2024-budget.txt", 6), rule="text.unit_magnitude"))
    other = replace(_finding("乙/2024-final.txt", 3), document="甲/2024-budget.txt")
    found.append(other)  # evidence from another file
    expected = findings_index(found)  # from the findings themselves
    assert expected[("甲/2024-budget.txt", 6)] == [
        "table.total_equals_items",
        "text.unit_magnitude",
    ]
    assert ("甲/2024-budget.txt", 20) not in expected and ("乙/2024-final.txt", 3) in expected
    kept = pickle.loads(pickle.dumps(PackedFindings(found)))
    chained = PackedFindings.chain([PackedFindings(found[:2]), PackedFindings(found[2:])])
    by_document = FindingsByDocument({"甲/2024-budget.txt": kept})
    monkeypatch.setattr(PackedFindings, "unpacked", lambda self: 1 / 0)
    assert findings_index(kept) == findings_index(chained) == expected
    assert findings_index(by_document) == expected


def test_a_tally_counts_what_the_quality_summary_needs_without_unpacking(monkeypatch):
    from dataclasses import replace

    from generator.checks.packed import tally

    found = [_finding("甲/2024-budget.txt", 5), _finding("甲/2024-budget.txt", 9)]
    found.append(replace(_finding("甲/2024-budget.txt", 20), status="rounding"))
    found.append(replace(_finding("甲/2024-budget.txt", 6), severity="warning", rule="text.x"))
    found.append(replace(_finding("甲/2024-budget.txt", 7), status="not_checked", rule="c.y"))
    whole = tally(found)
    assert dict(whole.counts) == {"error": 3, "warning": 1}
    assert whole.not_checked == 1 and whole.contradictions == 3  # not the rounding one
    assert whole.rules == ("table.total_equals_items", "text.x")
    assert whole.all_rules == ("c.y", "table.total_equals_items", "text.x")
    kept = pickle.loads(pickle.dumps(PackedFindings(found)))
    chained = PackedFindings.chain([PackedFindings(found[:2]), PackedFindings(found[2:])])
    monkeypatch.setattr(PackedFindings, "unpacked", lambda self: 1 / 0)
    assert kept.tally() == chained.tally() == whole
