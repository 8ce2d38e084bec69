"""The content folder is walked once per build (``content.walk``): it must list what
``rglob("*")`` lists, in the same order, and know each entry's kind without a ``stat``."""

from __future__ import annotations

import os

import pytest

from generator.content import find_disclosures, walk


@pytest.fixture
def tree(tmp_path):
    for rel in ["a/x.txt", "a-b/x.txt", "a/b/2024-budget.txt", "a/b/2024-budget.toml", "ä/y.pdf"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    (outside / "z.txt").write_text("z", encoding="utf-8")
    os.symlink(outside, tmp_path / "linked")  # a folder link: listed, not entered
    os.symlink(tmp_path / "a" / "x.txt", tmp_path / "a" / "same.txt")  # a file link
    os.symlink(tmp_path / "gone.txt", tmp_path / "broken.txt")
    return tmp_path


def test_the_walk_lists_what_rglob_lists_in_its_order(tree):
    listing = walk(tree)
    assert listing.paths == sorted(tree.rglob("*"))
    # "a-b" sorts before "a/" as a string, after it as parts: the order is by parts
    assert listing.names().index("a/x.txt") < listing.names().index("a-b/x.txt")
    for path in listing.paths:
        assert listing.is_file(path) == path.is_file(), path
        assert listing.is_link(path) == path.is_symlink(), path


def test_below_a_folder_are_its_entries_only(tree):
    listing = walk(tree)
    assert [p for p, _ in listing.below(tree / "a")] == sorted((tree / "a").rglob("*"))
    assert [parts for _, parts in listing.below(tree / "a" / "b")] == [
        ("a", "b", "2024-budget.toml"),
        ("a", "b", "2024-budget.txt"),
    ]


def test_disclosures_found_from_a_listing_are_those_found_by_walking(tree):
    found = find_disclosures(tree)
    again = find_disclosures(tree, listing=walk(tree))
    assert [(i.rel, i.path, i.sidecar) for i in found] == [
        (i.rel, i.path, i.sidecar) for i in again
    ]
    # the link out of the folder is never entered; the sidecar is found beside its file
    assert [i.rel for i in found] == [
        "a/b/2024-budget.txt",
        "a/same.txt",
        "a/x.txt",
        "a-b/x.txt",
        "ä/y.pdf",
    ]
    assert found[0].sidecar == (tree / "a" / "b" / "2024-budget.toml").resolve()
