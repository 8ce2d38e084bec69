"""Which column of a spending or income table plays which part in its identities.

Tables name their columns differently (合计/总计/本年支出合计; 工资福利支出 under 基本支出 or
flattened as "基本支出/工资福利支出"), so roles are found by words, never by position alone.
When a table has a column this module cannot place (a Jiangsu budget's 单位预留机动经费), the
roles say so, and the rule reports "unverifiable" instead of a false error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.checks.tables.view import value_columns
from generator.model import Table
from generator.read.vocabulary import canonical_label

TOTAL_NAMES = ("合计", "总计", "本年支出合计", "本年收入合计", "支出合计", "收入合计", "小计")
# Columns that legitimately add to basic + project in final-account spending tables.
EXTRA_SPENDING = ("上缴上级支出", "经营支出", "对附属单位补助支出")


@dataclass
class SpendingColumns:
    total: int | None = None
    basic: int | None = None
    project: int | None = None
    basic_parts: list[int] = field(default_factory=list)
    project_parts: list[int] = field(default_factory=list)
    extras: list[int] = field(default_factory=list)  # known extra components of the total
    unknown: list[int] = field(default_factory=list)  # components this module cannot place


def _names(table: Table) -> list[str]:
    return [canonical_label(c, loose=True) for c in table.columns]


def _is_total(name: str) -> bool:
    last = name.split("/")[-1]
    return last in TOTAL_NAMES or name in TOTAL_NAMES


def spending_columns(table: Table) -> SpendingColumns | None:
    """Roles of a table with 基本支出 and 项目支出 columns; None if it has no such pair."""
    names = _names(table)
    values = set(value_columns(table))
    basic = _group_column(names, "基本支出")
    project = _group_column(names, "项目支出")
    if basic is None or project is None:
        header = " ".join(" ".join(r) for r in table.header)
        subtotals = [j for j, n in enumerate(names) if n.split("/")[-1] == "小计"]
        if "基本支出" in header and "项目支出" in header and len(subtotals) >= 2:
            basic, project = subtotals[0], subtotals[1]
        else:
            return None
    if project < basic:
        return None
    roles = SpendingColumns(basic=basic, project=project)
    roles.total = next((j for j in range(basic) if j in values and _is_total(names[j])), None)
    if roles.total is None:
        roles.total = next((j for j in range(basic) if j in values), None)
    # Parts: value columns after the subtotal up to the next group. Prefixed flattened names
    # ("基本支出/…") say so directly; unprefixed ones are placed by position.
    for j in sorted(values):
        if j <= basic or j == project:
            continue
        n = names[j]
        if any(x in n for x in EXTRA_SPENDING) and "基本支出" not in n and "项目支出" not in n:
            roles.extras.append(j)
        elif j < project:
            roles.basic_parts.append(j)
        elif "项目支出" in n or not roles.extras and not roles.unknown and _project_part(n):
            roles.project_parts.append(j)
        else:
            roles.unknown.append(j)
    return roles


def _project_part(name: str) -> bool:
    last = name.split("/")[-1]
    return any(w in last for w in ("运转类", "特定目标类", "一般性项目", "专项", "项目"))


def _group_column(names: list[str], word: str) -> int | None:
    """The subtotal column of a group: "基本支出/小计" or "基本支出" itself, else the first."""
    for j, n in enumerate(names):
        parts = n.split("/")
        if word in parts[0] and (len(parts) == 1 or parts[-1] in ("小计", "合计", word)):
            return j
    return next((j for j, n in enumerate(names) if word in n), None)


_YEAR = re.compile(r"(20\d\d)")


def change_columns(table: Table) -> tuple[int, int, int] | None:
    """(previous-year column, current-year column, change column) of a comparison table."""
    values = set(value_columns(table))
    change = next(
        (
            j
            for j in values
            if any(w in table.columns[j] for w in ("增减", "增加额", "变动额"))
            and "率" not in table.columns[j]
            and "%" not in table.columns[j]
        ),
        None,
    )
    years = [
        (int(m.group(1)), j)
        for j in values
        if j < len(table.columns)
        for m in [_YEAR.search(table.columns[j])]
        if m
    ]
    if change is None or len({y for y, _ in years}) != 2 or len(years) != 2:
        return None
    (_, prev), (_, cur) = sorted(years)
    return prev, cur, change


def distinct_columns(table: Table, cols: list[int]) -> list[int]:
    """Columns whose figures differ from every earlier one: a 项目支出/小计 column repeated by
    its only sub-column (特定目标类) would otherwise give the same finding twice."""
    seen: set[tuple] = set()
    out = []
    for j in cols:
        values = tuple(r.cells[j].value if j < len(r.cells) else None for r in table.rows)
        if values not in seen:
            seen.add(values)
            out.append(j)
    return out
