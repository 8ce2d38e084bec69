"""Figures of one document with the reason each missing one is missing, and its own ratios.

Missing is not zero: a figure printed as 0, one the document never states, one that cannot
exist for this kind of document and one the reader could not read are four different things
on a transparency site, and only the first is a number.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal

from generator.checks.model import Finding
from generator.checks.packed import FindingsByDocument, PackedFindings, failed_evidence
from generator.config import SiteConfig
from generator.metrics.definitions import FIGURES, METRIC_DOCS
from generator.metrics.types import Input, MetricValue
from generator.model import CANONICAL_INDICATORS, Document, SourceRef
from generator.read.regions import Region

CENSUS_YEAR = 2020
TEN_THOUSAND = Decimal(10000)

# Figures that only budgets and final accounts carry: a performance-target document without
# them is "not applicable", not "not disclosed".
_SPENDING_FIGURES = set(CANONICAL_INDICATORS)


def findings_index(findings: Sequence[Finding] | None) -> dict[tuple[str, int], list[str]]:
    """(document, line) -> rule ids of failed findings whose evidence points at that line."""
    index: dict[tuple[str, int], list[str]] = {}
    for file, line, rule in _failed_lines(findings or ()):
        rules = index.setdefault((file, line), [])
        if rule not in rules:
            rules.append(rule)
    return index


def _failed_lines(findings: Sequence[Finding]) -> Iterator[tuple[str, int, str]]:
    if isinstance(findings, PackedFindings | FindingsByDocument):  # as a build keeps them
        return findings.failed_lines()
    return failed_evidence(findings)


def _unreadable(doc: Document, indicator: str) -> bool:
    """The reader said it could not read this figure (by id, or naming it in its message)."""
    name = CANONICAL_INDICATORS.get(indicator, indicator)
    for p in doc.problems:
        if getattr(p, "indicator", None) == indicator:
            return True
        if name and name in p.message:
            return True
    return False


def figure(
    doc: Document, indicator: str, index: Mapping[tuple[str, int], list[str]]
) -> MetricValue:
    """The preferred current reading of a canonical indicator, in 万元, with its status."""
    reading = doc.indicators.get(indicator)
    if reading is None:
        reading = next(
            (r for r in doc.readings if r.id == indicator and r.period == "current"), None
        )
    name = CANONICAL_INDICATORS.get(indicator, indicator)
    if reading is not None:
        src: SourceRef = reading.source
        return MetricValue(
            metric=indicator,
            status="zero" if reading.value == 0 else "value",
            value=reading.value,
            unit="万元",
            inputs=[Input(indicator, name, reading.value, "万元", doc.source, src)],
            findings=list(index.get((src.file, src.line), [])),
        )
    if doc.metadata.kind == "performance" and indicator in _SPENDING_FIGURES:
        status = "not_applicable"
        note = "绩效目标文件不列此数"
    elif _unreadable(doc, indicator) or doc.failed:
        status, note = "unreadable", "读取文件时报告了问题，此数无法读取"
    else:
        status, note = "not_disclosed", "文件未列此数"
    return MetricValue(metric=indicator, status=status, unit="万元", note=note)


def document_figures(doc: Document, index: Mapping) -> dict[str, MetricValue]:
    ids = list(FIGURES) + ["income_total", "carryover_begin", "carryover_end"]
    return {i: figure(doc, i, index) for i in ids}


def _nonzero(mv: MetricValue) -> bool:
    return mv.status == "value" and mv.value is not None and mv.value != 0


def spending(figures: Mapping[str, MetricValue]) -> MetricValue:
    """The 支出合计 every share divides by (see SPENDING_BASIS_ZH)."""
    current = figures["expenditure_current_year"]
    if current.numeric:
        return MetricValue(**{**current.__dict__, "basis": "expenditure_current_year"})
    total = figures["expenditure_total"]
    carry = [figures[k] for k in ("carryover_begin", "carryover_end") if k in figures]
    if total.numeric and not any(_nonzero(c) for c in carry):
        return MetricValue(
            metric="expenditure_total",
            status=total.status,
            value=total.value,
            unit="万元",
            inputs=list(total.inputs),
            findings=list(total.findings),
            note="文件未列本年支出合计，且没有结转，故以支出总计作分母",
            basis="expenditure_total_no_carryover",
        )
    if total.numeric:
        return MetricValue(
            metric="expenditure_current_year",
            status="not_disclosed",
            unit="万元",
            note="文件未列本年支出合计，支出总计含结转，不能代替",
        )
    worst = current if current.status != "not_disclosed" else total
    return MetricValue(
        metric="expenditure_current_year", status=worst.status, unit="万元", note=worst.note
    )


def ratio(
    metric: str, numer: MetricValue, denom: MetricValue, scale: Decimal = Decimal(1)
) -> MetricValue:
    """numer × scale ÷ denom with the status of whichever input is missing."""
    unit = METRIC_DOCS[metric].unit if metric in METRIC_DOCS else ""
    inputs = list(numer.inputs) + list(denom.inputs)
    findings = sorted(set(numer.findings) | set(denom.findings))
    notes = "；".join(n for n in (denom.note if denom.basis else "",) if n)
    for missing in (numer, denom):
        if not missing.numeric:
            return MetricValue(
                metric, missing.status, None, unit, inputs, missing.note or notes, findings=findings
            )
    if denom.value == 0:
        return MetricValue(
            metric, "not_applicable", None, unit, inputs, "分母为0，比例无意义", findings=findings
        )
    value = numer.value * scale / denom.value
    return MetricValue(
        metric,
        "zero" if value == 0 else "value",
        value,
        unit,
        inputs,
        notes,
        basis=denom.basis,
        findings=findings,
    )


def population(
    doc: Document, regions: Mapping[str, Region], config: SiteConfig | None
) -> tuple[int | None, str, int | None]:
    """(population, where it came from in plain words, its year); (None, "", None) if unknown."""
    meta = doc.metadata
    code = meta.region_code
    region = regions.get(code) if code else None
    census = region.population if region else None
    census_src = (region.row.get("population_source") or "") if region else ""
    if meta.population and "population" in meta.from_sidecar:
        return meta.population, "文件附带的资料提供", None
    overrides = config.populations if config is not None else {}
    if code and overrides.get(code):
        return overrides[code], "网站设置提供", None
    if meta.population and meta.population != census:
        return meta.population, "文件元数据提供", None
    if census and census_src:  # a census figure without its source is not cited
        return census, f"第七次全国人口普查常住人口（{census_src}）", CENSUS_YEAR
    return None, "", None


def population_value(pop: int | None, source: str, year: int | None) -> MetricValue:
    if pop is None:
        return MetricValue("population", "not_disclosed", None, "人", note="人口未知")
    src = SourceRef(file="generator/data/regions.csv", line=0, text=source) if year else None
    label = f"常住人口（{year}年）" if year else "常住人口"
    return MetricValue(
        "population",
        "value",
        Decimal(pop),
        "人",
        [Input("population", label, Decimal(pop), "人", None, src, source)],
    )


def document_metrics(
    figures: Mapping[str, MetricValue], pop: MetricValue
) -> dict[str, MetricValue]:
    """The ratios that need only this document (and its region's population)."""
    spend = spending(figures)
    basic = figures["basic_expenditure"]
    out = {
        "basic_share": ratio("basic_share", basic, spend),
        "project_share": ratio("project_share", figures["project_expenditure"], spend),
        "personnel_share": ratio("personnel_share", figures["personnel_expenditure"], basic),
        "public_share": ratio("public_share", figures["public_expenditure"], basic),
        "three_public_share": ratio("three_public_share", figures["three_public_total"], basic),
    }
    per_capita = ratio("per_capita_expenditure", spend, pop, TEN_THOUSAND)
    if pop.status != "value" and spend.numeric:
        per_capita.note = "人口未知"
    out["per_capita_expenditure"] = per_capita
    return out
