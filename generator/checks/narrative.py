"""The narrative (情况说明) against the tables and against its own arithmetic.

An amount the text states for a canonical item must be the table's figure (rounded to the
digits the text prints); a share (占…%) must be the part over the whole the sentence names;
a change (比上年增加…万元，增长…%) must have an amount and a percentage that agree with each
other; a completion rate (完成年初预算的…%) must be 决算 ÷ 预算.
"""

from __future__ import annotations

import re
from decimal import Decimal

from generator.checks.cross_table import evidence_of, show, wan_ulp
from generator.checks.evidence import finding, ref
from generator.checks.figures import SWAPS, Figure, amount_evidence, document_figures, table_figure
from generator.checks.model import Evidence
from generator.checks.registry import rule
from generator.checks.sentences import (
    SHARE,
    Amount,
    Paragraph,
    changes,
    in_fund_context,
    indicator_of_label,
    is_change_label,
    paragraphs,
    percent_interval,
    share_interval,
)
from generator.checks.sums import tname
from generator.checks.tolerance import decimals, fmt, ulp
from generator.model import CANONICAL_INDICATORS, Document


def _is_previous(p: Paragraph, a: Amount) -> bool:
    before = p.text[max(0, a.start - 30) : a.start]
    return bool(
        re.search(r"上年|上一年|较\d{4}|比\d{4}|20\d\d年度?决算数|年初预算数", before[-12:])
    )


@rule(
    "narrative.amount_matches_table",
    title_zh="说明中的金额与表格一致",
    title_en="Amounts in the narrative match the tables",
    explanation_zh="情况说明中写明的收入总计、支出合计、基本支出、人员经费、公用经费、项目支出、“三公”经费等金额，应与对应表格的数字一致（允许按说明所印位数四舍五入）。说明把“本年收入合计”称为“收入总计”时记为警告；相差正好一万倍时记为单位错误（见 text.unit_magnitude）。",
    explanation_en="Amounts the narrative states for canonical items (total income, expenditure, basic, personnel, public, project, three-public costs …) must match the corresponding table figure, allowing rounding to the digits the narrative prints. Calling current-year income 'total income' is a warning; a factor of exactly 10,000 is a unit error (see text.unit_magnitude).",
    severity="error",
)
def amount_matches_table(doc: Document):
    figs = document_figures(doc)
    for p in paragraphs(doc):
        for a in p.amounts:
            ind = indicator_of_label(a.label)
            if ind is None or _is_previous(p, a):
                continue
            if ind != "government_fund" and in_fund_context(p, a):
                continue
            year = re.match(r"\s*(20\d\d)\s*年", a.phrase)
            if year and doc.metadata.year and int(year.group(1)) != doc.metadata.year:
                continue  # another year's figure (text.wrong_year judges the wording)
            fig = table_figure(figs, ind, a.label)
            if fig is None:
                continue
            f = _compare(doc, figs, ind, a, fig)
            if f:
                yield f


def _compare(doc, figs, ind, a: Amount, fig: Figure):
    diff = a.wan - fig.wan
    if abs(diff) <= (a.wan_ulp + wan_ulp(fig)) / 2:
        return None
    name = CANONICAL_INDICATORS.get(ind, ind)
    ev = [amount_evidence(doc, a, f"{name}（情况说明）"), evidence_of(doc, fig, name)]
    said = f"情况说明写“{a.phrase}{a.raw}”"
    table_said = f"{tname(fig.table)}为{show(fig)}"
    if abs(diff) <= a.wan_ulp:
        return finding(
            "narrative.amount_matches_table",
            "info",
            f"{said}，{table_said}，属于四舍五入误差。",
            doc,
            ev,
            "rounding",
            fig.wan,
            diff,
        )
    other = SWAPS.get(ind)
    if other:
        alt = table_figure(figs, other, a.label)
        if alt is not None and abs(a.wan - alt.wan) <= (a.wan_ulp + wan_ulp(alt)) / 2:
            ev.append(evidence_of(doc, alt, CANONICAL_INDICATORS[other]))
            msg = (
                f"{said}，与表中“{CANONICAL_INDICATORS[other]}”{show(alt)}相同，而表中“{name}”为"
                f"{show(fig)}：说明把本年数称作了总计（含结转）。"
            )
            return finding(
                "narrative.amount_matches_table", "warning", msg, doc, ev, "failed", fig.wan, diff
            )
    if fig.wan != 0 and a.wan / fig.wan in (Decimal(10000), Decimal("0.0001")):
        msg = f"{said}，{table_said}，两者正好相差一万倍：说明中的单位（元/万元）写错了。"
        return finding("text.unit_magnitude", "error", msg, doc, ev, "failed", fig.wan, diff)
    msg = f"{said}，但{table_said}，相差{fmt(abs(diff) * (10000 if a.unit == '元' else 1), max(decimals(a.raw), fig.places))}{a.unit}。"
    return finding("narrative.amount_matches_table", "error", msg, doc, ev, "failed", fig.wan, diff)


def _whole_for(doc, figs, p: Paragraph, part: Amount, of: str, parts: set[int]) -> Amount | None:
    """The total a share is "of": named after 占 (占本年支出合计的), else the nearest earlier
    amount in the paragraph that is neither a share's part nor a change."""
    name = of.strip().removesuffix("的")
    if name:
        ind = indicator_of_label(name)
        fig = table_figure(figs, ind, name) if ind else None
        if fig is not None:
            return Amount(
                fig.loc.value,
                fig.unit or "万元",
                fig.loc.cell.text.strip() + (fig.unit or ""),
                0,
                0,
                fig.loc.cell.line or fig.loc.row.line,
                name,
                f"{tname(fig.table)}{name}",
            )
    candidates = [
        a
        for a in p.amounts
        if a.start < part.start and a.start not in parts and not is_change_label(a.label)
    ]
    return candidates[-1] if candidates else None


@rule(
    "narrative.share_recomputed",
    title_zh="“占…%”按说明中的金额重新计算",
    title_en="Stated shares recomputed from the stated amounts",
    explanation_zh="对“X万元，占Y%”的句子，用该句（或段首）的总额重新计算比例。考虑两个金额各自的四舍五入区间：在区间内为一致；相差不超过百分比末位一个单位（常见于凑成100%）为提示；相差不到1个百分点为警告；更大为错误。同一总额的各部分占比相加超过100%（超出各自的舍入范围）也是错误。",
    explanation_en="For 'X 万元, 占 Y%' the share is recomputed against the sentence's (or paragraph's) leading total, using the rounding interval of both amounts. Within the interval it agrees; off by at most one unit of the last printed digit (typical when shares are forced to sum to 100) is info; under one percentage point is a warning; more is an error. Shares of one whole adding up to more than 100% (beyond their rounding) are an error too.",
    severity="error",
)
def share_recomputed(doc: Document):
    figs = document_figures(doc)
    for p in paragraphs(doc):
        shares = []
        for m in SHARE.finditer(p.text):
            part = next((a for a in reversed(p.amounts) if a.end <= m.start()), None)
            if part is not None and m.start() - part.end <= 4:
                shares.append((m, part))
        parts = {part.start for _, part in shares}
        groups: dict[tuple, list] = {}
        for m, part in shares:
            whole = _whole_for(doc, figs, p, part, m.group("of"), parts)
            if whole is None or whole.wan == 0:
                continue
            pct = Decimal(m.group("pct"))
            half = ulp(decimals(m.group("pct"))) / 2
            groups.setdefault((whole.line, whole.raw), []).append((m, part, pct, half))
            lo, hi = share_interval(part, whole)
            if lo - half <= pct <= hi + half:
                continue
            exact = part.wan / whole.wan * 100
            gap = min(abs(pct - lo), abs(pct - hi))
            ev = [
                amount_evidence(doc, part, "部分金额"),
                amount_evidence(doc, whole, "总额"),
                Evidence(
                    label="所称比例",
                    source=ref(doc, p.line_at(m.start())),
                    value=pct,
                    unit="%",
                    raw=m.group(0),
                ),
            ]
            base = (
                f"说明称{part.label}{part.raw}“{m.group(0)}”，按总额{whole.raw}计算应为"
                f"{fmt(exact, 2)}%"
            )
            if gap <= 2 * half:
                yield finding(
                    "narrative.share_recomputed",
                    "info",
                    base + "，差异属于四舍五入（如为凑足100%）。",
                    doc,
                    ev,
                    "rounding",
                    exact,
                    pct - exact,
                )
            else:
                sev = "warning" if gap < 1 else "error"
                yield finding(
                    "narrative.share_recomputed",
                    sev,
                    base + "。",
                    doc,
                    ev,
                    "failed",
                    exact,
                    pct - exact,
                )
        yield from _shares_over_hundred(doc, p, groups)


NEGATIVE_CHANGE = re.compile(
    r"(增加|增长|上升|减少|下降|降低)了?\s*[-－—]\s*\d[\d,.]*\s*(?:万元|元|%|％)?"
)


def _change_evidence(doc, c) -> list[Evidence]:
    ev = [amount_evidence(doc, c.current, "本年数"), amount_evidence(doc, c.amount, "增减额")]
    ev.append(
        Evidence(
            label="增减率",
            source=ref(doc, c.percent_line),
            value=c.percent,
            unit="%",
            raw=f"{c.percent_raw}%",
        )
    )
    return ev


def _shares_over_hundred(doc: Document, p: Paragraph, groups: dict[tuple, list]):
    """Shares of one whole cannot add up to more than 100% (beyond their rounding)."""
    for items in groups.values():
        if len(items) < 2:
            continue
        total = sum((pct for _, _, pct, _ in items), Decimal(0))
        slack = sum((half for _, _, _, half in items), Decimal(0))
        if total > 100 + slack:
            ev = [
                Evidence(
                    label="所称比例",
                    source=ref(doc, p.line_at(m.start())),
                    value=pct,
                    unit="%",
                    raw=m.group(0),
                )
                for m, _, pct, _ in items
            ]
            msg = f"说明中同一总额的各部分占比相加为{fmt(total, 2)}%，超过100%。"
            yield finding(
                "narrative.share_recomputed",
                "error",
                msg,
                doc,
                ev,
                "failed",
                Decimal(100),
                total - 100,
            )


@rule(
    "narrative.change_consistent",
    title_zh="“比上年增加…万元，增长…%”：增减额与增减率互相吻合",
    title_en="Year-on-year change: the stated amount and percentage agree",
    explanation_zh="由本年数和增减额推出上年数（或年初预算数），再计算增减率，与所称百分比比较（考虑各数的四舍五入区间）。用词与方向矛盾（如“增加…下降…%”）为错误；上年数为零时增长率无从计算，只作提示。这是增长率，不是完成率。",
    explanation_en="From the current figure and the stated change the base (last year, or the initial budget) is derived and the growth rate recomputed and compared with the stated percentage, within the rounding interval of each figure. Contradictory wording ('increased … fell …%') is an error; a zero base makes a growth rate meaningless and is reported as info. This is a growth rate, not a completion rate.",
    severity="error",
)
def change_consistent(doc: Document):
    for p in paragraphs(doc):
        for m in NEGATIVE_CHANGE.finditer(p.text):
            ev = [Evidence(label="原文", source=ref(doc, p.line_at(m.start())), raw=m.group(0))]
            msg = f"说明写“{m.group(0)}”：用“{m.group(1)}”却跟着负数，增减方向自相矛盾。"
            yield finding("narrative.change_consistent", "error", msg, doc, ev)
    for c in changes(doc):
        if c.current is None:
            continue
        ev = _change_evidence(doc, c)
        said = f"说明称“{c.current.phrase}{c.current.raw}”，“{c.text}”"
        if not c.words_agree:
            yield finding(
                "narrative.change_consistent",
                "error",
                f"{said}：增减额与增减率的方向用词相反。",
                doc,
                ev,
            )
            continue
        base = c.previous
        if base is not None and base <= 0 or (base is not None and abs(base) < c.amount.wan_ulp):
            if c.percent != 0:
                msg = f"{said}：由此推算上年（或预算）数为零，增长率无法计算，文中的{c.percent_raw}%无从核实。"
                yield finding("narrative.change_consistent", "info", msg, doc, ev, "unverifiable")
            continue
        rng = percent_interval(c)
        if rng is None:
            continue
        lo, hi = rng
        half = ulp(decimals(c.percent_raw)) / 2
        if lo - half <= c.percent <= hi + half:
            continue
        exact = c.amount.wan / base * 100
        gap = min(abs(c.percent - lo), abs(c.percent - hi))
        msg = f"{said}：推算基数为{fmt(base * (10000 if c.amount.unit == '元' else 1), 2)}{c.amount.unit}，增减率应为{fmt(exact, 2)}%。"
        if gap <= 2 * half:
            yield finding(
                "narrative.change_consistent",
                "info",
                msg,
                doc,
                ev,
                "rounding",
                exact,
                c.percent - exact,
            )
        else:
            sev = "warning" if gap < Decimal("0.5") else "error"
            yield finding(
                "narrative.change_consistent", sev, msg, doc, ev, "failed", exact, c.percent - exact
            )


@rule(
    "narrative.balanced_changes",
    title_zh="收入总计与支出总计的增减额应相同",
    title_en="Total income and total expenditure change by the same amount",
    explanation_zh="预算收支平衡：本年收入总计等于支出总计，上年也相等，所以两者“比上年增加”的金额必须相同；说明中两者本年相等而增减额不同，即自相矛盾。",
    explanation_en="A budget balances: total income equals total expenditure this year and last year, so their year-on-year changes must be equal. If the narrative gives equal totals but different changes, it contradicts itself.",
    severity="error",
)
def balanced_changes(doc: Document):
    found = {}
    for c in changes(doc):
        if c.current is None:
            continue
        ind = indicator_of_label(c.current.label)
        if ind in ("income_total", "expenditure_total"):
            found.setdefault((id(c.paragraph), ind), c)
    for (pid, ind), inc in list(found.items()):
        if ind != "income_total" or (pid, "expenditure_total") not in found:
            continue
        exp = found[(pid, "expenditure_total")]
        if inc.current.wan != exp.current.wan:
            continue
        a, b = (
            (inc.amount.wan if inc.increase else -inc.amount.wan),
            (exp.amount.wan if exp.increase else -exp.amount.wan),
        )
        if a == b:
            continue
        ev = _change_evidence(doc, inc) + _change_evidence(doc, exp)
        msg = (
            f"说明中收入总计与支出总计本年同为{inc.current.raw}，但收入总计“{inc.text}”，支出总计“{exp.text}”："
            f"按此推算上年收入总计{fmt(inc.previous, 2)}万元与支出总计{fmt(exp.previous, 2)}万元不相等，两个增减数至少有一个是错的。"
        )
        yield finding("narrative.balanced_changes", "error", msg, doc, ev, "failed", None, a - b)


COMPLETION = re.compile(
    r"(?:年初)?预算(?:数)?为\s*(?P<b>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?P<bu>万元|元)[，,]\s*"
    r"(?:支出)?决算(?:数)?为\s*(?P<f>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?P<fu>万元|元)[，,]\s*"
    r"完成(?:年初)?预算的\s*(?P<pct>\d+(?:\.\d+)?)\s*[%％](?P<rest>[^。]{0,40})"
)


@rule(
    "narrative.completion_rate",
    title_zh="完成率 = 决算数 ÷ 年初预算数",
    title_en="Completion rate = final ÷ initial budget",
    explanation_zh="“年初预算为A，决算为B，完成年初预算的C%”中，C应等于B÷A（允许四舍五入）；随后写“决算数大于（小于）预算数”的，应与A、B的大小一致。",
    explanation_en="In 'initial budget A, final B, C% of the initial budget', C must equal B ÷ A (allowing rounding); a following 'final exceeds (falls short of) budget' must agree with A and B.",
    severity="error",
)
def completion_rate(doc: Document):
    for p in paragraphs(doc):
        by_start = {a.start: a for a in p.amounts}
        for m in COMPLETION.finditer(p.text):
            b, f = by_start.get(m.start("b")), by_start.get(m.start("f"))
            if b is None or f is None or b.wan == 0:
                continue
            pct = Decimal(m.group("pct"))
            ev = [
                amount_evidence(doc, b, "年初预算数"),
                amount_evidence(doc, f, "决算数"),
                Evidence(
                    label="完成率",
                    source=ref(doc, p.line_at(m.start("pct"))),
                    value=pct,
                    unit="%",
                    raw=m.group("pct") + "%",
                ),
            ]
            exact = f.wan / b.wan * 100
            half = ulp(decimals(m.group("pct"))) / 2
            slack = exact * (b.wan_ulp / b.wan + f.wan_ulp / max(f.wan, b.wan_ulp)) + half
            if abs(pct - exact) > slack:
                rounding = abs(pct - exact) <= slack + 2 * half
                sev = "info" if rounding else "error" if abs(pct - exact) > 1 else "warning"
                msg = f"说明称年初预算{b.raw}、决算{f.raw}，“完成年初预算的{m.group('pct')}%”，按两数计算应为{fmt(exact, 2)}%"
                msg += "，差异属于舍入（截尾）误差。" if rounding else "。"
                status = "rounding" if rounding else "failed"
                yield finding(
                    "narrative.completion_rate", sev, msg, doc, ev, status, exact, pct - exact
                )
            rest = p.text[m.end("pct") : m.end("pct") + 30].lstrip("%％。，, ")
            rest = rest.split("主要原因")[0]
            bigger = "大于" in rest or "超" in rest
            smaller = "小于" in rest or "未完成" in rest
            if bigger and f.wan < b.wan or smaller and f.wan > b.wan:
                msg = f"说明称决算{f.raw}、年初预算{b.raw}，却解释“{rest.strip('，,')}”：用词与数字的大小相反。"
                yield finding("narrative.completion_rate", "error", msg, doc, ev)


SIBLINGS = {
    "basic_expenditure": ("project_expenditure",),
    "project_expenditure": ("basic_expenditure",),
    "income_total": ("expenditure_total", "expenditure_current_year"),
    "income_current_year": ("expenditure_total", "expenditure_current_year"),
    "expenditure_total": ("income_total", "income_current_year"),
    "expenditure_current_year": ("income_total", "income_current_year"),
}


@rule(
    "narrative.parts_exceed_total",
    title_zh="“其中”各项之和不应超过总数",
    title_en="The parts listed after 其中 cannot exceed the total",
    explanation_zh="“总额X，其中：A、B、C……”列出的各项金额之和超过X，说明总额或某一分项写错（只列部分项目时和小于总额是正常的）。",
    explanation_en="When the amounts listed after '其中' add up to more than the total they belong to, the total or a part is wrong (a partial list adding up to less is normal).",
    severity="error",
)
def parts_exceed_total(doc: Document):
    for p in paragraphs(doc):
        k = p.text.find("其中")
        while k >= 0:
            total = next((a for a in reversed(p.amounts) if a.end <= k), None)
            end = p.text.find("。", k)
            end = len(p.text) if end < 0 else end
            nxt = p.text.find("其中", k + 2)
            end = min(end, nxt) if nxt > 0 else end
            siblings = SIBLINGS.get(indicator_of_label(total.label) if total else "", ())
            parts = []
            for a in p.amounts:
                if not k < a.start < end or is_change_label(a.label):
                    continue
                if indicator_of_label(a.label) in siblings or (total and a.unit != total.unit):
                    break
                parts.append(a)
            if total is not None and len(parts) >= 2 and p.text.rfind("。", total.end, k) < 0:
                s = sum((a.wan for a in parts), Decimal(0))
                slack = sum((a.wan_ulp for a in parts), total.wan_ulp)
                if s > total.wan + slack:
                    ev = [amount_evidence(doc, total, "总额")] + [
                        amount_evidence(doc, a, a.label or "分项") for a in parts
                    ]
                    msg = f"说明称“{total.phrase}{total.raw}”，其后“其中”所列各项之和为{fmt(s, 2)}万元，超过了总额。"
                    yield finding(
                        "narrative.parts_exceed_total",
                        "error",
                        msg,
                        doc,
                        ev,
                        "failed",
                        total.wan,
                        s - total.wan,
                    )
            k = p.text.find("其中", k + 2)
