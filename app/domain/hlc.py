# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Hybrid logical clock stamps: the version of every synced field.

A stamp is ``<wall ms, 12 hex>.<counter, 4 hex>.<node>`` and compares correctly as a plain
string, so the newest edit wins whichever vault applies it first, and equal wall times
break ties by node (the author's fingerprint) deterministically. Pure: the wall clock
is injected. Thread-safe: the UI's task pool stamps from several threads at once.

A stamp never goes back, so one taken with a wall clock far ahead stays in the clock for
good: with ``max_jump_ms`` set, a wall clock that far past the last stamp is refused
(``ClockJumped``) until the user confirms it (``accept_wall_clock``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

ZERO = "000000000000.0000."


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


def parse(stamp: str) -> tuple[int, int, str]:
    ms, counter, node = stamp.split(".", 2)
    if len(ms) != 12 or len(counter) != 4:
        raise ValueError("not a clock stamp")
    return int(ms, 16), int(counter, 16), node


def format_stamp(ms: int, counter: int, node: str) -> str:
    return f"{ms:012x}.{counter:04x}.{node}"


class ClockJumped(Exception):
    """The wall clock is more than ``max_jump_ms`` past the last stamp; nothing was stamped."""

    def __init__(self, last_ms: int, now_ms: int) -> None:
        super().__init__("the wall clock jumped ahead of the last stamp")
        self.last_ms, self.now_ms = last_ms, now_ms


@dataclass
class HybridClock:
    node: str
    wall: Callable[[], int] = wall_ms
    max_jump_ms: int | None = None  # None: any wall clock is taken as it comes
    _ms: int = field(default=0, init=False)
    _counter: int = field(default=0, init=False)
    # Without it two threads could read the same (ms, counter) and issue the same stamp.
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False,
                                  compare=False)

    def tick(self) -> str:
        """A stamp later than every stamp this clock has issued or observed."""
        with self._lock:
            return self._tick()

    def _tick(self) -> str:
        now = self.wall()
        if self.max_jump_ms is not None and self._ms and now - self._ms > self.max_jump_ms:
            raise ClockJumped(self._ms, now)
        if now > self._ms:
            self._ms, self._counter = now, 0
        else:
            self._counter += 1
            if self._counter > 0xFFFF:  # a burst of 65,536 edits in one millisecond
                self._ms, self._counter = self._ms + 1, 0
        return format_stamp(self._ms, self._counter, self.node)

    def accept_wall_clock(self) -> None:
        """The user confirmed the date: stamps continue from the wall clock as it is now."""
        with self._lock:
            now = self.wall()
            if now > self._ms:
                self._ms, self._counter = now, 0

    def observe(self, stamp: str) -> None:
        """Move past a stamp seen in a bundle or read back from the vault."""
        ms, counter, _ = parse(stamp)
        with self._lock:
            if (ms, counter) > (self._ms, self._counter):
                self._ms, self._counter = ms, counter

    @property
    def last(self) -> str:
        with self._lock:
            return format_stamp(self._ms, self._counter, self.node)
