"""Which readings are the department's, and which belong to one fund only.

A budget describes the department's money as a whole (部门收支总表, 部门支出总表) and then the
general budget's share of it (一般公共预算支出表, 一般公共预算基本支出表, a narrative section
三、财政拨款情况说明). Both speak of 基本支出, 项目支出, 人员经费 and 公用经费; where the
department also has other money the two differ, and a fund's figure taken for the department's
is a wrong number that the identities would then report as the document's contradiction. The
rules here tell the two apart by what the document prints, never by guessing: a fund's figure
stays a statement of the narrative or a row of its table, it is only not read as the
department's indicator.
"""

from __future__ import annotations

import re

from generator.model import Reading, Table
from generator.read.identities import agree
from generator.read.indicator_tables import basic_table_total, fund_figures

_FUNDS = ("一般公共预算", "财政拨款", "政府性基金", "国有资本经营")
_COMPONENTS = {
    "basic_expenditure",
    "project_expenditure",
    "personnel_expenditure",
    "public_expenditure",
}
_SPACES = re.compile(r"[\s\u3000]+")


def fund_named_subject(subject: str) -> bool:
    """'一般公共预算基本支出' / '财政拨款项目支出': a figure the narrative gives for one fund."""
    return _SPACES.sub("", subject or "").startswith(_FUNDS)


def without_fund_statements(
    source: str,
    tables: list[Table],
    readings: list[Reading],
    strong: dict[str, list[Reading]],
    weak: dict[str, list[Reading]],
    fund_named: set[int],
) -> list[Reading]:
    """Readings without narrative figures that are one fund's, not the department's.

    A narrative section on the general budget (三、财政拨款情况说明 … 其中：基本支出 …) states
    that fund's 基本支出 and 项目支出 in the department's words. Such a sentence is known by
    its figure (it differs from the department's table and equals the fund's table), or by
    its words ('一般公共预算基本支出', ``fund_named``) where the department has other money
    too. It stays a statement of the narrative; it is not a reading of the department's
    indicator, unless (having no table figure to differ from) it is the only reading and
    the identities confirm it: then it goes to ``weak``, for indicator_choice to decide.
    """
    funds: dict[str, list[Reading]] = {}
    for table in tables:
        for r in fund_figures(source, table):
            funds.setdefault(r.id, []).append(r)
    several = _several_funds(strong)
    out = []
    for r in readings:
        table = next((t for t in strong.get(r.id, ()) if t.origin == "table"), None)
        fund_figure = table is not None and any(agree(f, r) for f in funds.get(r.id, ()))
        named = several and id(r) in fund_named and r.id in _COMPONENTS
        if r.origin == "narrative" and (named or (fund_figure and not agree(table, r))):
            strong[r.id] = [x for x in strong.get(r.id, ()) if x is not r]
            if not strong[r.id]:
                del strong[r.id]
            if named and table is None:
                weak.setdefault(r.id, []).append(r)  # the department's where identities say so
                out.append(r)
            continue
        out.append(r)
    return out


def _several_funds(strong: dict[str, list[Reading]]) -> bool:
    """The department has money besides the general budget: its 一般公共预算 income is not
    all of its income (unknown when either is not printed: then nothing is excluded)."""
    fund = _table_first(strong, "general_public_budget")
    whole = _table_first(strong, "income_current_year") or _table_first(strong, "income_total")
    return fund is not None and whole is not None and not agree(fund, whole)


def _table_first(strong: dict[str, list[Reading]], ind: str) -> Reading | None:
    options = strong.get(ind, [])
    return options[0] if options else None


def drop_other_scope(
    source: str, tables: list[Table], groups: list[list[Reading]], chosen: dict[str, Reading]
) -> None:
    """Drop 人员经费/公用经费 read from a 基本支出 table that is not the department's.

    A 一般公共预算基本支出表 splits the general budget's 基本支出; where the department also
    spends other money on running costs, its total differs from the department's 基本支出,
    and its 人员经费 is not the department's 人员经费: such a figure stays among the readings,
    but is not the department's indicator.
    """
    basic = chosen.get("basic_expenditure")
    if basic is None or basic.origin != "table":
        return
    for table, group in zip(sorted(tables, key=lambda t: t.line), groups, strict=True):
        if table.id != "general_budget_basic":
            continue
        own = basic_table_total(source, table)
        if own is None or agree(own, basic):
            continue
        for ind in ("personnel_expenditure", "public_expenditure"):
            if any(chosen.get(ind) is r for r in group):
                del chosen[ind]


def single_fund_readings(
    source: str, tables: list[Table], strong: dict[str, list[Reading]]
) -> list[Reading]:
    """One fund's table figures that are the department's: where its 一般公共预算 income is
    all of its income (both printed and equal), the general budget's 基本支出 is the
    department's 基本支出, printed in a table even where the department's own table splits
    it into columns without a total."""
    fund = _table_first(strong, "general_public_budget")
    whole = _table_first(strong, "income_current_year") or _table_first(strong, "income_total")
    if fund is None or whole is None or not agree(fund, whole):
        return []
    return [r for t in sorted(tables, key=lambda t: t.line) for r in fund_figures(source, t)]
