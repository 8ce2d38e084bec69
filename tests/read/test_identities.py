"""The identities over key figures (generator/read/identities.py), on hand-made readings."""

from __future__ import annotations

from decimal import Decimal

from generator.model import Reading, SourceRef
from generator.read.identities import (
    KEY_FIGURES,
    agree,
    check_identities,
    consistent,
    figure_ulp,
)


def r(id_: str, raw: str, unit: str = "万元", page: int = 3, origin: str = "table") -> Reading:
    value = Decimal(raw.replace(",", "").removesuffix("万元"))
    if unit == "元":
        value = value / 10000
    return Reading(
        id=id_,
        value=value,
        origin=origin,
        source=SourceRef("doc.pdf", line=page * 10, page=page, text=raw),
        raw=raw,
        unit=unit,
    )


def by_name(results):
    return {i.name: i for i in results}


def budget(**over):
    figures = {
        "income_total": r("income_total", "1,234.56", page=5),
        "expenditure_total": r("expenditure_total", "1,234.56", page=5),
        "income_current_year": r("income_current_year", "1,200.00", page=5),
        "carryover_begin": r("carryover_begin", "34.56", page=5),
        "basic_expenditure": r("basic_expenditure", "800.00", page=7),
        "project_expenditure": r("project_expenditure", "434.56", page=7),
        "three_public_total": r("three_public_total", "3.00", page=12),
        "overseas_travel": r("overseas_travel", "0.00", page=12),
        "vehicle_total": r("vehicle_total", "1.00", page=12),
        "vehicle_purchase": r("vehicle_purchase", "0.00", page=12),
        "vehicle_operation": r("vehicle_operation", "1.00", page=12),
        "official_reception": r("official_reception", "2.00", page=12),
        "personnel_expenditure": r("personnel_expenditure", "700.00", page=9),
        "public_expenditure": r("public_expenditure", "100.00", page=9),
    }
    figures.update(over)
    return {k: v for k, v in figures.items() if v is not None}


def test_every_identity_holds_on_a_consistent_budget():
    results = check_identities(budget(), kind="budget")
    assert {i.name: i.status for i in results} == {
        "income_equals_expenditure": "held",
        "income_total_parts": "held",
        "basic_plus_project": "held",
        "three_public_parts": "held",
        "vehicle_parts": "held",
        "basic_parts": "held",
        "narrative_equals_tables": "unverifiable",
    }
    assert consistent(results)


def test_a_failed_identity_gives_both_figures_and_their_places():
    figs = budget(expenditure_total=r("expenditure_total", "1,243.56", page=6))
    got = by_name(check_identities(figs, kind="budget"))["income_equals_expenditure"]
    assert got.status == "failed"
    assert (got.left, got.right) == (Decimal("1234.56"), Decimal("1243.56"))
    assert [p.page for p in got.places] == [5, 6]
    assert not consistent(check_identities(figs, kind="budget"))


def test_rounding_within_half_a_unit_per_figure_holds():
    # 3 parts + total at 0.01: up to (3 + 1) × 0.005 = 0.02 apart is rounding
    figs = budget(
        three_public_total=r("three_public_total", "3.02"),
        overseas_travel=r("overseas_travel", "0.00"),
    )
    assert by_name(check_identities(figs))["three_public_parts"].status == "held"
    figs = budget(three_public_total=r("three_public_total", "3.03"))
    assert by_name(check_identities(figs))["three_public_parts"].status == "failed"


def test_yuan_figures_are_tolerated_at_their_own_digit():
    # 12,345,600 元 = 1,234.56 万元; the part printed in 元 without decimals is off by < 1 元
    assert figure_ulp(r("x", "12,345,600", unit="元")) == Decimal("0.0001")
    figs = budget(basic_expenditure=r("basic_expenditure", "8,000,000", unit="元"))
    assert by_name(check_identities(figs))["basic_plus_project"].status == "held"


def test_missing_figures_make_an_identity_unverifiable_and_say_which():
    figs = budget(carryover_begin=None)
    figs.pop("carryover_begin", None)
    got = by_name(check_identities(figs))["income_total_parts"]
    assert got.status == "unverifiable" and got.missing == ["carryover_begin"]
    assert not consistent([got])  # nothing checked is not consistent


def test_a_stated_reserve_is_part_of_the_spending_total():
    figs = budget(
        expenditure_total=r("expenditure_total", "1,334.56"),
        income_total=r("income_total", "1,334.56"),
        income_current_year=r("income_current_year", "1,300.00"),
    )
    assert by_name(check_identities(figs))["basic_plus_project"].status == "failed"
    reserve = r("reserve", "100.00")
    got = by_name(check_identities(figs, reserve=reserve))["basic_plus_project"]
    assert got.status == "held" and "机动经费" in got.title_zh


def test_current_year_total_is_preferred_over_the_grand_total():
    figs = budget(
        expenditure_current_year=r("expenditure_current_year", "1,234.56"),
        expenditure_total=r("expenditure_total", "1,300.00"),
        carryover_end=r("carryover_end", "65.44"),
    )
    got = by_name(check_identities(figs))["basic_plus_project"]
    assert got.status == "held" and got.places[0].text == "1,234.56"


def test_three_public_counts_purchase_and_running_when_no_vehicle_total():
    figs = budget(vehicle_total=None)
    figs.pop("vehicle_total", None)
    got = by_name(check_identities(figs))
    assert got["three_public_parts"].status == "held"
    assert got["vehicle_parts"].status == "unverifiable"


def test_narrative_must_equal_the_tables_within_its_rounding():
    figs = budget()
    said = r("income_total", "1234.6万元", origin="narrative", page=2)
    assert agree(figs["income_total"], said)
    tables = list(figs.values())
    got = by_name(check_identities(figs, [*tables, said]))["narrative_equals_tables"]
    assert got.status == "held"
    wrong = r("basic_expenditure", "810.00万元", origin="narrative", page=2)
    got = by_name(check_identities(figs, [*tables, said, wrong]))["narrative_equals_tables"]
    assert got.status == "failed"
    assert (got.left, got.right) == (Decimal("800.00"), Decimal("810.00"))
    assert [p.page for p in got.places] == [7, 2]


def test_key_figures_are_the_five_of_the_issue():
    assert KEY_FIGURES == (
        "income_total",
        "expenditure_total",
        "basic_expenditure",
        "project_expenditure",
        "three_public_total",
    )


def test_basic_parts_of_the_general_budget_are_compared_with_its_own_basic():
    # 人员经费 and 公用经费 from the 一般公共预算基本支出表; the department's 基本支出 is larger
    personnel = r("personnel_expenditure", "600.00", page=9)
    public = r("public_expenditure", "100.00", page=9)
    personnel.table_id = public.table_id = "general_budget_basic"
    figs = budget(personnel_expenditure=personnel, public_expenditure=public)
    got = by_name(check_identities(figs))["basic_parts"]
    assert got.status == "unverifiable"  # no 基本支出 of the general budget was read
    said = r("basic_expenditure", "700.00万元", origin="narrative", page=2)
    got = by_name(check_identities(figs, [figs["basic_expenditure"], said]))["basic_parts"]
    assert got.status == "held" and got.places[0].page == 2
    own = r("basic_expenditure", "710.00", page=9)
    own.table_id = "general_budget_basic"
    got = by_name(check_identities(figs, [figs["basic_expenditure"], own]))["basic_parts"]
    assert got.status == "failed" and (got.left, got.right) == (
        Decimal("710.00"),
        Decimal("700.00"),
    )


def test_narrative_agrees_with_any_table_printing_its_figure():
    figs = budget()
    general = r("basic_expenditure", "700.00", page=11)
    said = r("basic_expenditure", "700.00万元", origin="narrative", page=2)
    readings = [figs["basic_expenditure"], general, said]
    assert by_name(check_identities(figs, readings))["narrative_equals_tables"].status == "held"
