"""Who published a disclosure, for which region and year, and what kind of document it is.

These facts decide where a document appears on the site (department page, region, year), so
each one keeps the line it was read from (``Metadata.provenance``). They are read from the
document's own title first, because the body cites other years and other departments (a
regulation "（满办字[2019] 5号）", a parent bureau); later sources are used only when the title
is silent: labelled lines ("部门名称：…"), then table header lines such as
"450002秦皇岛市北戴河区医疗保障局" (unit code stripped). A maintainer's sidecar wins over all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.ids import department_type_of
from generator.model import Line, Metadata, Problem, SourceRef, Table
from generator.read import org_endings, regions
from generator.read.numbers import find_unit, unit_word

_SUFFIX = org_endings.pattern()
_ORG = re.compile(
    r"(?P<org>[\u4e00-\u9fff（）()]{2,40}?" + _SUFFIX + r")"
    r"(?=部门|单位|本级|\s|\d|$|[（(：:，,。]|20\d\d|关于|整体|支出|项目|预算|决算|绩效|概况"
    r"|年度?(?:部门|单位|预算|决算))"
)
_YEAR_PREFIX = re.compile(r"^\s*(?:19|20)\d\d\s*年度?\s*")
_LABELLED = re.compile(
    r"(?:部门名称|公开部门|预算主管部门|预算单位|单位名称)\s*[:：]\s*(?P<v>\S.*)$"
)
_UNIT_LABEL = re.compile(r"^单位\s*[:：]\s*(?P<v>\S.*)$")
_HEADER_CODE = re.compile(r"^\s*\d{3,12}\s*(?P<v>[\u4e00-\u9fff].*)$")
_TITLE_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_PAREN_YEAR = re.compile(r"^[（(]\s*((?:19|20)\d\d)\s*年度?\s*[）)]$")
_TOC = re.compile(r"^目\s*录$")
_HEADING = re.compile(
    r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])"
)


_DATE = re.compile(
    r"^(?:[〇○零一二三四五六七八九十]{4}|\d{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
)
_BARE_YEAR = re.compile(r"^((?:19|20)\d\d)\s*(年度?)?$")


def title_lines(lines: list[Line]) -> list[Line]:
    """The document title: the first short lines, before the 目录, a heading or the body.

    A title line may hold a tab where a PDF set part of it apart (a year in another font);
    a line of several cells with figures is a table row, never a title.
    """
    out: list[Line] = []
    for ln in lines[:40]:
        t = ln.text.strip()
        if not t:
            if out and len(out) >= 2:
                break
            continue
        cells = [c for c in t.split("\t") if c.strip()]
        if len(cells) > 2 or re.search(r"\d[\d,]*\.\d", t):
            break
        t = "".join(cells)
        if _TOC.match(t) or _HEADING.match(t) or "：" in t or ":" in t or _DATE.match(t):
            break
        if re.fullmatch(r"[一二三四五六七八九十]+|第[一二三四五六七八九十]+部分", cells[0]):
            break  # a heading whose 、 was set apart
        if len(t) > 40 or t.endswith(("。", "；")):
            break
        out.append(ln)
        if len(out) == 4:
            break
    return out


def title_text(heads: list[Line]) -> str:
    """The title as one string; a year printed on a line of its own goes back before its 年.

    "重庆市商务委员会\t年部门预算情况说明" + "2026" -> "重庆市商务委员会2026年部门预算情况说明".
    """
    texts = ["".join(ln.text.split()) for ln in heads]
    for i, t in enumerate(texts):
        m = _BARE_YEAR.match(t)
        if not m or m.group(2):
            continue
        for j, other in enumerate(texts):
            if j != i and re.search(r"(?<!\d)年", other) and not _TITLE_YEAR.search(other):
                k = re.search(r"(?<!\d)年", other).start()
                texts[j] = other[:k] + m.group(1) + other[k:]
                texts[i] = ""
                break
    for i in range(1, len(texts)):
        # the cover's title repeated on one line, its words in another order
        if texts[i] and sorted(texts[i]) == sorted("".join(texts[:i])):
            texts[i] = ""
    return "".join(texts)


def read_metadata(
    source: str, lines: list[Line], tables: list[Table] | None = None, sidecar: dict | None = None
) -> tuple[Metadata, list[Problem]]:
    """Metadata of one document; missing year or department is a Problem, never an error."""
    meta = Metadata()
    problems: list[Problem] = []
    try:
        _read(source, lines, meta, problems)
    except Exception as exc:  # noqa: BLE001 - bad text must never stop the reader
        problems.append(
            Problem(
                "warning",
                f"metadata could not be read completely: {exc}",
                source,
                message_zh=f"文件基本信息未能完整读取（技术原因：{exc}）",
            )
        )
    apply_sidecar(meta, sidecar or {}, source, problems)
    if meta.year is None:
        problems.append(
            Problem(
                "warning",
                "the document's year was not found in its title",
                source,
                message_zh="标题中没有找到文件所属的年度",
            )
        )
    if meta.department is None:
        problems.append(
            Problem(
                "warning",
                "the publishing department's name was not found",
                source,
                message_zh="没有找到发布这份文件的部门名称",
            )
        )
    return meta, problems


def _read(source: str, lines: list[Line], meta: Metadata, problems: list[Problem]) -> None:
    heads = title_lines(lines)
    if heads:
        meta.title = title_text(heads)
        meta.provenance["title"] = _ref(source, heads[0])
    year = find_year(lines, heads)
    if year:
        meta.year, ln = year
        meta.provenance["year"] = _ref(source, ln)
    kind = find_kind(lines, heads)
    if kind:
        meta.kind, ln = kind
        meta.provenance["kind"] = _ref(source, ln)
    scope = find_scope(lines, heads)
    if scope:
        meta.scope, ln = scope
        meta.provenance["scope"] = _ref(source, ln)
    dept = find_department(lines, heads)
    if dept:
        meta.department, ln = dept
        meta.provenance["department"] = _ref(source, ln)
        _set_region(meta, source, problems, ln, lines)
    meta.units = find_units(lines)
    first_unit = next((ln for ln in lines if "单位" in ln.text and find_unit(ln.text)), None)
    if meta.units and first_unit is not None:
        meta.provenance["units"] = _ref(source, first_unit)


def _set_region(
    meta: Metadata,
    source: str,
    problems: list[Problem],
    ln: Line | None,
    lines: Sequence[Line] = (),
) -> None:
    region, why, why_zh = regions.find_region_explained(meta.department or "")
    if why:
        problems.append(
            Problem("warning", why, source, ln.number if ln else None, message_zh=why_zh or "")
        )
    if region is None and not why:
        # named after its city's short form (长沙职业教育基地…): placed there only when the
        # document also names the city in full (长沙市) in its first pages
        region = regions.by_short_name(meta.department or "")
        ln = next((x for x in lines[:400] if region and region.name in x.text), None)
        region = region if ln is not None else None
    meta.department_type = department_type(meta.department or "", region)
    if region is not None:
        meta.region_code, meta.region_name, meta.region_level = (
            region.code,
            region.name,
            region.level,
        )
        if meta.population is None:
            meta.population = region.population
        if ln is not None:
            meta.provenance["region_code"] = _ref(source, ln)


def find_year(lines: list[Line], heads: list[Line] | None = None) -> tuple[int, Line] | None:
    """The year in the title ("2021年部门预算", "（2020 年度）"), never a cited regulation's."""
    heads = title_lines(lines) if heads is None else heads
    for ln in heads:
        m = _TITLE_YEAR.search(ln.text.replace(" ", ""))
        if m:
            return int(m.group(1)), ln
    m = _TITLE_YEAR.search(title_text(heads))
    if m:
        return int(m.group(1)), next(ln for ln in heads if m.group(1) in ln.text)
    # a "(2020 年度)" line right under the title
    start = heads[-1].number if heads else 0
    for ln in lines[:60]:
        if ln.number <= start:
            continue
        m = _PAREN_YEAR.match(ln.text.strip())
        if m:
            return int(m.group(1)), ln
        if ln.text.strip() and ln.number > start + 4:
            break
    # no title year: the year the document names for its own budget/final accounts
    own = re.compile(r"((?:19|20)\d\d)\s*年度?\s*(?:部门预算|部门决算|区级部门预算|部门预算绩效)")
    for ln in lines:
        if "\t" in ln.text:
            continue
        m = own.search(ln.text)
        if m:
            return int(m.group(1)), ln
    return None


def find_kind(lines: list[Line], heads: list[Line] | None = None) -> tuple[str, Line] | None:
    """budget / final / performance, from the document's own title."""
    heads = title_lines(lines) if heads is None else heads
    title = title_text(heads)
    if heads:
        if "绩效信息" in title or ("绩效目标" in title and "部门预算公开" not in title):
            return "performance", _line_with(heads, ("绩效",))
        if "决算" in title:
            return "final", _line_with(heads, ("决算",))
        if "预算" in title:
            return "budget", _line_with(heads, ("预算",))
    for ln in lines[:80]:
        t = ln.text
        if "部门决算" in t:
            return "final", ln
        if "部门预算" in t or "预算公开" in t or "预算说明" in t:
            return "budget", ln
    return None


_SCOPE = re.compile(r"(部门|单位)\s*(?:预算|决算)")


def find_scope(lines: list[Line], heads: list[Line] | None = None) -> tuple[str, Line] | None:
    """department (部门预算) or unit (单位预算): the title's word, else the first one printed.

    A unit's budget often carries its parent's name ("无锡市教育局（本级）单位预算"), so the
    name alone cannot tell the two apart; the document's own word does.
    """
    heads = title_lines(lines) if heads is None else heads
    for group in (heads, lines[:80]):
        for ln in group:
            m = _SCOPE.search(ln.text.replace(" ", ""))
            if m:
                return ("department" if m.group(1) == "部门" else "unit"), ln
    return None


def _line_with(heads: list[Line], words: tuple[str, ...]) -> Line:
    return next((ln for ln in heads if any(w in ln.text for w in words)), heads[0])


def find_department(lines: list[Line], heads: list[Line] | None = None) -> tuple[str, Line] | None:
    """The department's full name: title, first lines, labelled lines, then table headers."""
    heads = title_lines(lines) if heads is None else heads
    if heads:
        name = org_name(title_text(heads))
        if name:
            return name, heads[0]
    for ln in lines[:15]:
        if "\t" in ln.text:
            continue
        name = org_name(ln.text.strip())
        if name and len(ln.text.strip()) <= 40:
            return name, ln
    for ln in lines:
        t = ln.text.strip()
        m = _LABELLED.search(t) or _UNIT_LABEL.match(t)
        if m:
            name = org_name(m.group("v").strip())
            if name:
                return name, ln
    for ln in lines:
        t = ln.text.strip()
        m = _HEADER_CODE.match(t)
        if m and len(t) <= 40:
            name = org_name(m.group("v").strip())
            if name:
                return name, ln
    return None


def org_name(text: str) -> str | None:
    """The department name in a title or label ("2024 年滑县医疗保障局部门预算公开")."""
    t = _YEAR_PREFIX.sub("", text.replace(" ", "").replace("\u3000", ""))
    t = re.sub(r"^(?:19|20)\d\d年度?", "", t)
    m = _ORG.search(t)
    if not m:
        return None
    name = m.group("org")
    name = re.sub(r"^(?:19|20)\d\d年度?", "", name)
    if len(name) < 4 or name.endswith(("单位", "部门")):
        return None
    return name


def department_type(department: str, region: regions.Region | None = None) -> str | None:
    """医疗保障局 for 保定市满城区医疗保障局: the name without its region part."""
    if not department:
        return None
    known = department_type_of(department)  # generator/data/department_types.csv
    if known:
        return known
    rest = department
    if region is not None:
        names = sorted(
            {*region.names, region.parent_name or "", region.province or ""}, key=len, reverse=True
        )
        changed = True
        while changed:
            changed = False
            for nm in names:
                if nm and rest.startswith(nm) and len(rest) > len(nm):
                    rest, changed = rest[len(nm) :], True
    m = re.search(r"(?:[^省市县区州盟旗]*?)(" + _SUFFIX + r")$", rest)
    if rest != department:
        return rest or None
    # no region known: the trailing phrase after the last 省/市/县/区
    m = re.search(r"[省市县区州盟旗]([^省市县区州盟旗]+" + _SUFFIX + r")$", department)
    return m.group(1) if m else None


def find_units(lines: list[Line]) -> list[str]:
    """Every declared money unit, in order of first appearance, de-duplicated."""
    units: list[str] = []
    for i, ln in enumerate(lines):
        if "单位" not in ln.text:
            continue
        for cell in ln.text.split("\t"):
            decl = find_unit(cell)
            if decl is None:
                continue
            unit = decl.unit
            if unit is None:  # "单位：" with the unit on the next non-blank line
                for nxt in lines[i + 1 : i + 3]:
                    if nxt.text.strip():
                        word = unit_word(nxt.text.strip())
                        unit = word.unit if word else None
                        break
            if unit and unit not in units:
                units.append(unit)
    return units


def apply_sidecar(meta: Metadata, sidecar: dict, source: str, problems: list[Problem]) -> None:
    """Sidecar values override the document's own; the fields are listed in from_sidecar."""
    if not sidecar:
        return
    for key in ("title", "year", "kind", "scope", "source_url", "published", "population"):
        if key in sidecar:
            setattr(meta, key, sidecar[key])
            meta.from_sidecar.append(key)
            meta.provenance.pop(key, None)
    if "department" in sidecar:
        meta.department = sidecar["department"]
        meta.from_sidecar.append("department")
        meta.provenance.pop("department", None)
        if "region_code" not in sidecar:
            meta.region_code = meta.region_name = meta.region_level = None
            meta.provenance.pop("region_code", None)
            _set_region(meta, source, problems, None)
        else:
            meta.department_type = department_type(meta.department, None)
    if "region_code" in sidecar:
        meta.region_code = sidecar["region_code"]
        meta.from_sidecar.append("region_code")
        meta.provenance.pop("region_code", None)
        region = regions.lookup(meta.region_code)
        if region is None:
            meta.region_name = meta.region_level = None
            problems.append(
                Problem(
                    "warning",
                    f"sidecar region_code {meta.region_code} is not in the region table",
                    source,
                    message_zh=f"附带的元数据文件给出的地区代码 {meta.region_code} 不在地区代码表中",
                )
            )
        else:
            meta.region_name, meta.region_level = region.name, region.level
            if "population" not in sidecar:
                meta.population = region.population
            if meta.department:
                meta.department_type = department_type(meta.department, region)


def _ref(source: str, ln: Line) -> SourceRef:
    return SourceRef(file=source, line=ln.number, page=ln.page, text=ln.text.strip())
