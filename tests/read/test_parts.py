"""Disclosures published as several files (parts.py, combine.py), on PDFs drawn here."""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.build_inputs import join_parts
from generator.content import find_disclosures
from generator.read.parts import group_by_name, group_inputs
from generator.read.reader import read_file, read_files

pytest.importorskip("reportlab")

from tests.read.pdfmaker import make_pdf, narrative_page, tables_page  # noqa: E402

TITLE = "苏州市审计局2026年度部门预算公开"
SENTENCE = "2026年收入总计1,234.56万元，支出总计1,234.56万元。"


@pytest.mark.parametrize(
    "names, groups",
    [
        (
            ["附件1：2026年甲局部门预算情况说明.pdf", "附件2：2026年甲局部门预算表.pdf"],
            [["附件1：2026年甲局部门预算情况说明.pdf", "附件2：2026年甲局部门预算表.pdf"]],
        ),
        (  # numbered parts come in their order, whatever the listing order
            ["附件二 乙局2026年部门预算公开表格.pdf", "附件一 乙局2026年部门预算公开.pdf"],
            [["附件一 乙局2026年部门预算公开.pdf", "附件二 乙局2026年部门预算公开表格.pdf"]],
        ),
        (  # a narrative PDF and a tables PDF: the narrative first
            ["丙局2026年部门预算表.pdf", "丙局2026年部门预算.pdf"],
            [["丙局2026年部门预算.pdf", "丙局2026年部门预算表.pdf"]],
        ),
        (  # different departments never group
            ["2026年丁局部门预算.pdf", "2026年戊局部门预算.pdf"],
            [["2026年丁局部门预算.pdf"], ["2026年戊局部门预算.pdf"]],
        ),
        (  # one department's budget and its final account are two disclosures
            ["2026年丁局部门预算表.pdf", "2026年丁局部门决算表.pdf"],
            [["2026年丁局部门预算表.pdf"], ["2026年丁局部门决算表.pdf"]],
        ),
    ],
)
def test_naming_rule(names, groups):
    got = group_by_name([f"城市/{n}" for n in names])
    assert [[p.split("/", 1)[1] for p in g] for g in got] == groups


def test_files_in_different_folders_never_group():
    got = group_by_name(["甲/附件1 局预算说明.pdf", "乙/附件2 局预算表.pdf"])
    assert len(got) == 2


@pytest.fixture(scope="module")
def two_files(tmp_path_factory):
    root = tmp_path_factory.mktemp("parts")
    narrative = make_pdf(
        root / "附件1：2026年苏州市审计局部门预算情况说明.pdf",
        [narrative_page(TITLE, SENTENCE), [(50, "二、部门预算说明"), (80, "（略）")]],
    )
    tables = make_pdf(root / "附件2：2026年苏州市审计局部门预算表.pdf", [tables_page()])
    return root, narrative, tables


def test_two_files_are_one_disclosure_with_each_figure_in_its_own_file(two_files):
    root, narrative, tables = two_files
    assert group_inputs([str(tables), str(narrative)]) == [[str(narrative), str(tables)]]
    doc = read_files([str(narrative), str(tables)])
    assert not doc.failed, doc.problems
    m = doc.metadata
    assert (m.department, m.year, m.kind, m.scope) == ("苏州市审计局", 2026, "budget", "department")
    assert doc.pages == 3
    income = doc.indicators["income_total"]
    assert income.value == Decimal("1234.56")
    assert (income.source.file, income.source.page) == (str(tables), 1)
    said = next(r for r in doc.readings if r.origin == "narrative" and r.id == "income_total")
    assert (said.source.file, said.source.page) == (str(narrative), 1)
    # lines are numbered through both files; the parts say which lines are whose
    assert [p.file for p in doc.parts] == [str(narrative), str(tables)]
    assert doc.parts[0].last_line + 1 == doc.parts[1].first_line
    assert doc.parts[1].last_line == doc.lines[-1].number
    assert doc.lines[income.source.line - 1].page == 1
    assert doc.indicators["three_public_total"].source.file == str(tables)


def test_a_sidecar_lists_the_parts(two_files, tmp_path):
    root, narrative, tables = two_files
    first = tmp_path / "说明.pdf"
    first.write_bytes(narrative.read_bytes())
    (tmp_path / "报表.pdf").write_bytes(tables.read_bytes())
    (tmp_path / "说明.toml").write_text('parts = ["报表.pdf"]\nscope = "unit"\n', encoding="utf-8")
    assert group_inputs([str(tmp_path / "报表.pdf"), str(first)]) == [
        [str(first), str(tmp_path / "报表.pdf")]
    ]
    # a build's survey knows which files have a sidecar and reads those only: the same groups
    content = tmp_path.parent / f"{tmp_path.name}-content"
    content.mkdir()
    for name in ("说明.pdf", "报表.pdf", "说明.toml"):
        (content / name).write_bytes((tmp_path / name).read_bytes())
    inputs = join_parts(find_disclosures(content))
    assert [(i.rel, [p.rel for p in i.parts]) for i in inputs] == [("说明.pdf", ["报表.pdf"])]
    doc = read_file(first)
    assert doc.indicators["income_total"].source.file == str(tmp_path / "报表.pdf")
    assert doc.metadata.scope == "unit" and "scope" in doc.metadata.from_sidecar


def test_a_missing_part_is_reported_and_the_rest_read(two_files, tmp_path):
    _root, narrative, _tables = two_files
    doc = read_files([str(narrative), str(tmp_path / "不存在.pdf")])
    assert doc.failed
    assert any("不存在.pdf" in p.message and "cannot be read" in p.message for p in doc.problems)
    assert doc.metadata.department == "苏州市审计局"
