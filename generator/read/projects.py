"""Projects (项目) and their performance indicators, from every layout the seeds use.

Projects are where budget money meets promised results, so the site lists each one with its
amount exactly as printed and its targets (一级/二级/三级指标, 指标值). Four layouts occur:
key/value project sheets followed by an indicator grid (seeds 000, 002, 003, the 004
self-evaluations), a project list (项目支出表) and a one-row-per-project summary with indicator
pairs side by side (seed 001's 项目绩效目标汇总表). All are read from the layout grids, so the
same rules serve text and PDF inputs; the table ids recognised by the table reader only say
which grids belong to project tables. Officials' names and phones go to ``contacts``, which the
site hides by default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from generator.model import PerformanceIndicator, Project, SourceRef, Table
from generator.read.blocks import Block, Grid, GridRow
from generator.read.numbers import find_unit, parse_amount, parse_indicator_value, to_wan
from generator.read.projects_summary import read_project_list, read_summary, summary_header
from generator.read.projects_text import read_text_projects

PROJECT_TABLES = {"project_expenditure", "project_performance", "performance_self_evaluation"}
NAME_KEYS = ("项目名称", "专项（项目）名称", "专项(项目)名称", "专项名称")
CODE_KEYS = ("项目编码", "项目代码")
AMOUNT_KEYS = ("项目本年度金额", "预算数", "项目总金额", "项目金额")
CONTACT_KEYS = ("项目负责人", "联系人", "联系电话", "负责人及电话", "负责人", "联系方式")
ORG_KEYS = ("实施单位", "项目单位", "预算单位")
CATEGORY_KEYS = ("资金用途", "项目类型", "项目类别")
GOAL_KEYS = ("年度绩效目标", "绩效目标", "项目总目标", "年度总体目标")
_ALL_KEYS = (
    NAME_KEYS + CODE_KEYS + AMOUNT_KEYS + CONTACT_KEYS + ORG_KEYS + CATEGORY_KEYS + GOAL_KEYS
)
L1_NAMES = {
    "产出指标",
    "效益指标",
    "满意度指标",
    "效果指标",
    "投入管理指标",
    "投入与目标管理",
    "产出目标",
    "效果目标",
    "影响力目标",
    "投入指标",
    "过程指标",
}
L2_ONLY = {
    "数量指标",
    "质量指标",
    "时效指标",
    "经济效益指标",
    "社会效益指标",
    "生态效益指标",
    "可持续影响指标",
    "服务对象满意度指标",
}
_VALUE_HEADS = ("指标值", "目标值", "年度指标值", "年度目标值")
_DESC_HEADS = ("绩效指标描述", "指标值说明", "指标描述", "指标说明")
_ACTUAL_HEADS = ("全年完成值", "实际完成值", "完成值", "全年实际值")


_BLANKS = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def _k(text: str) -> str:
    """Key text without spaces, colons and with half-width parentheses.

    Cached: every cell of a project sheet is keyed, mostly the same few header words."""
    t = _BLANKS.sub("", text).replace("（", "(").replace("）", ")")
    return t.rstrip("：:")


_SUBHEADS = ("年初设定目标", "全年实际完成情况", "全年预算数（A）", "全年执行数（B）")
_KEYSET = {_k(k) for k in _ALL_KEYS + _SUBHEADS}
_START = {_k(k) for k in CODE_KEYS + NAME_KEYS[1:]}
_NAMES, _CODES = {_k(k) for k in NAME_KEYS}, {_k(k) for k in CODE_KEYS}
_CONTACTS, _ORGS = {_k(k) for k in CONTACT_KEYS}, {_k(k) for k in ORG_KEYS}
_CATEGORIES, _AMOUNTS = {_k(k) for k in CATEGORY_KEYS}, {_k(k) for k in AMOUNT_KEYS}
_GOALS = tuple(_k(g) for g in GOAL_KEYS)
_UNIT_IN_KEY = re.compile(r"[(（](万元|元|亿元)[)）]")


@dataclass
class _Header:
    """Column roles of an indicator grid, from its 一级指标/二级指标/三级指标 row."""

    l1: int
    l2: int
    l3: int
    value: int
    desc: int | None
    actual: int | None
    width: int
    last: int  # index of the header's last non-empty cell


@dataclass
class _State:
    source: str
    projects: list[Project] = field(default_factory=list)
    current: Project | None = None
    header: _Header | None = None
    level1: str = ""
    level2: str = ""
    unit: str | None = "万元"
    org_hint: str | None = None  # "450001保定市满城区医疗保障局本级", a title's unit prefix
    money_cols: dict[str, int] = field(default_factory=dict)  # 全年预算数 / 全年执行数 columns
    goal_col: int | None = None

    def close(self) -> None:
        self.current = None
        self.header = None
        self.level1 = self.level2 = ""
        self.money_cols = {}
        self.goal_col = None


def read_projects(source: str, blocks: list[Block], tables: list[Table]) -> list[Project]:
    """Every project with its indicators, in document order; never raises."""
    try:
        return _read(source, blocks, tables)
    except MemoryError:
        raise  # a file that exhausts memory is refused whole, not read in part
    except Exception:  # noqa: BLE001 - a strange table must not cost the document
        return []


def _table_of(grid: Grid, tables: list[Table]) -> Table | None:
    for t in tables:
        if t.line <= grid.line <= (t.end_line or t.line):
            return t
    return None


def _read(source: str, blocks: list[Block], tables: list[Table]) -> list[Project]:
    st = _State(source)
    summaries: list[Project] = []
    lists: list[Project] = []
    titles = {t.line: t for t in tables}
    for block in blocks:
        if not isinstance(block, Grid):
            _line(st, block, titles)
            continue
        table = _table_of(block, tables)
        table_id = table.id if table else None
        if table is not None and table.unit:
            st.unit = table.unit
        for row in block.rows[:12]:  # "项目资金（万元）" states the unit of its figures
            for c in row.cells:
                m = _UNIT_IN_KEY.search(c.text)
                if m and len(c.text) <= 12:
                    st.unit = m.group(1)
        head = summary_header(block.rows)
        if head is not None:
            st.close()
            summaries.extend(read_summary(source, block.rows, head, table_id))
            continue
        listed = read_project_list(source, block.rows, table_id, table.unit if table else None)
        if listed is not None:
            st.close()
            lists.extend(listed)
            continue
        if table_id in PROJECT_TABLES or (table_id is None and _has_project_keys(block.rows)):
            for row in block.rows:
                _row(st, row, table_id)
        else:
            st.close()
    return _merge(lists, summaries) + st.projects + read_text_projects(source, blocks)


def _line(st: _State, line, titles: dict[int, Table]) -> None:
    text = line.text.strip()
    if not text:
        return
    table = titles.get(line.number)
    if table is not None:
        st.close()
        st.unit = table.unit  # a new table: the previous table's unit no longer applies
        if table.id in PROJECT_TABLES:
            m = re.match(r"^(.+?)(?:支出)?项目绩效目标", text)
            st.org_hint = m.group(1) if m and not re.match(r"^[\d.、]", text) else None
        return
    unit = find_unit(text)
    if unit is not None and unit.unit:
        st.unit = unit.unit
        return
    if st.header is not None and text in L1_NAMES:
        st.level1, st.level2 = text, ""  # "影响力目标" printed outside the grid (seed 002)
        return
    if re.match(r"^第[一二三四五六七八九十]+部分", text):
        st.close()


def _has_project_keys(rows: list[GridRow]) -> bool:
    """A project sheet outside a recognised table: a name key and at least one other key."""
    keys = {_k(c.text) for r in rows[:8] for c in r.cells} & _KEYSET
    return bool(keys & {_k(k) for k in NAME_KEYS + CODE_KEYS}) and len(keys) >= 2


def _row(st: _State, row: GridRow, table_id: str | None) -> None:
    texts = [c.text.strip() for c in row.cells]
    keys = [_k(t) for t in texts]
    if "一级指标" in keys and "三级指标" in keys:
        st.header = _header(texts)
        st.level1 = st.level2 = ""
        return
    if st.header is not None and not any(k in _KEYSET for k in keys[:1]):
        _indicator(st, row, texts)
        return
    # 项目编码 / 专项（项目）名称 open a sheet; 项目名称 opens one unless it names the open one
    starts = any(k in _START for k in keys)
    named = "项目名称" in keys
    if starts or (named and (st.current is None or st.current.name)):
        _start(st, row, table_id)
    if st.current is None:
        if texts and re.match(r"^\d{3,}[\u4e00-\u9fff]", texts[0]):
            st.org_hint = re.sub(r"^\d+", "", texts[0])  # "450001保定市满城区医疗保障局本级"
        return
    _keys(st, row, texts, keys)


def _start(st: _State, row: GridRow, table_id: str | None) -> None:
    if st.current is not None:
        st.close()
    p = Project(name="", table_id=table_id, unit_org=st.org_hint)
    p.source = SourceRef(st.source, row.line, row.page, " ".join(c.text for c in row.cells))
    st.current = p
    st.projects.append(p)


def _values_after(texts: list[str]) -> list[str | None]:
    """For each cell, the next non-empty cell to its right unless that is another key.

    One pass from the right: looking ahead from every cell would cost the square of the
    row's width."""
    out: list[str | None] = [None] * len(texts)
    following: str | None = None
    for i in range(len(texts) - 1, -1, -1):
        out[i] = following
        t = texts[i]
        if t:
            following = None if _k(t) in _KEYSET else t
    return out


def _keys(st: _State, row: GridRow, texts: list[str], keys: list[str]) -> None:
    p = st.current
    assert p is not None
    values = _values_after(texts)
    for i, key in enumerate(keys):
        if key.startswith(("全年预算数", "全年执行数")):
            st.money_cols[key[:5]] = i
        if key == "年初设定目标":
            st.goal_col = i
        value = values[i]
        if not value:
            continue
        if key in _NAMES and not p.name:
            p.name = value
            line = next((c.line for c in row.cells[i + 1 :] if c.text.strip() == value), row.line)
            p.source = SourceRef(st.source, line, row.page, value)  # where the name is printed
        elif key in _CODES:
            p.code = re.sub(r"\s+", "", value)
        elif key in _CONTACTS:
            p.contacts.append(f"{texts[i]}：{value}")
        elif key in _ORGS:
            p.unit_org = value
        elif key in _CATEGORIES:
            p.category = value
        elif key.startswith(_GOALS):
            if p.goal is None or key == "年度绩效目标":
                p.goal = value
        elif key in _AMOUNTS and (p.amount_raw is None or key == "项目本年度金额"):
            _set_amount(st, p, value)  # this year's amount wins over the project total
    if any(k.startswith("年度资金总额") for k in keys):
        for name, col in st.money_cols.items():
            if col < len(texts) and texts[col]:
                if name == "全年预算数":
                    _set_amount(st, p, texts[col])
                else:
                    p.executed = _wan(texts[col], st.unit)
    if st.goal_col is not None and texts and not texts[0]:
        goal = texts[st.goal_col] if st.goal_col < len(texts) else ""
        if goal and p.goal is None:  # the row under 年度总体目标 | 年初设定目标 (seed 004)
            p.goal = goal
        st.goal_col = None


def _set_amount(st: _State, p: Project, raw: str) -> None:
    p.amount_raw = raw
    p.amount = _wan(raw, st.unit)


def _wan(raw: str, unit: str | None):
    value = parse_amount(raw)
    return to_wan(value, unit) if value is not None and unit else None


def _header(texts: list[str]) -> _Header:
    keys = [_k(t) for t in texts]

    def find(names: tuple[str, ...]) -> int | None:
        return next((i for i, k in enumerate(keys) if k in names), None)

    nonempty = [i for i, t in enumerate(texts) if t]
    return _Header(
        l1=keys.index("一级指标"),
        l2=find(("二级指标",)) if "二级指标" in keys else keys.index("一级指标") + 1,
        l3=keys.index("三级指标"),
        value=find(_VALUE_HEADS) if find(_VALUE_HEADS) is not None else keys.index("三级指标") + 1,
        desc=find(_DESC_HEADS),
        actual=find(_ACTUAL_HEADS),
        width=len(texts),
        last=nonempty[-1] if nonempty else len(texts) - 1,
    )


def _aligned(h: _Header, texts: list[str]) -> list[str]:
    """Undo the column shifts of broken conversions (cells moved one place left or right)."""
    cells = list(texts)
    filled = [i for i, t in enumerate(cells) if t]
    if not filled:
        return cells
    if filled[-1] > h.last:  # a cell beyond the header's last column: row shifted right
        shift = filled[-1] - h.last
        if all(not t for t in cells[:shift]):
            cells = cells[shift:]
    elif h.actual is not None and len(cells) >= h.width and filled[-1] < h.last:
        # self-evaluations end with a filled 未完成原因 column: a row ending early moved left
        shift = h.last - filled[-1]
        cells = [""] * shift + cells
    elif len(cells) < h.width:
        cells = [""] * max(0, h.value + 1 - len(cells)) + cells  # short row: value column last
    return cells + [""] * max(0, h.width - len(cells))


def _indicator(st: _State, row: GridRow, texts: list[str]) -> None:
    h = st.header
    assert h is not None
    if st.current is None:
        return
    cells = _aligned(h, texts)
    l1, l2, l3 = cells[h.l1], cells[h.l2], cells[h.l3]
    value = cells[h.value] if h.value < len(cells) else ""
    if l1 in L2_ONLY and not l2:
        l1, l2 = "", l1  # a 二级 name printed in the 一级 column
    if not l3 and value and l2 and l2 not in L2_ONLY and l2 not in L1_NAMES:
        l3, l2 = l2, ""  # the 三级 name printed in the 二级 column, its own column empty
    if l1:
        st.level1, st.level2 = l1, ""
    if l2:
        st.level2 = l2
    if not l3 and not value:
        return
    parsed = parse_indicator_value(value)
    cell_line = next((c.line for c in row.cells if c.text.strip() == value and value), row.line)
    st.current.indicators.append(
        PerformanceIndicator(
            level1=st.level1,
            level2=st.level2,
            level3=l3,
            raw=value,
            operator=parsed.operator,
            number=parsed.number,
            unit=parsed.unit,
            description=cells[h.desc] if h.desc is not None and h.desc < len(cells) else "",
            actual=(cells[h.actual] or None) if h.actual is not None else None,
            source=SourceRef(st.source, cell_line, row.page, value or l3),
        )
    )


def _merge(listed: list[Project], summary: list[Project]) -> list[Project]:
    """A project listed in 项目支出表 and again in the 绩效目标汇总表 is one project."""
    by_name = {re.sub(r"\s+", "", p.name): p for p in summary}
    out: list[Project] = []
    for p in listed:
        other = by_name.pop(re.sub(r"\s+", "", p.name), None)
        if other is not None:
            p.code = p.code or other.code
            p.indicators = other.indicators
            if p.amount is None:
                p.amount, p.amount_raw = other.amount, other.amount_raw
        out.append(p)
    return out + [p for p in summary if re.sub(r"\s+", "", p.name) in by_name]
