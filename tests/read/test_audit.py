"""``python -m generator audit``: rows, identities, summary and JSON on PDFs drawn here."""

from __future__ import annotations

import json

import pytest

from generator.cli import main
from generator.read.audit import AuditRow, find_inputs
from generator.read.audit_report import format_row, summarise

pytest.importorskip("reportlab")

from tests.read.pdfmaker import SPENDING, SUMMARY, make_budget, make_pdf  # noqa: E402


@pytest.fixture(scope="module")
def collection(tmp_path_factory):
    root = tmp_path_factory.mktemp("collection")
    (root / "城市" / "更深").mkdir(parents=True)
    make_budget(root / "城市" / "一.pdf", "苏州市审计局2026年度部门预算公开")
    # a misprint: 支出总计 differs from 收入总计 in the summary table
    bad = [row[:] for row in SUMMARY]
    bad[-1][3] = "1,243.56"
    make_pdf(
        root / "城市" / "更深" / "二.pdf",
        [
            [(50, "无锡市教育局（本级）2026年度单位预算公开", 60, 16)],
            [
                (50, "一、部门收支预算总表"),
                (70, "单位：万元", 460, 10),
                ("table", 90, bad),
                (220, "二、部门支出预算总表"),
                (240, "单位：万元", 460, 10),
                ("table", 260, SPENDING),
            ],
        ],
    )
    make_pdf(root / "通告.pdf", [[(50, "巡察通告"), (80, "现将有关事项通告如下。")]])
    make_pdf(root / "扫描.pdf", [[], []])
    (root / "城市" / "一.toml").write_text("year = 2026\n", encoding="utf-8")
    return root


def run(capsys, *args) -> tuple[str, str]:
    main(["audit", *map(str, args)])
    out = capsys.readouterr()
    return out.out, out.err


def test_directories_are_read_recursively_and_sidecars_are_not_inputs(collection):
    found = find_inputs([str(collection)])
    assert found == sorted(found)
    assert {p.rsplit("/", 1)[-1] for p in found} == {"二.pdf", "一.pdf", "扫描.pdf", "通告.pdf"}


def test_json_rows_and_summary(collection, capsys):
    out, err = run(capsys, collection, "--json", "--workers", "2")
    data = json.loads(out)
    rows = {d["path"].rsplit("/", 1)[-1]: d for d in data["documents"]}
    assert set(rows) == {"一.pdf", "二.pdf", "通告.pdf", "扫描.pdf"}
    one, two = rows["一.pdf"], rows["二.pdf"]
    assert (one["department"], one["year"], one["kind"], one["scope"]) == (
        "苏州市审计局",
        2026,
        "budget",
        "department",
    )
    assert (two["department"], two["scope"]) == ("无锡市教育局", "unit")
    income = one["figures"]["income_total"]
    assert (income["value"], income["page"], income["line"]) == (1234.56, 2, 9)
    assert income["pages"] == [1, 2] and income["in_narrative"] is True
    assert set(one["figures"]) == {
        "income_total",
        "expenditure_total",
        "basic_expenditure",
        "project_expenditure",
        "three_public_total",
    }
    assert (one["region"], one["region_code"]) == ("苏州市", "320500")
    assert one["consistent"] is True
    failed = [i for i in two["identities"] if i["status"] == "failed"]
    assert [i["name"] for i in failed] == ["income_equals_expenditure"]
    assert (failed[0]["left"], failed[0]["right"]) == (1234.56, 1243.56)
    assert [p["page"] for p in failed[0]["places"]] == [2, 2]
    assert two["consistent"] is False
    assert rows["通告.pdf"]["status"] == "not_disclosure"
    assert "does not look like a budget disclosure" in rows["通告.pdf"]["reason"]
    assert rows["扫描.pdf"]["status"] == "scanned"
    assert rows["扫描.pdf"]["scanned_pages"] == [1, 2]
    s = data["summary"]
    assert (s["documents"], s["disclosures"], s["refused"], s["scanned_pages"]) == (4, 3, 1, 2)
    # 5 and 4 of 5 key figures in the two read budgets, none in the scanned one
    assert s["key_figures_found"] == round(100 * 9 / 15, 1)
    assert s["consistent"] == round(100 / 3, 1)
    assert s["pages"] == 7 and s["ms_per_page"] > 0
    assert "audit [" in err and "4/4" in err


def test_text_report_names_failed_identity_with_both_figures(collection, capsys):
    out, _ = run(capsys, collection / "城市", "--workers", "1")
    assert "收入总计 = 支出总计: 1234.56 ≠ 1243.56 (p2/p2)" in out
    assert "无锡市教育局 · 无锡市 · 2026 · 预算 · 单位" in out
    last = out.strip().splitlines()[-1]
    assert last.startswith("documents 2 (disclosures 2, refused 0, failed 0)")
    assert "fully consistent 50.0%" in last


def test_no_input_is_a_clear_error(tmp_path, capsys):
    assert main(["audit", str(tmp_path)]) == 2
    assert "no .pdf or .txt file" in capsys.readouterr().err


def test_summary_counts_performance_documents_only_for_metadata():
    # region unknown in both, scope unknown in b: 7 of 10 metadata fields
    rows = [
        AuditRow("a.pdf", "read", department="甲局", year=2026, kind="budget", scope="department"),
        AuditRow("b.pdf", "read", department="乙局", year=2026, kind="performance"),
    ]
    s = summarise(rows)
    assert s.key_figures_found == 0.0  # over the budget only: it found none
    assert s.metadata_found == round(100 * 7 / 10, 1)
    assert "甲局" in format_row(rows[0])
