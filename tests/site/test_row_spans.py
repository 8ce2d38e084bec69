from types import SimpleNamespace as NS

from generator.site.row_spans import row_spans


def rows(*pairs):
    return [NS(a=a, b=b) for a, b in pairs]


def test_runs_merge_and_a_later_column_never_crosses_an_earlier_ones_group():
    items = rows(
        ("产出", "数量"), ("产出", "数量"), ("产出", "质量"), ("效果", "质量"), ("效果", "质量")
    )
    assert [s for _, s in row_spans(items, "a", "b")] == [
        (3, 2),
        (0, 0),
        (0, 1),
        (2, 2),
        (0, 0),
    ]


def test_no_repeats_and_no_rows():
    items = rows(("x", "1"), ("y", "1"))
    assert [s for _, s in row_spans(items, "a", "b")] == [(1, 1), (1, 1)]
    assert row_spans([], "a", "b") == []
