"""Metric formulas on the seeds, expected values computed by hand from the printed figures."""

from __future__ import annotations

from decimal import Decimal as D

from generator.config import SiteConfig
from generator.metrics import compute, department_year_key
from generator.model import SourceRef, Statement
from generator.read.regions import load_regions
from tests.seed_docs import (
    F000,
    F001,
    F002,
    F004,
    all_seeds,
    doc_000,
    doc_001,
    doc_002,
    doc_004,
)


def _dy(metrics, source):
    return next(dy for dy in metrics.department_years.values() if dy.document == source)


def test_huaxian_2024_shares_use_current_year_spending(metrics):
    dy = _dy(metrics, F001)
    m = dy.metrics
    assert m["basic_share"].value == D("797.18") / D("23278.10")
    assert m["basic_share"].basis == "expenditure_current_year"
    assert m["project_share"].value == D("22480.92") / D("23278.10")
    assert m["personnel_share"].value == D("738.55") / D("797.18")
    assert m["public_share"].value == D("58.63") / D("797.18")
    assert m["three_public_share"].value == D("9.20") / D("797.18")
    # the narrative's own rounded shares (line 93: 占 3.42% / 96.58%) agree
    assert round(m["basic_share"].value * 100, 2) == D("3.42")
    assert round(m["project_share"].value * 100, 2) == D("96.58")


def test_mancheng_falls_back_to_total_without_carryover_and_says_so(metrics):
    m = _dy(metrics, F000).metrics
    assert m["basic_share"].value == D("553.99") / D("7119.13")
    assert m["basic_share"].basis == "expenditure_total_no_carryover"
    assert "支出总计" in m["basic_share"].note
    assert m["personnel_share"].value == D("524.92") / D("553.99")
    assert m["three_public_share"].value == D("6.57") / D("553.99")


def test_no_fallback_when_total_includes_carryover():
    doc = doc_000()
    doc.indicators["carryover_begin"] = doc_002().indicators["carryover_begin"]
    m = compute([doc]).department_years[department_year_key(doc)].metrics
    assert m["basic_share"].status == "not_disclosed"
    assert m["basic_share"].value is None
    assert "结转" in m["basic_share"].note


def test_jiyuan_basic_share_matches_its_narrative(metrics):
    m = _dy(metrics, F002).metrics
    assert m["basic_share"].value == D("3107.2") / D("7764.9")
    assert round(m["basic_share"].value * 100, 2) == D("40.02")  # line 66: 占40.02%


def test_yoy_from_the_documents_own_statement(metrics):
    dy = _dy(metrics, F000)
    amount = dy.metrics["yoy_expenditure_total"]
    pct = dy.metrics["yoy_expenditure_total_pct"]
    assert amount.value == D("-12929.31")
    assert dy.change.previous == D("7119.13") + D("12929.31")
    assert pct.value == D("-12929.31") / (D("7119.13") + D("12929.31"))
    assert pct.basis == "stated_change" and "自述" in pct.note
    assert dy.change.flagged  # -64 % and no reason given for the total


def test_yoy_percent_agrees_with_stated_percent_and_keeps_reason(metrics):
    dy = _dy(metrics, F001)
    pct = dy.metrics["yoy_expenditure_total_pct"].value
    assert pct == D("6683.89") / (D("23278.10") - D("6683.89"))
    assert round(pct * 100, 2) == dy.change.stated_percent == D("40.28")
    assert dy.change.reason.startswith("2024 年增加国家公务员医疗补助资金")
    assert not dy.change.flagged
    jy = _dy(metrics, F002)
    assert round(jy.metrics["yoy_expenditure_total_pct"].value * 100, 2) == D("6.12")


def test_yoy_prefers_last_years_document():
    cur = doc_000()
    prev = doc_000()
    prev.source = "disclosures/130607-满城区/保定市满城区医疗保障局/2020-budget.txt"
    prev.metadata.year = 2020
    prev.statements = []
    # last year's 支出总计 as implied by the 2021 document: 7119.13 + 12929.31
    prev.indicators["expenditure_total"].value = D("20048.44")
    metrics = compute([cur, prev])
    dy = metrics.department_years[department_year_key(cur)]
    assert dy.change.basis == "previous_document"
    assert dy.change.previous_key == department_year_key(prev)
    assert dy.metrics["yoy_expenditure_total"].value == D("7119.13") - D("20048.44")
    old = metrics.department_years[department_year_key(prev)]
    assert (
        old.change.basis == "none"
        and old.metrics["yoy_expenditure_total"].status == "not_disclosed"
    )


def test_execution_rate_of_guyuan_final(metrics):
    dy = _dy(metrics, F004)
    er = dy.metrics["execution_rate"]
    assert er.value == D("347.015834") / D("191.063099")
    assert round(er.value * 100, 2) == D("181.62")  # line 393: 完成年初预算的181.62%
    assert er.basis == "stated_budget"
    assert _dy(metrics, F000).metrics["execution_rate"].status == "not_applicable"


def test_per_capita_from_census_and_unknown_population(metrics):
    gy = _dy(metrics, F004)
    pc = gy.metrics["per_capita_expenditure"]
    assert pc.value == D("347.015834") * 10000 / D(1142142)
    assert pc.unit == "元/人"
    assert gy.population == 1142142 and gy.population_year == 2020
    assert "第七次全国人口普查" in gy.population_source
    mc = _dy(metrics, F000)
    assert mc.population is None
    assert mc.metrics["per_capita_expenditure"].status == "not_disclosed"
    assert mc.metrics["per_capita_expenditure"].note == "人口未知"


def test_population_from_sidecar_and_site_config():
    doc = doc_002(population=1000000, from_sidecar=["population"])
    dy = compute([doc]).department_years[department_year_key(doc)]
    assert dy.metrics["per_capita_expenditure"].value == D("7764.9") * 10000 / D(1000000)
    assert "文件附带" in dy.population_source
    mc = doc_000()
    config = SiteConfig(populations={"130607": 400000})
    dy = compute([mc], config=config).department_years[department_year_key(mc)]
    assert dy.metrics["per_capita_expenditure"].value == D("7119.13") * 10000 / D(400000)
    assert dy.population_source == "网站设置提供"


def test_every_seed_yields_a_department_year():
    assert len(compute(all_seeds()).department_years) == 5


def _change(file, subject, indicator, value, line, raw):
    return Statement(
        kind="change",
        subject=subject,
        indicator=indicator,
        value=D(value),
        unit="元",
        raw=raw,
        sentence=raw,
        source=SourceRef(file, line),
        direction="increase",
    )


def test_current_year_change_does_not_stand_in_when_there_is_carryover():
    doc = doc_004()
    doc.statements = [
        # line 371: 支出合计增加 2,081,029.34 元; line 383: 财政拨款收、支总计各增加 … 和 …
        _change(
            F004, "支出合计", "expenditure_current_year", "208.102934", 371, "增加 2,081,029.34 元"
        ),
        _change(F004, "财政拨款收、支总计", None, "290.389656", 383, "增加 2,903,896.56 元"),
        _change(F004, "财政拨款收、支总计", None, "208.102934", 383, "2,081,029.34 元"),
    ]
    dy = compute([doc]).department_years[department_year_key(doc)]
    assert dy.change.basis == "none"
    assert "支出总计含结转，不能代替" in dy.change.basis_zh
    assert dy.metrics["yoy_expenditure_total"].status == "not_disclosed"


def test_ambiguous_joint_change_is_skipped_and_current_year_used_without_carryover():
    doc = doc_001()
    doc.statements = [
        _change(F001, "收、支总计", None, "6683.89", 85, "收增加 6683.89 万元"),
        _change(F001, "收、支总计", None, "6000", 85, "支增加 6000 万元"),  # made ambiguous
        _change(
            F001, "本年支出合计", "expenditure_current_year", "6683.89", 93, "增加 6683.89 万元"
        ),
    ]
    dy = compute([doc]).department_years[department_year_key(doc)]
    assert dy.change.basis == "stated_change"
    assert dy.change.amount == D("6683.89")
    assert "支出合计即支出总计" in dy.change.basis_zh


def test_regions_as_a_sequence_of_region_rows():
    """The build passes the regions table as the reader loads it; population comes from it."""
    rows = list(load_regions())
    doc = doc_004()
    dy = compute([doc], regions=rows).department_years[department_year_key(doc)]
    assert dy.population == 1142142
    assert dy.region_level == "地级"


def test_execution_rate_prefers_the_same_years_budget_document():
    final = doc_004()
    budget = doc_004()
    budget.source = final.source.replace("2020-final", "2020-budget")
    budget.metadata.kind = "budget"
    # the budget document's 本年支出合计, as the final accounts quote it (line 393: 年初预算)
    budget.indicators["expenditure_current_year"].value = D("191.063099")
    budget.readings = [r for r in budget.readings if r.period == "current"]
    metrics = compute([final, budget])
    er = metrics.department_years[department_year_key(final)].metrics["execution_rate"]
    assert er.basis == "budget_document"
    assert er.value == D("347.015834") / D("191.063099")
    assert any(i.note == "同年预算文件" for i in er.inputs)
    assert (
        metrics.department_years[department_year_key(budget)].metrics["execution_rate"].status
        == "not_applicable"
    )
