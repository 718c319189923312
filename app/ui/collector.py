# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Python's cyclic garbage collection, on the UI thread only.

The collector runs in whichever thread allocates when a threshold is passed: as often as
not a worker of the task runner. Collecting a cycle that holds a PySide object (a closed
dialog, a callback that refers to a widget) then runs its destructor on that thread, while
the UI thread may be inside PySide itself: the crash seen under load (a segmentation fault
in ``MetaObjectBuilder::update`` as the first screen of its class is built at unlock,
after outcomes already stopped crossing threads as signals). So automatic collection is
off and the UI thread collects on a timer, a generation at a time, when Python's own
thresholds say a collection is due, as pyqtgraph does for the same reason.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class UiThreadCollector(QObject):
    """While it runs, only the UI thread collects (``stop`` gives collection back)."""

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> None:
        """The collections automatic collection would have made by now, here."""
        due0, due1, due2 = gc.get_threshold()
        count0, count1, count2 = gc.get_count()
        if count0 > due0:
            gc.collect(0)
            if count1 > due1:
                gc.collect(1)
                if count2 > due2:
                    gc.collect(2)

    def stop(self) -> None:
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
