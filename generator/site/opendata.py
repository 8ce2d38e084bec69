"""Open data: CSV/JSON downloads and a Frictionless data package describing them.

Values are written with the Decimal's own digits (``format(value, "f")``): 142.008506, never
142.00850600000001. CSVs carry a UTF-8 BOM so that Excel opens the Chinese names correctly.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from typing import Any

from generator import json_text
from generator.checks.packed import PackedFindings
from generator.links import Links
from generator.model import CANONICAL_INDICATORS, KINDS
from generator.safe_output import csv_cell, web_url
from generator.site import compact_json, row_cache
from generator.site.charts import indicator_name
from generator.site.deps import all_deps
from generator.site.metric_data import each_metric_row
from generator.site.model import DepartmentYear, Site
from generator.site.registry import Page, Registry

INDICATOR_FIELDS = [
    "department_id",
    "department",
    "region_code",
    "year",
    "kind",
    "indicator",
    "value",
    "unit",
    "source",
]
FINDING_FIELDS = ["department_id", "year", "kind", "rule", "severity", "message", "sources"]


def _csv(fields: list[str], rows: Iterable[list[Any]]) -> bytes:
    return b"".join(_csv_chunks(fields, rows))


CHUNK_ROWS = 2000  # rows per chunk of a streamed CSV


def _csv_chunks(fields: list[str], rows: Iterable[list[Any]]) -> Iterator[bytes]:
    """A CSV as chunks of bytes (UTF-8 with a byte-order mark, for Excel): the site-wide
    downloads are hundreds of megabytes at national scale, and are written as they are made
    (generator/render.py ``write_if_changed``), never held whole."""
    yield _csv_header(fields)
    yield from _row_chunks(rows)


def _csv_header(fields: list[str]) -> bytes:
    buf = io.StringIO()
    buf.write("\ufeff")
    csv.writer(buf, lineterminator="\n").writerow(fields)
    return buf.getvalue().encode("utf-8")


def _row_chunks(rows: Iterable[list[Any]]) -> Iterator[bytes]:
    """Rows as CSV without a header: a CSV row's text does not depend on the rows around it,
    so rows written apart and joined are the file written at once."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    for n, row in enumerate(rows, 1):
        w.writerow([csv_cell(v) for v in row])
        if n % CHUNK_ROWS == 0:
            yield buf.getvalue().encode("utf-8")
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue().encode("utf-8")


def _kept_csv(
    site: Site,
    fields: list[str],
    dys: list[DepartmentYear],
    folder: str,
    rows_of: Callable[[Site, list[DepartmentYear]], Iterable[list[Any]]],
    key_of: Callable[[Site, DepartmentYear], str | None],
) -> Iterator[bytes]:
    """A site-wide CSV whose rows are each department-year's ``rows_of``, kept between
    builds (``row_cache``) under ``key_of``: what those rows show (None: made each time)."""
    kept = row_cache.Kept(site.rows_cache and site.rows_cache / folder)
    yield _csv_header(fields)
    for dy in dys:
        make = lambda dy=dy: b"".join(_row_chunks(rows_of(site, [dy])))  # noqa: E731
        key = key_of(site, dy) if kept.folder is not None else None
        yield make() if key is None else kept.rows(key, make)
    kept.prune()


def _indicators_key(site: Site, dy: DepartmentYear) -> str:
    """Every value a department-year's rows of ``indicators.csv`` show."""
    d = dy.department
    shown = [
        f"{doc.rel}\t{doc.kind}\t"
        + ";".join(f"{i}={r.value}@{r.source.line}" for i, r in doc.document.indicators.items())
        for doc in dy.docs
    ]
    return row_cache.key(d.id, d.name, d.region_code, dy.year, *shown)


def _findings_key(site: Site, dy: DepartmentYear) -> str | None:
    """What a department-year's rows of ``findings.csv`` are made of: its findings, its
    department and year, and for each file the findings name, the document the site shows
    it in (its kind and name). Only packed findings say that without being unpacked."""
    findings = dy.findings
    if not findings or not isinstance(findings, PackedFindings):
        return None
    named = []
    for file in sorted(findings.files()):
        doc = site.doc_for(file)
        named.append(f"{file}\t{doc.rel}\t{doc.kind}" if doc else file)
    return row_cache.key(dy.department.id, dy.year, findings.digest(), *named)


def indicator_rows(site: Site, dys: list[DepartmentYear]) -> Iterator[list[Any]]:
    for dy in dys:
        for doc in dy.docs:
            for ind, reading in sorted(doc.document.indicators.items()):
                yield (
                    [
                        dy.department.id,
                        dy.department.name,
                        dy.department.region_code or "",
                        dy.year,
                        doc.kind or "",
                        ind,
                        reading.value,
                        "万元",
                        f"{doc.rel}#L{reading.source.line}",
                    ]
                )


def metric_rows(site: Site) -> Iterator[list[Any]]:
    """Derived metrics (generator.metrics) beside the canonical rows, same columns."""
    if site.metrics is not None:
        yield from ([r[f] for f in INDICATOR_FIELDS] for r in each_metric_row(site.metrics))


def finding_rows(site: Site, dys: list[DepartmentYear]) -> Iterator[list[Any]]:
    for dy in dys:
        for f in dy.findings or []:
            doc = site.doc_for(f.document)
            sources = " ".join(sorted({site.source_label(e.source) for e in f.evidence}))
            yield (
                [
                    dy.department.id,
                    dy.year,
                    doc.kind if doc else "",
                    f.rule,
                    f.severity,
                    f.message,
                    sources,
                ]
            )


# The download of one department-year is for people: Chinese headers and names, the printed
# line as a link. The open-data package (data/) keeps the stable English ids above.
DOWNLOAD_FIELDS = [
    "部门",
    "地区代码",
    "年度",
    "文件",
    "指标",
    "数值",
    "单位",
    "原文位置",
    "指标代码",
]


# File systems allow 255 bytes per name; a Chinese character takes 3 in UTF-8.
MAX_NAME_BYTES = 180


def download_name(dy: DepartmentYear) -> str:
    """The file name a citizen saves: 滑县医疗保障局-2024-部门预算.csv.

    Each kind is named once, however many documents of it the year has (two budgets:
    部门预算). The name is the only CSV in its department-year folder, so it stays unique
    when a very long department name is shortened (with …) to keep it under
    ``MAX_NAME_BYTES``."""
    kinds = "、".join(dict.fromkeys(d.kind_zh for d in dy.docs)) or "公开文件"
    tail = f"-{dy.year}-{kinds}.csv"
    name = dy.department.name.replace("/", "／")
    room = MAX_NAME_BYTES - len(tail.encode("utf-8"))
    if len(name.encode("utf-8")) > room:
        while len((name + "…").encode("utf-8")) > room:
            name = name[:-1]
        name += "…"
    return name + tail


def department_year_csv(site: Site, dy: DepartmentYear) -> bytes:
    rows = []
    for doc in dy.docs:
        for ind, reading in sorted(doc.document.indicators.items()):
            ref = doc.path and site.links.absolute(doc.path) + f"#L{reading.source.line}"
            rows.append(
                [
                    dy.department.name,
                    dy.department.region_code or "",
                    dy.year,
                    doc.kind_zh,
                    indicator_name(ind),
                    reading.value,
                    "万元",
                    ref or f"第 {reading.source.line} 行",
                    ind,
                ]
            )
    return _csv(DOWNLOAD_FIELDS, rows)


def _doc_json(site: Site, sdoc) -> dict[str, Any]:
    source_page = site.links.url(sdoc.path)
    return compact_json.document(sdoc.full().document, sdoc.rel, sdoc.dept_id, source_page)


def department_year_json(site: Site, dy: DepartmentYear) -> bytes:
    """The full reading result of a department-year, compact (see ``compact_json``) and
    gzip-compressed (``Links.DEPARTMENT_YEAR_DATA``). A fixed time stamp and no file name
    in the gzip header keep the bytes the same on every build. zlib's default level: on 150
    department-years level 9 took twice as long (1.09 s against 0.56 s) for files 2% smaller."""
    out = {
        "format": compact_json.FORMAT,
        "department_id": dy.department.id,
        "department": dy.department.name,
        "year": dy.year,
        "documents": [_doc_json(site, d) for d in dy.docs],
        "findings": compact_json.findings(dy.findings),
    }
    return gzip.compress(json_text.dumps(out) + b"\n", compresslevel=6, mtime=0)


def disclosures(site: Site) -> bytes:
    items = []
    for d in site.docs:
        m = d.document.metadata
        items.append(
            {
                "department_id": d.dept_id,
                "department": d.document.metadata.department,
                "region_code": m.region_code,
                "region_name": m.region_name,
                "year": d.year,
                "kind": d.kind,
                "file": d.rel,
                "sha256": d.document.sha256,
                "format": d.document.format,
                "source_url": web_url(m.source_url),
                "published": m.published,
                "page": site.links.absolute(d.path),
                "problems": len(d.document.problems),
            }
        )
    return (json.dumps(items, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _field(name: str, type_: str, description: str, **extra: Any) -> dict[str, Any]:
    return {"name": name, "type": type_, "description": description, **extra}


def datapackage(site: Site) -> bytes:
    ind_fields = [
        _field("department_id", "string", "Stable department id: region code + type slug"),
        _field("department", "string", "Department name as published"),
        _field("region_code", "string", "GB/T 2260 region code (6 digits)"),
        _field("year", "integer", "Budget year"),
        _field(
            "kind",
            "string",
            "budget, final or performance",
            constraints={"enum": [*KINDS, ""]},
        ),
        _field(
            "indicator", "string", "Indicator id; canonical ids: " + ", ".join(CANONICAL_INDICATORS)
        ),
        _field("value", "number", "Value in 万元 (10,000 yuan), full precision as published"),
        _field("unit", "string", "Always 万元"),
        _field("source", "string", "Input file and line: file#Lline"),
    ]
    find_fields = [
        _field("department_id", "string", "Stable department id"),
        _field("year", "integer", "Budget year"),
        _field("kind", "string", "Kind of the document the finding is about"),
        _field("rule", "string", "Check rule id (see the methodology page)"),
        _field("severity", "string", "error, warning or info"),
        _field("message", "string", "The finding in plain Chinese"),
        _field("sources", "string", "Space-separated file#Lline of every figure involved"),
    ]
    csv_dialect = {"header": True, "delimiter": ","}
    pkg = {
        "name": "budget-site-data",
        "title": site.config.title,
        "description": "Figures read from Chinese department budget disclosures, with source lines.",
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "title": "Creative Commons Attribution 4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
            }
        ],
        "resources": [
            {
                "name": "indicators",
                "path": Links.INDICATORS_CSV.removeprefix(Links.DATA),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "dialect": csv_dialect,
                "schema": {"fields": ind_fields},
            },
            {
                "name": "findings",
                "path": Links.FINDINGS_CSV.removeprefix(Links.DATA),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "dialect": csv_dialect,
                "schema": {"fields": find_fields},
            },
            {
                "name": "disclosures",
                "path": Links.DISCLOSURES_JSON.removeprefix(Links.DATA),
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
            },
        ],
    }
    return (json.dumps(pkg, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def open_data(site: Site, reg: Registry) -> None:
    deps = all_deps(site)
    dys = site.department_years
    reg.add(
        Page(
            Links.INDICATORS_CSV,
            produce=lambda: chain(
                _kept_csv(
                    site, INDICATOR_FIELDS, dys, "indicators", indicator_rows, _indicators_key
                ),
                _row_chunks(metric_rows(site)),  # the derived metrics, made each time
            ),
            deps=deps,
            sitemap=False,
        )
    )
    reg.add(
        Page(
            Links.FINDINGS_CSV,
            produce=lambda: _kept_csv(
                site, FINDING_FIELDS, dys, "findings", finding_rows, _findings_key
            ),
            deps=deps,
            sitemap=False,
        )
    )
    reg.add(
        Page(Links.DISCLOSURES_JSON, produce=lambda: disclosures(site), deps=deps, sitemap=False)
    )
    reg.add(Page(Links.DATAPACKAGE_JSON, produce=lambda: datapackage(site), deps={}, sitemap=False))
    reg.add(Page(Links.DATA, "data.html", {}, {}, "开放数据"))
