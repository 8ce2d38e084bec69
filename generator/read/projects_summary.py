"""Project tables with one row per project: 项目支出表 lists and 绩效目标汇总表 summaries.

Seed 001's summary prints each project on one row with (三级指标, 指标值) pairs for 成本 /
产出 / 效益 / 满意度 side by side, continued on the rows below; some rows of the conversion
lost one empty cell and sit one column to the left. A pair is therefore placed in its group
by the header's 三级指标 columns, allowing that one-column shift (labels of a shifted row fall
on the other parity), and a pair too far left continues the group used last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from generator.model import PerformanceIndicator, Project, SourceRef
from generator.read.blocks import GridRow
from generator.read.numbers import parse_amount, parse_indicator_value, to_wan


@dataclass
class SummaryHeader:
    row: int  # index of the 三级指标 row in the grid
    label_cols: list[int]
    groups: list[str]
    amount_col: int
    unit: str | None


def _texts(row: GridRow) -> list[str]:
    return [c.text.strip() for c in row.cells]


_BLANKS = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def _k(text: str) -> str:
    return _BLANKS.sub("", text)  # cached: header words are keyed again on every row


def summary_header(rows: list[GridRow]) -> SummaryHeader | None:
    """The header of a summary grid: a row with several 三级指标 cells (and 指标值 beside)."""
    for i, row in enumerate(rows[:6]):
        keys = [_k(t) for t in _texts(row)]
        cols = [j for j, k in enumerate(keys) if k == "三级指标"]
        if len(cols) < 2:
            continue
        above = [_k(t) for t in _texts(rows[i - 1])] if i else []
        groups = []
        for c in cols:
            name = next(
                (above[j] for j in (c, c + 1, c - 1) if 0 <= j < len(above) and above[j]), ""
            )
            groups.append(name)
        amount_col = next((j for j, k in enumerate(keys) if k in ("资金总额", "合计", "金额")), 2)
        head = " ".join(t for r in rows[: i + 1] for t in _texts(r))
        unit = "万元" if "万元" in head else "元" if re.search(r"[（(]元[）)]", head) else None
        return SummaryHeader(i, cols, groups, amount_col, unit)
    return None


def _group_of(col: int, head: SummaryHeader, last: int | None) -> int | None:
    if col in head.label_cols:
        return head.label_cols.index(col)
    if col + 1 in head.label_cols:  # the row lost one empty cell on its left
        return head.label_cols.index(col + 1)
    return last


def read_summary(
    source: str, rows: list[GridRow], head: SummaryHeader, table_id: str | None
) -> list[Project]:
    projects: list[Project] = []
    current: Project | None = None
    last_group: int | None = None
    start = head.label_cols[0] - 2
    for row in rows[head.row + 1 :]:
        texts = _texts(row)
        if not any(texts):
            continue
        code = re.sub(r"\s+", "", texts[0]) if texts else ""
        if code.isdigit() and len(texts) > 1:
            if len(code) < 10:  # "099", "099001": the department's subtotal rows
                current = None
                continue
            raw = texts[head.amount_col] if head.amount_col < len(texts) else ""
            value = parse_amount(raw)
            current = Project(
                name=texts[1],
                code=code,
                amount=to_wan(value, head.unit) if value is not None and head.unit else None,
                amount_raw=raw or None,
                table_id=table_id,
                source=SourceRef(source, row.line, row.page, texts[1]),
            )
            projects.append(current)
            last_group = None
            first = max(start, head.amount_col + 1)
        elif current is None:
            continue
        else:
            first = 0
        j = first
        while j < len(texts):
            label = texts[j]
            if not label:
                j += 1
                continue
            value = texts[j + 1] if j + 1 < len(texts) else ""
            group = _group_of(j, head, last_group)
            if group is None:
                j += 1
                continue
            last_group = group
            parsed = parse_indicator_value(value)
            current.indicators.append(
                PerformanceIndicator(
                    level1=head.groups[group],
                    level2="",
                    level3=label,
                    raw=value,
                    operator=parsed.operator,
                    number=parsed.number,
                    unit=parsed.unit,
                    source=SourceRef(source, row.cells[j].line, row.page, f"{label} {value}"),
                )
            )
            j += 2
    return projects


_LIST_NAME = ("项目名称",)
_LIST_ORG = ("项目单位", "单位名称", "实施单位")
_LIST_KIND = ("类型", "项目类型", "项目类别")
_LIST_AMOUNT = ("合计", "金额", "项目金额", "总计")


def read_project_list(
    source: str, rows: list[GridRow], table_id: str | None, unit: str | None
) -> list[Project] | None:
    """项目支出表 rows (类型 | 项目名称 | 项目单位 | 合计 …), or None if this is not one."""
    for i, row in enumerate(rows[:4]):
        keys = [_k(t) for t in _texts(row)]
        if not any(k in _LIST_NAME for k in keys) or not any(k in _LIST_ORG for k in keys):
            continue
        name_c = next(j for j, k in enumerate(keys) if k in _LIST_NAME)
        org_c = next(j for j, k in enumerate(keys) if k in _LIST_ORG)
        kind_c = next((j for j, k in enumerate(keys) if k in _LIST_KIND), None)
        amount_c = next((j for j, k in enumerate(keys) if k in _LIST_AMOUNT), None)
        out: list[Project] = []
        for r in rows[i + 1 :]:
            texts = _texts(r)
            name = texts[name_c] if name_c < len(texts) else ""
            if not name or re.fullmatch(r"\d+", name):  # "099": the department's total row
                continue
            raw = texts[amount_c] if amount_c is not None and amount_c < len(texts) else ""
            value = parse_amount(raw)
            out.append(
                Project(
                    name=name,
                    amount=to_wan(value, unit) if value is not None and unit else None,
                    amount_raw=raw or None,
                    unit_org=(texts[org_c] if org_c < len(texts) else "") or None,
                    category=(texts[kind_c] if kind_c is not None and kind_c < len(texts) else "")
                    or None,
                    table_id=table_id,
                    source=SourceRef(source, r.line, r.page, name),
                )
            )
        return out
    return None
