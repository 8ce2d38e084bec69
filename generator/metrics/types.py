"""The plain data the metrics stage hands to the site (re-exported by ``generator.metrics``).

Every number keeps its status (why it is missing, if it is) and the inputs it was computed
from with their source lines, so a page can show the formula with the actual figures and a
visitor can follow each one back to the printed line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from generator.metrics.definitions import NUMERIC_STATUSES, Status
from generator.model import SourceRef


@dataclass
class Input:
    """One figure a metric used: a canonical indicator reading, a statement or a population."""

    indicator: str  # canonical id, "population", or "stated_change"
    label: str  # Chinese, e.g. "基本支出"
    value: Decimal | None
    unit: str  # "万元", "人", "%"
    document: str | None = None  # Document.source it came from (None: population tables)
    source: SourceRef | None = None
    note: str = ""  # e.g. "上年文件", "文件自述的上年数"


@dataclass
class MetricValue:
    metric: str  # metric id or canonical indicator id
    status: Status
    value: Decimal | None = None  # full precision; rounded only for display
    unit: str = ""
    inputs: list[Input] = field(default_factory=list)
    note: str = ""  # plain Chinese: fallbacks used, where a prior-year figure came from
    basis: str = ""  # machine-readable variant, e.g. "expenditure_total_no_carryover"
    findings: list[str] = field(default_factory=list)  # check rule ids touching an input

    @property
    def numeric(self) -> bool:
        return self.status in NUMERIC_STATUSES and self.value is not None


@dataclass
class Change:
    """The change of 支出总计 against the same department's previous year, same kind."""

    current: Decimal | None
    previous: Decimal | None
    amount: Decimal | None
    percent: Decimal | None  # ratio, full precision
    basis: str  # "previous_document", "stated_change", "previous_reading", "none"
    basis_zh: str
    previous_document: str | None = None  # Document.source of last year's document
    previous_key: str | None = None  # DocumentMetrics.key of last year's document
    stated_percent: Decimal | None = None  # percent number the document printed, if any
    reason: str | None = None  # the document's own 主要原因是…
    reason_source: SourceRef | None = None
    flagged: bool = False  # large change (≥ 10 %) without a stated reason


@dataclass
class PeerStat:
    metric: str
    rank: int | None  # 1 = highest; None when this department-year has no number
    of: int  # peers with a number (this one included when it has one)
    percentile: Decimal | None  # share of peers with a value ≤ this one, 0..1
    median: Decimal | None
    missing: dict[str, int] = field(default_factory=dict)  # status -> count, left out


@dataclass
class PeerGroup:
    department_type: str | None
    region_level: str | None
    year: int | None
    kind: str | None
    members: list[str] = field(default_factory=list)  # DocumentMetrics keys, self included
    nearest: bool = False  # True: no same-level peer, this is same type at any level
    id: str = ""  # the same for every member of one group (cache key, not for display)
    note: str = ""  # plain Chinese for the page


@dataclass
class DocumentMetrics:
    """One document's figures and derived metrics (a department-year of one kind)."""

    key: str  # stable id used in URLs and compare.json
    department_id: str
    department: str
    department_type: str | None
    region_code: str | None
    region_name: str | None
    region_level: str | None
    year: int | None
    kind: str | None
    document: str  # Document.source
    population: int | None = None
    population_source: str = ""  # plain words + URL, or "" when unknown
    population_year: int | None = None
    figures: dict[str, MetricValue] = field(default_factory=dict)  # canonical, in 万元
    metrics: dict[str, MetricValue] = field(default_factory=dict)  # derived, see METRIC_DOCS
    change: Change | None = None
    peer_group: PeerGroup | None = None
    peers: dict[str, PeerStat] = field(default_factory=dict)

    @property
    def anchor(self) -> str:
        """Its metrics panel's id on the department-year page: the kind, and a second
        document of one department-year-kind (``compute``'s key "…-budget-2") its number too,
        so two panels of one page never share an id."""
        last = self.key.rsplit("-", 1)[-1]
        return f"{self.kind}-{last}" if last.isdigit() else f"{self.kind}"


@dataclass
class RankEntry:
    key: str
    department_id: str
    department: str
    region_level: str | None
    status: str
    value: Decimal | None
    rank: int | None  # among the same department type, same year and kind
    department_type: str | None = None


@dataclass
class SeriesPoint:
    year: int
    kind: str
    key: str
    status: str
    value: Decimal | None


@dataclass
class Metrics:
    department_years: dict[str, DocumentMetrics] = field(default_factory=dict)
    # (metric, year, kind) -> every department-year of that year and kind, ranked first
    rankings: dict[tuple[str, int, str], list[RankEntry]] = field(default_factory=dict)
    # department_id -> metric -> points ordered by year, kind
    series: dict[str, dict[str, list[SeriesPoint]]] = field(default_factory=dict)
    _by_department_year: dict[tuple[str, int | None], list[str]] = field(
        default_factory=dict, repr=False
    )
    _cache: dict = field(default_factory=dict, repr=False)  # view data shared between pages

    def for_department_year(self, department_id: str, year: int | None) -> list[DocumentMetrics]:
        """The department-years (one per document kind) of one department and year."""
        if not self._by_department_year:
            for key, dy in self.department_years.items():
                self._by_department_year.setdefault((dy.department_id, dy.year), []).append(key)
        keys = self._by_department_year.get((department_id, year), [])
        return [self.department_years[k] for k in keys]
