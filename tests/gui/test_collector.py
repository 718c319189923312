# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Garbage is collected on the UI thread only: a cycle made and dropped by a worker (as a
job's closure may hold a widget) is freed by the UI thread's timer, never by the worker."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QCoreApplication

from app.ui.collector import UiThreadCollector


class Cycle:
    freed_on: list[int] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        Cycle.freed_on.append(threading.get_ident())


def test_a_workers_garbage_is_collected_on_the_ui_thread(qtbot):
    app = QCoreApplication.instance()
    assert app is not None
    gc.collect()
    collector = UiThreadCollector(app, interval_ms=10)  # settled's own is running too
    try:
        assert not gc.isenabled()

        made = 2 * gc.get_threshold()[0]  # past the threshold of an automatic collection

        def work() -> None:
            for _ in range(made):
                Cycle()  # dropped at once: only a collection frees it
        worker = threading.Thread(target=work)
        worker.start()
        worker.join()
        assert Cycle.freed_on == []  # the worker collected nothing
        qtbot.waitUntil(lambda: len(Cycle.freed_on) == made, timeout=60_000)
        assert set(Cycle.freed_on) == {threading.get_ident()}
    finally:
        collector.stop()
        collector.deleteLater()
