"""The metrics on the built site: panels, plain sentences, rankings, downloads that recompute."""

from __future__ import annotations

import csv
import json
from decimal import Decimal as D

from generator.metrics import METRIC_DOCS

FORMULAS = {  # metric -> (numerator ids, denominator ids), the formula shown on the site
    "basic_share": ("basic_expenditure", ("expenditure_current_year", "expenditure_total")),
    "project_share": ("project_expenditure", ("expenditure_current_year", "expenditure_total")),
    "personnel_share": ("personnel_expenditure", ("basic_expenditure",)),
    "public_share": ("public_expenditure", ("basic_expenditure",)),
    "three_public_share": ("three_public_total", ("basic_expenditure",)),
}


def _page(out, path):
    return (out / path / "index.html").read_text(encoding="utf-8")


def test_peers_panel_of_the_2021_budgets(seed_docs_site):
    out, _ = seed_docs_site
    html = _page(out, "d/130607-ybj/2021")
    assert 'id="metrics-budget"' in html
    assert "可比对象：县级医疗保障局，2021年部门预算，共2个（含本部门）" in html
    assert "济源产城融合示范区医疗保障局" in html
    assert 'data-chart="metric_peers_pct"' in html
    assert "7.78%" in html and "40.02%" in html
    assert "没有找到可引用来源的常住人口数，所以本页不计算人均支出" in html
    assert 'data-metric="per_capita_expenditure"' not in html
    assert "支出总计变动达到或超过 10%，但文件没有说明原因" in html


def test_change_with_reason_and_lonely_year(seed_docs_site):
    out, _ = seed_docs_site
    html = _page(out, "d/410526-ybj/2024")
    assert "文件说明的原因：“2024 年增加国家公务员医疗补助资金等。”" in html
    assert "本站暂无其他医疗保障局2024年部门预算，没有可比对象" in html
    assert "本站既没有" not in html


def test_plain_sentence_when_neither_peers_nor_last_year(seed_docs_site):
    out, _ = seed_docs_site
    html = _page(out, "d/130304-ybj/2020")
    assert "本站既没有与本部门可比的同类部门，也没有可用的本部门上年支出总计" in html
    assert "不适用" in html


def test_per_capita_where_population_is_known(seed_docs_site):
    out, _ = seed_docs_site
    html = _page(out, "d/640400-ybj/2020")
    value = D("347.015834") * 10000 / D(1142142)
    assert f"{value.quantize(D('0.01')):,} 元/人" in html
    assert "1,142,142 人" in html and "第七次全国人口普查" in html


def test_no_ranking_page_ranks_fewer_than_three(seed_docs_site):
    """Two 2021 budgets, one of which does not disclose personnel spending: ranking one
    department ranks nothing, so there is no page and no link to one."""
    from generator.site.metric_panels import MIN_RANKED, has_ranking

    out, _ = seed_docs_site
    assert not (out / "rankings" / "personnel_share" / "2021-budget").exists()
    assert MIN_RANKED == 3

    class E:
        def __init__(self, value):
            self.value = value

    class M:
        rankings = {("m", 2021, "budget"): [E(1), E(None), E(2)], ("m", 2022, "budget"): [E(1)] * 3}
        _cache: dict = {}

    assert not has_ranking(M, ("m", 2021, "budget"))  # a value missing: two ranked
    assert has_ranking(M, ("m", 2022, "budget"))
    assert not has_ranking(M, ("x", 2021, "budget"))
    for page in out.rglob("d/*/*/index.html"):
        assert "/rankings/" not in page.read_text(encoding="utf-8"), page


def test_each_ranking_is_counted_once_however_many_pages_ask():
    """Every department-year's panels ask whether its rankings have pages: at national scale
    counting a ranking of thousands on every question made the site stage quadratic."""
    from generator.site.metric_panels import has_ranking

    class Counted(list):
        reads = 0

        def __iter__(self):
            Counted.reads += 1
            return super().__iter__()

    class E:
        value = 1

    class M:
        rankings = {("m", 2021, "budget"): Counted([E()] * 5000)}
        _cache: dict = {}

    assert all(has_ranking(M, ("m", 2021, "budget")) for _ in range(1000))
    assert Counted.reads == 1


def test_methodology_documents_every_metric(seed_docs_site):
    out, _ = seed_docs_site
    html = _page(out, "methodology")
    for mid, doc in METRIC_DOCS.items():
        assert f'id="metric-{mid}"' in html
        assert doc.formula_zh.replace("“", "&#34;") in html or doc.formula_zh in html


def test_derived_rows_recompute_from_canonical_rows(seed_docs_site):
    out, _ = seed_docs_site
    text = (out / "data" / "indicators.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(text.splitlines()))
    canon = {
        (r["department_id"], r["year"], r["kind"], r["indicator"]): D(r["value"])
        for r in rows
        if r["unit"] == "万元" and r["indicator"] not in METRIC_DOCS
    }
    checked = 0
    for r in rows:
        if r["indicator"] not in FORMULAS:
            continue
        key = (r["department_id"], r["year"], r["kind"])
        num, dens = FORMULAS[r["indicator"]]
        den_id = next(d for d in dens if f"{d}=" in r["source"])
        assert f"{num}=" in r["source"]
        expected = canon[(*key, num)] / canon[(*key, den_id)]
        assert D(r["value"]) == expected, r
        checked += 1
    assert checked >= 15


def test_compare_files_list_both_2021_budgets(seed_docs_site):
    out, _ = seed_docs_site

    def read(path):
        return json.loads((out / "data" / path).read_text(encoding="utf-8"))

    index = read("compare.json")
    assert index["metric_order"] == list(METRIC_DOCS)
    provinces = {p["code"]: p for p in index["provinces"]}
    assert provinces["130000"]["name"] == "河北省"
    assert provinces["410000"]["name"] == "河南省"
    assert {"130607", "130304"} <= {r["code"] for r in provinces["130000"]["regions"]}
    listed = {e["key"]: e for e in read("compare/r/130607.json")["items"]}
    assert listed["130607-ybj-2021-budget"]["department_id"] == "130607-ybj"
    numbers = read("compare/d/130607-ybj.json")["items"]["130607-ybj-2021-budget"]
    assert numbers["url"] == "/d/130607-ybj/2021/#metrics-budget"
    assert numbers["metrics"]["basic_share"]["status"] == "value"
    assert "130607-ybj-2021-budget" in read("compare/d/130607-ybj.json")["items"]
    assert "419001-ybj-2021-budget" in read("compare/d/419001-ybj.json")["items"]


def test_department_page_time_series(seed_docs_site):
    out, _ = seed_docs_site
    html = _page(out, "d/130607-ybj")
    assert 'id="series"' in html and "基本支出占比" in html
    assert "只收录了本部门一个年度" in html


def test_time_series_over_two_years_has_a_chart():
    from generator.metrics import compute, department_id
    from generator.site.metric_panels import department_series
    from tests.seed_docs import doc_000

    cur, prev = doc_000(), doc_000()
    prev.source = prev.source.replace("2021", "2020")
    prev.metadata.year = 2020
    prev.indicators["basic_expenditure"].value = D("507.44")  # 553.99 − 46.55 (line 55)
    metrics = compute([cur, prev])
    blocks = {b["id"]: b for b in department_series(metrics, department_id(cur))}
    basic = blocks["basic_share"]
    assert [r["year"] for r in basic["rows"]] == [2020, 2021]
    assert basic["chart"] is not None and basic["chart"].kind == "metric_series_pct"
    assert [r.value for r in basic["chart"].rows] == [
        D("507.44") / D("7119.13"),
        D("553.99") / D("7119.13"),
    ]
    assert "per_capita_expenditure" not in blocks  # no population with a cited source


def test_rankings_index_says_why_it_ranks_nothing(seed_docs_site):
    out, _ = seed_docs_site
    html = _page(out, "rankings")
    assert "rankings/basic_share/2021-budget/" not in html  # two departments only
    assert "不足三个" in html


def _county_group(values: dict[int, str]):
    """30 county budgets of one year: 满城区's figures under other names, 基本支出 changed."""
    from generator.metrics import compute
    from tests.seed_docs import doc_000

    docs = []
    for i in range(30):
        doc = doc_000()
        doc.source = f"disclosures/1399{i:02d}/测试{i}县医疗保障局/2021-budget.txt"
        doc.metadata.department = f"测试{i}县医疗保障局"
        doc.metadata.region_code = f"1399{i:02d}"
        doc.indicators["basic_expenditure"].value = D(values.get(i, str(100 + i)))
        docs.append(doc)
    return compute(docs)


def test_a_panel_hash_is_what_the_panel_shows():
    """A page's ``deps`` hash its panels without charts and with each peer row by its digest:
    a peer outside the page's window whose change moves no rank leaves the hash as it is;
    a peer inside it changes the hash. The full panels (charts included) agree."""
    from generator.site.deps import digest
    from generator.site.metric_panels import department_year_panels, panels_digest, with_charts

    def both(metrics):
        dy = next(
            d for d in metrics.department_years.values() if d.department.startswith("测试0县")
        )
        panels = department_year_panels(metrics, dy.department_id, 2021)
        return panels_digest(panels), digest(with_charts(panels)), panels

    base, base_full, panels = both(_county_group({}))
    (block,) = [b for b in panels[0]["peers"] if b["id"] == "basic_share"]
    shown = {r["department"] for r in block["rows"]}
    assert "测试29县医疗保障局" not in shown and "测试1县医疗保障局" in shown
    far, far_full, _ = both(_county_group({29: "500"}))  # the first stays first
    assert (far, far_full) == (base, base_full)
    near, near_full, _ = both(_county_group({1: "101.5"}))  # in the window: its value shows
    assert near != base and near_full != base_full
    # the chart is made from the block's rows: this department's bar is marked
    chart = next(b["chart"] for b in with_charts(panels)[0]["peers"] if b["id"] == "basic_share")
    mine = [r for r in chart.rows if r.label.startswith("测试0县")]
    assert len(mine) == 1 and mine[0].series == "本部门"
