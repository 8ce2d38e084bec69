"""The data every pipeline stage passes forward: read -> model -> checks -> metrics -> site.

These dataclasses are the contract between stages. Readers fill them in; nothing after the
reader ever looks at a source file again, so everything a later stage (or a visitor) needs —
the figures, where each one was printed, and the text of every line — lives here.

Money is kept as ``Decimal`` so that 元 -> 万元 conversion (÷ 10,000) and the sums the checks
recompute are exact: a transparency site must never show ``430.00850600000004``.
JSON output (``model_json.to_jsonable``) writes a Decimal as a JSON number when that number's
text is the exact value (every published amount), else as a string of its exact digits: see
``decimal`` in generator/document.schema.json.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, is_dataclass
from decimal import Decimal
from typing import Literal

from generator import pickle_layout

Kind = Literal["budget", "final", "performance"]
# 部门预算 covers a department and every unit under it; 单位预算 one unit (often the bureau's
# own office, 本级). The two differ in every total, so they are never compared as peers.
Scope = Literal["department", "unit"]
Severity = Literal["error", "warning", "info"]

# The kinds of disclosure, in the order a department-year lists them, and their names on the
# site. A document whose kind is unknown is a 公开文件 and comes last.
KINDS: tuple[Kind, ...] = ("budget", "final", "performance")
KIND_ZH: dict[str, str] = {"budget": "部门预算", "final": "部门决算", "performance": "绩效目标"}
KIND_ORDER: dict[str | None, int] = {k: n for n, k in enumerate(KINDS)}
UNKNOWN_KIND_ZH = "公开文件"
# Administrative levels as the region table spells them, and as pages name them.
LEVEL_ZH: dict[str, str] = {"省": "省级", "地级": "地市级", "县级": "县级"}

# Every figure is compared and shown in 万元: the power of ten from each printed unit.
_WAN_EXPONENT = {"万元": 0, "元": -4, "千元": -1, "亿元": 4}
_PRINTED_NUMBER = re.compile(r"-?\d[\d,]*(?:\.(\d+))?")


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def field_names(cls: type) -> tuple[str, ...] | None:
    """A dataclass's field names, None for any other class; looked up once per class. The
    stages that walk a whole Document (redaction, its JSON, sharing its strings) ask it of
    tens of thousands of objects each, and ``dataclasses.fields`` is slow."""
    try:
        return _FIELD_NAMES[cls]
    except KeyError:
        names = tuple(f.name for f in fields(cls)) if is_dataclass(cls) else None
        _FIELD_NAMES[cls] = names
        return names


def to_wan(value: Decimal, unit: str | None) -> Decimal | None:
    """A figure in its printed unit -> 万元, exactly (元 ÷ 10,000 moves only the exponent);
    None when the unit is not a money unit, since guessing it would invent a number."""
    exponent = _WAN_EXPONENT.get(unit or "")
    if exponent is None:
        return None
    return value if exponent == 0 else value.scaleb(exponent)


def decimals(raw: str | None) -> int:
    """Decimal places printed in ``raw`` ("23,278.10" -> 2, "3000" -> 0): a figure's precision."""
    if not raw:
        return 0
    m = _PRINTED_NUMBER.search(raw.replace("，", ","))
    if not m or not m.group(1):
        return 0
    return len(m.group(1))


def ulp(places: int) -> Decimal:
    """One unit of the last printed digit."""
    return Decimal(1).scaleb(-places)


def sum_tolerance(n_items: int, unit_ulp: Decimal) -> Decimal:
    """Largest difference rounding alone explains between a total and the sum of n items:
    each of the n items and the total carry half a unit of their last digit."""
    return unit_ulp * Decimal(max(n_items, 1) + 1) / 2


def kind_zh(kind: str | None) -> str:
    """The Chinese name of a document kind; 公开文件 when the kind is unknown."""
    return KIND_ZH.get(kind or "", UNKNOWN_KIND_ZH)


# The canonical indicator ids of DOMAIN.md. Other parts and users' scripts rely on them:
# add new ids at the end, never rename one.
CANONICAL_INDICATORS: dict[str, str] = {
    "income_total": "收入总计",
    "income_current_year": "本年收入合计",
    "expenditure_total": "支出总计",
    "expenditure_current_year": "本年支出合计",
    "general_public_budget": "一般公共预算",
    "government_fund": "政府性基金预算",
    "carryover_begin": "上年结转",
    "carryover_end": "年末结转和结余",
    "basic_expenditure": "基本支出",
    "project_expenditure": "项目支出",
    "personnel_expenditure": "人员经费",
    "public_expenditure": "公用经费",
    "three_public_total": "“三公”经费",
    "overseas_travel": "因公出国（境）费",
    "vehicle_total": "公务用车购置及运行费",
    "vehicle_purchase": "公务用车购置费",
    "vehicle_operation": "公务用车运行维护费",
    "official_reception": "公务接待费",
    "organ_operating_expenses": "机关运行经费",
    "government_procurement": "政府采购",
    # spending beside 基本支出 and 项目支出 in 本年支出合计 (expenditure tables' own columns)
    "business_expenditure": "事业单位经营支出",
    "remittance_expenditure": "上缴上级支出",
    "subsidiary_expenditure": "对附属单位补助支出",
}

# Spending that 本年支出合计 holds beside 基本支出 and 项目支出.
OTHER_SPENDING: tuple[str, ...] = (
    "business_expenditure",
    "remittance_expenditure",
    "subsidiary_expenditure",
)

# The “三公” group: its total and the items the total is made of, in the order tables print them.
THREE_PUBLIC_INDICATORS: tuple[str, ...] = (
    "three_public_total",
    "overseas_travel",
    "vehicle_total",
    "vehicle_purchase",
    "vehicle_operation",
    "official_reception",
)


@dataclass(slots=True)
class SourceRef:
    """Where a figure or statement was printed: enough to link to the highlighted line."""

    file: str  # the input path as given to the reader (content-relative in a build)
    line: int  # 1-based line number in ``Document.lines``
    page: int | None = None  # 1-based PDF page; None for text inputs
    text: str = ""  # the cleaned text of that line (or the matched cell text)


@dataclass(slots=True)
class Line:
    """One line of the decoded, cleaned document text; source pages render these."""

    number: int  # 1-based, as in the input text file (for PDFs: in the extracted text)
    text: str
    page: int | None = None


@dataclass(slots=True)
class Problem:
    """Something the reader could not read or had to skip, said in plain words."""

    severity: Literal["error", "warning"]
    message: str
    file: str
    line: int | None = None
    page: int | None = None
    # The same message in plain Chinese for the site's readers (pages are zh-CN); the
    # English ``message`` stays for the command line and logs. Empty -> show ``message``.
    message_zh: str = ""


@dataclass(slots=True)
class Code:
    """A classification code split into 类/款/项, however it was printed."""

    raw: str  # as printed: "2101501", "210 15 01", "30101"
    scheme: Literal["functional", "economic_dept", "economic_gov", "unknown"]
    class_: str  # 类, 3 digits: "210"
    section: str | None = None  # 款, 2 digits: "15"
    item: str | None = None  # 项, 2 digits: "01"

    @property
    def full(self) -> str:
        return self.class_ + (self.section or "") + (self.item or "")


@dataclass(slots=True)
class Cell:
    text: str  # cleaned text as printed ("23,278.10", "", "—", "≥90%")
    value: Decimal | None = None  # the number in the table's unit, if the cell is a number
    line: int | None = None
    page: int | None = None


@dataclass(slots=True)
class Row:
    cells: list[Cell]
    line: int  # first source line of the row
    page: int | None = None
    code: Code | None = None  # the functional/economic code of the row, if any
    label: str = ""  # the row's name column (科目名称 / 项目), cleaned


@dataclass(slots=True)
class Table:
    """One table as published; continued parts are merged, side-by-side blocks unfolded."""

    id: str | None  # standard-table id (see generator/read/table_kinds.py) or None
    title: str
    line: int  # title line
    page: int | None = None
    unit: str | None = None  # "万元" / "元" as declared above the table, None if not declared
    header: list[list[str]] = field(default_factory=list)  # header rows as printed
    columns: list[str] = field(default_factory=list)  # one flattened name per column
    rows: list[Row] = field(default_factory=list)
    end_line: int | None = None
    parts: list[int] = field(default_factory=list)  # title lines of merged continuations
    empty_statement: str | None = None  # e.g. "本表无数据" printed with the table
    notes: list[str] = field(default_factory=list)  # 注：… lines under the table
    # lines printed between the title and the grid (部门名称：…, 公开部门：…, 单位：…, and
    # header rows such as "450002秦皇岛市北戴河区医疗保障局"), kept for metadata and display
    preamble: list[Line] = field(default_factory=list)
    # how ``id`` was known: "title" (or its 公开NN表 marker) or "content" (header columns and
    # row labels of an untitled or oddly titled table; its readings need confirming)
    recognised: str = "title"
    # the unit a column's own header declares ('金额（万元）'), None where it declares none;
    # it wins over ``unit`` for that column's figures
    column_units: list[str | None] = field(default_factory=list)


@dataclass(slots=True)
class Statement:
    """A narrative sentence fragment that carries a number."""

    kind: Literal["amount", "share", "change", "rate"]
    subject: str  # the term the number belongs to, as printed ("基本支出", "收入总计")
    indicator: str | None  # canonical id when ``subject`` maps to one
    value: Decimal  # amount in 万元 (kind amount/change) or percent number (share/rate)
    unit: str  # as printed: "万元", "元", "%"
    raw: str  # the matched text, e.g. "比上年增加274.8万元，增长4.02%"
    sentence: str
    source: SourceRef
    direction: Literal["increase", "decrease", "flat"] | None = None  # for changes
    percent: Decimal | None = None  # growth percent stated with a change
    period: Literal["current", "previous", "budget"] = "current"
    reason: str | None = None  # text after 主要原因是/主要原因为 in the same paragraph
    # the fund budget ("政府性基金", "国有资本") the sentence names before this figure: its
    # 本年支出 is that fund's, not the department's
    fund: str | None = None
    # for a completion rate: the words that follow it and compare final with budget
    # ("决算数大于预算数"), so a rule can check them against the two figures
    verdict: str | None = None
    year: int | None = None  # the year the figure's clause opens with ("2020年收入总计…")
    of: str | None = None  # for a share: the whole it names ("占本年支出合计的…" -> 本年支出合计)
    paragraph: int | None = None  # ordinal of its narrative paragraph: which figures go together
    # the n-th "其中" list of its sentence the figure is printed in (None before any 其中):
    # "支出合计X，其中：基本支出A，项目支出B" — A and B are parts of X
    listed: int | None = None


@dataclass(slots=True)
class Reading:
    """One reading of a canonical indicator: from a standard table or from the narrative."""

    id: str  # canonical indicator id
    value: Decimal  # in 万元, full precision (元 ÷ 10,000)
    origin: Literal["table", "narrative"]
    source: SourceRef
    raw: str  # the printed text, e.g. "4300085.06" or "7119.13万元"
    unit: str  # unit as printed: "万元" / "元"
    table_id: str | None = None
    period: Literal["current", "previous", "budget"] = "current"
    # other places in the document that print the same figure (another table, a narrative
    # sentence); filled for the chosen reading of each indicator (read/indicator_choice.py)
    confirmed_by: list[SourceRef] = field(default_factory=list)

    @property
    def summed(self) -> bool:
        """Added up by the reader from printed parts (read/indicator_groups.py): its ``raw``
        lists them ("1487.48 + 116.93"); every other reading is one printed figure."""
        return self.origin == "table" and " + " in self.raw

    @property
    def confirmations(self) -> int:
        """Independent places printing this figure: its own and each agreeing other."""
        return 1 + len(self.confirmed_by)


@dataclass(slots=True)
class PerformanceIndicator:
    level1: str  # 一级指标
    level2: str  # 二级指标
    level3: str  # 三级指标
    raw: str  # 指标值 as printed: "≥90%", "2月份之前完成"
    operator: str | None = None  # "≥", "≤", "=", ">", "<" or None
    number: Decimal | None = None
    unit: str | None = None  # "%", "元", "人次", "百分比" …
    description: str = ""  # 绩效指标描述 / 指标值说明
    actual: str | None = None  # 全年完成值 (self-evaluations)
    source: SourceRef | None = None


@dataclass(slots=True)
class Project:
    name: str
    code: str | None = None
    amount: Decimal | None = None  # 万元
    amount_raw: str | None = None
    unit_org: str | None = None  # 项目单位 / 实施单位
    category: str | None = None  # 特定目标类 / 业务类 …
    executed: Decimal | None = None  # 全年执行数 (self-evaluations), 万元
    table_id: str | None = None
    source: SourceRef | None = None
    goal: str | None = None
    indicators: list[PerformanceIndicator] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)  # officials' names/phones: hidden by default


@dataclass(slots=True)
class GlossaryEntry:
    term: str
    definition: str
    source: SourceRef


@dataclass(slots=True)
class Section:
    title: str
    level: int  # 1 = 第一部分, 2 = 一、, 3 = （一）, 4 = 1.
    line: int
    children: list[Section] = field(default_factory=list)


@dataclass(slots=True)
class TocEntry:
    title: str  # as listed in the 目录
    line: int
    table_id: str | None = None  # standard-table id when the entry names a table
    found: bool | None = None  # whether the body contains that table (None: not a table)


@dataclass(slots=True)
class Metadata:
    title: str | None = None
    department: str | None = None  # full name, e.g. "保定市满城区医疗保障局"
    department_type: str | None = None  # e.g. "医疗保障局"
    region_name: str | None = None
    region_code: str | None = None  # 6-digit GB/T 2260
    region_level: str | None = None  # "省" / "地级" / "县级"
    year: int | None = None
    kind: Kind | None = None
    scope: Scope | None = None  # department (部门预算/决算) or unit (单位预算/决算)
    units: list[str] = field(default_factory=list)  # declared units, in order of appearance
    source_url: str | None = None
    published: str | None = None  # ISO date
    population: int | None = None  # supplied by a sidecar or site.toml, else from regions table
    from_sidecar: list[str] = field(default_factory=list)  # field names the sidecar supplied
    provenance: dict[str, SourceRef] = field(default_factory=dict)  # where a field was read


@dataclass(slots=True)
class Part:
    """One file of a disclosure published as several (附件1 narrative, 附件2 tables)."""

    file: str
    first_line: int  # the part's lines in Document.lines, inclusive
    last_line: int
    pages: int | None = None  # page numbers of figures stay those of this file


@dataclass(slots=True)
class Document:
    source: str  # input path as given
    format: Literal["text", "pdf"]
    sha256: str
    metadata: Metadata
    encoding: str | None = None
    pages: int | None = None
    lines: list[Line] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    toc: list[TocEntry] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    indicators: dict[str, Reading] = field(default_factory=dict)  # preferred current reading
    readings: list[Reading] = field(default_factory=list)  # every reading, table and narrative
    problems: list[Problem] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)  # empty for a one-file disclosure

    @property
    def failed(self) -> bool:
        return any(p.severity == "error" for p in self.problems)


# a Document is pickled into the read cache and the store: as arguments, not as dicts
pickle_layout.by_position(
    SourceRef,
    Line,
    Problem,
    Code,
    Cell,
    Row,
    Table,
    Statement,
    Reading,
    PerformanceIndicator,
    Project,
    GlossaryEntry,
    Section,
    TocEntry,
    Metadata,
    Part,
    Document,
)
