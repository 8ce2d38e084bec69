"""From the files found to the disclosures placed: parts joined, path hints applied,
non-disclosures set aside.

- A disclosure published as several files (``generator/read/parts.py``: a sidecar's
  ``parts = [...]`` or the naming rule) is one input: its first file, with the others as
  ``Input.parts``; it is read once and gets one page.
- The document's metadata wins; the path (``generator/path_hints.py``) fills only what the
  document never says, and the page says where it came from. The region is taken from the
  path only for a document that names no department at all: a document that names its
  department without a known region (国家信访局 in a folder called 武汉) is not moved into
  the folder's city, it says "region unknown".
- A file the reader refuses as not a budget disclosure (a notice, a form) gets no page: the
  build report lists it with the reader's plain reason.
"""

from __future__ import annotations

import hashlib

from generator.content import Input
from generator.ids import department_type_of
from generator.model import Document, Problem
from generator.read import regions
from generator.read.parts import group_inputs

# the reader's refusal (generator/read/document.py) and the audit's status share these words
NOT_DISCLOSURE = "does not look like a budget disclosure"


def join_parts(inputs: list[Input]) -> list[Input]:
    """One Input per disclosure: the files of a multi-file disclosure become its parts."""
    by_path = {str(i.path): i for i in inputs}
    out = []
    sidecars = {path for path, i in by_path.items() if i.sidecar is not None}
    for group in group_inputs(list(by_path), sidecars):
        members = [by_path[p] for p in group if p in by_path]
        if not members:
            continue
        head = members[0]
        head.parts = members[1:]
        out.append(head)
    return out


def input_key(inp: Input) -> tuple[str, str, str | None]:
    """What a disclosure's reading depends on: its files' bytes and its sidecar."""
    if not inp.parts:
        return inp.rel, inp.sha256, inp.sidecar_sha256
    joined = "|".join([inp.sha256, *(f"{p.rel}:{p.sha256}" for p in inp.parts)])
    return inp.rel, hashlib.sha256(joined.encode()).hexdigest(), inp.sidecar_sha256


def refusal(doc: Document) -> Problem | None:
    """The reader's reason for refusing the file as not a disclosure, if it did."""
    return next(
        (p for p in doc.problems if p.severity == "error" and NOT_DISCLOSURE in p.message), None
    )


def fill_from_path(inp: Input, doc: Document) -> None:
    """Fill what the document does not say from its path, once, and say so on its page."""
    m = doc.metadata
    filled: list[str] = []
    if not m.department and inp.department:
        m.department = inp.department
        filled.append("department")
        if not m.region_code and (inp.region_code or inp.region_name):
            region = _region(inp)
            if region is not None:
                m.region_code, m.region_name, m.region_level = (
                    region.code,
                    region.name,
                    region.level,
                )
            else:
                m.region_code, m.region_name = inp.region_code, inp.region_name
            filled.append("region")
        if not m.department_type:
            m.department_type = department_type_of(m.department)
    if m.year is None and inp.year is not None:
        m.year = inp.year
        filled.append("year")
    if m.kind is None and inp.kind is not None:
        m.kind = inp.kind  # type: ignore[assignment]
        filled.append("kind")
    if filled and not any(p.message.startswith(_FROM_PATH) for p in doc.problems):
        zh = "、".join(_ZH[f] for f in filled)
        doc.problems.append(
            Problem(
                "warning",
                f"{_FROM_PATH}: {', '.join(filled)} (the document does not state them)",
                inp.rel,
                message_zh=f"文件中没有写明{zh}，本站按文件所在的文件夹和文件名推断，可能不准确",
            )
        )


_FROM_PATH = "taken from the file's path"
_ZH = {"department": "部门名称", "region": "地区", "year": "年度", "kind": "文件类型"}


def _region(inp: Input) -> regions.Region | None:
    if inp.region_code:
        found = regions.lookup(inp.region_code)
        if found is not None:
            return found
    name = inp.region_name or ""
    for candidate in (name, name + "市", name + "县", name + "区"):
        found = regions.lookup(candidate) if candidate else None
        if found is not None:
            return found
    return None
