"""Model objects pickle as their constructor's arguments (``pickle_layout.by_position``):
equal after a round trip, no field names in the bytes, and the read cache keyed by the
file that fixes the field order."""

from __future__ import annotations

import copyreg
import dataclasses
import inspect
import io
import pickle
from decimal import Decimal

from generator import build_cache
from generator import model as model_module
from generator.checks.model import Evidence, Finding
from generator.model import Cell, SourceRef
from generator.read import cluster
from tests.seed_docs import all_seeds


def _classes():
    own = [
        c
        for _, c in inspect.getmembers(model_module, inspect.isclass)
        if dataclasses.is_dataclass(c) and c.__module__ == model_module.__name__
    ]
    return [*own, Evidence, Finding]


def _default_pickle(obj) -> bytes:
    """Python's own pickling of ``obj`` (an empty dispatch table hides copyreg's)."""
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {}
    pickler.dump(obj)
    return buf.getvalue()


def test_every_model_class_is_pickled_by_position():
    assert len(_classes()) > 10
    for cls in _classes():
        assert cls in copyreg.dispatch_table, cls


def test_seeds_round_trip_equal_and_smaller():
    for doc in all_seeds():
        data = pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL)
        assert pickle.loads(data) == doc
        assert len(data) < 0.8 * len(_default_pickle(doc))


def test_no_field_names_in_the_bytes():
    cell = Cell("1,234.50", Decimal("1234.50"), 12, None)
    data = pickle.dumps(cell, protocol=pickle.HIGHEST_PROTOCOL)
    assert b"text" not in data and b"value" not in data
    assert pickle.loads(data) == cell
    finding = Finding(
        "table.total_equals_items",
        "error",
        "合计不等于各项之和",
        "a.txt",
        [Evidence("合计", SourceRef("a.txt", 13), Decimal("7"), "万元", "7")],
    )
    assert pickle.loads(pickle.dumps(finding)) == finding


def test_the_read_cache_is_keyed_by_the_model(tmp_path, monkeypatch):
    before = build_cache.ReadCache(tmp_path).code
    changed = tmp_path / "model.py"
    changed.write_text("# another field order\n", encoding="utf-8")
    monkeypatch.setattr(cluster, "MODEL_CODE", changed)
    monkeypatch.setattr(cluster, "_VERSION", [])  # computed once per process
    assert build_cache.ReadCache(tmp_path).code != before
