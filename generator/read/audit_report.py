"""How the audit is shown: a progress bar on stderr, one line per document, a summary, JSON.

The summary's rates are over the files that are disclosures (refused files are counted
apart). Key figures and consistency are over budgets and final accounts only: a document of
performance targets (绩效目标) legitimately has no 收入总计. A scanned disclosure counts as
found nothing and consistent nowhere until OCR exists.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass

from generator.read.audit import AuditRow
from generator.read.identities import KEY_FIGURES

METADATA_FIELDS = ("department", "region_code", "year", "kind", "scope")
_SHORT = {
    "income_total": "收入总计",
    "expenditure_total": "支出总计",
    "basic_expenditure": "基本",
    "project_expenditure": "项目",
    "three_public_total": "三公",
}
_KIND = {"budget": "预算", "final": "决算", "performance": "绩效"}
_SCOPE = {"department": "部门", "unit": "单位"}
_MARK = {"held": "✓", "failed": "✗", "unverifiable": "·"}


class Progress:
    """``audit [#####.....] 12/87 file.pdf`` on stderr; redrawn in place on a terminal."""

    def __init__(self, total: int):
        self.total, self.done = total, 0
        self.tty = sys.stderr.isatty()

    def step(self, path: str) -> None:
        self.done += 1
        if not self.tty and self.done < self.total and self.done % 10:
            return
        width = 30
        filled = width * self.done // max(self.total, 1)
        name = path.rsplit("/", 1)[-1][:40]
        sys.stderr.write(
            f"\raudit [{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} {name:<40}"
            + ("" if self.tty else "\n")
        )
        sys.stderr.flush()

    def close(self) -> None:
        if self.tty:
            sys.stderr.write("\n")


@dataclass
class Summary:
    documents: int
    disclosures: int
    refused: int
    failed: int
    metadata_found: float  # percent of METADATA_FIELDS found over disclosures
    key_figures_found: float  # percent of KEY_FIGURES found over budgets and finals
    consistent: float  # percent of budgets and finals whose identities all hold
    scanned_pages: int
    pages: int
    ms_per_page: float  # reading time summed over documents / pages
    wall_seconds: float


def _pct(n: int, d: int) -> float:
    return round(100 * n / d, 1) if d else 0.0


def summarise(rows: list[AuditRow], wall_seconds: float = 0.0) -> Summary:
    disclosures = [r for r in rows if r.status != "not_disclosure"]
    accounts = [r for r in disclosures if r.kind != "performance"]
    meta = sum(1 for r in disclosures for f in METADATA_FIELDS if getattr(r, f) is not None)
    figures = sum(len(r.figures) for r in accounts)
    pages = sum(r.pages for r in rows)
    return Summary(
        documents=len(rows),
        disclosures=len(disclosures),
        refused=len(rows) - len(disclosures),
        failed=sum(1 for r in rows if r.status == "failed"),
        metadata_found=_pct(meta, len(METADATA_FIELDS) * len(disclosures)),
        key_figures_found=_pct(figures, len(KEY_FIGURES) * len(accounts)),
        consistent=_pct(sum(1 for r in accounts if r.consistent), len(accounts)),
        scanned_pages=sum(len(r.scanned_pages) for r in rows),
        pages=pages,
        ms_per_page=round(1000 * sum(r.seconds for r in rows) / max(pages, 1), 1),
        wall_seconds=round(wall_seconds, 2),
    )


def _place(p: dict) -> str:
    return f"p{p['page']}" if p.get("page") else f"l{p['line']}"


def format_identity(i: dict) -> str:
    if i["status"] == "failed":
        where = "/".join(_place(p) for p in i["places"])
        return f"✗ {i['title']}: {i['left']} ≠ {i['right']} ({where})"
    return f"{_MARK[i['status']]} {i['title']}"


def format_row(r: AuditRow) -> str:
    head = (
        f"{r.path}\n  {r.status}"
        + (f" ({r.reason})" if r.reason else "")
        + f" · {r.department or '?'} · {r.region or '?'} · {r.year or '?'} · "
        f"{_KIND.get(r.kind or '', '?')} · {_SCOPE.get(r.scope or '', '?')} · "
        f"{r.pages} pages · {r.ms_per_page:.0f} ms/page"
    )
    out = [head]
    if r.status == "read":
        found = " ".join(
            f"{_SHORT[k]}={r.figures[k]['value']}" if k in r.figures else f"{_SHORT[k]}=—"
            for k in KEY_FIGURES
        )
        out.append("  figures: " + found)
        marks = " ".join(_MARK[i["status"]] for i in r.identities)
        out.append(
            f"  identities [{marks}] "
            + "; ".join(format_identity(i) for i in r.identities if i["status"] == "failed")
        )
    if r.scanned_pages:
        out.append("  scanned pages: " + _ranges(r.scanned_pages))
    for p in r.problems[:5]:
        out.append("  problem: " + p)
    if len(r.problems) > 5:
        out.append(f"  … {len(r.problems) - 5} more problems")
    return "\n".join(out)


def _ranges(pages: list[int]) -> str:
    out: list[str] = []
    start = prev = pages[0]
    for p in [*pages[1:], None]:
        if p is not None and p == prev + 1:
            prev = p
            continue
        out.append(f"{start}" if start == prev else f"{start}–{prev}")
        if p is not None:
            start = prev = p
    return ", ".join(out)


def format_summary(s: Summary) -> str:
    return (
        f"documents {s.documents} (disclosures {s.disclosures}, refused {s.refused}, "
        f"failed {s.failed}) · metadata found {s.metadata_found}% · key figures found "
        f"{s.key_figures_found}% · fully consistent {s.consistent}% · scanned pages "
        f"{s.scanned_pages} · {s.pages} pages · {s.ms_per_page} ms/page · "
        f"{s.wall_seconds} s wall"
    )


def to_json(rows: list[AuditRow], summary: Summary) -> str:
    data = {
        "documents": [dict(asdict(r), ms_per_page=round(r.ms_per_page, 1)) for r in rows],
        "summary": asdict(summary),
    }
    return json.dumps(data, ensure_ascii=False, indent=1)
