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
