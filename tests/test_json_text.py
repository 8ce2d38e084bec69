"""json_text writes the bytes the standard library would, and never fails where it would not."""

from __future__ import annotations

import json
from decimal import Decimal

from generator import json_text


def _stdlib(obj, default=None) -> bytes:
    text = json.dumps(
        obj, default=default, ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )
    return text.encode("utf-8")


def test_plain_data_gives_the_standard_librarys_bytes():
    data = {
        "年度": 2021,
        "b": [
            1.5,
            0.1 + 0.2,
            -0.0,
            0.0001,
            1e16,
            123456789.12,
            7119.13,
            None,
            True,
            "“三公”经费\n\t<x>",
        ],
        "a": {"z": [], "y": {}, "x": '\u2028 \\ " /'},
        "large": 2**63 - 1,
        "small": -(2**63),
    }
    assert json_text.dumps(data) == _stdlib(data)


def test_a_tiny_float_is_spelled_otherwise_but_reads_back_the_same():
    tiny = [1e-07, 1.5e-05, 2.5e-300]
    assert json_text.dumps(tiny) == b"[1e-7,0.000015,2.5e-300]"
    assert json.loads(json_text.dumps(tiny)) == tiny


def test_what_orjson_refuses_goes_through_the_standard_library():
    huge = {"n": 12345678901234567890123, "m": "甲"}
    assert json_text.dumps(huge) == _stdlib(huge)


def test_default_names_what_json_cannot_hold():
    data = [Decimal("430.714456"), {"v": Decimal("1E+3")}]
    assert json_text.dumps(data, default=str) == _stdlib(data, default=str)
