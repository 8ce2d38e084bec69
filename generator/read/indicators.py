"""Canonical indicators (generator.model.CANONICAL_INDICATORS) read from standard tables.

Each reading is a figure printed in a standard table (or stated in the narrative), converted
to 万元 exactly and tied to the line it was printed on. Nothing is computed: a total that is
not printed (人员经费 = 301 + 303) is not a reading, and an empty cell is no reading at all. The
one exception is a column group printed only as its parts (indicator_groups), summed only where
the row's own 合计 proves the columns right, its parts kept in ``raw``.
The preferred reading of an indicator is the one from the first standard table, in document
order, that prints it; narrative readings are kept beside it so the checks can compare them.
The table readers live in indicator_summary (the two-sided summaries), indicator_tables
(expenditure, income and budget tables) and indicator_three_public (the “三公” table); this
module gathers their readings, indicator_scope sets aside one fund's figures, and
indicator_choice keeps, per indicator, the reading the document's identities confirm.
"""

from __future__ import annotations

from generator.model import CANONICAL_INDICATORS, Reading, Statement, Table
from generator.read.indicator_choice import choose, confirmations
from generator.read.indicator_groups import expenditure
from generator.read.indicator_labels import canonical_label, label_id
from generator.read.indicator_scope import (
    drop_other_scope,
    fund_named_subject,
    single_fund_readings,
    without_fund_statements,
)
from generator.read.indicator_summary import fiscal_summary, summary
from generator.read.indicator_tables import (
    EXPENDITURE_SIDE,
    INCOME_SIDE,
    basic,
    government_fund,
    income,
    single_total,
)
from generator.read.indicator_three_public import THREE_PUBLIC, three_public

__all__ = [
    "EXPENDITURE_SIDE",
    "INCOME_SIDE",
    "THREE_PUBLIC",
    "canonical_label",
    "collect",
    "label_id",
    "table_readings",
]


def collect(
    source: str,
    tables: list[Table],
    statements: list[Statement],
    units: list[str] | None = None,
    kind: str | None = None,
) -> tuple[dict[str, Reading], list[Reading]]:
    """(chosen current reading per id, every reading in document order).

    The default reading of an indicator is the first one from a titled standard table, in
    document order, else the narrative's; indicator_choice then keeps another printed reading
    where that makes the document's identities hold (``kind`` is the document kind they
    depend on). ``units`` (the document's declared units) is accepted for the interface but
    not used to fill in a table's missing unit: a table that declares none gives no reading,
    because guessing 元 against 万元 would be wrong by a factor of 10,000.
    """
    readings: list[Reading] = []
    weak_tables: set[int] = set()
    groups: list[list[Reading]] = []
    for table in sorted(tables, key=lambda t: t.line):
        found = table_readings(source, table)
        if table.recognised == "content":
            weak_tables.update(id(r) for r in found)
        weak_tables.update(id(r) for r in found if (r.table_id, r.id) in _CONFIRMING)
        readings.extend(found)
        groups.append(found)
    fund_named: set[int] = set()
    for st in statements:
        if st.indicator and st.kind == "amount":
            r = Reading(
                id=st.indicator,
                value=st.value,
                origin="narrative",
                source=st.source,
                raw=st.raw,
                unit=st.unit,
                period=st.period,
            )
            readings.append(r)
            if fund_named_subject(st.subject):
                fund_named.add(id(r))
    strong: dict[str, list[Reading]] = {}
    weak: dict[str, list[Reading]] = {}
    for origin in ("table", "narrative"):
        for r in readings:
            if r.origin == origin and r.period == "current":
                (weak if id(r) in weak_tables else strong).setdefault(r.id, []).append(r)
    for ind, options in list(strong.items()):
        printed, summed = _table_readings(options)
        strong[ind] = printed + summed or options  # a figure printed as one before a sum
    for r in single_fund_readings(source, tables, strong):
        readings.append(r)
        printed, summed = _table_readings(strong.get(r.id, []))
        # after the department's printed tables, before a sum and the narrative
        strong[r.id] = [*printed, r, *summed]
    readings = without_fund_statements(source, tables, readings, strong, weak, fund_named)
    chosen = choose(strong, weak, readings, kind, groups)
    drop_other_scope(source, tables, groups, chosen)
    for r in chosen.values():
        r.confirmed_by = confirmations(r, readings)
    ordered = {k: chosen[k] for k in _id_order() if k in chosen}
    ordered.update({k: v for k, v in chosen.items() if k not in ordered})
    return ordered, readings


def _table_readings(options: list[Reading]) -> tuple[list[Reading], list[Reading]]:
    """(figures printed as one in a table, sums of printed parts) among ``options``."""
    return (
        [r for r in options if r.origin == "table" and not r.summed],
        [r for r in options if r.summed],
    )


# Figures a table prints beside the ones it is read for (the 合计 column of an expenditure
# or income table): they confirm the summary's totals and may settle a choice, but are not
# preferred over the summary table or the narrative that states the total.
_CONFIRMING = {("expenditure", "expenditure_current_year"), ("income", "income_total")}


def _id_order() -> list[str]:
    return list(CANONICAL_INDICATORS)


# --- per table kind -----------------------------------------------------------------------


def table_readings(source: str, table: Table) -> list[Reading]:
    if (table.unit is None and not any(table.column_units)) or not table.rows:
        return []
    reader = _READERS.get(table.id or "")
    return reader(source, table) if reader else []


_READERS = {
    "income_expenditure_summary": summary,
    "fiscal_summary": fiscal_summary,
    "expenditure": expenditure,
    "income": income,
    "general_budget_basic": basic,
    "three_public": three_public,
    "government_fund": government_fund,
    "organ_operating": single_total("organ_operating_expenses", ("机关运行经费",)),
    "procurement": single_total("government_procurement", ("总计", "采购金额", "合计")),
}
