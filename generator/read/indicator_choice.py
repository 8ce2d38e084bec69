"""Choose, among a document's readings of each indicator, those its own identities confirm.

A figure can often be read more than one way: the 合计 of the department's expenditure table
or of the appropriations' table beside it, the only total of an untitled table, a narrative
sentence. The document itself says which reading is right: 收入总计 = 支出总计, 基本支出 +
项目支出 = 本年支出合计, the “三公” parts add up, the narrative states the tables' figures. So the
reader starts from the first reading in document order (a titled table before an untitled one,
a table before the narrative) and swaps in another printed reading only when that makes more
identities hold without making any fail. Nothing is computed or corrected: every candidate is
a figure as printed, and a figure the identities contradict stays as printed, with the
contradiction reported by the checks and the audit.

Each chosen reading also records where else the document prints the same figure
(``Reading.confirmed_by``): another table or a narrative sentence that agrees with it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from generator.model import Reading, SourceRef
from generator.read.identities import agree, check_identities

# the indicators the identities relate, in the order they are reconsidered
_RELATED = (
    "income_total",
    "expenditure_total",
    "income_current_year",
    "expenditure_current_year",
    "carryover_begin",
    "carryover_end",
    "basic_expenditure",
    "project_expenditure",
    "personnel_expenditure",
    "public_expenditure",
    "three_public_total",
    "overseas_travel",
    "vehicle_total",
    "vehicle_purchase",
    "vehicle_operation",
    "official_reception",
)
_MAX_CANDIDATES = 6  # distinct printed values tried per indicator


def choose(
    strong: Mapping[str, list[Reading]],
    weak: Mapping[str, list[Reading]],
    readings: Sequence[Reading],
    kind: str | None = None,
    tables: Sequence[Sequence[Reading]] = (),
) -> dict[str, Reading]:
    """One reading per indicator id.

    ``strong``: candidates per id from titled tables (then the narrative), in preference
    order; the first is the default. ``weak``: candidates from tables recognised only by
    their content, used only where they make more identities hold and none fail.
    ``tables``: the current readings of each table, tried together (基本支出 and 项目支出 of
    one table confirm each other only as a pair).
    """
    chosen = {ind: options[0] for ind, options in strong.items() if options}
    best = _score(chosen, readings, kind)
    for _ in range(2):
        improved = False
        moves = [[r] for ind in _RELATED for r in _options(ind, strong, weak)]
        moves += [[r for r in group if r.id in _RELATED] for group in tables]
        for move in moves:
            trial = dict(chosen)
            changed = False
            for r in _first_per_id(move):
                current = trial.get(r.id)
                if current is None or current.value != r.value:
                    trial[r.id] = r
                    changed = True
            if not changed:
                continue
            score = _score(trial, readings, kind)
            if _better(score, best):
                chosen, best, improved = trial, score, True
        if not improved:
            break
    return chosen


def _options(ind: str, strong, weak) -> list[Reading]:
    return _distinct(list(strong.get(ind, ())) + list(weak.get(ind, ())))


def _first_per_id(move: list[Reading]) -> list[Reading]:
    seen: set[str] = set()
    out = []
    for r in move:
        if r.id not in seen and r.period == "current":
            seen.add(r.id)
            out.append(r)
    return out


def _distinct(options: list[Reading]) -> list[Reading]:
    seen: set = set()
    out = []
    for r in options:
        if r.value not in seen:
            seen.add(r.value)
            out.append(r)
    return out[:_MAX_CANDIDATES]


def _score(figures: Mapping[str, Reading], readings: Sequence[Reading], kind) -> tuple[int, int]:
    results = check_identities(figures, readings, kind)
    held = sum(1 for r in results if r.status == "held")
    failed = sum(1 for r in results if r.status == "failed")
    return failed, held


def _better(new: tuple[int, int], old: tuple[int, int]) -> bool:
    """More identities held and none more failed, or fewer failed and none fewer held."""
    (new_failed, new_held), (old_failed, old_held) = new, old
    if new_failed > old_failed or new_held < old_held:
        return False
    return new_failed < old_failed or new_held > old_held


def confirmations(chosen: Reading, readings: Sequence[Reading]) -> list[SourceRef]:
    """Other places that print the same figure: each other table and each narrative sentence."""
    places: list[SourceRef] = []
    seen: set = {_place(chosen)}
    for r in readings:
        if r.id != chosen.id or r.period != chosen.period or r is chosen:
            continue
        key = _place(r)
        if key in seen or not agree(chosen, r):
            continue
        seen.add(key)
        places.append(r.source)
    return places


def _place(r: Reading) -> tuple:
    """Independent places: one per table (by kind and page), one per narrative line."""
    if r.origin == "table":
        return ("table", r.table_id, r.source.file, r.source.page)
    return ("narrative", r.source.file, r.source.line)
