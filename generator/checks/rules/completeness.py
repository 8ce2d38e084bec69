"""Whether a disclosure publishes what it must, and says so when a table is empty.

地方预决算公开操作规程 (财预〔2016〕143号) and the 财政部 templates fix the standard tables: a
department budget publishes at least the eight tables below, a final account 公开01–09. A
table listed in the 目录 but absent from the body, a table left empty without the required
statement, and an "empty" statement printed above a table that has figures are findings.
"""

from __future__ import annotations

import re

from generator.checks.evidence import finding, ref
from generator.checks.model import Evidence
from generator.checks.prose.paragraphs import text_paragraphs
from generator.checks.registry import rule
from generator.checks.tables.view import tables_with
from generator.model import KIND_ZH, Document, Table

REQUIRED: dict[str, dict[str, str]] = {
    "budget": {
        "income_expenditure_summary": "部门收支总体情况表",
        "income": "部门收入总体情况表",
        "expenditure": "部门支出总体情况表",
        "fiscal_summary": "财政拨款收支总体情况表",
        "general_budget_expenditure": "一般公共预算支出情况表",
        "general_budget_basic": "一般公共预算基本支出表",
        "three_public": "一般公共预算“三公”经费支出情况表",
        "government_fund": "政府性基金预算支出情况表",
    },
    "final": {
        "income_expenditure_summary": "收入支出决算总表（公开01表）",
        "income": "收入决算表（公开02表）",
        "expenditure": "支出决算表（公开03表）",
        "fiscal_summary": "财政拨款收入支出决算总表（公开04表）",
        "general_budget_expenditure": "一般公共预算财政拨款支出决算表（公开05表）",
        "general_budget_basic": "一般公共预算财政拨款基本支出决算表（公开06表）",
        "three_public": "一般公共预算财政拨款“三公”经费支出决算表（公开07表）",
        "government_fund": "政府性基金预算财政拨款收入支出决算表（公开08表）",
        "state_capital": "国有资本经营预算财政拨款支出决算表（公开09表）",
    },
}
EMPTY = re.compile(
    r"本表无数据|空表列示|本表为空|故本表无|无数据|空表|本(?:部门|单位)?无[^，。；]{0,16}(?:预算|支出|收入|经费)"
)
SUBJECT = {
    "government_fund": "政府性基金",
    "state_capital": "国有资本",
    "three_public": "三公",
    "procurement": "政府采购",
}
ZERO = re.compile(r"(?<![\d.,])0(?:\.0+)?\s*(?:万元|元)")
FISCAL_TABLES = set(REQUIRED["final"]) | {
    "procurement",
    "organ_operating",
    "fiscal_expenditure",
    "economic_summary",
}


def present(doc: Document) -> set[str]:
    return {t.id for t in doc.tables if t.id}


def completeness_score(doc: Document) -> float | None:
    """Share of the required standard tables the document publishes (None: not applicable)."""
    required = REQUIRED.get(doc.metadata.kind or "")
    if not required:
        return None
    return len(set(required) & present(doc)) / len(required)


@rule(
    "completeness.toc_table_missing",
    title_zh="目录列出的表格正文中没有",
    title_en="A table listed in the table of contents is missing from the body",
    explanation_zh="目录中列出某张表，但正文中找不到这张表。",
    explanation_en="The table of contents lists a table that the body does not contain.",
    severity="warning",
)
def toc_table_missing(doc: Document):
    for entry in doc.toc:
        if entry.found is False:
            ev = [Evidence(label="目录条目", source=ref(doc, entry.line), raw=entry.title)]
            msg = f"目录列出“{entry.title.strip()}”，但正文中没有这张表。"
            yield finding("completeness.toc_table_missing", msg, doc, ev)


@rule(
    "completeness.required_tables",
    title_zh="缺少规定必须公开的表格",
    title_en="A standard table the rules require is not published",
    explanation_zh="按《地方预决算公开操作规程》和财政部公开模板，部门预算至少公开收支总表、收入表、支出表、财政拨款收支总表、一般公共预算支出表、一般公共预算基本支出表、“三公”经费表、政府性基金预算支出表；部门决算公开01至09表。没有数据的表也应公开并说明。",
    explanation_en="Under the local budget disclosure rules and the Ministry of Finance templates a department budget publishes at least the summary, income, spending, fiscal summary, general-budget spending, basic-spending, three-public-costs and government-fund tables; final accounts publish tables 01–09. A table without data must still be published with a statement.",
    severity="warning",
)
def required_tables(doc: Document):
    required = REQUIRED.get(doc.metadata.kind or "")
    if not required:
        return
    have = present(doc)
    for tid, name in required.items():
        if tid not in have:
            kind = KIND_ZH["budget" if doc.metadata.kind == "budget" else "final"]
            yield finding(
                "completeness.required_tables",
                f"{kind}应公开的《{name}》在文件中没有找到。",
                doc,
            )


def _has_figures(table: Table) -> bool:
    return any(c.value is not None for r in table.rows for c in r.cells)


def _has_nonzero(table: Table) -> bool:
    return any(c.value not in (None, 0) for r in table.rows for c in r.cells)


def _statement(doc: Document, table: Table) -> tuple[str, int] | None:
    if table.empty_statement:
        return table.empty_statement, table.end_line or table.line
    for note in table.notes:
        if EMPTY.search(note):
            return note, table.end_line or table.line
    lo, hi = table.line - 3, (table.end_line or table.line) + 3
    for ln in doc.lines:
        if lo <= ln.number <= hi and EMPTY.search(ln.text) and "\t" not in ln.text:
            return ln.text.strip(), ln.number
    word = SUBJECT.get(table.id or "")
    for p in text_paragraphs(doc) if word else ():
        # "政府性基金支出预算支出 0 万元" in the 情况说明 also tells the reader the table is empty
        k = p.text.find(word)
        if k >= 0 and (ZERO.search(p.text, k) or re.search(r"无[^，。；]{0,12}" + word, p.text)):
            return p.text, p.starts[0][1].number
    return None


@rule(
    "completeness.empty_table_statement",
    title_zh="空表须说明；有数据的表不应称“无数据”",
    title_en="An empty table needs a statement; a table with figures must not claim to be empty",
    explanation_zh="没有任何数字的公开表，应在表旁注明“本表无数据”之类的说明；反过来，表旁写着“无数据/空表”，表中却有非零数字，属于自相矛盾。",
    explanation_en="A published table without any figures must carry a statement such as '本表无数据'; a table printed with such a statement that nevertheless holds non-zero figures contradicts itself.",
    severity="error",
)
def empty_table_statement(doc: Document):
    for table in tables_with(doc.tables, FISCAL_TABLES):
        said = _statement(doc, table)
        if not _has_figures(table) and said is None:
            ev = [Evidence(label="表格标题", source=ref(doc, table.line), raw=table.title)]
            msg = f"《{table.title.strip()}》没有任何数字，也没有“本表无数据”之类的说明。"
            yield finding("completeness.empty_table_statement", msg, doc, ev, severity="warning")
        elif said is not None and _has_nonzero(table) and table.empty_statement is not None:
            text, line = said
            ev = [
                Evidence(label="表格标题", source=ref(doc, table.line), raw=table.title),
                Evidence(label="空表说明", source=ref(doc, line), raw=text),
            ]
            msg = f"《{table.title.strip()}》旁写着“{text.strip()}”，表中却有非零数字。"
            yield finding("completeness.empty_table_statement", msg, doc, ev)
