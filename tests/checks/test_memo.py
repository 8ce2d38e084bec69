"""Per-object results kept while the checks run (the model's slotted classes hold none)."""

from generator.checks import memo
from generator.checks.evidence import line_text
from generator.checks.tables.view import places
from tests.site.fixtures.documents import huaxian_2024


def test_computed_once_per_object_and_name():
    calls = []

    def make(v):
        calls.append(v)
        return [v]

    a, b = object(), object()
    first = memo.once(a, "x", lambda: make(1))
    assert memo.once(a, "x", lambda: make(2)) is first
    assert memo.once(a, "y", lambda: make(3)) == [3]
    assert memo.once(b, "x", lambda: make(4)) == [4]
    assert calls == [1, 3, 4]


def test_bounded_oldest_first(monkeypatch):
    monkeypatch.setattr(memo, "KEEP", 3)
    monkeypatch.setattr(memo, "_kept", type(memo._kept)())
    objs = [object() for _ in range(4)]
    for i, o in enumerate(objs):
        memo.once(o, "v", lambda i=i: i)
    assert len(memo._kept) == 3
    assert memo.once(objs[0], "v", lambda: "again") == "again"  # it was the one let go
    assert memo.once(objs[3], "v", lambda: "again") == 3


def test_a_slotted_documents_line_index_and_a_tables_precision_are_kept():
    doc = huaxian_2024()
    assert not hasattr(doc, "__dict__")  # nothing can be pinned on it
    assert line_text(doc, 223) == doc.lines[222].text
    index = memo.once(doc, "line_index", lambda: None)
    assert index is not None and index[223] is doc.lines[222]
    table = next(t for t in doc.tables if t.rows)
    assert places(table) == memo.once(table, "places", lambda: None)


def test_nothing_outlives_the_outermost_scope():
    a = object()
    with memo.scope():
        memo.once(a, "x", lambda: 1)
        with memo.scope():
            memo.once(a, "y", lambda: 2)
        assert memo.once(a, "y", lambda: "again") == 2  # the inner scope kept it
    assert len(memo._kept) == 0
    assert memo.once(a, "x", lambda: "again") == "again"


def test_a_documents_checks_leave_nothing_kept():
    from generator import checks

    checks.document_findings(huaxian_2024())
    assert len(memo._kept) == 0
