"""Blocks -> the tables a document publishes, with titles, units, headers and typed cells.

A grid becomes a Table when the lines above it (or its own first row) give a title; the
lines in between declare the unit and the department; the rows before the first row with a
figure are its header. A table whose title is printed again on the next page is one table,
and the 基本支出决算表's side-by-side column blocks become one list of rows, so that the
checks and the site see each published table once, in one shape.
"""

from __future__ import annotations

import re

from generator.model import Cell, Line, Problem, Row, Table
from generator.read import codes
from generator.read.blocks import Block, Grid, GridRow
from generator.read.numbers import find_unit, parse_amount, unit_word
from generator.read.table_header import (
    LEADING_ZERO_ID,
    column_units,
    excluded_columns,
    flatten_header,
    header_count,
)
from generator.read.table_kinds import (
    PERFORMANCE_KINDS,
    content_kind,
    marker_kind,
    match_title,
    normalise_title,
)
from generator.read.table_unfold import column_blocks, unfold

_META_PREFIX = (
    "部门名称",
    "公开部门",
    "单位名称",
    "编制单位",
    "填报单位",
    "部门：",
    "单位：",
    "单位:",
)
_PERIOD = re.compile(r"^[（(]?\s*\d{4}\s*年度?\s*[）)]?$")
_MARKER = re.compile(r"^(?:公开\s*\d+\s*表|预算\s*\d+\s*表|附表\s*\d+)$")
_EMPTY = re.compile(r"本表无数据|空表列示|本表为空|无数据|故本表无")
_PART = re.compile(r"^第[一二三四五六七八九十\d]+部分")  # a part heading is never a table title
_NOTE = re.compile(r"^\s*(?:注|备注|说明)\s*[:：]")
_SPACES = re.compile(r"[\s\u3000]+")
_QUALIFIER = re.compile(r"(?:[（(][^（()）]{1,16}[）)])+$")


def read_tables(source: str, blocks: list[Block]) -> list[Table]:
    """Every table of the document, in order (problems are dropped; see read_tables_with_problems)."""
    return read_tables_with_problems(source, blocks)[0]


def is_title(text: str) -> bool:
    t = _SPACES.sub("", text)
    if not t or len(t) > 60 or t.endswith(("。", "；", "：", ":")) or _PART.match(t):
        return False
    bare = _QUALIFIER.sub("", t)  # 财政拨款支出表（功能科目）
    return bare.endswith("表") or (len(t) >= 8 and match_title(t) is not None)


def _is_meta(text: str) -> bool:
    t = text.strip()
    return (
        t.startswith(_META_PREFIX)
        or find_unit(t) is not None
        or unit_word(t) is not None
        or bool(_PERIOD.match(_SPACES.sub("", t)))
        or bool(_MARKER.match(_SPACES.sub("", t)))
        or t.startswith("截止时间")
    )


class _Context:
    def __init__(self) -> None:
        self.title: Line | None = None
        self.unit: str | None = None
        self.unit_line: int | None = None
        self.unit_missing_line: int | None = None
        self.unit_truncated: bool = False
        self.preamble: list[Line] = []
        self.empty: str | None = None
        self.marker: str | None = None
        self.trailing: list[Line] = []  # lines before the title: belong to the previous table


def _context(lines: list[Line]) -> _Context:
    ctx = _Context()
    pending_word: Line | None = None
    k = len(lines) - 1
    while k >= 0:
        ln = lines[k]
        t = ln.text.strip()
        if not t:
            k -= 1
            continue
        if _EMPTY.search(t) and len(t) < 80:
            ctx.empty = ctx.empty or t
            k -= 1
            continue
        if _is_meta(t):
            decl = find_unit(t)
            word = unit_word(t)
            if word is not None and decl is None:
                pending_word = ln
            elif decl is not None and ctx.unit is None and ctx.unit_missing_line is None:
                if decl.unit is None and pending_word is not None:
                    decl = unit_word(pending_word.text)
                if decl is not None and decl.unit is not None:
                    ctx.unit, ctx.unit_line, ctx.unit_truncated = (
                        decl.unit,
                        ln.number,
                        decl.truncated,
                    )
                else:
                    ctx.unit_missing_line = ln.number
            kind = marker_kind(t)
            if kind:
                ctx.marker = kind
            ctx.preamble.insert(0, ln)
            k -= 1
            continue
        if is_title(t):
            ctx.title = ln
            ctx.trailing = lines[:k]
        else:
            ctx.trailing = lines[: k + 1]
        return ctx
    return ctx


def _preamble_row(row: GridRow) -> bool:
    texts = [c.text for c in row.cells if c.text]
    if not texts:
        return False
    if any(find_unit(t) is not None for t in texts):
        return all(parse_amount(t) is None for t in texts)
    return len(texts) == 1 and texts[0].startswith(_META_PREFIX)


def read_tables_with_problems(
    source: str, blocks: list[Block]
) -> tuple[list[Table], list[Problem]]:
    tables: list[Table] = []
    problems: list[Problem] = []
    pending: list[Line] = []
    for block in blocks:
        if isinstance(block, Line):
            pending.append(block)
            continue
        ctx = _context(pending)
        if tables:
            _attach_trailing(tables[-1], ctx.trailing)
        table = _build(source, block, ctx, tables, pending, problems)
        if table is not None:
            tables.append(table)
        pending = []
    if tables:
        _attach_trailing(tables[-1], pending)
    tables = _merge_continuations(tables)
    return tables, problems


def _attach_trailing(table: Table, lines: list[Line]) -> None:
    """Notes (注：…) and empty-table statements printed under a table."""
    for ln in lines[:6]:
        t = ln.text.strip()
        if not t:
            continue
        if _NOTE.match(t):
            table.notes.append(t)
        elif _EMPTY.search(t) and len(t) < 80 and table.empty_statement is None:
            table.empty_statement = t
        else:
            break


def _build(
    source: str,
    grid: Grid,
    ctx: _Context,
    tables: list[Table],
    pending: list[Line],
    problems: list[Problem],
) -> Table | None:
    rows = [r for r in grid.rows if any(c.text for c in r.cells)]
    if not rows:
        return None
    title_line = ctx.title
    first = [c for c in rows[0].cells if c.text]
    if len(first) == 1 and is_title(first[0].text):
        # a title printed as the grid's first row (Word export); a title line above the
        # grid wins, and the row is then only dropped when it repeats that title
        if title_line is None:
            title_line = Line(first[0].line, first[0].text, first[0].page)
            rows = rows[1:]
        elif normalise_title(first[0].text) == normalise_title(title_line.text):
            rows = rows[1:]
    preamble = list(ctx.preamble)
    unit, unit_line, truncated = ctx.unit, ctx.unit_line, ctx.unit_truncated
    while rows and _preamble_row(rows[0]):
        row = rows.pop(0)
        preamble.append(Line(row.line, "\t".join(c.text for c in row.cells).strip("\t"), row.page))
        for c in row.cells:
            decl = find_unit(c.text)
            if decl is not None and decl.unit and unit is None:
                unit, unit_line, truncated = decl.unit, c.line, decl.truncated
    if title_line is None:
        # no title: a second grid of the table above (split by a subtitle such as 项目绩效目标)
        between = [ln for ln in pending if ln.text.strip()]
        own_unit = ctx.unit is not None  # a unit declared above it starts a table of its own
        short = all(len(ln.text.strip()) <= 20 for ln in between)
        if tables and not own_unit and len(between) <= 2 and short:
            prev = tables[-1]
            prev.rows.extend(_typed_rows(rows, prev.header, prev.columns))
            prev.end_line = grid.end_line
            return None
    title = title_line.text.strip() if title_line else ""
    kind = match_title(title) if title else None
    if kind is None and ctx.marker:
        kind = ctx.marker
    table = Table(
        id=kind,
        title=title,
        line=title_line.number if title_line else grid.line,
        page=title_line.page if title_line else grid.page,
        unit=unit,
        end_line=grid.end_line,
        empty_statement=ctx.empty,
        preamble=preamble,
    )
    if truncated:
        problems.append(
            Problem(
                "warning",
                f"the unit of table “{title}” is printed as “单位：万” (cut short); read as 万元",
                source,
                line=unit_line,
                message_zh=f"{_table_zh(title)}的单位印作“单位：万”（不完整），按万元读取",
            )
        )
    if ctx.unit_missing_line is not None and unit is None:
        problems.append(
            Problem(
                "warning",
                f"table “{title}” prints “单位：” without a unit; its figures are kept without one",
                source,
                line=ctx.unit_missing_line,
                message_zh=f"{_table_zh(title)}只印了“单位：”，没有写明单位，"
                "其中的数字按原样保留、不标单位",
            )
        )
    texts = [[c.text for c in r.cells] for r in rows]
    blocks_at = column_blocks(texts)
    if blocks_at:
        unfold(table, rows, blocks_at)
        return table
    n_header = header_count(texts)
    money_kind = False
    table.header = [t for t in texts[:n_header]]
    table.columns = flatten_header(table.header, max((len(t) for t in texts), default=0))
    table.rows = _typed_rows(rows[n_header:], table.header, table.columns)
    if table.id is None:
        table.id = content_kind(table.columns, [r.label for r in table.rows])
        if table.id is not None:
            table.recognised = "content"
            money_kind = True
    table.column_units = column_units(table.header, len(table.columns))
    # a unit named in a column's header is that column's ('价值（单位：万元）' beside 数量)
    header_unit = any(table.column_units)
    money_kind = money_kind or (
        kind and kind not in PERFORMANCE_KINDS and kind not in ("assets", "organization")
    )
    if unit is None and money_kind and not header_unit and _has_figures(table):
        if ctx.unit_missing_line is None:
            problems.append(
                Problem(
                    "warning",
                    f"table “{title}” declares no unit",
                    source,
                    line=table.line,
                    message_zh=f"{_table_zh(title)}没有注明金额单位",
                )
            )
    return table


def _table_zh(title: str) -> str:
    return f"表格《{title}》" if title else "一张无标题的表格"


def _has_figures(table: Table) -> bool:
    return any(c.value is not None for r in table.rows for c in r.cells)


def _typed_rows(rows: list[GridRow], header: list[list[str]], columns: list[str]) -> list[Row]:
    excluded = excluded_columns(header, columns)
    out = []
    for r in rows:
        texts = [c.text for c in r.cells]
        code, used = codes.row_code(texts)
        label = ""
        if code is not None and len(used) == 1:
            _, name = codes.split_name(texts[used[0]])
            if name != texts[used[0]].strip():
                label = _SPACES.sub("", name)
        cells = []
        for j, c in enumerate(r.cells):
            value = None
            text = c.text
            if not text:
                cells.append(Cell(text="", value=None, line=c.line, page=c.page))
                continue
            if j not in excluded and j not in used and not LEADING_ZERO_ID.match(text.strip()):
                value = parse_amount(text)
            if code is None and j < 3 and not label and text[:1].isdigit():
                c_code, name = codes.split_name(text)
                if c_code is not None and name:
                    code, used, label = c_code, [j], name
            cells.append(Cell(text=text, value=value, line=c.line, page=c.page))
        if not label:
            for j, c in enumerate(cells):
                t = c.text.strip()
                if t and j not in used and c.value is None and not LEADING_ZERO_ID.match(t):
                    if j in excluded and t.isdigit():
                        continue
                    label = _SPACES.sub("", t) if len(t) < 40 else t
                    break
        out.append(Row(cells=cells, line=r.line, page=r.page, code=code, label=label))
    return out


# --- a table continued on the next page -----------------------------------------------


def _merge_continuations(tables: list[Table]) -> list[Table]:
    out: list[Table] = []
    for t in tables:
        prev = out[-1] if out else None
        if (
            prev is not None
            and t.id is not None
            and t.id == prev.id
            and t.id not in PERFORMANCE_KINDS
            and normalise_title(t.title) == normalise_title(prev.title)
            and (not t.header or not prev.header or t.header == prev.header)
        ):
            rows = t.rows
            if not t.header:  # the repeated header was read as rows: drop it
                k = 0
                while (
                    k < len(rows)
                    and k < len(prev.header)
                    and [c.text for c in rows[k].cells] == prev.header[k]
                ):
                    k += 1
                rows = rows[k:]
            prev.rows.extend(rows)
            prev.parts.append(t.line)
            prev.end_line = t.end_line
            prev.notes.extend(t.notes)
            if prev.empty_statement is None:
                prev.empty_statement = t.empty_statement
            continue
        out.append(t)
    return out
