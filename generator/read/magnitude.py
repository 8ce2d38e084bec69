"""Figures no disclosure can print: too large, or with more digits than any amount has.

China's whole national budget is about 3 × 10^13 元; a department's figures are far smaller,
and no amount is printed with more than 15 significant digits. A cell holding "1" followed by
40 zeros is a damaged conversion or a hostile file, and would break every stage after the
reader (money formatting, sums at the decimal context's 28 digits, JSON). Such a figure is
dropped where it was read — its text stays on the page — and a problem names its line, so
nothing downstream ever meets it.
"""

from __future__ import annotations

from decimal import Decimal

from generator.model import PerformanceIndicator, Problem, Project, Statement, Table

MAX_ADJUSTED = 14  # a figure must be below 10^15 in whatever unit it is printed
MAX_DIGITS = 18  # significant digits: amounts print at most 15
_LISTED = 10


def absurd(value: Decimal | None) -> bool:
    if value is None:
        return False
    if not value.is_finite():
        return True
    return value.adjusted() > MAX_ADJUSTED or len(value.as_tuple().digits) > MAX_DIGITS


def drop_absurd(
    source: str, tables: list[Table], statements: list[Statement], projects: list[Project]
) -> tuple[list[Statement], list[Problem]]:
    """Clear absurd figures in place (statements holding one are removed); one problem per
    line, the first ten named, the rest counted."""
    lines: list[tuple[int, int | None, str]] = []
    for t in tables:
        for r in t.rows:
            for c in r.cells:
                if absurd(c.value):
                    lines.append((c.line or r.line, c.page or r.page, c.text))
                    c.value = None
    kept: list[Statement] = []
    for st in statements:
        if absurd(st.value) or absurd(st.percent):
            lines.append((st.source.line, st.source.page, st.raw))
        else:
            kept.append(st)
    for p in projects:
        if absurd(p.amount) or absurd(p.executed):
            where = p.source
            lines.append(
                (where.line if where else 0, where.page if where else None, p.amount_raw or "")
            )
            p.amount = None if absurd(p.amount) else p.amount
            p.executed = None if absurd(p.executed) else p.executed
        for ind in p.indicators:
            _indicator(ind, lines)
    return kept, _problems(source, lines)


def _indicator(ind: PerformanceIndicator, lines: list[tuple[int, int | None, str]]) -> None:
    if absurd(ind.number):
        where = ind.source
        lines.append((where.line if where else 0, where.page if where else None, ind.raw))
        ind.number = None


def _problems(source: str, found: list[tuple[int, int | None, str]]) -> list[Problem]:
    seen: dict[int, tuple[int | None, str]] = {}
    for line, page, text in found:
        seen.setdefault(line, (page, text))
    out: list[Problem] = []
    for line, (page, text) in list(seen.items())[:_LISTED]:
        shown = text if len(text) <= 40 else text[:20] + "…" + text[-10:]
        out.append(
            Problem(
                "warning",
                f"the figure “{shown}” on line {line} is larger or longer than any budget "
                "figure can be (at most 15 digits); it was not read as a number",
                source,
                line=line or None,
                page=page,
                message_zh=f"第 {line} 行的数字“{shown}”超出任何预算数字可能的大小（最多 15 位），"
                "未作为数字读取",
            )
        )
    rest = list(seen)[_LISTED:]
    if rest:
        out.append(
            Problem(
                "warning",
                f"{len(rest)} more line(s) hold such figures (from line {rest[0]} on)",
                source,
                line=rest[0] or None,
                message_zh=f"另有 {len(rest)} 行有这样的数字（自第 {rest[0]} 行起）",
            )
        )
    return out
