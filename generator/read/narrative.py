"""Narrative sentences that carry numbers: amounts, shares, changes and completion rates.

The explanations (情况说明) restate the tables in words, and that is where documents contradict
themselves (seed 004 states 基本支出 3,470,158.34 元 against a table of 1,420,085.06 元). Each
statement keeps the term it belongs to (the nearest label before the number in its clause,
or the subject of the figure it follows: "基本支出 797.18 万元，占 3.42%"), the sentence, the
line of the number, and — only when the term clearly is one — a canonical indicator id.

Sentences wrapped over two lines are joined first, with every character remembering its line,
so "…7764.9万元" / "，支出总计…" reads as one sentence with both numbers on their own lines.
The 目录, table rows and 名词解释 definitions are skipped: they carry no statements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from generator.model import Line, SourceRef, Statement
from generator.read.blocks import Block
from generator.read.metadata import find_department, find_kind, find_year
from generator.read.narrative_changes import (
    AMOUNT,
    DECREASE,
    INCREASE,
    PERCENT,
    change_phrases,
)
from generator.read.narrative_terms import FUND_QUALIFIERS, TOTAL_IDS, indicator_for
from generator.read.narrative_text import (
    Para,
    excluded_lines,
    is_heading,
    paragraphs,
    sentences,
)
from generator.read.numbers import to_wan

SHARE = re.compile(
    r"占(?:比)?(?P<of>[^，。；,%\d]{0,20}?的)?\s*(?:比重|比例)?\s*(?:为)?\s*" + PERCENT
)
RATE = re.compile(r"(?:完成|执行)(?:了)?[^，。；,%\d]{0,10}?(?:的|为|达到|达)?\s*" + PERCENT)
_COMPARE = re.compile(r"(?:比|较|与|同比)")
_REASON = re.compile(r"(?:主要原因(?:是|为)?|原因(?:是|为))\s*[：:]?\s*")
FUND_BUDGETS = ("政府性基金", "国有资本")
_CLAUSE_DELIMS = "，,：:；;。"
_ENUM = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d{1,2}\s*[.、．])\s*"
)
_LEAD = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d{1,2}\s*[.、．]|[A-Za-z]\s*[.．、]"
    r"|(?:19|20)\d\d\s*年度?(?:末|期末|年初)?|其中|本年度|本部门|本单位|我单位|我局|我部门"
    r"|主要原因(?:是|为)?|原因(?:是|为)|主要是|此外|另外"
    r"|及所属事业单位|及下属事业单位|（含所属部门）|\(含所属部门\)|年初部门|部门|\s)+"
)
_TRAIL = re.compile(
    r"(?:(?:年初)?(?:预算|决算)数?为|年初预算数?|预算数|决算数|安排|共计|合计为|总计为"
    r"|为|是|达到|达|约|了|各|共|涉及|\s|：|:)+$"
)


def read_statements(
    source: str,
    lines: list[Line],
    year: int | None = None,
    kind: str | None = None,
    blocks: list[Block] | None = None,
) -> list[Statement]:
    """Every numeric statement of the narrative, in document order; never raises."""
    try:
        if year is None:
            found = find_year(lines)
            year = found[0] if found else None
        if kind is None:
            found_kind = find_kind(lines)
            kind = found_kind[0] if found_kind else None
        dept = find_department(lines)
        ctx = _Ctx(source, year, kind, dept[0] if dept else None)
        out: list[Statement] = []
        topic = ""
        for number, para in enumerate(paragraphs(lines, excluded_lines(lines, blocks)), start=1):
            if len(para.starts) == 1 and is_heading(para.text):
                topic = _clean_subject(ctx, _ENUM.sub("", para.text))
                continue
            stmts = _para_statements(ctx, para)
            for st in stmts:  # "1、…支出（类）…（款）" / "年初预算为 54.53 万元": the item's name
                if not st.subject and topic and st.kind != "change":
                    st.subject = topic
                st.paragraph = number
            out.extend(stmts)
        return out
    except MemoryError:
        raise  # a file that exhausts memory is refused whole, not read in part
    except Exception:  # noqa: BLE001 - bad text must never stop the reader
        return []


@dataclass
class _Ctx:
    source: str
    year: int | None
    kind: str | None
    department: str | None


def _para_statements(ctx: _Ctx, para: Para) -> list[Statement]:
    out: list[Statement] = []
    previous: list[Statement] = []
    for offset, sent in sentences(para.text):
        found = _sentence_statements(ctx, para, offset, sent)
        carried = [s for s in previous if s.kind == "amount"]
        for _, st in found:  # "…支出 2347.13 万元，…。与上年相比增加 345.96 万元"
            if st.kind == "change" and not st.subject and carried:
                st.subject = carried[-1].subject
                st.indicator = carried[-1].indicator
        cut = 0
        markers = list(_REASON.finditer(sent))
        for k, rm in enumerate(markers):
            before = [s for pos, s in found if cut <= pos < rm.start()]
            targets = before or (previous if k == 0 else [])
            preferred = [s for s in targets if s.kind in ("change", "rate")] or targets
            stop = markers[k + 1].start() if k + 1 < len(markers) else len(sent)
            reason = _reason_text(sent, rm.end(), stop, found)
            for s in preferred:
                if s.reason is None and reason:
                    s.reason = reason
            cut = rm.end()
        stmts = [s for _, s in found]
        out.extend(stmts)
        previous = stmts or previous
    return out


def _reason_text(
    sent: str, start: int, stop: int, found: list[tuple[int, Statement]]
) -> str | None:
    """From the marker to the end of the sentence, or to the clause of the next statement."""
    end = stop
    later = [pos for pos, _ in found if start < pos < stop]
    if later:
        cut = max(sent.rfind(d, start, min(later)) for d in "；;，,")
        end = cut if cut > start else end
    text = sent[start:end].strip().rstrip("。；;，,").strip()
    return text or None


def _sentence_statements(
    ctx: _Ctx, para: Para, offset: int, sent: str
) -> list[tuple[int, Statement]]:
    found: list[tuple[int, Statement]] = []
    used: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in used)

    def make(kind, pos, end, value, unit, raw, subject, **kw) -> Statement:
        ln = para.line_at(offset + pos)
        st = Statement(
            kind=kind,
            subject=subject,
            indicator=indicator_for(subject) if subject else None,
            value=value,
            unit=unit,
            raw=raw,
            sentence=sent.strip(),
            source=SourceRef(ctx.source, ln.number, ln.page, ln.text.strip()),
            fund=next((w for w in FUND_BUDGETS if w in sent[:pos]), None),
            listed=sent.count("其中", 0, pos) or None,
            **kw,
        )
        found.append((pos, st))
        used.append((pos, end))
        return st

    # changes: a direction word followed by an amount (and maybe "和 <amount>", a percent)
    changes = change_phrases(sent)
    for m, amounts, pcts in changes:
        used.append((m.start(), max([amounts[-1].end()] + [e for _, e in pcts])))

    # plain amounts
    for m in AMOUNT.finditer(sent):
        if not free(m.start(), m.end()):
            continue
        value = _amount_value(m)
        if value is None:
            continue
        prefix = _clause_prefix(sent, m.start())
        subject = _subject(ctx, sent, m.start())
        make(
            "amount", m.start(), m.end(), value, m.group("unit"), m.group(0).strip(), subject,
            period=_period(ctx, prefix), year=_head_year(prefix),
        )  # fmt: skip

    for m, amounts, pcts in changes:
        verb = m.group("verb")
        direction = "increase" if verb in INCREASE else "decrease" if verb in DECREASE else None
        subject = _change_subject(ctx, sent, m.start(), found)
        for i, a in enumerate(amounts):
            value = _amount_value(a)
            if value is None:
                continue
            pct, end = pcts[i] if i < len(pcts) else (None, a.end())
            start = _raw_start(sent, m.start()) if i == 0 else a.start()
            if len(amounts) > 1:  # "各增加 A 元和 B 元，增长分别为 x% 和 y%"
                end = a.end()
            make(
                "change", m.start() if i == 0 else a.start(), max(end, a.end()), value,
                a.group("unit"), sent[start:end].strip(), subject, direction=direction,
                percent=pct,
            )  # fmt: skip

    # shares and completion rates belong to the figure they follow
    for regex, kind in ((SHARE, "share"), (RATE, "rate")):
        for m in regex.finditer(sent):
            if not free(m.start(), m.end()):
                continue
            scope = _part_start(sent, m.start())
            prior = [s for p, s in sorted(found, key=lambda x: x[0]) if scope <= p < m.start()]
            amounts = [s for s in prior if s.kind == "amount"]
            if kind == "share" and amounts:
                subject = amounts[-1].subject
            elif kind == "rate" and amounts:  # "X年初预算为…，支出决算为…，完成年初预算的…%"
                subject = amounts[0].subject
            else:
                subject = _subject(ctx, sent, m.start())
            st = make(
                kind, m.start(), m.end(), _dec(m.group("pct")), "%", m.group(0).strip(), subject
            )
            if kind == "rate":
                st.verdict = _verdict(para.text, offset + m.end("pct"))
            else:  # "占本年支出合计的 100%": the whole the share is of
                st.of = (m.group("of") or "").removesuffix("的").strip() or None
    found.sort(key=lambda x: x[0])
    _unqualify_totals([st for _, st in found])
    return found


def _verdict(text: str, pos: int) -> str | None:
    """What the text says of the rate that ends at ``pos``, before any reason: "决算数大于预算数"."""
    rest = text[pos : pos + 30].lstrip("%％。，, ").split("主要原因")[0].strip("，,")
    return rest if re.search(r"大于|小于|超|未完成", rest) else None


def _unqualify_totals(stmts: list[Statement]) -> None:
    """ "政府性基金预算财政拨款本年收入0元，本年支出0元": that 本年支出 is the fund's, not the
    department's, so it is not the canonical total."""
    qualified = False
    for st in stmts:
        if st.subject.startswith(FUND_QUALIFIERS):
            qualified = True
        elif qualified and st.indicator in TOTAL_IDS:
            st.indicator = None


def _raw_start(sent: str, verb_pos: int) -> int:
    """Start the raw text of a change at its comparison ("比上年", "较2019年度决算数")."""
    clause_start = max(sent.rfind(d, 0, verb_pos) for d in _CLAUSE_DELIMS) + 1
    cm = _COMPARE.search(sent, clause_start, verb_pos)
    return cm.start() if cm else verb_pos


def _part_start(sent: str, pos: int) -> int:
    """Start of the enumeration part holding ``pos`` (after "；" or "其中")."""
    return max(
        sent.rfind("；", 0, pos) + 1, sent.rfind(";", 0, pos) + 1, sent.rfind("其中", 0, pos)
    )


def _clause_start(sent: str, pos: int) -> int:
    """Start of the clause holding ``pos``; "、" separates clauses only after a figure."""
    start = max(sent.rfind(d, 0, pos) for d in _CLAUSE_DELIMS) + 1
    ends = [m.end() for m in re.finditer(r"(?<=[元%])\s*、|[（(]含", sent[start:pos])]
    return start + ends[-1] if ends else start


def _clause_prefix(sent: str, pos: int) -> str:
    return sent[_clause_start(sent, pos) : pos]


def _clean_subject(ctx: _Ctx, text: str) -> str:
    s = text.strip()
    for _ in range(4):
        before = s
        if ctx.department and ctx.department in s:
            s = s[s.index(ctx.department) + len(ctx.department) :]
        s = _LEAD.sub("", s)
        s = _TRAIL.sub("", s)
        if s == before:
            break
    s = s.strip()
    return "" if s in ("本年", "今年", "当年") else s


def _subject(ctx: _Ctx, sent: str, pos: int) -> str:
    """The nearest label before ``pos`` in its clause (or the clause before, if empty)."""
    clause_start = _clause_start(sent, pos)
    subject = _clean_subject(ctx, sent[clause_start:pos])
    if not subject and clause_start > 1:
        prev_start = max(sent.rfind(d, 0, clause_start - 1) for d in _CLAUSE_DELIMS) + 1
        prev = sent[prev_start : clause_start - 1]
        if len(prev) <= 20 and not re.search(r"\d", prev):
            subject = _clean_subject(ctx, prev)
    return subject


def _change_subject(ctx: _Ctx, sent: str, verb_pos: int, found) -> str:
    """Text before the comparison word, else the subject of the figure the change follows."""
    clause_start = _clause_start(sent, verb_pos)
    clause = sent[clause_start:verb_pos]
    cm = _COMPARE.search(clause)
    own = _clean_subject(ctx, clause[: cm.start()] if cm else clause)
    if own:
        return own
    earlier = [s for p, s in sorted(found, key=lambda x: x[0]) if p < verb_pos]
    amounts = [s for s in earlier if s.kind == "amount"]
    if amounts:
        return amounts[-1].subject
    if earlier:
        return earlier[-1].subject
    # "主要原因：项目支出增加，较上一度增加 1133.95 万元": the clause before names it
    if clause_start > 1:
        prev_start = _clause_start(sent, clause_start - 1)
        prev = sent[prev_start : clause_start - 1]
        if len(prev) <= 20 and not re.search(r"\d|相比|[比较与]上年", prev):
            return _clean_subject(ctx, re.sub(r"(?:增加|减少|增长|下降|降低)了?$", "", prev))
    return ""


def _period(ctx: _Ctx, prefix: str) -> str:
    years = [int(y) for y in re.findall(r"((?:19|20)\d\d)\s*年", prefix)]
    if (
        ctx.year
        and any(y < ctx.year for y in years)
        or re.search(r"(?<![比较与])上年(?!末)", prefix)
    ):
        return "previous"
    if ctx.kind == "final" and re.search(r"年初预算|预算数|预算为", prefix):
        return "budget"
    return "current"


def _head_year(prefix: str) -> int | None:
    """The year a clause opens with ("2020年收入总计…"): the year the figure is said to be of."""
    m = re.match(r"\s*((?:19|20)\d\d)\s*年", prefix)
    return int(m.group(1)) if m else None


def _dec(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _amount_value(m: re.Match) -> Decimal | None:
    try:
        return to_wan(_dec(m.group("num")), m.group("unit"))
    except (InvalidOperation, TypeError):
        return None
