"""findings.csv made of department-year rows kept between builds (``site/row_cache.py``):
the same bytes as the file written at once, made again exactly when what the rows show
changes, and never stale."""

from __future__ import annotations

from functools import partial
from types import SimpleNamespace

from generator.checks.packed import PackedFindings
from generator.site import opendata, row_cache
from generator.site.model import Site
from tests.checks.test_packed import _finding


def _site(tmp_path, kinds=None, lines=(5, 9)):
    kinds = kinds or {}
    docs = {}
    dys = []
    for n in range(3):
        rel = f"甲/{2020 + n}-budget.txt"
        docs[rel] = SimpleNamespace(rel=rel, kind=kinds.get(rel, "budget"))
        items = [_finding(rel, line) for line in lines]
        dys.append(
            SimpleNamespace(
                findings=PackedFindings(items),
                year=2020 + n,
                department=SimpleNamespace(id="130100-ybj"),
            )
        )
    site = SimpleNamespace(department_years=dys, doc_for=docs.get, rows_cache=tmp_path / "rows")
    site.source_label = partial(Site.source_label, site)
    return site


def _whole(site) -> bytes:
    return b"".join(
        opendata._csv_chunks(
            opendata.FINDING_FIELDS, opendata.finding_rows(site, site.department_years)
        )
    )


def _kept(site) -> bytes:
    return b"".join(
        opendata._kept_csv(
            site,
            opendata.FINDING_FIELDS,
            site.department_years,
            "findings",
            opendata.finding_rows,
            opendata._findings_key,
        )
    )


def _no_rows_made(monkeypatch):
    def fail(*_):
        raise AssertionError("rows made again")

    monkeypatch.setattr(opendata, "finding_rows", fail)


def test_kept_rows_are_the_file_written_at_once(tmp_path, monkeypatch):
    site = _site(tmp_path)
    whole = _whole(site)
    assert whole.count(b"\n") == 1 + 3 * 2
    assert _kept(site) == whole
    assert len(list((tmp_path / "rows").rglob("*"))) > 3  # three department-years kept
    _no_rows_made(monkeypatch)
    assert _kept(_site(tmp_path)) == whole  # a new build reads them back


def test_rows_no_longer_used_are_removed(tmp_path):
    kept = lambda: sorted(p.name for p in (tmp_path / "rows").rglob("*") if p.is_file())  # noqa: E731
    _kept(_site(tmp_path))
    before = kept()
    assert len(before) == 3
    _kept(_site(tmp_path, lines=(5, 11)))  # every department-year's findings changed
    after = kept()
    assert len(after) == 3 and not set(before) & set(after)


def test_rows_are_made_again_when_what_they_show_changes(tmp_path, monkeypatch):
    _kept(_site(tmp_path))
    # another finding: that department-year's rows only
    changed = _site(tmp_path, lines=(5, 11))
    assert b"\xe7\xac\xac 11 \xe8\xa1\x8c" in _kept(changed) == _whole(changed)
    # the document a finding names now shows as another kind: its rows say so
    other = _site(tmp_path, kinds={"甲/2021-budget.txt": "final"})
    assert _kept(other) == _whole(other)
    assert b"130100-ybj,2021,final," in _kept(other)


def test_without_a_folder_or_packed_findings_the_rows_are_made(tmp_path):
    site = _site(tmp_path)
    site.rows_cache = None
    assert _kept(site) == _whole(site)
    for dy in site.department_years:
        dy.findings = list(dy.findings)
    site.rows_cache = tmp_path / "rows"
    assert _kept(site) == _whole(site)
    assert not (tmp_path / "rows").exists()


def test_a_folder_that_cannot_be_written_costs_only_time(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert row_cache.cached(blocked, "ab12", lambda: b"rows") == b"rows"
    assert row_cache.cached(tmp_path / "ok", "ab12", lambda: b"rows") == b"rows"
    assert row_cache.cached(tmp_path / "ok", "ab12", lambda: b"other") == b"rows"
    assert row_cache.key("a", 1) != row_cache.key("a", 2)


def test_no_findings_no_rows(tmp_path):
    site = _site(tmp_path)
    for dy in site.department_years:
        dy.findings = PackedFindings([])
    assert (
        _kept(site)
        == _whole(site)
        == "\ufeff".encode() + b",".join(f.encode() for f in opendata.FINDING_FIELDS) + b"\n"
    )


def _indicator_site(tmp_path, value="7119.13", name="某县医疗保障局"):
    from tests.factory import reading

    docs = []
    for n, kind in enumerate(("budget", "final")):
        rel = f"甲/2021-{kind}.txt"
        r = reading(rel, "expenditure_total", value if kind == "budget" else "1", 48 + n, "x")
        doc = SimpleNamespace(document=SimpleNamespace(indicators={r.id: r}), kind=kind, rel=rel)
        docs.append(doc)
    department = SimpleNamespace(id="130100-ybj", name=name, region_code="130100")
    dy = SimpleNamespace(department=department, year=2021, docs=docs)
    return SimpleNamespace(department_years=[dy], metrics=None, rows_cache=tmp_path / "rows")


def _indicators_whole(site) -> bytes:
    rows = opendata.indicator_rows(site, site.department_years)
    return b"".join(opendata._csv_chunks(opendata.INDICATOR_FIELDS, rows))


def test_indicator_rows_are_kept_and_made_again_when_a_value_changes(tmp_path, monkeypatch):
    site = _indicator_site(tmp_path)
    whole = _indicators_whole(site)
    assert b"7119.13" in whole and whole.count(b"\n") == 3

    def kept(s) -> bytes:
        return b"".join(
            opendata._kept_csv(
                s,
                opendata.INDICATOR_FIELDS,
                s.department_years,
                "indicators",
                opendata.indicator_rows,
                opendata._indicators_key,
            )
        )

    files = lambda: sorted(p.name for p in (tmp_path / "rows").rglob("*") if p.is_file())  # noqa: E731
    assert kept(site) == whole
    first = files()
    assert len(first) == 1  # one department-year
    changed = _indicator_site(tmp_path, value="7119.14")
    assert kept(changed) == _indicators_whole(changed) != whole
    assert len(files()) == 1 and files() != first  # the rows no longer used are removed
    renamed = _indicator_site(tmp_path, name="某县医疗保障局（更名）")
    assert kept(renamed) == _indicators_whole(renamed) != whole
    assert kept(site) == whole
    monkeypatch.setattr(opendata, "indicator_rows", lambda *_: 1 / 0)
    assert kept(_indicator_site(tmp_path)) == whole  # read back, not made
    assert files() == first


def test_each_output_folder_keeps_its_own_rows(tmp_path):
    """Shards share the store: each one's downloads prune only their own rows."""
    from generator.build_store import DocumentStore

    store = DocumentStore(tmp_path, "code", "privacy")
    assert store.rows_folder("manifest-11.json") != store.rows_folder("manifest-13.json")
    assert DocumentStore(None, "code", "privacy").rows_folder("manifest.json") is None
