"""The real PDFs of ../shared: known defects are found, a legitimate template is not an error."""

from __future__ import annotations

import pytest

from generator.checks import run_checks
from generator.read.reader import read_file


@pytest.mark.shared
def test_shanghai_final_template_residue_found(shared_dir):
    doc = read_file(str(shared_dir / "pdf" / "shanghai-putuo-guihuaziyuanju-2024-final.pdf"))
    found = run_checks([doc])
    residue = [
        f for f in found if f.rule == "text.template_residue" and "下降（增长）" in f.message
    ]
    assert len(residue) == 1 and residue[0].evidence[0].source.page is not None
    # "增长 13.95。" — a rate printed without its "%"
    assert [f for f in found if f.rule == "text.missing_unit" and "13.95" in f.message]


@pytest.mark.shared
def test_jiangsu_reserve_fund_is_not_an_error(shared_dir):
    doc = read_file(str(shared_dir / "pdf" / "jiangsu-gaoyuan-2017-budget.pdf"))
    found = run_checks([doc])
    rows = [f for f in found if f.rule == "identities.row_equals_columns"]
    assert rows and all(f.severity == "info" for f in rows)
    assert any(f.status == "unverifiable" and "机动经费" in f.message for f in rows)
    assert not [f for f in found if f.rule.startswith("identities.") and f.severity == "error"]
