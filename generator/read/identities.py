"""The identities every budget obeys, checked on the key figures a reader found.

收入总计 = 支出总计; 本年收入合计 + 上年结转 = 收入总计; 基本支出 + 项目支出 (+ a stated reserve
such as 机动经费) = 本年支出合计; the “三公” parts = their total, 购置 + 运行 = 公务用车;
人员经费 + 公用经费 = 基本支出; each key figure stated in the narrative = the same figure in the
tables. They need no hand-made answers, so they tell a reading error from a good reading on
documents nobody has checked by hand: the ``audit`` command reports them, and a reader that
can read a figure more than one way can keep the reading that makes them hold.

Pure functions over readings (``generator.model.Reading``): nothing here opens a file or a
table. Rounding is tolerated as the checks tolerate it (generator/checks/tolerance.py): each
printed figure may be off by half a unit of its last printed digit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from generator.model import (
    CANONICAL_INDICATORS,
    OTHER_SPENDING,
    Reading,
    SourceRef,
    decimals,
    sum_tolerance,
    ulp,
)

Status = Literal["held", "failed", "unverifiable"]

# The figures a maintainer looks at first: a document that gives these gives a department-year.
KEY_FIGURES: tuple[str, ...] = (
    "income_total",
    "expenditure_total",
    "basic_expenditure",
    "project_expenditure",
    "three_public_total",
)

# one 万元 expressed in each printed unit's terms: a figure printed in 元 is 1/10,000 万元
_UNIT_IN_WAN = {
    "元": Decimal("0.0001"),
    "千元": Decimal("0.1"),
    "万元": Decimal(1),
    "百万元": Decimal(100),
    "亿元": Decimal(10000),
}


@dataclass
class Identity:
    """One identity's verdict, with both sides and where each figure was printed."""

    name: str  # stable id, e.g. "income_equals_expenditure"
    title_zh: str  # "收入总计 = 支出总计"
    status: Status
    left: Decimal | None = None  # the total as printed (万元)
    right: Decimal | None = None  # the sum of its parts as read (万元)
    places: list[SourceRef] = field(default_factory=list)  # total first, then each part
    missing: list[str] = field(default_factory=list)  # indicator ids not found
    tolerance: Decimal | None = None

    @property
    def difference(self) -> Decimal | None:
        if self.left is None or self.right is None:
            return None
        return self.left - self.right


def figure_ulp(r: Reading) -> Decimal:
    """One unit of the reading's last printed digit, in 万元; an empty cell (raw "") has no
    digit to round."""
    if not r.raw:
        return Decimal(0)
    return ulp(decimals(r.raw)) * _UNIT_IN_WAN.get(r.unit, Decimal(1))


def _sum_identity(
    name: str,
    title_zh: str,
    total: Reading | None,
    parts: Sequence[Reading | None],
    part_ids: Sequence[str],
    total_id: str,
    optional: Sequence[Reading] = (),
) -> Identity:
    missing = [total_id] if total is None else []
    missing += [pid for pid, p in zip(part_ids, parts, strict=True) if p is None]
    if missing:
        return Identity(name, title_zh, "unverifiable", missing=missing)
    assert total is not None
    present = [p for p in parts if p is not None] + list(optional)
    right = sum((p.value for p in present), Decimal(0))
    step = max(figure_ulp(r) for r in [total, *present])
    tol = sum_tolerance(len(present), step)
    held = abs(total.value - right) <= tol
    return Identity(
        name,
        title_zh,
        "held" if held else "failed",
        left=total.value,
        right=right,
        places=[total.source, *(p.source for p in present)],
        tolerance=tol,
    )


def check_identities(
    figures: Mapping[str, Reading],
    readings: Sequence[Reading] = (),
    kind: str | None = None,
    reserve: Reading | None = None,
    nothing: Mapping[str, Reading] | None = None,
) -> list[Identity]:
    """Every identity over ``figures`` (one chosen current reading per indicator id).

    ``readings`` are all readings of the document (for the narrative = tables identity);
    ``kind`` is the document kind ("budget" / "final"): 收入总计 = 支出总计 is a budget's
    identity (a final account's 支出总计 includes the year-end balance, so it holds too, but
    the reader reads it from other rows). ``reserve`` is a stated reserve (机动经费) that is
    part of 本年支出合计 beside 基本支出 and 项目支出. ``nothing`` are zero readings of “三公”
    parts the total's own row prints as empty cells (read/indicator_three_public.nothing_spent):
    an empty cell is nothing spent, so they complete the “三公” sums where no figure was read.
    """
    f = figures.get

    def part(k: str) -> Reading | None:
        return figures.get(k) or (nothing or {}).get(k)

    out: list[Identity] = []
    if kind in (None, "budget", "final"):
        out.append(
            _sum_identity(
                "income_equals_expenditure",
                "收入总计 = 支出总计",
                f("income_total"),
                [f("expenditure_total")],
                ["expenditure_total"],
                "income_total",
            )
        )
    out.append(
        _sum_identity(
            "income_total_parts",
            "本年收入合计 + 上年结转 = 收入总计",
            f("income_total"),
            [f("income_current_year"), f("carryover_begin")],
            ["income_current_year", "carryover_begin"],
            "income_total",
        )
    )
    out.append(_basic_plus_project(figures, reserve))
    out.append(_three_public(part))
    out.append(
        _sum_identity(
            "vehicle_parts",
            "公务用车购置费 + 运行维护费 = 公务用车购置及运行费",
            f("vehicle_total"),
            [part("vehicle_purchase"), part("vehicle_operation")],
            ["vehicle_purchase", "vehicle_operation"],
            "vehicle_total",
        )
    )
    out.append(_basic_parts(figures, readings))
    out.append(narrative_agrees(figures, readings))
    return out


def _basic_plus_project(figures: Mapping[str, Reading], reserve: Reading | None) -> Identity:
    """基本支出 + 项目支出 (+ 经营支出, 上缴上级支出, 对附属单位补助支出 where printed, + reserve)
    = 本年支出合计; 支出总计 stands in for it when the document prints no 本年支出合计 and no
    year-end balance (a budget's usual case)."""
    total_id = "expenditure_current_year"
    total = figures.get(total_id)
    others = [figures[k] for k in OTHER_SPENDING if k in figures and figures[k].value]
    end = figures.get("carryover_end")
    if total is None and (end is None or end.value == 0):
        total_id, total = "expenditure_total", figures.get("expenditure_total")
    return _sum_identity(
        "basic_plus_project",
        "基本支出 + 项目支出"
        + "".join(f" + {CANONICAL_INDICATORS[o.id]}" for o in others)
        + (" + 机动经费" if reserve else "")
        + " = 本年支出合计",
        total,
        [figures.get("basic_expenditure"), figures.get("project_expenditure")],
        ["basic_expenditure", "project_expenditure"],
        total_id,
        optional=others + ([reserve] if reserve else []),
    )


def _basic_parts(figures: Mapping[str, Reading], readings: Sequence[Reading]) -> Identity:
    """人员经费 + 公用经费 = 基本支出, where the document defines them so.

    Documents print 人员经费 and 公用经费 in the 一般公共预算基本支出表, whose 基本支出 covers
    general-budget money only, while the department's 基本支出 (all funds) may be larger. So
    the parts are compared with every 基本支出 the document prints; the identity fails only
    when the parts' own table prints a 基本支出 that differs (or the narrative's does), and is
    not checkable when no 基本支出 of the parts' scope was read.
    """
    name, title = "basic_parts", "人员经费 + 公用经费 = 基本支出"
    personnel, public = figures.get("personnel_expenditure"), figures.get("public_expenditure")
    chosen = figures.get("basic_expenditure")
    candidates = [chosen] if chosen else []
    candidates += [
        r
        for r in readings
        if r.id == "basic_expenditure" and r.period == "current" and r is not chosen
    ]
    if personnel is None or public is None or not candidates:
        missing = [
            k
            for k, v in (
                ("basic_expenditure", chosen),
                ("personnel_expenditure", personnel),
                ("public_expenditure", public),
            )
            if v is None
        ]
        return Identity(name, title, "unverifiable", missing=missing)
    results = [
        _sum_identity(
            name,
            title,
            total,
            [personnel, public],
            ["personnel_expenditure", "public_expenditure"],
            "basic_expenditure",
        )
        for total in candidates
    ]
    held = [r for r in results if r.status == "held"]
    if held:
        return held[0]
    same_scope = [
        res
        for total, res in zip(candidates, results, strict=True)
        if total.origin == "narrative" or total.table_id == personnel.table_id
    ]
    if same_scope:
        return same_scope[0]
    return Identity(
        name, title, "unverifiable", missing=[f"basic_expenditure ({personnel.table_id})"]
    )


def _three_public(part: Callable[[str], Reading | None]) -> Identity:
    """出国 + 公务用车 + 接待 = “三公”经费; a table that prints only 购置 and 运行 counts both."""
    f = part
    vehicles: list[Reading | None]
    if f("vehicle_total") is not None or (
        f("vehicle_purchase") is None and f("vehicle_operation") is None
    ):
        vehicles, vids = [f("vehicle_total")], ["vehicle_total"]
    else:
        vehicles, vids = (
            [f("vehicle_purchase"), f("vehicle_operation")],
            [
                "vehicle_purchase",
                "vehicle_operation",
            ],
        )
    return _sum_identity(
        "three_public_parts",
        "因公出国（境）费 + 公务用车购置及运行费 + 公务接待费 = “三公”经费",
        f("three_public_total"),
        [f("overseas_travel"), *vehicles, f("official_reception")],
        ["overseas_travel", *vids, "official_reception"],
        "three_public_total",
    )


def agree(a: Reading, b: Reading) -> bool:
    """The same figure printed twice, each rounded at its own last digit."""
    return abs(a.value - b.value) <= (figure_ulp(a) + figure_ulp(b)) / 2


def narrative_agrees(
    figures: Mapping[str, Reading], readings: Sequence[Reading], ids: Sequence[str] = KEY_FIGURES
) -> Identity:
    """Each key figure the narrative states for the current year = the tables' figure.

    A table may print the same name for several scopes (基本支出 of all funds and of the
    general budget), so a narrative figure agrees when it equals any table reading of its
    indicator. Held when at least one was compared and all agree; the first disagreement is
    reported with the tables' chosen figure, the narrative's, and both places.
    """
    compared = 0
    for r in readings:
        if r.origin != "narrative" or r.period != "current" or r.id not in ids:
            continue
        tables = [
            t for t in readings if t.id == r.id and t.origin == "table" and t.period == "current"
        ]
        table = figures.get(r.id)
        if table is None or table.origin != "table" or not tables:
            continue
        compared += 1
        if not any(agree(t, r) for t in tables):
            return Identity(
                "narrative_equals_tables",
                f"说明中的{_zh(r.id)} = 表中的{_zh(r.id)}",
                "failed",
                left=table.value,
                right=r.value,
                places=[table.source, r.source],
                tolerance=(figure_ulp(table) + figure_ulp(r)) / 2,
            )
    if not compared:
        return Identity("narrative_equals_tables", "说明中的主要数字 = 表中的数字", "unverifiable")
    return Identity("narrative_equals_tables", "说明中的主要数字 = 表中的数字", "held")


def _zh(indicator: str) -> str:
    return CANONICAL_INDICATORS.get(indicator, indicator)


# the identities that tie the key figures together: a document is fully consistent only when
# each of them was checked and held
CORE: tuple[str, ...] = ("income_equals_expenditure", "basic_plus_project", "three_public_parts")


def consistent(results: Sequence[Identity]) -> bool:
    """No identity failed and at least one could be checked."""
    return any(r.status == "held" for r in results) and not any(
        r.status == "failed" for r in results
    )


def fully_consistent(results: Sequence[Identity], found: Sequence[str]) -> bool:
    """Every key figure found, the core identities held, and no identity failed.

    A document whose figures were only partly read is not "consistent": the identities that
    could not be checked are exactly where a reading error would hide.
    """
    status = {r.name: r.status for r in results}
    return (
        all(k in found for k in KEY_FIGURES)
        and all(status.get(name) == "held" for name in CORE)
        and "failed" not in status.values()
    )
