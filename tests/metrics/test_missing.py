"""Missing is not zero: stated 0, not disclosed, not applicable and unreadable stay apart."""

from __future__ import annotations

from decimal import Decimal as D

from generator.metrics import compute, department_year_key
from generator.site.metric_data import metric_rows
from tests.seed_docs import F000, F002, F003, F004, Problem, doc_000, doc_002, doc_004


def _dy(metrics, source):
    return next(dy for dy in metrics.department_years.values() if dy.document == source)


def test_performance_document_is_not_applicable(metrics):
    dy = _dy(metrics, F003)
    assert {mv.status for mv in dy.metrics.values()} == {"not_applicable"}
    assert not [r for r in metric_rows(metrics) if r["department_id"].startswith("130304")]


def test_stated_zero_is_a_number(metrics):
    mv = _dy(metrics, F004).metrics["three_public_share"]
    assert mv.status == "zero" and mv.value == 0
    rows = [r for r in metric_rows(metrics) if r["indicator"] == "three_public_share"]
    assert any(r["department_id"].startswith("640400") and r["value"] == "0" for r in rows)


def test_unreadable_figure_is_kept_apart():
    doc = doc_004(
        problems=[Problem("warning", "第379行的基本支出数字无法识别", doc_004().source, 379)]
    )
    del doc.indicators["basic_expenditure"]
    doc.readings = [r for r in doc.readings if r.id != "basic_expenditure"]
    m = compute([doc]).department_years[department_year_key(doc)].metrics
    assert m["basic_share"].status == "unreadable"
    assert m["personnel_share"].status == "unreadable"
    assert m["basic_share"].value is None


def test_not_disclosed_never_enters_rank_or_median(metrics):
    mc, jy = _dy(metrics, F000), _dy(metrics, F002)
    assert jy.metrics["personnel_share"].status == "not_disclosed"
    stat = mc.peers["personnel_share"]
    assert stat.of == 1
    assert stat.median == D("524.92") / D("553.99")
    assert stat.missing == {"not_disclosed": 1}
    assert jy.peers["personnel_share"].rank is None
    ranking = metrics.rankings[("personnel_share", 2021, "budget")]
    assert [e.rank for e in ranking] == [1, None]
    assert ranking[1].status == "not_disclosed" and ranking[1].value is None


def test_zero_denominator_is_not_a_ratio():
    doc = doc_004()
    doc.indicators["basic_expenditure"].value = D(0)
    m = compute([doc]).department_years[department_year_key(doc)].metrics
    assert m["basic_share"].status == "zero"
    assert m["personnel_share"].status == "not_applicable"


def test_missing_metrics_have_no_csv_row():
    docs = [doc_000(), doc_002()]
    rows = metric_rows(compute(docs))
    jy = [r for r in rows if r["department_id"].startswith("419001")]
    assert "personnel_share" not in {r["indicator"] for r in jy}
    assert "per_capita_expenditure" not in {r["indicator"] for r in rows}
