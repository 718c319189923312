# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The hybrid clock shared by the UI's task pool: stamps stay unique and increasing when
several threads tick and observe at once."""

import sys
import threading

from app.domain.hlc import HybridClock, format_stamp, parse

THREADS, TICKS = 8, 3000


def run_together(work):
    """Each of THREADS threads runs ``work(i)`` from the same starting line; switching
    threads as often as the interpreter allows, so that unguarded state would tear."""
    start = threading.Barrier(THREADS)
    errors = []

    def body(i):
        start.wait()
        try:
            work(i)
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        threads = [threading.Thread(target=body, args=(i,)) for i in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == []


def test_stamps_from_several_threads_are_unique_and_increasing():
    clock = HybridClock("node", wall=lambda: 1_000)  # one millisecond: every tick counts
    stamps = [[] for _ in range(THREADS)]

    def work(i):
        for _ in range(TICKS):
            stamps[i].append(clock.tick())

    run_together(work)
    every = [stamp for mine in stamps for stamp in mine]
    assert len(set(every)) == THREADS * TICKS
    for mine in stamps:
        assert all(a < b for a, b in zip(mine, mine[1:], strict=False))
    assert clock.last == max(every) == format_stamp(1_000, THREADS * TICKS - 1, "node")


def test_observing_and_ticking_at_once_never_goes_back():
    wall = iter(range(10**9))
    clock = HybridClock("node", wall=lambda: next(wall))
    stamps = [[] for _ in range(THREADS)]

    def work(i):
        for n in range(TICKS):
            if i % 2:
                clock.observe(format_stamp(n * 10, 7, "other"))
            else:
                stamps[i].append(clock.tick())

    run_together(work)
    every = [stamp for mine in stamps for stamp in mine]
    assert len(set(every)) == len(every)
    for mine in stamps:
        assert all(parse(a)[:2] < parse(b)[:2] for a, b in zip(mine, mine[1:], strict=False))
    assert clock.last >= max(every)
