"""What a file's path says about a disclosure, in any folder layout: only a fallback.

Collections are laid out every which way: the project's own
``disclosures/<region code>-<region>/<department>/<year>-<kind>.pdf``, a crawler's
``<city>/2026年广州市商务局部门预算.pdf`` or ``004_重庆/信访局_2026年部门预算.pdf``, or one flat
folder. The document's own title is the truth (names and folders are often wrong); these
hints only fill what a document never says, e.g. a scanned file with no text layer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.model import KINDS

_NAME = re.compile(r"^(?P<year>\d{4})-(?P<kind>[a-z]+)(?:-.*)?$")
_REGION = re.compile(r"^(?P<code>\d{6})(?:-(?P<name>.+))?$")
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_KIND_WORDS = (("决算", "final"), ("绩效", "performance"), ("预算", "budget"))
# what a file name says besides the department: years, kinds, part and publication words
_NOISE = re.compile(
    r"部门|单位|预算|决算|绩效目标|绩效|信息|公开|情况|说明|报告|附件\s*\d*"
    r"|[\s_\-－—.．、:：()（）0-9]+"
)
_FOLDER_PREFIX = re.compile(r"^[\d\s_\-.]+")


@dataclass
class PathHints:
    region_code: str | None = None
    region_name: str | None = None  # as the path writes it: "重庆", "410526-滑县" -> "滑县"
    department: str | None = None
    year: int | None = None
    kind: str | None = None


def hints(parts: tuple[str, ...]) -> PathHints:
    """Hints from a path's parts below the collection root (the last part is the file)."""
    stem = parts[-1].rsplit(".", 1)[0]
    folders = parts[:-1]
    out = PathHints()
    m = _NAME.match(stem)
    if m and len(folders) >= 2:  # the project's own layout
        out.year = int(m["year"])
        out.kind = m["kind"] if m["kind"] in KINDS else None
        out.department = folders[-1]
        r = _REGION.match(folders[-2])
        if r:
            out.region_code, out.region_name = r["code"], r["name"]
        else:
            out.region_name = folders[-2]
        return out
    if m:
        out.year = int(m["year"])
        out.kind = m["kind"] if m["kind"] in KINDS else None
    else:
        y = _YEAR.search(stem)
        out.year = int(y.group(1)) if y else None
        out.kind = next((k for word, k in _KIND_WORDS if word in stem), None)
        name = _NOISE.sub("", re.sub(r"(?:19|20)\d\d\s*年度?", "", stem))
        out.department = name if re.search(r"[\u4e00-\u9fff]{2,}", name) else None
    for folder in reversed(folders):
        r = _REGION.match(folder)
        if r:
            out.region_code, out.region_name = r["code"], r["name"]
            break
        name = _FOLDER_PREFIX.sub("", folder)
        if re.fullmatch(r"[\u4e00-\u9fff]{2,10}", name) and out.region_name is None:
            out.region_name = name
    return out
