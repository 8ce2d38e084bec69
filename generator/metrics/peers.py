"""Peer groups, ranks, percentiles and medians: only comparable department-years meet.

Peers are departments of the same type and administrative level, same year and same kind of
document. Only numbers (a value or a stated 0) enter a rank or a median; a figure that is
not disclosed, not applicable or unreadable is counted aside, never as 0.
"""

from __future__ import annotations

import bisect
import statistics
from collections.abc import Mapping
from decimal import Decimal

import pandas as pd

from generator.metrics.definitions import METRIC_DOCS
from generator.metrics.types import DocumentMetrics, PeerGroup, PeerStat, RankEntry
from generator.model import KIND_ZH

HEADLINE = tuple(m for m, d in METRIC_DOCS.items() if d.headline)


def peer_key(department_type: str | None, region_level: str | None) -> tuple[str, str]:
    """Who is comparable with whom, the one definition: departments of the same type at the
    same administrative level. A peer group adds the year and the kind of document; the
    department-year page's list of similar departments uses this key alone."""
    return department_type or "", region_level or ""


def _frame(department_years: Mapping[str, DocumentMetrics]) -> pd.DataFrame:
    rows = [
        {
            "key": dy.key,
            "type": dy.department_type or "",
            "level": dy.region_level or "",
            "year": dy.year if dy.year is not None else -1,
            "kind": dy.kind or "",
        }
        for dy in department_years.values()
    ]
    return pd.DataFrame(rows, columns=["key", "type", "level", "year", "kind"])


class SortedValues:
    """The numbers of one metric in one group, sorted once: ranks and percentiles by bisection."""

    def __init__(self, metric: str, members: list[DocumentMetrics]):
        values: list[Decimal] = []
        missing: dict[str, int] = {}
        for m in members:
            mv = m.metrics.get(metric)
            if mv is not None and mv.numeric:
                values.append(mv.value)
            else:
                status = mv.status if mv is not None else "not_disclosed"
                missing[status] = missing.get(status, 0) + 1
        self.values = sorted(values)
        self.missing = dict(sorted(missing.items()))
        self.median = statistics.median(self.values) if self.values else None

    def rank(self, value: Decimal) -> int:
        """1 = highest; ties share the best rank."""
        return len(self.values) - bisect.bisect_right(self.values, value) + 1

    def percentile(self, value: Decimal) -> Decimal:
        return Decimal(bisect.bisect_right(self.values, value)) / Decimal(len(self.values))


def _stat(metric: str, me: DocumentMetrics, group: SortedValues) -> PeerStat:
    mine = me.metrics.get(metric)
    rank = percentile = None
    if mine is not None and mine.numeric and group.values:
        rank, percentile = group.rank(mine.value), group.percentile(mine.value)
    return PeerStat(metric, rank, len(group.values), percentile, group.median, dict(group.missing))


def assign_peers(department_years: dict[str, DocumentMetrics]) -> None:
    """Fill ``peer_group`` and ``peers`` of every department-year in place."""
    df = _frame(department_years)
    if df.empty:
        return
    exact = df.groupby(["type", "level", "year", "kind"])["key"].apply(sorted).to_dict()
    loose = df.groupby(["type", "year", "kind"])["key"].apply(sorted).to_dict()
    cache: dict[str, dict[str, SortedValues]] = {}
    for dy in department_years.values():
        (t, lv), y, k = (
            peer_key(dy.department_type, dy.region_level),
            dy.year if dy.year is not None else -1,
            dy.kind or "",
        )
        group = PeerGroup(dy.department_type, dy.region_level, dy.year, dy.kind)
        if not t or y < 0 or not k:
            group.members = [dy.key]
            group.note = "部门类型、年度或文件类型未知，无法确定可比对象。"
        else:
            members = exact.get((t, lv, y, k), [dy.key]) if lv else [dy.key]
            if len(members) > 1:
                group.members, group.id = members, f"{t}|{lv}|{y}|{k}"
                group.note = (
                    f"可比对象：{lv}{t}，{y}年{_kind_zh(k)}，共{len(members)}个（含本部门）。"
                )
            else:
                near = loose.get((t, y, k), [dy.key])
                if len(near) > 1:
                    group.members, group.nearest, group.id = near, True, f"{t}|*|{y}|{k}"
                    group.note = (
                        f"本站没有与本部门同级（{lv or '级别未知'}）的{t}{y}年{_kind_zh(k)}可比；"
                        f"以下为同类部门（不分行政级别）共{len(near)}个，级别不同，仅供参考。"
                    )
                else:
                    group.members = [dy.key]
                    group.note = f"本站暂无其他{t}{y}年{_kind_zh(k)}，没有可比对象。"
        dy.peer_group = group
        if len(group.members) > 1:
            if group.id not in cache:
                members_dy = [department_years[k2] for k2 in group.members]
                cache[group.id] = {m: SortedValues(m, members_dy) for m in HEADLINE}
            dy.peers = {m: _stat(m, dy, cache[group.id][m]) for m in HEADLINE}


def _kind_zh(kind: str) -> str:
    return KIND_ZH.get(kind, kind)


def rankings(
    department_years: Mapping[str, DocumentMetrics],
) -> dict[tuple[str, int, str], list[RankEntry]]:
    """(metric, year, kind) -> all department-years, ranked within each department type."""
    out: dict[tuple[str, int, str], list[RankEntry]] = {}
    groups: dict[tuple[int, str], list[DocumentMetrics]] = {}
    for dy in department_years.values():
        if dy.year is not None and dy.kind:
            groups.setdefault((dy.year, dy.kind), []).append(dy)
    for (year, kind), dys in sorted(groups.items()):
        by_type: dict[str | None, list[DocumentMetrics]] = {}
        for dy in dys:
            by_type.setdefault(dy.department_type, []).append(dy)
        for metric in METRIC_DOCS:
            sorted_by_type = {t: SortedValues(metric, members) for t, members in by_type.items()}
            entries = []
            for dy in dys:
                mv = dy.metrics.get(metric)
                numeric = mv is not None and mv.numeric
                rank = sorted_by_type[dy.department_type].rank(mv.value) if numeric else None
                entries.append(
                    RankEntry(
                        dy.key,
                        dy.department_id,
                        dy.department,
                        dy.region_level,
                        mv.status if mv is not None else "not_disclosed",
                        mv.value if numeric else None,
                        rank,
                        dy.department_type,
                    )
                )
            if all(e.status == "not_applicable" for e in entries):
                continue  # e.g. execution rate of budgets: no page of nothing
            entries.sort(
                key=lambda e: (e.department_type or "", e.rank is None, e.rank or 0, e.key)
            )
            out[(metric, year, kind)] = entries
    return out
