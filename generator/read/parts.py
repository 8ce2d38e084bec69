"""Disclosures published as several files, read as one.

A department often publishes one budget as two files: 附件1 the narrative (情况说明) and 附件2
the tables, or ``…部门预算说明.pdf`` beside ``…部门预算表.pdf``. Read apart, the narrative has
no tables and the tables have no title; read together they are one department-year whose
identities can be checked. Files belong together when

1. a sidecar names them: ``parts = ["附件2.pdf"]`` in the sidecar of the first file (the one
   whose title and narrative come first); or
2. by the naming rule: in one folder, their names are equal once a part marker (附件1, 附件二,
   第1部分, (1), -1, _2 …) and a part word (说明, 情况说明, 文本, 表, 表格, 报表, 公开表 …) are
   removed, and at least one name carries such a marker or word. Parts are ordered by their
   marker number, else the narrative (说明/文本) before the tables.

The files are read one after the other into one line sequence; each figure keeps its own
file and page (``Document.parts`` maps line ranges back to files).
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Collection
from pathlib import Path

from generator.read.sidecar import read_sidecar

_NUM = r"[0-9０-９一二三四五六七八九十]+"
_MARKER = re.compile(
    r"(?:附件\s*" + _NUM + r"|第\s*" + _NUM + r"\s*(?:部分|册)|[（(]\s*" + _NUM + r"\s*[)）]"
    r"|(?<=[\u4e00-\u9fff])[-_－]\s*\d{1,2}$|^\s*\d{1,2}\s*[-_.、．]\s*(?=\D))"
)
# part words, longest first; the narrative words sort before the table words
_NARRATIVE_WORDS = ("情况说明", "编制说明", "公开说明", "说明", "文本", "正文")
_TABLE_WORDS = ("公开表格", "公开报表", "公开表", "报表", "表格", "附表", "表")
_WORD = re.compile("(?:" + "|".join(_NARRATIVE_WORDS + _TABLE_WORDS) + r")$")
_SEPARATORS = re.compile(r"[\s\-_－—.．、:：]+")
_NUMERALS = {c: i for i, c in enumerate("〇一二三四五六七八九十")}


def _key(stem: str) -> tuple[str, bool, int | None, int]:
    """(the name without part marker and word, whether it had one, marker number, word rank)."""
    number: int | None = None
    marked = False
    m = _MARKER.search(stem)
    if m:
        marked = True
        digits = re.search(_NUM, m.group(0))
        number = _to_int(digits.group(0)) if digits else None
        stem = stem[: m.start()] + " " + stem[m.end() :]
    stem = _SEPARATORS.sub("", stem)
    rank = 1
    w = _WORD.search(stem)
    if w:
        marked = True
        rank = 0 if w.group(0) in _NARRATIVE_WORDS else 2
        stem = stem[: w.start()]
    # "部门预算" and "部门预算公开" name the same disclosure
    stem = re.sub(r"(?:公开|信息公开)$", "", stem)
    return stem, marked, number, rank


def _to_int(text: str) -> int | None:
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isdigit():
        return int(text)
    if text in _NUMERALS:
        return _NUMERALS[text]
    if len(text) == 2 and text[0] == "十":
        return 10 + _NUMERALS.get(text[1], 0)
    return None


def group_by_name(paths: list[str]) -> list[list[str]]:
    """Groups of input paths, each one disclosure, by the naming rule (sidecars not read).

    A group keeps the input order of its first file; a file in no group is a group of one.
    """
    buckets: dict[tuple[str, str], list[tuple[str, bool, int | None, int]]] = defaultdict(list)
    for p in paths:  # string operations, not Path: a national collection has 20,000 paths
        folder, name = os.path.split(p)
        stem = os.path.splitext(name)[0]
        key, marked, number, rank = _key(stem)
        buckets[(folder, key or stem)].append((p, marked, number, rank))
    groups: dict[str, list[str]] = {}
    for members in buckets.values():
        if len(members) > 1 and any(marked for _, marked, _, _ in members):
            ordered = sorted(members, key=lambda m: (m[2] if m[2] is not None else 99, m[3], m[0]))
            groups[ordered[0][0]] = [m[0] for m in ordered]
        else:
            for m in members:
                groups[m[0]] = [m[0]]
    first = {p: i for i, p in enumerate(paths)}
    return sorted(groups.values(), key=lambda g: min(first[p] for p in g))


def group_inputs(paths: list[str], sidecars: Collection[str] | None = None) -> list[list[str]]:
    """Groups by sidecar ``parts`` first, then by the naming rule for the rest.
    ``sidecars``: the paths that have a sidecar, when the caller knows (a build's survey
    does: it saves looking for 20,000 absent sidecars); None: look for each."""
    taken: set[str] = set()
    by_sidecar: list[list[str]] = []
    for p in paths:
        if p in taken or (sidecars is not None and p not in sidecars):
            continue
        data, _ = read_sidecar(p)
        parts = data.get("parts") or []
        if parts:
            group = [p] + [str(Path(p).parent / name) for name in parts]
            by_sidecar.append(group)
            taken.update(group)
    rest = [p for p in paths if p not in taken]
    groups = by_sidecar + group_by_name(rest)
    first = {p: i for i, p in enumerate(paths)}
    return sorted(groups, key=lambda g: first.get(g[0], len(first)))
