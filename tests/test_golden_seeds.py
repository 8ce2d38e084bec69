"""The five seed disclosures against expectations written by reading them (tests/golden/).

The golden files were written by a person reading each source document line by line, never
from parser output, so they are an independent check of the reader: every figure, its line
and its origin. A mismatch means either the reader is wrong or the golden is; the golden
files cite the source lines and explain each judgement in their "notes" so that the answer
can be found by re-reading the document, not by trusting whichever side is newer.

Each test reports every mismatch of a seed in one message, so one run shows the whole gap.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from conftest import SEEDS, seed_path

from generator.model import CANONICAL_INDICATORS, Document
from generator.model_json import to_jsonable

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
KEYS = sorted(p.stem.removeprefix("seed_") for p in GOLDEN_DIR.glob("seed_*.json"))
KNOWN_UNITS = {"元", "万元"}
# The standard table ids of the brief: a golden file may only name these.
STANDARD_TABLES = {
    "income_expenditure_summary",
    "income",
    "expenditure",
    "fiscal_summary",
    "fiscal_expenditure",
    "general_budget_expenditure",
    "general_budget_basic",
    "economic_summary",
    "three_public",
    "government_fund",
    "state_capital",
    "organ_operating",
    "procurement",
    "project_expenditure",
    "overall_performance",
    "project_performance",
    "performance_self_evaluation",
    "assets",
    "organization",
}
TEN_THOUSAND = Decimal(10000)


def golden(key: str) -> dict[str, Any]:
    return json.loads((GOLDEN_DIR / f"seed_{key}.json").read_text(encoding="utf-8"))


@cache
def parsed(key: str) -> Document:
    # Imported here so that the golden self-checks run even before the reader exists.
    from generator.read.reader import read_file

    return read_file(str(seed_path(key)))


@cache
def source_lines(key: str) -> list[str]:
    """The seed's lines as published (1-based: index 0 is line 1)."""
    return seed_path(key).read_bytes().decode("utf-8").split("\n")


def squash(text: str | None) -> str | None:
    """Names and codes are compared without whitespace: wrapped cells insert spaces."""
    return None if text is None else re.sub(r"\s+", "", text)


def printed_number(printed: str) -> Decimal:
    return Decimal(re.sub(r"[^0-9.\-]", "", printed))


def expected_from_printed(printed: str, origin: str, table_unit: str) -> Decimal:
    """The 万元 value a printed figure stands for (元 figures are divided by 10,000)."""
    number = printed_number(printed)
    if origin == "narrative":
        in_yuan = printed.endswith("元") and not printed.endswith("万元")
    else:
        in_yuan = table_unit == "元"
    return number / TEN_THOUSAND if in_yuan else number


def fail_if(problems: list[str], key: str, what: str) -> None:
    if problems:
        pytest.fail(f"seed {key}: {len(problems)} {what} mismatch(es):\n  " + "\n  ".join(problems))


# --- the golden files against their source documents (no parser involved) -----------------


@pytest.mark.parametrize("key", KEYS)
def test_golden_cites_its_source(key: str) -> None:
    """Every cited line really prints the figure, name or term the golden file says."""
    gold = golden(key)
    lines = source_lines(key)
    unit = gold["metadata"]["units"][0]
    problems: list[str] = []
    assert gold["seed"] == key and gold["file"] == SEEDS[key]

    def check(where: str, line: int, printed: str, origin: str, value: str) -> None:
        text = lines[line - 1]
        if origin == "table":
            cells = [c.strip() for c in re.split(r"[\t]| {1,}", text)]
            found = printed in cells
        else:
            found = printed in text
        if not found:
            problems.append(f"{where}: line {line} does not print {printed!r}: {text[:80]!r}")
        if Decimal(value) != expected_from_printed(printed, origin, unit):
            problems.append(f"{where}: value {value} is not {printed!r} in 万元")

    unknown = set(gold["tables"] + gold["toc_tables_missing"]) - STANDARD_TABLES
    if unknown:
        problems.append(f"unknown table ids {sorted(unknown)}")
    for ind_id, ind in gold["indicators"].items():
        assert ind_id in CANONICAL_INDICATORS, ind_id
        check(ind_id, ind["line"], ind["printed"], ind["origin"], ind["value"])
        for other in ind.get("also", []):
            check(
                f"{ind_id} (also)", other["line"], other["printed"], other["origin"], other["value"]
            )
    for ind_id, prev in gold["previous_year"].items():
        if prev["value"] not in lines[prev["line"] - 1]:
            problems.append(f"previous {ind_id}: line {prev['line']} lacks {prev['value']}")
    for project in gold["projects"]:
        if squash(project["name"]) not in squash(lines[project["line"] - 1]):
            problems.append(f"project {project['name']}: not on line {project['line']}")
    text = "\n".join(lines)
    for term in gold["glossary"]:
        if not re.search(rf"^\S*?{re.escape(term)}[：:]", text, re.M):
            problems.append(f"glossary term {term!r} is not defined as 'term：' at a line start")
    fail_if(problems, key, "golden-vs-source")


# --- the reader's output against the golden files -------------------------------------------


@pytest.mark.parametrize("key", KEYS)
def test_metadata(key: str) -> None:
    expected = golden(key)["metadata"]
    meta = parsed(key).metadata
    problems = [
        f"{name}: expected {want!r}, parsed {getattr(meta, name)!r}"
        for name, want in expected.items()
        if name != "units" and getattr(meta, name) != want
    ]
    units = meta.units
    # The main unit must come first; a unit printed in a column header (项目资金（万元）) may follow.
    if not units or units[0] != expected["units"][0] or not set(expected["units"]) <= set(units):
        problems.append(f"units: expected {expected['units']} first, parsed {units}")
    if set(units) - KNOWN_UNITS:
        problems.append(f"units: unknown unit(s) {sorted(set(units) - KNOWN_UNITS)} in {units}")
    fail_if(problems, key, "metadata")


@pytest.mark.parametrize("key", KEYS)
def test_indicators(key: str) -> None:
    """Value, line and origin of every stated indicator; nothing the document does not state."""
    expected = golden(key)["indicators"]
    doc = parsed(key)
    problems: list[str] = []
    for ind_id, want in expected.items():
        got = doc.indicators.get(ind_id)
        if got is None:
            problems.append(
                f"{ind_id}: missing (document prints {want['printed']!r} on line {want['line']})"
            )
            continue
        if got.value != Decimal(want["value"]):
            problems.append(f"{ind_id}: value {got.value} != {want['value']} (line {want['line']})")
        if got.source.line != want["line"]:
            problems.append(f"{ind_id}: line {got.source.line} != {want['line']}")
        if got.origin != want["origin"]:
            problems.append(
                f"{ind_id}: origin {got.origin} != {want['origin']} (line {want['line']})"
            )
    for ind_id, got in doc.indicators.items():
        if ind_id in CANONICAL_INDICATORS and ind_id not in expected:
            problems.append(
                f"{ind_id}: parsed {got.value} from line {got.source.line} ({got.raw!r}) "
                "but the document does not state it (absent is not 0)"
            )
    fail_if(problems, key, "indicator")


@pytest.mark.parametrize("key", KEYS)
def test_narrative_readings(key: str) -> None:
    """The narrative repeats of a figure (and its contradictions) are kept beside the table's."""
    doc = parsed(key)
    problems: list[str] = []
    for ind_id, want in golden(key)["indicators"].items():
        for other in want.get("also", []):
            if other["origin"] != "narrative":
                continue
            if not any(
                r.id == ind_id
                and r.origin == "narrative"
                and r.source.line == other["line"]
                and r.value == Decimal(other["value"])
                for r in doc.readings
            ):
                problems.append(
                    f"{ind_id}: no narrative reading {other['value']} on line {other['line']}"
                )
    fail_if(problems, key, "narrative reading")


@pytest.mark.parametrize("key", KEYS)
def test_previous_year(key: str) -> None:
    doc = parsed(key)
    problems = [
        f"{ind_id}: no previous-year reading {want['value']} on line {want['line']}"
        for ind_id, want in golden(key)["previous_year"].items()
        if not any(
            r.id == ind_id
            and r.period == "previous"
            and r.value == Decimal(want["value"])
            and r.source.line == want["line"]
            for r in doc.readings
        )
    ]
    fail_if(problems, key, "previous-year")


@pytest.mark.parametrize("key", KEYS)
def test_tables_and_toc(key: str) -> None:
    gold = golden(key)
    doc = parsed(key)
    found = {t.id for t in doc.tables if t.id}
    problems = [f"table {tid} not found" for tid in gold["tables"] if tid not in found]
    for tid in gold["toc_tables_missing"]:
        if tid in found:
            problems.append(f"table {tid} is listed as missing from the body but was found")
        entries = [e for e in doc.toc if e.table_id == tid]
        if not entries:
            problems.append(f"目录 entry for {tid} not read")
        problems += [
            f"目录 entry {e.title!r} (line {e.line}): found={e.found}, expected False"
            for e in entries
            if e.found is not False
        ]
    for entry in doc.toc:
        if entry.table_id in gold["tables"] and entry.found is not True:
            problems.append(
                f"目录 entry {entry.title!r} (line {entry.line}): found={entry.found}, expected True"
            )
    fail_if(problems, key, "table")


@pytest.mark.parametrize("key", KEYS)
def test_projects(key: str) -> None:
    """Every project once, with its amount in 万元 and its code where one is printed."""
    gold_projects = golden(key)["projects"]
    doc = parsed(key)

    def ident(name: str | None, amount: Decimal | None) -> tuple[str | None, Decimal | None]:
        return squash(name), amount

    want = Counter(ident(p["name"], Decimal(p["amount"])) for p in gold_projects)
    got = Counter(ident(p.name, p.amount) for p in doc.projects)
    problems = [f"missing project {n} ({a} 万元) x{c}" for (n, a), c in (want - got).items()]
    problems += [f"unexpected project {n} ({a}) x{c}" for (n, a), c in (got - want).items()]
    for p in gold_projects:
        if p["code"] is None:
            continue
        codes = {
            squash(q.code)
            for q in doc.projects
            if ident(q.name, q.amount) == ident(p["name"], Decimal(p["amount"]))
        }
        if codes and codes != {p["code"]}:
            problems.append(f"project {p['name']}: code {sorted(map(str, codes))} != {p['code']}")
    fail_if(problems, key, "project")


@pytest.mark.parametrize("key", KEYS)
def test_glossary(key: str) -> None:
    want = golden(key)["glossary"]
    got = [squash(e.term) for e in parsed(key).glossary]
    if got != [squash(t) for t in want]:
        pytest.fail(f"seed {key}: glossary terms\n  expected {want}\n  parsed   {got}")


def without_path(data: Any, path: str) -> Any:
    """The JSON with every occurrence of the input path blanked (source, SourceRef.file, ...)."""
    if isinstance(data, dict):
        return {k: without_path(v, path) for k, v in data.items()}
    if isinstance(data, list):
        return [without_path(v, path) for v in data]
    return "<source>" if data == path else data


@pytest.mark.shared
@pytest.mark.parametrize("key", KEYS)
def test_shared_copy_reads_the_same(key: str, shared_dir: Path) -> None:
    """Identical bytes give identical output, wherever the file lives and whatever it is called."""
    from generator.read.reader import read_file

    (shared,) = sorted((shared_dir / "seeds").glob(f"{key}_*.txt"))
    assert shared.read_bytes() == seed_path(key).read_bytes()
    embedded_doc = parsed(key)
    shared_doc = read_file(str(shared))
    embedded = without_path(to_jsonable(embedded_doc), str(seed_path(key)))
    other = without_path(to_jsonable(shared_doc), str(shared))
    assert json.dumps(other, ensure_ascii=False, sort_keys=True) == json.dumps(
        embedded, ensure_ascii=False, sort_keys=True
    )
