"""Shares in the narrative (X万元，占Y%) recomputed from the amounts they are a share of.

A share is the part over the whole the sentence names (占本年支出合计的…) or, failing that,
over the paragraph's leading total; the shares of one whole cannot add up to more than 100%.
"""

from __future__ import annotations

from decimal import Decimal

from generator.checks.evidence import finding, percent_evidence, percent_finding
from generator.checks.prose.stated import Amount, share_interval, stated_amount
from generator.checks.registry import rule
from generator.checks.tables.figures import amount_evidence, document_figures, table_figure
from generator.checks.tables.sums import tname
from generator.checks.tolerance import decimals, fmt, ulp
from generator.model import Document, Statement
from generator.read.narrative_terms import indicator_of_label


def _whole_for(doc, figs, stmts: list[Statement], k: int, parts: set[int]) -> Amount | None:
    """The total the share ``stmts[k]`` is "of": named after 占 (占本年支出合计的), else the
    nearest earlier amount in the paragraph that is not itself a share's part."""
    name = stmts[k].of or ""
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
    earlier = [i for i in range(k - 1) if stmts[i].kind == "amount" and i not in parts]
    return stated_amount(stmts[earlier[-1]]) if earlier else None


def _paragraphs(doc: Document) -> list[list[Statement]]:
    """The statements of each narrative paragraph, in order."""
    out: dict[int | None, list[Statement]] = {}
    for st in doc.statements:
        out.setdefault(st.paragraph, []).append(st)
    return list(out.values())


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
    for stmts in _paragraphs(doc):
        shares = [
            k
            for k, st in enumerate(stmts)
            if st.kind == "share"
            and k > 0
            and stmts[k - 1].kind == "amount"
            and stmts[k - 1].sentence == st.sentence
        ]
        parts = {k - 1 for k in shares}
        groups: dict[tuple, list] = {}
        for k in shares:
            st, part = stmts[k], stated_amount(stmts[k - 1])
            whole = _whole_for(doc, figs, stmts, k, parts)
            if whole is None or whole.wan == 0:
                continue
            pct = st.value
            half = ulp(decimals(str(pct))) / 2
            groups.setdefault((whole.line, whole.raw), []).append((st, pct, half))
            lo, hi = share_interval(part, whole)
            if lo - half <= pct <= hi + half:
                continue
            exact = part.wan / whole.wan * 100
            gap = min(abs(pct - lo), abs(pct - hi))
            ev = [
                amount_evidence(doc, part, "部分金额"),
                amount_evidence(doc, whole, "总额"),
                percent_evidence(doc, "所称比例", st.source.line, pct, st.raw),
            ]
            base = (
                f"说明称{part.label}{part.raw}“{st.raw}”，按总额{whole.raw}计算应为{fmt(exact, 2)}%"
            )
            yield percent_finding(
                "narrative.share_recomputed",
                doc,
                ev,
                pct,
                exact,
                gap,
                half,
                Decimal(1),
                base + "。",
                base + "，差异属于四舍五入（如为凑足100%）。",
            )
        yield from _shares_over_hundred(doc, groups)


def _shares_over_hundred(doc: Document, groups: dict[tuple, list]):
    """Shares of one whole cannot add up to more than 100% (beyond their rounding)."""
    for items in groups.values():
        if len(items) < 2:
            continue
        total = sum((pct for _, pct, _ in items), Decimal(0))
        slack = sum((half for _, _, half in items), Decimal(0))
        if total > 100 + slack:
            ev = [
                percent_evidence(doc, "所称比例", st.source.line, pct, st.raw)
                for st, pct, _ in items
            ]
            msg = f"说明中同一总额的各部分占比相加为{fmt(total, 2)}%，超过100%。"
            yield finding(
                "narrative.share_recomputed",
                msg,
                doc,
                ev,
                "failed",
                Decimal(100),
                total - 100,
            )
