import json
from pathlib import Path

import jsonschema
from conftest import ROOT, SEEDS, seed_path

from generator.cli import main

SCHEMA = json.loads((ROOT / "generator" / "document.schema.json").read_text(encoding="utf-8"))


def _run(capsys, *args):
    code = main(["parse", *map(str, args)])
    return code, capsys.readouterr().out


def test_json_one_file_is_an_object(capsys):
    code, out = _run(capsys, "--json", seed_path("001"))
    data = json.loads(out)
    assert code == 0 and isinstance(data, dict)
    assert data["department"] == "滑县医疗保障局" and data["year"] == 2024
    r = data["indicators"]["income_total"]
    assert r["value"] == 23278.1 and r["unit"] == "万元"
    assert r["source"] == {
        "line": 223,
        "page": None,
        "text": "收入总计\t23,278.10\t支出总计\t23,278.10",
    }


def test_json_values_in_wan_from_yuan(capsys):
    _, out = _run(capsys, "--json", seed_path("004"))
    data = json.loads(out)
    assert data["indicators"]["income_current_year"]["value"] == 430.008506
    assert data["indicators"]["income_current_year"]["printed"] == "4300085.06"
    assert data["units"] == ["元"]


def test_all_seeds_validate_against_the_schema(capsys):
    code, out = _run(capsys, "--json", *[seed_path(k) for k in sorted(SEEDS)])
    data = json.loads(out)
    assert code == 0 and isinstance(data, list) and len(data) == len(SEEDS)
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.validate(data, SCHEMA, cls=jsonschema.Draft202012Validator)
    assert [d["failed"] for d in data] == [False] * len(SEEDS)


def test_bad_file_among_good_ones(capsys, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    code, out = _run(capsys, "--json", seed_path("000"), bad, seed_path("003"))
    data = json.loads(out)
    assert code != 0
    assert [d["failed"] for d in data] == [False, True, False]
    assert data[1]["problems"][0]["severity"] == "error"
    assert data[2]["department"] == "秦皇岛市北戴河区医疗保障局"
    jsonschema.validate(data, SCHEMA, cls=jsonschema.Draft202012Validator)


def test_human_summary(capsys, tmp_path):
    missing = tmp_path / "missing.txt"
    code, out = _run(capsys, seed_path("004"), missing)
    assert code == 1
    assert "固原市医疗保障局" in out and "income_total" in out and "430.714456" in out
    assert "FAILED" in out and str(missing) in out


def test_no_html_in_json(capsys):
    _, out = _run(capsys, "--json", seed_path("002"))
    assert "<p>" not in out and "<ol" not in out
    assert Path(seed_path("002")).read_text(encoding="utf-8").count("<p>") > 0


def test_toc_entries_say_whether_the_table_is_in_the_body(capsys):
    _, out = _run(capsys, "--json", seed_path("002"))
    toc = {e["table_id"]: e["found"] for e in json.loads(out)["toc"] if e["table_id"]}
    assert toc["income_expenditure_summary"] is False and toc["general_budget_basic"] is False
    assert toc["expenditure"] is True and toc["three_public"] is True
    _, out = _run(capsys, seed_path("002"))
    assert "listed in the 目录 but absent" in out and "部门收支总体情况表" in out
