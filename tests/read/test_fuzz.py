"""A seeded fuzz run that stays in the suite: a few hundred mutated disclosures, each read as
``parse`` and the build read files (a worker process under time and memory limits).

No input may raise through a catch-all, run past the bounds, or read nothing without an error
saying so. ``python benchmarks/fuzz.py --cases 10000`` runs the long version (with inputs built
to stall the reader) and prints the numbers.
"""

from pathlib import Path

import pytest
from fuzzing import cases, run_case, workdir

from generator.read.isolation import isolation_available
from generator.read.limits import ReadLimits

CASES = 200
LIMITS = ReadLimits(read_timeout_seconds=5, read_memory_mb=512, max_pdf_stream_mb=16)


@pytest.mark.skipif(not isolation_available(), reason="no fork on this system")
def test_no_mutated_input_crashes_hangs_or_fails_silently():
    with workdir() as tmp:
        outcomes = [run_case(c, LIMITS, Path(tmp)) for c in cases(CASES, 20260101, Path(tmp), True)]
    assert len(outcomes) == CASES
    crashes = [(o.case.number, o.case.kind, o.crash) for o in outcomes if o.crash]
    silent = [(o.case.number, o.case.kind) for o in outcomes if o.silent]
    unlocated = [(o.case.number, o.errors) for o in outcomes if o.unlocated]
    slow = [(o.case.number, o.seconds) for o in outcomes if o.seconds > 2 * 5]
    heavy = [(o.case.number, o.peak_mb) for o in outcomes if (o.peak_mb or 0) > 512]
    assert (crashes, silent, unlocated, slow, heavy) == ([], [], [], [], [])
    failed = [o for o in outcomes if o.failed]
    assert failed and all(o.errors for o in failed)
    assert len({o.case.kind for o in outcomes}) >= 15  # every kind of mutation took part
