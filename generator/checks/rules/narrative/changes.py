"""Changes and completion rates in the narrative, checked against their own figures.

"比上年增加A万元，增长p%" must have an amount and a percentage that agree with each other
and with the current figure; income and expenditure totals must change by the same amount;
"完成年初预算的C%" must be 决算 ÷ 预算.
"""

from __future__ import annotations

import re
from decimal import Decimal

from generator.checks.evidence import finding, percent_evidence, percent_finding
from generator.checks.model import Evidence
from generator.checks.prose.changes import changes, percent_interval
from generator.checks.prose.paragraphs import matches
from generator.checks.prose.stated import completions
from generator.checks.registry import rule
from generator.checks.tables.figures import amount_evidence
from generator.checks.tolerance import decimals, fmt, ulp
from generator.model import Document
from generator.read.narrative_terms import indicator_of_label

NEGATIVE_CHANGE = re.compile(
    r"(增加|增长|上升|减少|下降|降低)了?\s*[-－—]\s*\d[\d,.]*\s*(?:万元|元|%|％)?"
)


def _change_evidence(doc, c) -> list[Evidence]:
    ev = [amount_evidence(doc, c.current, "本年数"), amount_evidence(doc, c.amount, "增减额")]
    ev.append(percent_evidence(doc, "增减率", c.percent_line, c.percent, f"{c.percent_raw}%"))
    return ev


@rule(
    "narrative.change_consistent",
    title_zh="“比上年增加…万元，增长…%”：增减额与增减率互相吻合",
    title_en="Year-on-year change: the stated amount and percentage agree",
    explanation_zh="由本年数和增减额推出上年数（或年初预算数），再计算增减率，与所称百分比比较（考虑各数的四舍五入区间）。用词与方向矛盾（如“增加…下降…%”）为错误；上年数为零时增长率无从计算，只作提示。这是增长率，不是完成率。",
    explanation_en="From the current figure and the stated change the base (last year, or the initial budget) is derived and the growth rate recomputed and compared with the stated percentage, within the rounding interval of each figure. Contradictory wording ('increased … fell …%') is an error; a zero base makes a growth rate meaningless and is reported as info. This is a growth rate, not a completion rate.",
    severity="error",
)
def change_consistent(doc: Document):
    for m, ev in matches(doc, NEGATIVE_CHANGE):
        msg = f"说明写“{m.group(0)}”：用“{m.group(1)}”却跟着负数，增减方向自相矛盾。"
        yield finding("narrative.change_consistent", msg, doc, ev)
    for c in changes(doc):
        if c.current is None:
            continue
        ev = _change_evidence(doc, c)
        said = f"说明称“{c.current.phrase}{c.current.raw}”，“{c.text}”"
        if not c.words_agree:
            yield finding(
                "narrative.change_consistent",
                f"{said}：增减额与增减率的方向用词相反。",
                doc,
                ev,
            )
            continue
        base = c.previous
        if base is not None and base <= 0 or (base is not None and abs(base) < c.amount.wan_ulp):
            if c.percent != 0:
                msg = f"{said}：由此推算上年（或预算）数为零，增长率无法计算，文中的{c.percent_raw}%无从核实。"
                yield finding(
                    "narrative.change_consistent", msg, doc, ev, "unverifiable", severity="info"
                )
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
        yield percent_finding(
            "narrative.change_consistent",
            doc,
            ev,
            c.percent,
            exact,
            gap,
            half,
            Decimal("0.5"),
            msg,
            msg,
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
        yield finding("narrative.balanced_changes", msg, doc, ev, "failed", None, a - b)


@rule(
    "narrative.completion_rate",
    title_zh="完成率 = 决算数 ÷ 年初预算数",
    title_en="Completion rate = final ÷ initial budget",
    explanation_zh="“年初预算为A，决算为B，完成年初预算的C%”中，C应等于B÷A（允许四舍五入）；随后写“决算数大于（小于）预算数”的，应与A、B的大小一致。",
    explanation_en="In 'initial budget A, final B, C% of the initial budget', C must equal B ÷ A (allowing rounding); a following 'final exceeds (falls short of) budget' must agree with A and B.",
    severity="error",
)
def completion_rate(doc: Document):
    for st, b, f in completions(doc):
        if b.wan == 0:
            continue
        pct, said = st.value, f"{st.value}%"
        ev = [
            amount_evidence(doc, b, "年初预算数"),
            amount_evidence(doc, f, "决算数"),
            percent_evidence(doc, "完成率", st.source.line, pct, said),
        ]
        exact = f.wan / b.wan * 100
        half = ulp(decimals(str(pct))) / 2
        slack = exact * (b.wan_ulp / b.wan + f.wan_ulp / max(f.wan, b.wan_ulp)) + half
        if abs(pct - exact) > slack:
            rounding = abs(pct - exact) <= slack + 2 * half
            sev = "info" if rounding else "error" if abs(pct - exact) > 1 else "warning"
            msg = f"说明称年初预算{b.raw}、决算{f.raw}，“完成年初预算的{said}”，按两数计算应为{fmt(exact, 2)}%"
            msg += "，差异属于舍入（截尾）误差。" if rounding else "。"
            status = "rounding" if rounding else "failed"
            yield finding(
                "narrative.completion_rate", msg, doc, ev, status, exact, pct - exact, severity=sev
            )
        words = st.verdict or ""
        bigger = "大于" in words or "超" in words
        smaller = "小于" in words or "未完成" in words
        if bigger and f.wan < b.wan or smaller and f.wan > b.wan:
            msg = f"说明称决算{f.raw}、年初预算{b.raw}，却解释“{words}”：用词与数字的大小相反。"
            yield finding("narrative.completion_rate", msg, doc, ev)
