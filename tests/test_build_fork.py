"""forked_map: results in item order whether the items run in workers or here."""

from __future__ import annotations

import os

from generator.build_fork import forked_map


def _square_and_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def test_results_come_in_item_order_from_worker_processes():
    out = list(forked_map(_square_and_pid, list(range(20)), workers=2))
    assert [v for v, _ in out] == [n * n for n in range(20)]
    assert any(pid != os.getpid() for _, pid in out)


def test_one_worker_or_few_items_run_here():
    for workers, items in ((1, list(range(20))), (2, [1, 2])):
        out = list(forked_map(_square_and_pid, items, workers=workers))
        assert [v for v, _ in out] == [n * n for n in items]
        assert {pid for _, pid in out} == {os.getpid()}


def test_a_worker_that_dies_is_replaced_by_running_its_item_here():
    parent = os.getpid()

    def dies_in_a_worker(n: int) -> int:
        if os.getpid() != parent and n == 3:
            os._exit(1)
        return n

    assert list(forked_map(dies_in_a_worker, list(range(8)), workers=2)) == list(range(8))


def _private_mb_after_collecting(_: int) -> float:
    import gc

    gc.collect()  # a worker's own collections must not copy the heap it inherited
    for line in open("/proc/self/smaps_rollup", encoding="ascii"):
        if line.startswith("Private_Dirty:"):
            return int(line.split()[1]) / 1024
    return 0.0


def test_workers_share_the_heap_they_inherit():
    import pytest

    if not os.path.exists("/proc/self/smaps_rollup"):
        pytest.skip("needs Linux's /proc/self/smaps_rollup")
    # ~80 MB of objects the collector tracks (lists; a dict of plain values is not tracked)
    inherited = [[n, [f"基本支出 {n}"]] for n in range(300_000)]
    private = list(forked_map(_private_mb_after_collecting, list(range(4)), workers=2))
    assert len(inherited) == 300_000
    assert max(private) < 30, private  # MB a worker wrote itself, not a copy of ~80 MB
