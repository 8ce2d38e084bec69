"""Projects described in prose: "X专项经费情况说明" followed by 一、项目概述 … 六、年度预算安排.

Some budgets (the Shanghai district template) explain each project in numbered paragraphs
instead of a table. The name, the implementing body (实施主体), the summary (项目概述) and the
year's total (“2025年度项目总预算1720.00万”) are taken as printed; a total written with 万
alone is read as 万元 — it is a budget figure, and 万 can mean nothing else there — while
``amount_raw`` keeps the printed text.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from generator.model import Line, Project, SourceRef
from generator.read.blocks import Block
from generator.read.numbers import to_wan

_TITLE = re.compile(r"^(?P<name>.{2,40}?)(?:经费|资金)?(?:情况说明|项目说明)$")
_ITEM = re.compile(r"^[一二三四五六七八九十]+、\s*(?P<key>.+?)\s*$")
_TOTAL = re.compile(
    r"(?:项目)?总预算(?:为|共计)?\s*(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<unit>万元|万|元)"
)


def read_text_projects(source: str, blocks: list[Block]) -> list[Project]:
    """Projects whose description is a titled sequence of numbered paragraphs."""
    lines = [b for b in blocks if isinstance(b, Line) and b.text.strip()]
    projects: list[Project] = []
    current: Project | None = None
    key = ""
    for i, ln in enumerate(lines):
        text = re.sub(r"\s*\t\s*", " ", ln.text).strip()
        nxt = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
        title = _TITLE.match(text)
        if title and re.match(r"^一、\s*项目概述", nxt):
            current = Project(
                name=text[: -len("情况说明")] if text.endswith("情况说明") else title["name"],
                source=SourceRef(source, ln.number, ln.page, text),
            )
            projects.append(current)
            key = ""
            continue
        if current is None:
            continue
        item = _ITEM.match(text)
        if item:
            key = item["key"]
            if key.startswith(("项目概述", "立项依据", "实施主体", "实施方案", "实施周期")):
                continue
            if key.startswith(("年度预算安排", "绩效目标")):
                continue
            current, key = None, ""  # another numbered section: the description has ended
            continue
        if key.startswith("项目概述") and current.goal is None:
            current.goal = text
        elif key.startswith("实施主体") and current.unit_org is None:
            current.unit_org = text
        elif key.startswith("年度预算安排") and current.amount_raw is None:
            m = _TOTAL.search(text)
            if m:
                unit = "万元" if m["unit"] == "万" else m["unit"]
                try:
                    value = Decimal(m["num"].replace(",", ""))
                except InvalidOperation:
                    continue
                current.amount_raw = m.group(0)[m.group(0).index(m["num"]) :]
                current.amount = to_wan(value, unit)
    return [p for p in projects if p.name]
