"""Side-by-side column blocks -> one list of rows.

The 基本支出决算表 prints 人员经费 | 公用经费 | 资本性支出 as three blocks of
科目编码 | 科目名称 | 金额 on the same lines. Unfolded, each printed (code, name, amount) is one
row tagged with its block, and the printed totals (人员经费合计, 公用经费合计 — sometimes label
and figure in one cell — and 合计) are kept as rows of their own.
"""

from __future__ import annotations

import re

from generator.model import Cell, Row, Table
from generator.read import codes
from generator.read.blocks import GridCell, GridRow
from generator.read.numbers import parse_amount, split_amount

_SPACES = re.compile(r"[\s\u3000]+")

_BLOCK_HEAD = ("科目编码", "科目名称", "金额")


_BLOCK_AMOUNT = ("金额", "决算数", "预算数")


def _block_head(three: list[str]) -> bool:
    """科目编码|科目名称|金额, also as PDF finals print it: 经济分类科目编码|科目名称|决算数."""
    if tuple(three) == _BLOCK_HEAD:
        return True
    code, name, amount = three
    return code.endswith("科目编码") and name == "科目名称" and amount in _BLOCK_AMOUNT


def column_blocks(texts: list[list[str]]) -> list[int]:
    """Start columns of repeated 科目编码|科目名称|金额 header groups (two or more), else []."""
    for row in texts[:4]:
        norm = [_SPACES.sub("", t) for t in row]
        starts = [j for j in range(len(norm) - 2) if _block_head(norm[j : j + 3])]
        if len(starts) >= 2:
            return starts
    return []


def unfold(table: Table, rows: list[GridRow], starts: list[int]) -> None:
    texts = [[c.text for c in r.cells] for r in rows]
    head_idx = next(
        k
        for k, row in enumerate(texts)
        if [
            j
            for j in range(len(row) - 2)
            if _block_head([_SPACES.sub("", t) for t in row[j : j + 3]])
        ]
        == starts
    )
    groups_row = texts[head_idx - 1] if head_idx > 0 else []
    groups = []
    last = ""
    for s in starts:
        g = groups_row[s].strip() if s < len(groups_row) else ""
        last = g or last
        groups.append(last)
    table.header = texts[: head_idx + 1]
    table.columns = ["科目编码", "科目名称", "金额", "类别"]
    out: list[Row] = []
    per_block: list[list[Row]] = [[] for _ in starts]
    totals: list[Row] = []
    for r in rows[head_idx + 1 :]:
        cells = r.cells
        joined = "".join(c.text for c in cells)
        if "合计" in _SPACES.sub("", joined):
            totals.extend(_total_rows(r, groups, starts))
            continue
        for b, s in enumerate(starts):
            part = cells[s : s + 3]
            while len(part) < 3:
                part.append(GridCell("", r.line, r.page))
            code_text, name, amount = (p.text for p in part)
            if not code_text and not name and not amount:
                continue
            code = codes.parse_code(code_text)
            line = part[0].line
            row_cells = [
                Cell(code_text, None, part[0].line, part[0].page),
                Cell(name, None, part[1].line, part[1].page),
                Cell(amount, parse_amount(amount), part[2].line, part[2].page),
                Cell(groups[b], None, line, part[0].page),
            ]
            per_block[b].append(
                Row(cells=row_cells, line=line, page=r.page, code=code, label=_SPACES.sub("", name))
            )
    for block_rows in per_block:
        out.extend(block_rows)
    out.extend(totals)
    table.rows = out


def _total_rows(r: GridRow, groups: list[str], starts: list[int]) -> list[Row]:
    """'人员经费合计 ⇥ ⇥ 1292095.92 ⇥ 公用经费合计 127989.14' -> one row per printed total."""
    out = []
    label_cell: GridCell | None = None
    label = ""
    for c in r.cells:
        t = c.text.strip()
        if not t:
            continue
        value, _ = split_amount(t)
        if value is None:
            m = re.match(r"^(.*?合\s*计)\s*([-\d,.]+)$", t)
            if m and parse_amount(m[2]) is not None:
                out.append(_total_row(_SPACES.sub("", m[1]), m[2], c, groups, starts))
                label_cell = None
                continue
            label_cell, label = c, _SPACES.sub("", t)
            continue
        if label_cell is not None:
            out.append(_total_row(label, t, c, groups, starts))
            label_cell = None
    return out


def _total_row(
    label: str, amount: str, cell: GridCell, groups: list[str], starts: list[int]
) -> Row:
    group = next((g for g in groups if g and label.startswith(g)), "")
    cells = [
        Cell("", None, cell.line, cell.page),
        Cell(label, None, cell.line, cell.page),
        Cell(amount, parse_amount(amount), cell.line, cell.page),
        Cell(group, None, cell.line, cell.page),
    ]
    return Row(cells=cells, line=cell.line, page=cell.page, code=None, label=label)
