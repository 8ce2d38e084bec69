"""Unpickling with the collector paused: the same objects, and the collector as it was."""

import gc
import pickle

from generator import unpickle
from tests.seed_docs import doc_001


def test_loads_gives_equal_objects_and_restores_the_collector():
    doc = doc_001()
    data = pickle.dumps(doc)
    assert gc.isenabled()
    assert unpickle.loads(data) == doc
    assert gc.isenabled()
    gc.disable()
    try:
        unpickle.loads(data)
        assert not gc.isenabled()  # a caller's pause is left as it was
    finally:
        gc.enable()


def test_the_collector_resumes_after_a_broken_pickle():
    try:
        unpickle.loads(b"not a pickle")
    except Exception:  # noqa: BLE001
        pass
    assert gc.isenabled()


def test_a_pause_around_many_loads_holds_and_ends_as_it_began():
    data = pickle.dumps(doc_001())
    with unpickle.paused():
        unpickle.loads(data)
        assert not gc.isenabled()  # the inner load does not resume the outer pause
    assert gc.isenabled()
