"""``top_level`` and ``children`` group rows by class and section instead of asking every pair;
they must answer exactly what ``is_parent``/``is_grandparent`` say pair by pair."""

from __future__ import annotations

import random

from generator.checks.tables.rows import children, is_grandparent, is_parent, top_level
from generator.model import Code, Row


def _rows(rnd: random.Random) -> list[Row]:
    rows = []
    for _ in range(rnd.randint(0, 30)):
        section = rnd.choice([None, "01", "02"])
        item = rnd.choice([None, "01", "05"]) if section else None
        code = Code(
            raw="",
            scheme=rnd.choice(["functional", "economic_dept"]),
            class_=rnd.choice(["201", "208", "301"]),
            section=section,
            item=item,
        )
        rows.append(Row(cells=[], line=0, code=code, label=""))
    return rows


def test_grouped_answers_equal_the_pairwise_definition():
    rnd = random.Random(3)
    for _ in range(500):
        rows = _rows(rnd)
        pairwise_top = [
            r
            for r in rows
            if not any(is_parent(p.code, r.code) or is_grandparent(p.code, r.code) for p in rows)
        ]
        assert [id(r) for r in top_level(rows)] == [id(r) for r in pairwise_top]
        pairwise_children = [[r for r in rows if is_parent(p.code, r.code)] for p in rows]
        got = [[id(r) for r in group] for group in children(rows)]
        assert got == [[id(r) for r in group] for group in pairwise_children]
