"""Figures stay exact in JSON, and figures no budget can hold stop at the reader."""

import json
from decimal import Decimal
from pathlib import Path

import jsonschema
from conftest import ROOT, seed_path

from generator.cli import main
from generator.model_json import json_decimal, to_jsonable
from generator.read.reader import read_file

SCHEMA = json.loads((ROOT / "generator" / "document.schema.json").read_text(encoding="utf-8"))


def test_published_amounts_stay_json_numbers_with_their_digits():
    for text in ("23278.10", "430.008506", "0.01", "-3.2", "4300085", "999999999999.99"):
        value = json_decimal(Decimal(text))
        assert isinstance(value, (int, float))
        assert Decimal(json.dumps(value)) == Decimal(text)


def test_longer_figures_are_exact_strings_never_a_failure():
    for text in ("12345678901234567890", "1.23456789012345678", "9007199254740993", "9" * 4300):
        value = json_decimal(Decimal(text))
        assert value == text and Decimal(json.loads(json.dumps(value))) == Decimal(text)
    huge = to_jsonable({"v": Decimal("9" * 4300)})
    assert json.loads(json.dumps(huge))["v"] == "9" * 4300
    pattern = SCHEMA["$defs"]["decimal"]["oneOf"][1]["pattern"]
    jsonschema.validate("1E+4300", {"type": "string", "pattern": pattern})


def _with_total(tmp_path, printed: str) -> Path:
    text = Path(seed_path("001")).read_text(encoding="utf-8")
    p = tmp_path / "total.txt"
    p.write_text(text.replace("收入总计\t23,278.10", "收入总计\t" + printed, 1), encoding="utf-8")
    return p


def test_an_absurd_figure_is_a_problem_on_its_line_and_never_a_value(tmp_path):
    doc = read_file(_with_total(tmp_path, "12345678901234567.25"))
    warned = [p for p in doc.problems if p.line == 223]
    assert warned and "larger or longer than any budget figure" in warned[0].message
    cells = [c for t in doc.tables for r in t.rows for c in r.cells if c.line == 223]
    assert "12345678901234567.25" in [c.text for c in cells]
    assert all(c.value is None or c.value < 10**15 for c in cells)
    assert all(r.value < 10**15 for r in doc.readings)


def test_parse_json_prints_a_batch_holding_a_4300_digit_number(tmp_path, capsys):
    p = _with_total(tmp_path, "9" * 4300)
    code = main(["parse", "--json", str(p), str(seed_path("004"))])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and len(data) == 2
    jsonschema.validate(data, SCHEMA)
