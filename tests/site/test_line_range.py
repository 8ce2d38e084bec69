from generator.model import SourceRef
from generator.site.line_range import line_range


def test_first_and_last_line_over_the_references_that_name_one():
    refs = [SourceRef(file="a.txt", line=86), None, SourceRef(file="a.txt", line=79)]
    refs.append(SourceRef(file="a.txt", line=0, page=3))  # a page, no line
    first, lo, hi = line_range(refs)
    assert (first.line, lo, hi) == (79, 79, 86)
    assert first is refs[2]


def test_nothing_to_link_without_a_line():
    assert line_range([None, SourceRef(file="a.txt", line=0)]) is None
    assert line_range([]) is None
