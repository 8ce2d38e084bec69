"""The build keeps small index entries, checks department by department, loads a document
only to render its pages, and renders on several cores: none of it may change a byte."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from generator import build_render, checks
from generator.build import Builder
from generator.build_index import PAGE_ONLY_FIELDS, index_document, share_strings
from generator.build_inputs import fill_from_path
from generator.build_readers import default_reader
from generator.build_uptodate import manifest_name
from generator.config import PrivacyConfig, parse_config
from generator.content import Input, find_disclosures
from generator.site.model import PEER_LIST, Department, DepartmentYear, Site
from tests import seed_docs
from tests.site.helpers import ROOT

SEED = ROOT / "content" / "disclosures" / "410526-滑县" / "滑县医疗保障局" / "2024-budget.txt"


def _config(tmp, out="_site"):
    return parse_config(
        f'output_dir = "{(tmp / out).as_posix()}"\ncache_dir = "{(tmp / ".cache").as_posix()}"\n'
        f'content_dir = "{(ROOT / "content").as_posix()}"\n',
        tmp,
    )


@pytest.fixture(scope="module")
def two_years(tmp_path_factory):
    """The seeds plus 滑县's budget again as its 2023 budget: one department with two
    years, so the cross-document rules compare them."""
    root = tmp_path_factory.mktemp("content")
    shutil.copytree(ROOT / "content" / "disclosures", root, dirs_exist_ok=True)
    earlier = root / "410526-滑县" / "滑县医疗保障局" / "2023-budget.txt"
    text = SEED.read_text(encoding="utf-8").replace("2024", "2023")
    earlier.write_text(text.replace("23278.10", "16594.21"), encoding="utf-8")
    return root


def _files(folder):
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_findings_per_department_equal_the_whole_collection_checked_at_once(two_years, tmp_path):
    builder = Builder(_config(tmp_path), disclosures=two_years, workers=1)
    builder.build()
    documents = []
    for inp in find_disclosures(two_years):
        doc = default_reader()(str(inp.path))
        fill_from_path(inp, doc)
        doc.source = inp.rel
        documents.append(doc)
    whole = checks.run_checks(documents)
    assert any(f.rule.startswith("cross_document") and f.status != "not_checked" for f in whole)
    key = lambda f: (f.rule, f.document, f.message)  # noqa: E731
    assert sorted(map(key, builder._findings)) == sorted(map(key, whole))


def test_memory_holds_index_entries_not_documents(two_years, tmp_path):
    builder = Builder(_config(tmp_path), disclosures=two_years, workers=1)
    builder.build()
    for entry in builder._index.values():
        assert all(not getattr(entry.light, name) for name in PAGE_ONLY_FIELDS)
        assert all(not t.rows for t in entry.light.tables)
    # and yet the pages show the tables: loaded from the store while they rendered
    page = (tmp_path / "_site" / "d").rglob("2024/index.html")
    html = next(p for p in page if "滑县" in p.read_text(encoding="utf-8"))
    assert "原文表格" in html.read_text(encoding="utf-8")


def test_two_workers_write_the_same_bytes_as_one(two_years, tmp_path, monkeypatch):
    monkeypatch.setattr(build_render, "PARALLEL_FROM", 2)  # the seeds alone are few pages
    monkeypatch.setattr(build_render, "RUN", 3)
    one = Builder(_config(tmp_path / "one"), disclosures=two_years, workers=1).build()
    two = Builder(_config(tmp_path / "two"), disclosures=two_years, workers=2).build()
    assert one.rendered == two.rendered > 80
    assert _files(tmp_path / "one" / "_site") == _files(tmp_path / "two" / "_site")


def test_a_second_process_finds_everything_in_the_store(two_years, tmp_path, monkeypatch):
    import generator.build as build

    Builder(_config(tmp_path), disclosures=two_years, workers=1).build()

    def refuse(base, jobs, caches, done, workers=None):
        assert jobs == [], f"read again: {[j.input.rel for j in jobs]}"

    monkeypatch.setattr(build, "process_in_workers", refuse)
    # a fresh Builder holds no entry in memory: it finds them on disk, and the checks'
    # cross-document findings too (no document is loaded for them)
    again = Builder(_config(tmp_path), disclosures=two_years, workers=1)
    monkeypatch.setattr(again, "_unredacted", lambda inp: pytest.fail("loaded " + inp.rel))
    result = again.build()
    assert result.inputs == 6 and result.rendered == 0 and result.written == 0


def test_a_rebuild_merges_again_only_the_changed_departments_findings(
    two_years, tmp_path, monkeypatch
):
    import generator.build as build

    content = tmp_path / "content"
    shutil.copytree(two_years, content)
    first = Builder(_config(tmp_path), disclosures=content, workers=1)
    first.build()
    before = list(first._findings)
    merged_for = []
    real = build._per_document

    def counting(found):
        merged_for.append({f.document for f in found})
        return real(found)

    monkeypatch.setattr(build, "_per_document", counting)
    again = Builder(_config(tmp_path), disclosures=content, workers=1)
    again.check(again.read(find_disclosures(content)))
    assert merged_for == []  # every department's merged findings came from the store
    # an edit to one of 滑县's two budgets: only 滑县's department is merged again
    edited = content / "410526-滑县" / "滑县医疗保障局" / "2023-budget.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n附注。\n", encoding="utf-8")
    third = Builder(_config(tmp_path), disclosures=content, workers=1)
    found = third.check(third.read(find_disclosures(content)))
    assert len(merged_for) == 1 and all("410526-滑县" in d for d in merged_for[0])
    others = lambda fs: [f for f in fs if "410526" not in f.document]  # noqa: E731
    assert others(found) == others(before) and len(others(before)) > 10


def test_a_new_process_reads_the_entries_from_their_buckets(two_years, tmp_path, monkeypatch):
    from generator import build_store

    content = tmp_path / "content"
    shutil.copytree(two_years, content)
    first = Builder(_config(tmp_path), disclosures=content, workers=1)
    first.build()
    again = Builder(_config(tmp_path), disclosures=content, workers=1)
    monkeypatch.setattr(again.store, "indexed", lambda name: pytest.fail("one by one: " + name))
    written = []
    real_write = build_store._write
    monkeypatch.setattr(build_store, "_write", lambda p, o: (written.append(p), real_write(p, o)))
    found = again.read(find_disclosures(content))
    assert written == []  # nothing changed: no bucket is written again
    assert {again._names[i.rel]: e.light for i, e in found} == {
        n: e.light for n, e in first._index.items()
    }
    # entries in one bucket share their strings
    units = [r.unit for e in again._index.values() for r in e.light.readings if r.unit == "万元"]
    assert len(units) > 100 and len({id(u) for u in units}) <= 256
    # one edit: a new process reads that document's entry, and rewrites the buckets of its
    # old and new name only
    edited = content / "410526-滑县" / "滑县医疗保障局" / "2023-budget.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n附注。\n", encoding="utf-8")
    third = Builder(_config(tmp_path), disclosures=content, workers=1)
    third.build()
    old = again._names[next(i.rel for i, _ in found if i.rel.endswith("2023-budget.txt"))]
    new = third._names[next(r for r in third._names if r.endswith("2023-budget.txt"))]
    buckets = {p.stem for p in written if p.parent.parent.name == "buckets"}
    assert old != new and new[:2] in buckets and buckets <= {old[:2], new[:2]}
    fourth = Builder(_config(tmp_path), disclosures=content, workers=1)
    scope = manifest_name(fourth.config)
    assert fourth.store.bucketed(scope, [old]) == {}  # its bucket emptied or gone
    assert set(fourth.store.bucketed(scope, third._index)) == set(third._index)


def test_entries_loaded_from_the_store_share_their_strings(two_years, tmp_path):
    Builder(_config(tmp_path), disclosures=two_years, workers=1).build()
    again = Builder(_config(tmp_path), disclosures=two_years, workers=1)
    shutil.rmtree(again.store.folder / "buckets")  # each entry from its own file
    found = again.read(find_disclosures(two_years))
    entries = [e for _, e in found if not e.refused]
    units = [r.unit for e in entries for r in e.light.readings if r.unit == "万元"]
    assert len(units) > 100 and len({id(u) for u in units}) == 1
    # and nothing else changed: the same entry as pickled, field by field
    name = again._names[found[0][0].rel]
    assert found[0][1].light == pickle.loads((again.store._path(name, "index")).read_bytes()).light


def test_sharing_strings_keeps_every_value():
    doc = seed_docs.doc_001()
    entry, _ = index_document(Input(Path("x.txt"), "x.txt", "0"), doc, PrivacyConfig())
    copy = pickle.loads(pickle.dumps(entry))
    assert share_strings(copy).light == entry.light and copy.cited == entry.cited
    assert all(t.rows == () for t in copy.light.tables)  # the one shared empty tuple


def _site_with_peers(n: int) -> tuple[Site, list[DepartmentYear]]:
    departments, dys = {}, []
    for i in range(n):
        code = f"{41 + i // 20:02d}{i % 20:02d}01"
        dept = Department(f"d{i:03d}", f"部门{i}", "医疗保障局", code, f"县{i}", "县级")
        dy = dept.years[2024] = DepartmentYear(department=dept, year=2024)
        departments[dept.id] = dept
        dys.append(dy)
    site = Site(config=_config(ROOT), links=None, docs=[], departments=departments)  # type: ignore[arg-type]
    return site, dys


def test_a_page_lists_the_nearest_peers_and_counts_all():
    site, dys = _site_with_peers(PEER_LIST + 15)
    peers = site.peers(dys[0])
    assert len(peers) == PEER_LIST and site.peer_count(dys[0]) == PEER_LIST + 14
    # the same province first: the 19 others of province 41 are all listed
    assert sum(p.department.region_code.startswith("41") for p in peers) == 19
    small, few = _site_with_peers(5)
    assert [p.department.id for p in small.peers(few[2])] == ["d000", "d001", "d003", "d004"]


def test_a_build_with_nothing_to_do_stops_after_hashing_its_inputs(two_years, tmp_path):
    first = Builder(_config(tmp_path), disclosures=two_years, workers=1).build()
    again = Builder(_config(tmp_path), disclosures=two_years, workers=1).build()
    assert list(again.timings) == ["up-to-date"]
    assert (again.inputs, again.pages, again.findings) == (
        first.inputs,
        first.pages,
        first.findings,
    )
    # a file the build wrote is gone: the ordinary path writes it again
    page = next((tmp_path / "_site" / "d").rglob("index.html"))
    page.unlink()
    third = Builder(_config(tmp_path), disclosures=two_years, workers=1).build()
    assert "up-to-date" not in third.timings and third.written == 1 and page.is_file()
    # a new file in the content folder (the report lists it) is a change too
    (two_years / "readme.docx").write_bytes(b"not read")
    try:
        fourth = Builder(_config(tmp_path), disclosures=two_years, workers=1).build()
        assert "up-to-date" not in fourth.timings and fourth.written >= 1
    finally:
        (two_years / "readme.docx").unlink()


def test_the_command_with_nothing_to_do_loads_no_stage(two_years, tmp_path):
    """``build`` asks whether the site is up to date before it imports the reader, checks,
    pandas or Jinja: a collection with nothing to do costs the hashing of its inputs."""
    import subprocess
    import sys

    Builder(_config(tmp_path), disclosures=two_years, workers=1).build()
    (tmp_path / "site.toml").write_text(
        f'output_dir = "{(tmp_path / "_site").as_posix()}"\n'
        f'cache_dir = "{(tmp_path / ".cache").as_posix()}"\n'
        f'content_dir = "{(ROOT / "content").as_posix()}"\n',
        encoding="utf-8",
    )
    heavy = ("generator.build", "generator.read.reader", "generator.checks", "pandas", "jinja2")
    probe = (
        "import sys\n"
        "from generator.build_command import run_build\n"
        f"rc = run_build({str(tmp_path / 'site.toml')!r}, quiet=True, content={str(two_years)!r})\n"
        f"print(rc, [m for m in {heavy!r} if m in sys.modules])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.stdout.split("\n")[0] == "0 []", done.stdout + done.stderr


def test_the_store_keeps_the_last_code_versions_only(tmp_path):
    from generator.build_store import KEEP_VERSIONS, DocumentStore

    for n in range(KEEP_VERSIONS + 2):
        store = DocumentStore(tmp_path, f"v{n}", "privacy")
        store.prune()
        assert store.folder.is_dir()
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert len(kept) == KEEP_VERSIONS and f"v{KEEP_VERSIONS + 1}" in kept
