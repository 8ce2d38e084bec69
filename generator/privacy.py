"""Hide officials' names and phone numbers before anything is rendered or exported.

Disclosures print the 项目负责人/联系人 and a 联系电话 in project tables. They are personal
data, not budget facts, so the site hides them unless site.toml switches them on. Redaction
happens once, on a copy of each Document, so no page, download or feed can leak them.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Callable
from typing import Any

from generator.config import PrivacyConfig
from generator.model import Document

NAME_LABELS = ("项目负责人", "联系人", "负责人", "经办人", "填报人", "审核人")
PHONE_LABELS = ("电话", "联系方式", "手机")
NAME_MASK = "〔姓名已隐藏〕"
PHONE_MASK = "〔电话已隐藏〕"
# Area-code landlines and mobiles; bare 7–8 digit numbers only next to a phone label,
# because amounts in 元 have that many digits too.
STRONG_PHONE = re.compile(r"(?<![\d.,])(?:0\d{2,3}[-－ ]?\d{7,8}|1[3-9]\d{9})(?![\d.,])")
WEAK_PHONE = re.compile(r"(?<![\d.,])\d{3,4}[-－]?\d{7,8}(?![\d.,])|(?<![\d.,])\d{7,8}(?![\d.,])")
NAME = re.compile(r"^[\u4e00-\u9fff·]{2,5}$")


def _names_in(document: Document) -> set[str]:
    names: set[str] = set()
    for project in document.projects:
        for contact in project.contacts:
            for part in re.split(r"[\s:：,，;；/、]+", contact):
                part = part.strip()
                if NAME.match(part) and not any(lbl in part for lbl in NAME_LABELS + PHONE_LABELS):
                    names.add(part)
    for line in document.lines:
        cells = [c.strip() for c in line.text.split("\t")]
        for i, cell in enumerate(cells[:-1]):
            if cell.rstrip("：:") in NAME_LABELS and NAME.match(cells[i + 1]):
                names.add(cells[i + 1])
    return names


def redact_text(text: str, names: set[str], privacy: PrivacyConfig) -> str:
    if not privacy.show_contact_names:
        for name in names:
            text = text.replace(name, NAME_MASK)
    if not privacy.show_phone_numbers:
        text = STRONG_PHONE.sub(PHONE_MASK, text)
        if any(lbl in text for lbl in PHONE_LABELS):
            text = WEAK_PHONE.sub(PHONE_MASK, text)
    return text


SKIP_FIELDS = {"source", "file", "sha256", "encoding", "format", "kind", "id", "table_id"}


_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    """The dataclass fields of a class (None if it is no dataclass), looked up once per class:
    a document holds tens of thousands of model objects, and ``serve`` redacts on every edit."""
    if cls not in _FIELDS:
        is_dc = dataclasses.is_dataclass(cls)
        _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls)) if is_dc else None
    return _FIELDS[cls]


def _shallow(obj: Any) -> Any:
    """``copy.copy`` for plain dataclass instances, without its generic (slow) protocol."""
    if not hasattr(obj, "__dict__") or hasattr(obj, "__copy__"):
        return copy.copy(obj)
    new = object.__new__(type(obj))
    new.__dict__.update(obj.__dict__)
    return new


def _copy(obj: Any, fix: Callable[[str], str]) -> Any:
    """A copy of a model object with every string redacted, whatever field holds it."""
    names = _field_names(type(obj))
    if names is not None:
        new = _shallow(obj)
        for name in names:
            value = getattr(obj, name)
            if not (name in SKIP_FIELDS and isinstance(value, str)):
                object.__setattr__(new, name, _copy(value, fix))
        return new
    if isinstance(obj, str):
        return fix(obj) if obj else obj
    if isinstance(obj, list):
        return [_copy(v, fix) for v in obj]
    if isinstance(obj, dict):
        return {k: _copy(v, fix) for k, v in obj.items()}
    return obj  # numbers, Decimals, None: immutable


def redact(document: Document, privacy: PrivacyConfig) -> Document:
    """A copy of the document with hidden personal data; the original is left untouched."""
    if privacy.show_contact_names and privacy.show_phone_numbers:
        return document
    names = _names_in(document)
    fixed: dict[str, str] = {}  # the same text (a label, a unit) recurs thousands of times

    def fix(text: str) -> str:
        if text not in fixed:
            fixed[text] = redact_text(text, names, privacy)
        return fixed[text]

    doc = _copy(document, fix)
    if not privacy.show_phone_numbers:
        for table in doc.tables:
            for row in table.rows:
                _mask_labelled_phones(row.cells)
    return doc


def _mask_labelled_phones(cells: list[Any]) -> None:
    """A number in the cell after 联系电话 is a phone number, not an amount: drop its value too."""
    labelled = False
    for cell in cells:
        text = cell.text.strip()
        if labelled and (STRONG_PHONE.fullmatch(text) or WEAK_PHONE.fullmatch(text)):
            cell.text, cell.value = PHONE_MASK, None
        if any(lbl in text for lbl in PHONE_LABELS):
            labelled = True
