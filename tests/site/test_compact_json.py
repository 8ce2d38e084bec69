"""The department-year data file's compact form (``compact_json``), rule by rule, on a small
hand-built document: what is left out must be exactly what the format says it leaves out."""

from __future__ import annotations

from decimal import Decimal

from generator.checks.model import Evidence, Finding
from generator.model import Cell, Metadata, Reading, Row, SourceRef, Table
from generator.site import compact_json
from tests.factory import document, metadata


def _doc():
    table = Table(
        id="t01",
        title="收支总表",
        line=10,
        unit="万元",
        columns=["项目", "金额"],
        rows=[
            Row(
                cells=[Cell("收入总计", line=12), Cell("1,234.50", Decimal("1234.50"), 12)], line=12
            ),
            Row(cells=[Cell("合计", line=13), Cell("7", Decimal("7"), line=14)], line=13, page=2),
            Row(cells=[], line=15),
        ],
        column_units=[None, None],
    )
    reading = Reading(
        id="income_total",
        value=Decimal("1234.50"),
        origin="table",
        source=SourceRef("a.txt", 12, None, "收入总计\t1,234.50"),
        raw="1,234.50",
        unit="万元",
        confirmed_by=[SourceRef("b.txt", 3, 1, "收入总计1234.5万元")],
    )
    meta = metadata("某县医疗保障局", "410526", "某县", "县级", 2024, "budget")
    return document("a.txt", meta, [reading], tables=[table])


def test_references_cells_and_empty_fields():
    out = compact_json.document(_doc(), "a.txt", "410526-ybj", "/d/410526-ybj/2024/budget/")
    reading = out["indicators"]["income_total"]
    # a reference is its line; the file only when it is another one; the page when printed
    assert reading["source"] == {"line": 12}
    assert reading["confirmed_by"] == [{"line": 3, "page": 1, "file": "b.txt"}]
    assert reading["value"] == 1234.5 and reading["raw"] == "1,234.50"
    rows = out["tables"][0]["rows"]
    # a cell on its row's line without a number is its text; a number keeps text and value;
    # a cell on another line than its row keeps that line
    assert rows[0]["cells"] == ["收入总计", {"text": "1,234.50", "value": 1234.5}]
    assert rows[1]["cells"] == ["合计", {"text": "7", "value": 7, "line": 14}]
    assert rows[1]["page"] == 2
    assert rows[2] == {"line": 15, "label": ""}  # no cells: left out; "" is a value
    assert "column_units" not in out["tables"][0]  # no column declares its own unit
    assert "lines" not in out and "encoding" not in out and "statements" not in out
    assert out["source"] == "a.txt" and out["department_id"] == "410526-ybj"
    assert out["source_page"] == "/d/410526-ybj/2024/budget/"
    assert out["metadata"]["region_code"] == "410526" and "population" not in out["metadata"]


def test_a_column_unit_is_kept_with_its_nulls():
    doc = _doc()
    doc.tables[0].column_units = [None, "元"]
    out = compact_json.document(doc, "a.txt", None, "/x/")
    assert out["tables"][0]["column_units"] == [None, "元"]
    assert "department_id" not in out


def test_findings_keep_every_file():
    finding = Finding(
        rule="table.total_equals_items",
        severity="error",
        message="合计不等于各项之和",
        document="a.txt",
        evidence=[
            Evidence("合计", SourceRef("a.txt", 13, None, "合计\t7"), Decimal("7.0"), "万元")
        ],
        expected=Decimal("8"),
    )
    (out,) = compact_json.findings([finding])
    assert out["evidence"] == [
        {"label": "合计", "source": {"line": 13, "file": "a.txt"}, "value": 7, "unit": "万元"}
    ]
    assert out["expected"] == 8 and "difference" not in out and "other_documents" not in out
    assert compact_json.findings(None) is None


def test_metadata_provenance_references_are_compact():
    doc = _doc()
    doc.metadata = Metadata(
        department="某县医疗保障局", provenance={"department": SourceRef("a.txt", 2)}
    )
    out = compact_json.document(doc, "a.txt", None, "/x/")
    assert out["metadata"] == {
        "department": "某县医疗保障局",
        "provenance": {"department": {"line": 2}},
    }
