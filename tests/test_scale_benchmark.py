"""benchmarks/scale.py: the synthetic collection is what it claims, and a small run prints
the per-stage table, the output size and one department-year folder per planned one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCH))

import synth_collection  # noqa: E402


def test_plan_is_seeded_spread_and_never_puts_two_copies_in_one_slot():
    a, _ = synth_collection.plan(3000, seed=5, pdf_share=0.01)
    b, _ = synth_collection.plan(3000, seed=5, pdf_share=0.01)
    assert a.documents == b.documents
    slots = [(d.department, d.year, d.kind) for d in a.documents]
    assert len(slots) == len(set(slots)) == 3000
    assert sum(d.pdf for d in a.documents) == 30
    assert a.regions > 50 and a.provinces() >= 10
    assert {d.kind for d in a.documents} == {"budget", "final", "performance"}
    per_dept: dict[str, set[int]] = {}
    for d in a.documents:
        per_dept.setdefault(d.department, set()).add(d.year)
    assert sum(len(y) > 1 for y in per_dept.values()) > len(per_dept) / 2


def test_rewrite_moves_a_seed_to_its_new_department_region_and_year():
    seed = next(s for s in synth_collection.load_seeds() if s.department == "滑县医疗保障局")
    region = next(r for r in synth_collection.load_regions() if r.code == "330903")
    name = synth_collection.department_name(region, "财政局")
    assert name == "舟山市普陀区财政局"
    text = synth_collection.rewrite(seed, name, "财政局", region, 2021)
    assert "滑县" not in text and "医疗保障局" not in text
    assert "2021 年舟山市普陀区财政局部门预算公开" in text


def test_small_run_prints_the_stage_table(tmp_path):
    proc = subprocess.run(
        [sys.executable, str(BENCH / "scale.py"), "20", "--pdf-share", "0.05"]
        + ["--keep", str(tmp_path / "work")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = proc.stdout
    assert "20 documents (1 PDF)" in out
    for stage in ("read", "check", "site", "render+write", "whole process"):
        assert f"\n  {stage} " in out, out
    planned = int(out.split("(planned ")[1].split(")")[0])
    assert f"{planned} department-year folders" in out
    assert "bytes per department-year" in out
    packed = float(out.split("as a Pages artifact (one tar, gzip -6): ")[1].split(" MB")[0])
    whole = float(out.split("output: ")[1].split(" MB")[0].replace(",", ""))
    assert 0 < packed < whole  # HTML and JSON compress
    assert (tmp_path / "work" / "out" / "index.html").is_file()
    # the stages before rendering, timed again on the kept collection and its store
    again = subprocess.run(
        [sys.executable, str(BENCH / "site_stage.py"), str(tmp_path / "work")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 0, again.stderr[-3000:]
    assert "pages registered" in again.stdout and "registering pages" in again.stdout


@pytest.mark.parametrize("line", ["read 1.54 0.94 106 82", "  render+write 6.32 3.46 314 82"])
def test_stage_rows_are_parsed(line):
    import scale

    rows = scale.stage_rows("stage wall s CPU s peak MB worker MB\n" + line)
    assert len(rows) == 1 and rows[0][1:] == tuple(map(float, line.split()[1:]))
