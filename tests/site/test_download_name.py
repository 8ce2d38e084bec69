"""The department-year CSV's file name: readable, each kind once, bounded in bytes."""

from __future__ import annotations

from generator.site.model import Department, DepartmentYear, SourceDoc
from generator.site.opendata import MAX_NAME_BYTES, download_name
from tests.factory import document, metadata


def _dy(name: str, kinds: list[str]) -> DepartmentYear:
    dept = Department("410526-ybj", name, "医疗保障局", "410526", "滑县", "county")
    dy = DepartmentYear(dept, 2024)
    for i, kind in enumerate(kinds):
        doc = document(f"{i}/{kind}.txt", metadata(name, "410526", "滑县", "county", 2024, kind))
        dy.docs.append(SourceDoc(doc, None, dept.id, 2024, kind))
    return dy


def test_one_document_names_department_year_and_kind():
    assert download_name(_dy("滑县医疗保障局", ["budget"])) == "滑县医疗保障局-2024-部门预算.csv"


def test_each_kind_is_named_once_however_many_documents():
    kinds = ["final"] * 40 + ["budget"] * 30 + ["performance"] * 20
    name = download_name(_dy("平安安县财政局", kinds))
    assert name == "平安安县财政局-2024-部门决算、部门预算、绩效目标.csv"


def test_long_department_name_is_shortened_within_the_byte_limit():
    long_name = "某某省某某市某某县" * 20 + "医疗保障局"
    name = download_name(_dy(long_name, ["budget", "final", "performance"]))
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES < 255
    assert name.endswith("…-2024-部门预算、部门决算、绩效目标.csv")
    assert name.startswith("某某省某某市某某县")


def test_no_slash_in_the_name():
    assert "/" not in download_name(_dy("甲/乙局", ["budget"]))
