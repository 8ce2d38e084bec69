"""Hide officials' names and phone numbers before anything is rendered or exported.

Disclosures print the 项目负责人/联系人 and a 联系电话 in project tables. They are personal
data, not budget facts, so the site hides them unless site.toml switches them on. Redaction
happens once, on a copy of each Document, so no page, download or feed can leak them.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from generator.config import PrivacyConfig
from generator.model import Document, field_names

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


_ATOMS = (int, float, bool, Decimal, tuple)  # no text in them (the model keeps none in tuples)


def _redacted(obj: Any, fix: Callable[[str], str]) -> Any:
    """``obj`` with every string redacted, whatever field holds it: ``obj`` itself when
    nothing in it changes, else a copy of it and of the objects on the way to each change.

    Copying every object of a document (tens of thousands each) was a third of the time a
    document took to index; almost none holds a name or a phone number. What is shared
    with the original is never changed afterwards: the checks have run, and the pages only
    read."""
    names = field_names(type(obj))
    if names is not None:
        changed = None
        for name in names:
            value = getattr(obj, name)
            kind = type(value)
            if kind is str:  # most fields: no call for them
                if name in SKIP_FIELDS or not value:
                    continue
                new_value = fix(value)
                if new_value == value:
                    continue
            elif value is None or kind in _ATOMS:
                continue
            else:
                new_value = _redacted(value, fix)
            if new_value is not value:
                changed = changed or {}
                changed[name] = new_value
        return dataclasses.replace(obj, **changed) if changed else obj
    if isinstance(obj, str):
        if not obj:
            return obj
        new_text = fix(obj)
        return obj if new_text == obj else new_text
    if isinstance(obj, list):
        items = [_redacted(v, fix) for v in obj]
        return obj if all(a is b for a, b in zip(items, obj, strict=True)) else items
    if isinstance(obj, dict):
        pairs = {k: _redacted(v, fix) for k, v in obj.items()}
        return obj if all(pairs[k] is v for k, v in obj.items()) else pairs
    return obj  # numbers, Decimals, None, tuples of them: immutable


def redact(document: Document, privacy: PrivacyConfig) -> Document:
    """The document with hidden personal data; the original is left untouched (the result
    shares with it what redaction did not change)."""
    if privacy.show_contact_names and privacy.show_phone_numbers:
        return document
    names = _names_in(document)
    fixed: dict[str, str] = {}  # the same text (a label, a unit) recurs thousands of times

    def fix(text: str) -> str:
        if text not in fixed:
            fixed[text] = redact_text(text, names, privacy)
        return fixed[text]

    doc = _redacted(document, fix)
    if not privacy.show_phone_numbers:
        doc = _without_labelled_phones(doc)
    return doc


def _without_labelled_phones(doc: Document) -> Document:
    """``doc`` with the phone numbers of its tables masked, copying only the tables, rows
    and cells that change (the rest may be shared with the unredacted document)."""
    tables = list(doc.tables)
    for t, table in enumerate(tables):
        rows = list(table.rows)
        for r, row in enumerate(rows):
            cells = _masked_labelled_phones(row.cells)
            if cells is not row.cells:
                rows[r] = dataclasses.replace(row, cells=cells)
        if any(a is not b for a, b in zip(rows, table.rows, strict=True)):
            tables[t] = dataclasses.replace(table, rows=rows)
    if any(a is not b for a, b in zip(tables, doc.tables, strict=True)):
        return dataclasses.replace(doc, tables=tables)
    return doc


def _masked_labelled_phones(cells: list[Any]) -> list[Any]:
    """A number in the cell after 联系电话 is a phone number, not an amount: its text and
    its value go. ``cells`` itself when none is one."""
    if not any(lbl in cell.text for cell in cells for lbl in PHONE_LABELS):
        return cells  # most rows: no label, so no phone number after one
    out = cells
    labelled = False
    for i, cell in enumerate(cells):
        text = cell.text.strip()
        if labelled and (STRONG_PHONE.fullmatch(text) or WEAK_PHONE.fullmatch(text)):
            out = list(out) if out is cells else out
            out[i] = dataclasses.replace(cell, text=PHONE_MASK, value=None)
        if any(lbl in text for lbl in PHONE_LABELS):
            labelled = True
    return out
