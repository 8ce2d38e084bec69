"""How a figure is written on the site: one helper, so a unit or a quote is never doubled.

Printed text often carries its unit already ("≤250000 元", "348000%", "7764.9万元"): the unit
is added only when the printed text does not end with it. Money in 元 or 万元 is shown in
万元 with two decimals, the printed digits beside it for whoever wants them.
"""

from __future__ import annotations

from decimal import Decimal

from markupsafe import Markup, escape

from generator.model import to_wan
from generator.site.charts import money


def with_unit(raw: str | None, unit: str | None) -> str:
    """``raw`` followed by ``unit`` unless it already ends with it ("≤250000 元" + "元")."""
    text = (raw or "").strip()
    if not unit or not text:
        return f"{text} {unit}".strip() if unit and text else text or (unit or "")
    if text.endswith(unit) or (unit == "%" and text.endswith("％")):
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def unquote(name: str) -> str:
    """A name to be put in “” loses an outer pair it already has: “三公”经费 stays, but
    “基本支出” does not become ““基本支出””."""
    if len(name) > 1 and name[0] == "“" and name[-1] == "”" and name.count("“") == 1:
        return name[1:-1]
    return name


def quoted(name: str) -> str:
    """A name in “”, unless it already holds quotes of its own (“三公”经费 is not wrapped again)."""
    name = unquote(name)
    return name if "“" in name else f"“{name}”"


def figure(value: Decimal | None, unit: str | None, raw: str | None) -> Markup:
    """A figure as the site shows it: money in 万元 (two decimals) with the printed form in a
    ``printed`` span the page can reveal; anything else as printed, unit once."""
    wan = to_wan(value, unit) if value is not None else None
    printed = with_unit(raw or (None if value is None else format(value, "f")), unit)
    if wan is None:
        return escape(printed)
    shown = f"{money(wan)} 万元"
    if unit == "万元" and raw and raw.replace(",", "") == format(wan, "f"):
        return escape(shown)
    return Markup('{}<span class="printed">（原文 {}）</span>').format(shown, printed)


def evidence(e) -> Markup:  # a checks.model.Evidence
    return figure(e.value, e.unit, e.raw)
