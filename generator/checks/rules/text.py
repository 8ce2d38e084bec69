"""Defects of the text itself: template residue, placeholders, impossible values, wrong year.

These are the marks of a template filled in carelessly — "增加（减少）" left as printed, a
share written without "%", a head count typed into a percentage cell (348000%), a cost target
ten times smaller than the project it measures, a budget for 2021 that calls its own year 2020.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from generator.checks.evidence import finding, percent_evidence, ref
from generator.checks.model import Evidence
from generator.checks.prose.paragraphs import matches, text_paragraphs
from generator.checks.prose.stated import stated_amount
from generator.checks.registry import rule
from generator.checks.tables.view import tables_with
from generator.model import Document
from generator.read.narrative_terms import indicator_of_label

RESIDUE = re.compile(
    r"增加[（(]减少[)）]|减少[（(]增加[)）]|下降[（(]增长[)）]|增长[（(]下降[)）]|上升[（(]下降[)）]|下降[（(]上升[)）]"
    r"|增加/减少|增长/下降|增[（(]减[)）]|增加减少|减少增加|增长下降|下降增长"
)
NO_REASON = re.compile(r"主要原因(?:是|为|：|:)[：:]?\s*(?:[。；;]|$)")
PLACEHOLDER = re.compile(
    r"[XＸ]{2,}|[×✕]{2,}|x{2,}(?![a-z])|…{2,}|\.{3,}|某某|＊＊|\*\*(?:万元|元|%)"
)
SHARE_NO_PCT = re.compile(
    r"占(?:[^，,。；;\d%％]{0,12}?)(?P<n>\d+(?:\.\d+)?)(?![\d.]|\s*[%％]|\s*(?:万|元|人|个|项|平|亩|家|次|辆|台|套|户|名|年|月|日|倍|分|条|所|张|份|亿))"
)
PERCENT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*[%％]")
COUNT_WORDS = ("人数", "人次", "金额", "数量", "户数", "万元", "资金")
GROWTH_WORDS = ("增长", "增加", "增幅", "比上年", "完成", "执行", "超", "提高", "上升", "较", "比")
OUTDATED = "医疗卫生与计划生育"


@rule(
    "text.template_residue",
    title_zh="模板残留：“增加（减少）”“下降（增长）”、原因空缺",
    title_en="Template residue: 'increase (decrease)', missing reason",
    explanation_zh="说明中保留了模板的可选用词（如“增加（减少）”“下降（增长）”“增加减少”），或“主要原因是”后面没有写原因。",
    explanation_en="The narrative keeps the template's alternatives ('增加（减少）', '下降（增长）', '增加减少') or leaves '主要原因是' without a reason.",
    severity="warning",
)
def template_residue(doc: Document):
    for m, ev in matches(doc, RESIDUE):
        msg = f"说明中残留模板用词“{m.group(0)}”，未按实际情况选择。"
        yield finding("text.template_residue", msg, doc, ev)
    for _m, ev in matches(doc, NO_REASON):
        msg = "说明写了“主要原因是”，但后面没有写原因。"
        yield finding("text.template_residue", msg, doc, ev)


@rule(
    "text.placeholder",
    title_zh="占位符未替换（XX、××、……）",
    title_en="Unreplaced placeholders (XX, ××, …)",
    explanation_zh="说明中出现“XX”“××”“……”“某某”等占位符，说明模板没有填写完整。",
    explanation_en="The narrative contains placeholders such as 'XX', '××', '……' or '某某': the template was not filled in.",
    severity="warning",
)
def placeholder(doc: Document):
    for m, ev in matches(doc, PLACEHOLDER):
        msg = f"说明中有未替换的占位符“{m.group(0)}”。"
        yield finding("text.placeholder", msg, doc, ev)


@rule(
    "text.share_without_percent",
    title_zh="比例缺少“%”",
    title_en="A share written without '%'",
    explanation_zh="“占…”后面的数字没有百分号，读者无法判断是百分比还是金额。",
    explanation_en="A number after '占' (share of) has no percent sign, so the reader cannot tell a percentage from an amount.",
    severity="warning",
)
def share_without_percent(doc: Document):
    for m, ev in matches(doc, SHARE_NO_PCT):
        msg = f"“{m.group(0)}”缺少百分号“%”。"
        yield finding("text.share_without_percent", msg, doc, ev)


def _context(doc: Document, number: int, span: int = 3) -> str:
    texts = []
    for ln in doc.lines:
        if number - span <= ln.number < number and ln.text.strip():
            texts.append(ln.text.strip())
    return " ".join(texts[-span:])


@rule(
    "text.impossible_percentage",
    title_zh="不可能的百分比（如把人数写成百分比）",
    title_en="Impossible percentage (e.g. a head count written as a percentage)",
    explanation_zh="指标值是超过100%的百分比，而指标名称是人数、金额、数量之类，说明把数量误写成了百分比（如参保人数“348000%”）。增长率、完成率可超过100%，不在此列。",
    explanation_en="An indicator value is a percentage above 100 while the indicator is a head count, an amount or a quantity — a number typed as a percentage (e.g. 参保人数 '348000%'). Growth and completion rates may exceed 100 and are not flagged.",
    severity="error",
)
def impossible_percentage(doc: Document):
    for ln in doc.lines:
        if "%" not in ln.text and "％" not in ln.text:
            continue  # most lines print no percentage
        text = ln.text.strip()
        for m in PERCENT.finditer(text):
            value = Decimal(m.group(1))
            if value <= 100:
                continue
            context = (_context(doc, ln.number) + " " + text[: m.start()]).strip()
            own = text[: m.start()]
            if (
                any(w in own for w in GROWTH_WORDS)
                or len(text) > 40
                and not any(w in own for w in COUNT_WORDS)
            ):
                continue
            ev = [percent_evidence(doc, "指标值", ln.number, value, m.group(0))]
            if any(w in context for w in COUNT_WORDS):
                msg = f"指标“{_name(context)}”的值写成“{m.group(0)}”：这是人数或金额之类的数量，不应是百分比。"
                yield finding("text.impossible_percentage", msg, doc, ev)
            elif not any(w in context for w in GROWTH_WORDS):
                msg = f"“{m.group(0)}”超过100%，对该指标而言不可能（上下文：{_name(context)}）。"
                yield finding("text.impossible_percentage", msg, doc, ev, severity="warning")


def _name(context: str) -> str:
    return context.strip()[-30:]


COST = re.compile(r"^[≥≤<>=＜＞]?\s*(\d+(?:\.\d+)?)\s*(万元|元)$")


def _magnitude(ratio: float) -> int | None:
    if ratio <= 0:
        return None
    k = math.log10(ratio)
    near = round(k)
    return near if near != 0 and abs(k - near) < 0.05 else None


@rule(
    "text.unit_magnitude",
    title_zh="单位错位：元与万元、成本指标与项目金额相差10的整数次方倍",
    title_en="Unit slip: 元 vs 万元, a cost target off by a power of ten",
    explanation_zh="说明中的金额与表格正好相差一万倍（元写成万元或相反）为错误；项目的成本指标（如“项目总成本≤250000元”）与该项目金额相差10倍、100倍等整数次方倍时，多半是单位或位数写错，记为警告。",
    explanation_en="A narrative amount exactly 10,000 times a table figure (元 written for 万元 or the reverse) is an error; a project's cost target (e.g. '项目总成本≤250000元') off from the project's amount by a power of ten is most likely a unit or digit slip and is a warning.",
    severity="warning",
)
def unit_magnitude(doc: Document):
    for table in tables_with(doc.tables, ("project_performance", "performance_self_evaluation")):
        amount_col = next(
            (
                j
                for j, c in enumerate(table.columns)
                if any(w in c for w in ("资金总额", "预算数", "项目金额", "项目总金额"))
            ),
            None,
        )
        cost_cols = [j for j, c in enumerate(table.columns) if "成本" in c]
        if amount_col is None or not cost_cols:
            continue
        for row in table.rows:
            if amount_col >= len(row.cells) or row.cells[amount_col].value in (None, 0):
                continue
            amount = row.cells[amount_col]
            unit = (
                "元"
                if "（元）" in table.columns[amount_col] or "(元)" in table.columns[amount_col]
                else "万元"
            )
            amount_wan = amount.value / 10000 if unit == "元" else amount.value
            for j in cost_cols:
                if j >= len(row.cells):
                    continue
                m = COST.match(row.cells[j].text.strip().replace(" ", ""))
                if not m:
                    continue
                cost = Decimal(m.group(1))
                cost_wan = cost / 10000 if m.group(2) == "元" else cost
                k = _magnitude(float(cost_wan / amount_wan)) if cost_wan else None
                if k is None:
                    continue
                ev = [
                    Evidence(
                        label="项目金额",
                        source=ref(doc, amount.line or row.line),
                        value=amount.value,
                        unit=unit,
                        raw=amount.text,
                    ),
                    Evidence(
                        label="成本指标",
                        source=ref(doc, row.cells[j].line or row.line),
                        value=cost,
                        unit=m.group(2),
                        raw=row.cells[j].text,
                    ),
                ]
                factor = f"{10 ** abs(k):,}"
                side = "小" if k < 0 else "大"
                msg = (
                    f"项目“{_row_name(table, row)}”金额{amount.text.strip()}{unit}，成本指标却是"
                    f"“{row.cells[j].text.strip()}”，比项目金额{side}{factor}倍，单位或位数可能写错。"
                )
                yield finding("text.unit_magnitude", msg, doc, ev)


def _row_name(table, row) -> str:
    for j, name in enumerate(table.columns):
        if "名称" in name and j < len(row.cells) and row.cells[j].text.strip():
            return row.cells[j].text.strip()
    texts = [c.text.strip() for c in row.cells if c.value is None and not c.text.strip().isdigit()]
    return max(texts, key=len) if texts else row.label


YEAR = re.compile(r"(20\d\d)\s*年")
COMPARISON = re.compile(
    r"比|较|相比|上年|同比|增加|减少|增长|下降|截至|期末|年末|以前|此前|自\d{4}"
)


@rule(
    "text.wrong_year",
    title_zh="年份写错",
    title_en="Wrong year",
    explanation_zh="表格标题或说明中陈述本年收支金额的句子，写的却是另一个年份（例如2021年预算称“2020年收入总计…”）；比较上年的句子不在此列。",
    explanation_en="A table title, or a narrative sentence stating this year's totals, names another year (e.g. a 2021 budget saying '2020年收入总计…'); sentences comparing with last year are not flagged.",
    severity="warning",
)
def wrong_year(doc: Document):
    year = doc.metadata.year
    if not year or doc.metadata.kind not in ("budget", "final"):
        return
    for t in doc.tables:
        m = YEAR.search(t.title or "")
        if m and int(m.group(1)) != year and t.id and "预算数" not in t.title:
            ev = [Evidence(label="表格标题", source=ref(doc, t.line), raw=t.title)]
            yield finding(
                "text.wrong_year",
                f"{year}年度文件中的表格标题写作“{t.title.strip()}”。",
                doc,
                ev,
            )
    for st in doc.statements:
        if st.kind != "amount" or st.year in (None, year) or indicator_of_label(st.subject) is None:
            continue
        if COMPARISON.search(st.sentence):
            continue
        a = stated_amount(st)
        ev = [
            Evidence(label="原文", source=ref(doc, a.line), value=a.value, unit=a.unit, raw=a.raw)
        ]
        msg = f"{year}年度文件称{st.year}年的“{st.subject}”为{st.raw}，年份与文件年度不符。"
        yield finding("text.wrong_year", msg, doc, ev)


@rule(
    "text.outdated_class_name",
    title_zh="使用已废止的科目名称",
    title_en="Outdated classification name",
    explanation_zh="2018年起支出功能分类210类已改称“卫生健康支出”，之后的文件仍称“医疗卫生与计划生育”，属于用语问题。",
    explanation_en="Since 2018 functional class 210 is called 卫生健康支出; a later document still calling it 医疗卫生与计划生育 uses an outdated name.",
    severity="info",
)
def outdated_class_name(doc: Document):
    if not doc.metadata.year or doc.metadata.year < 2019:
        return
    for p in text_paragraphs(doc):
        k = p.text.find(OUTDATED)
        if k >= 0:
            ev = [Evidence(label="原文", source=ref(doc, p.line_at(k).number), raw=OUTDATED)]
            msg = f"{doc.metadata.year}年度文件仍称“{OUTDATED}”，该类2018年起已改称“卫生健康支出”。"
            yield finding("text.outdated_class_name", msg, doc, ev)


MISSING_UNIT = re.compile(
    r"(?:增加|减少|增长|下降|降低|节约)了?\s*(?P<n>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?![\d.]|,\d)"
    r"(?=\s*(?:[，。；;、]|,(?!\d)|$))"
)


@rule(
    "text.missing_unit",
    title_zh="增减额缺少单位",
    title_en="A change amount without its unit",
    explanation_zh="“较上年增加46.55，”之类的增减数后面没有“万元”“元”或“%”，读者无法知道数字的含义。",
    explanation_en="A change such as '较上年增加46.55，' carries no unit (万元, 元 or %), so the reader cannot tell what the number means.",
    severity="warning",
)
def missing_unit(doc: Document):
    for m, ev in matches(doc, MISSING_UNIT):
        msg = f"“{m.group(0)}”缺少单位（万元、元或%）。"
        yield finding("text.missing_unit", msg, doc, ev)
