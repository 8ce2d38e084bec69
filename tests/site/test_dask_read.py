"""Reading on a Dask cluster (``build --dask``, ``audit --dask``) on a ``LocalCluster``.

The cluster's readings must be the local ones: the site built through Dask is byte-identical
to a local build and every reading is in the read cache for the next plain build; the audit
gives the local rows, also for absolute paths, sidecars and multi-file disclosures. A task
that fails is a failed document (and is not cached), never a crash; a scheduler that
cannot be reached is one line and exit 2.
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pytest

import generator.build_dask as build_dask
import generator.read.audit_cluster as audit_cluster
from generator.build import Builder
from generator.build_cache import ReadCache
from generator.build_inputs import input_key, join_parts
from generator.build_readers import read_group
from generator.cli import main
from generator.config import parse_config
from generator.content import find_disclosures
from generator.read import cluster
from tests.site.helpers import BASE_PATH, ROOT

distributed = pytest.importorskip("distributed")

CONTENT = ROOT / "content"
HUAXIAN = "disclosures/410526-滑县/滑县医疗保障局/2024-budget.txt"


@pytest.fixture(scope="module")
def scheduler():
    """One worker process with one thread: Documents really cross a process boundary."""
    with distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        silence_logs=logging.ERROR,
    ) as local:
        yield local.scheduler_address


@pytest.fixture
def in_process():
    """A worker in this process, so a test can make its task fail."""
    with distributed.LocalCluster(
        n_workers=1, processes=False, dashboard_address=":0", silence_logs=logging.ERROR
    ) as local:
        yield local.scheduler_address


def _config(tmp: Path, content: Path = CONTENT):
    """The real site's settings (tests/site/conftest.py real_site), with a cache of its own
    so that nothing is already read."""
    text = "\n".join(
        [
            f'base_path = "{BASE_PATH}"',
            'base_url = "https://example.org"',
            f'output_dir = "{(tmp / "_site").as_posix()}"',
            f'content_dir = "{content.as_posix()}"',
            f'cache_dir = "{(tmp / "cache").as_posix()}"',
        ]
    )
    return parse_config(text + "\n", tmp)


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_a_site_read_through_dask_is_the_local_site(scheduler, real_site, tmp_path):
    local_out, local_result = real_site
    cfg = _config(tmp_path)
    result = Builder(cfg, quiet=True, dask_address=scheduler).build()
    assert (result.inputs, result.failed, result.pages) == (
        local_result.inputs,
        local_result.failed,
        local_result.pages,
    )
    ours, theirs = _files(cfg.output_path), _files(local_out)
    assert sorted(ours) == sorted(theirs)
    different = [name for name in theirs if ours[name] != theirs[name]]
    assert different == []

    # the next plain build finds every reading in the cache, and each is the local reading
    cache = ReadCache(cfg.cache_path)
    inputs = join_parts(find_disclosures(CONTENT))
    assert len(inputs) == 5
    for inp in inputs:
        cached = cache.get(input_key(inp))
        assert cached is not None, inp.rel
        assert cached == read_group(None, CONTENT, [inp.path, *(p.path for p in inp.parts)])


def test_shared_paths_read_the_same_documents(scheduler, tmp_path):
    inputs = join_parts(find_disclosures(CONTENT))
    jobs = [[inp.path] for inp in inputs]
    got: dict[int, object] = {}
    build_dask.read_on_cluster(
        scheduler, CONTENT, jobs, lambda i, doc, keep=True: got.__setitem__(i, doc), shared=True
    )
    assert [got[i] for i in range(len(jobs))] == [read_group(None, CONTENT, j) for j in jobs]


@pytest.fixture(scope="module")
def collection(tmp_path_factory):
    """PDFs under an absolute path (one with a sidecar), a disclosure of two parts named by
    a sidecar, and one whose sidecar names a part that is not there."""
    pytest.importorskip("reportlab")
    from tests.read.pdfmaker import make_budget

    root = tmp_path_factory.mktemp("dask-audit")
    (root / "城市").mkdir()
    make_budget(root / "城市" / "一.pdf", "苏州市审计局2026年度部门预算公开")
    (root / "城市" / "一.toml").write_text('year = 2026\nsource_url = "ftp://x"\n', "utf-8")
    lines = (CONTENT / HUAXIAN).read_text(encoding="utf-8").splitlines(keepends=True)
    half = len(lines) // 2
    (root / "两部分").mkdir()
    (root / "两部分" / "说明.txt").write_text("".join(lines[:half]), "utf-8")
    (root / "两部分" / "表.txt").write_text("".join(lines[half:]), "utf-8")
    (root / "两部分" / "说明.toml").write_text('parts = ["表.txt"]\n', "utf-8")
    (root / "缺.txt").write_text("".join(lines[:half]), "utf-8")
    (root / "缺.toml").write_text('parts = ["不在.txt"]\n', "utf-8")
    return root


def _audit(capsys, *args) -> tuple[int, dict]:
    code = main(["audit", *map(str, args), "--json"])
    data = json.loads(capsys.readouterr().out)
    for row in data["documents"]:
        row.pop("seconds"), row.pop("ms_per_page")
    return code, data


def test_audit_through_dask_gives_the_local_rows(scheduler, collection, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)  # relative paths too: "content/disclosures/..."
    paths = [collection, "content/disclosures"]
    local_code, local = _audit(capsys, *paths, "--workers", "1")
    code, remote = _audit(capsys, *paths, "--dask", scheduler)
    assert code == local_code
    assert remote["documents"] == local["documents"]
    rows = {Path(r["path"]).name: r for r in local["documents"]}
    assert len(rows["说明.txt"]["parts"]) == 2
    assert rows["缺.txt"]["status"] == "failed" and "不在.txt" in rows["缺.txt"]["reason"]
    assert rows["一.pdf"]["year"] == 2026 and rows["一.pdf"]["path"].startswith(str(collection))
    assert any("source_url" in p for p in rows["一.pdf"]["problems"])


def test_a_failing_task_is_a_failed_document_that_is_not_cached(in_process, tmp_path, monkeypatch):
    original = build_dask._read_task

    def failing(shipment):
        if shipment.names == [HUAXIAN]:
            raise RuntimeError("worker fell over")
        return original(shipment)

    monkeypatch.setattr(build_dask, "_read_task", failing)
    cfg = _config(tmp_path)
    builder = Builder(cfg, quiet=True, dask_address=in_process)
    inputs = join_parts(find_disclosures(CONTENT))
    docs = {inp.rel: entry.light for inp, entry in builder.read(inputs)}
    assert len(docs) == 5
    failed = docs[HUAXIAN]
    errors = [p.message for p in failed.problems if p.severity == "error"]
    assert errors == ["the reader failed (RuntimeError: worker fell over)"]
    # the plain text is shown, as for a reader that fails locally
    assert builder._full(next(i for i in inputs if i.rel == HUAXIAN)).lines
    others = [p.message for rel, d in docs.items() if rel != HUAXIAN for p in d.problems]
    assert not any("reader failed" in m for m in others)
    cache = ReadCache(cfg.cache_path)
    kept = {inp.rel for inp in inputs if cache.get(input_key(inp)) is not None}
    assert kept == set(docs) - {HUAXIAN}
    stored = {i.rel for i in inputs if builder.store.indexed(builder.store.name(input_key(i)))}
    assert stored == set(docs) - {HUAXIAN}  # indexed again by the next build


def test_a_failing_audit_task_is_a_failed_row(in_process, capsys, monkeypatch):
    def failing(shipment):
        raise MemoryError("no room")

    monkeypatch.setattr(audit_cluster, "_audit_task", failing)
    code, data = _audit(capsys, CONTENT / HUAXIAN, "--dask", in_process)
    assert code == 1
    [row] = data["documents"]
    assert row["status"] == "failed" and row["path"] == str(CONTENT / HUAXIAN)
    assert row["reason"] == "the file could not be read (MemoryError: no room)"


def test_an_unreachable_scheduler_is_one_line_and_exit_2(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", "1s")
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (tmp_path / "site.toml").write_text('content_dir = "content"\n', encoding="utf-8")
    nobody = "tcp://127.0.0.1:9"
    assert main(["build", "--config", str(tmp_path / "site.toml"), "--dask", nobody]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith(f"error: cannot reach the Dask scheduler at {nobody} (")
    assert [line for line in err if line.startswith("error")] == [err[-1]]
    assert main(["audit", str(content), "--dask", nobody]) == 2
    assert capsys.readouterr().err.strip().splitlines()[-1].startswith("error: cannot reach")


def test_workers_with_another_reader_are_refused(scheduler, capsys, monkeypatch):
    """Their readings would be cached as this reader's: the command stops before any."""
    monkeypatch.setattr(cluster, "_VERSION", ["another"])
    assert main(["audit", str(CONTENT / HUAXIAN), "--dask", scheduler]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("error: 1 Dask worker(s) at ")
    assert "run another version of the reader" in err[-1]
