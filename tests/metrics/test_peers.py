"""Peer groups: same type, level, year and kind; nearest comparables only when flagged."""

from __future__ import annotations

import statistics
from decimal import Decimal as D

from generator.metrics import compute, department_year_key
from tests.seed_docs import F000, F001, F002, F004, doc_000, doc_002


def _dy(metrics, source):
    return next(dy for dy in metrics.department_years.values() if dy.document == source)


def test_mancheng_and_jiyuan_2021_budgets_are_peers(metrics):
    mc, jy = _dy(metrics, F000), _dy(metrics, F002)
    assert mc.peer_group.members == jy.peer_group.members == sorted([mc.key, jy.key])
    assert not mc.peer_group.nearest
    a, b = D("553.99") / D("7119.13"), D("3107.2") / D("7764.9")
    assert jy.peers["basic_share"].rank == 1 and mc.peers["basic_share"].rank == 2
    assert mc.peers["basic_share"].median == statistics.median([a, b]) == (a + b) / 2
    assert mc.peers["basic_share"].percentile == D("0.5")
    assert jy.peers["basic_share"].percentile == D(1)


def test_lonely_department_years_say_so(metrics):
    for source in (F001, F004):
        dy = _dy(metrics, source)
        assert dy.peer_group.members == [dy.key]
        assert "没有可比对象" in dy.peer_group.note
        assert dy.peers == {}


def test_nearest_comparable_is_flagged():
    city = doc_000()
    city.source = "disclosures/130600-保定市/保定市医疗保障局/2021-budget.txt"
    city.metadata.department = "保定市医疗保障局"
    city.metadata.region_code = "130600"
    city.metadata.region_level = "地级"
    metrics = compute([doc_000(), doc_002(), city])
    dy = metrics.department_years[department_year_key(city)]
    assert dy.peer_group.nearest
    assert len(dy.peer_group.members) == 3
    assert "仅供参考" in dy.peer_group.note
    county = metrics.department_years[department_year_key(doc_000())]
    assert not county.peer_group.nearest and len(county.peer_group.members) == 2


def test_other_kinds_and_years_are_never_peers(metrics):
    keys = {dy.key for dy in metrics.department_years.values() if dy.year == 2020}
    for key in keys:
        assert metrics.department_years[key].peer_group.members == [key]
