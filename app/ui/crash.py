# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The crash dialog: an unexpected exception becomes "Vigil hit an internal error".

The report holds only file names, line numbers, function names and exception TYPES: never
an exception's message (``str(exc)`` often quotes the value that failed, i.e. case data),
never a local variable, never a source line. It is written to disk only if the user picks a
file with "Save report…". Exceptions from any thread are shown on the UI thread.
"""

from __future__ import annotations

import contextlib
import os
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import __version__
from app.ui import filedialogs

ParentGetter = Callable[[], QWidget | None]
AskPath = Callable[[QWidget | None], str | None]


def _short_path(filename: str) -> str:
    """A frame's file without the user's folders: ``app/…`` for ours, the module's own
    name for everything else (home folders can name the user)."""
    path = filename.replace("\\", "/")
    if "/app/" in path:
        return path[path.rfind("/app/") + 1:]
    if "site-packages/" in path:
        return path[path.rfind("site-packages/") + len("site-packages/"):]
    return os.path.basename(path)


def _type_name(exc_type: type[BaseException]) -> str:
    module = getattr(exc_type, "__module__", "") or ""
    name = getattr(exc_type, "__qualname__", None) or getattr(exc_type, "__name__", "?")
    return name if module in ("builtins", "") else f"{module}.{name}"


def scrubbed_report(exc_type: type[BaseException], exc: BaseException | None,
                    tb: TracebackType | None) -> str:
    """A traceback with no case data in it, for the dialog and the saved report."""
    lines = [f"Vigil {__version__} hit an internal error.",
             f"Python {platform.python_version()} on {platform.system()}", ""]
    chain: list[tuple[type[BaseException], TracebackType | None, str]] = []
    seen: set[int] = set()
    current, link_type, link_tb, how = exc, exc_type, tb, ""
    while True:
        chain.append((link_type, link_tb, how))
        if current is None or id(current) in seen:
            break
        seen.add(id(current))
        if current.__cause__ is not None:
            nxt, how = current.__cause__, "The above was the direct cause of:"
        elif current.__context__ is not None and not current.__suppress_context__:
            nxt, how = current.__context__, "While handling this, another error occurred:"
        else:
            break
        current, link_type, link_tb = nxt, type(nxt), nxt.__traceback__
        if len(chain) > 20:
            break
    for link_type, link_tb, how in reversed(chain):
        lines.append("Traceback (file, line, function; no values):")
        for frame in traceback.extract_tb(link_tb, limit=100):
            lines.append(f"  {_short_path(frame.filename)}:{frame.lineno} in {frame.name}")
        lines.append(_type_name(link_type))
        if how:
            lines += ["", how]
    return "\n".join(lines) + "\n"


def _ask_path(parent: QWidget | None) -> str | None:
    path = filedialogs.save_file(
        parent, QApplication.translate("CrashDialog", "Save the error report"),
        "vigil-error-report.txt", QApplication.translate("CrashDialog", "Text files (*.txt)"))
    return str(path) if path else None


class CrashDialog(QMessageBox):
    """What the user sees; ``report`` is already scrubbed."""

    report_saved = Signal(str)

    def __init__(self, report: str, parent: QWidget | None = None,
                 ask_path: AskPath = _ask_path) -> None:
        super().__init__(parent)
        self._report = report
        self._ask_path = ask_path
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("Vigil"))
        self.setText(self.tr("Vigil hit an internal error"))
        self.setInformativeText(self.tr(
            "The report below contains no case data: only where in Vigil's code the error "
            "happened. You can save it and send it to whoever supports Vigil for you."))
        self.setDetailedText(report)
        self.save_button = self.addButton(self.tr("Save report…"),
                                          QMessageBox.ButtonRole.ActionRole)
        self.close_button = self.addButton(self.tr("Close"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.close_button)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def done(self, result: int) -> None:
        # Any button would close the box; saving keeps it open so the user can read on.
        if self.clickedButton() is self.save_button:
            self.save_report()
            return
        super().done(result)

    @Slot()
    def save_report(self) -> None:
        path = self._ask_path(self)
        if not path:
            return
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(self._report)
        except OSError:
            QMessageBox.warning(self, self.tr("Vigil"),
                                self.tr("The report could not be saved there."))
            return
        self.report_saved.emit(path)


class CrashReporter(QObject):
    """Receives exceptions from any thread; shows one dialog at a time on the UI thread."""

    crashed = Signal(str)  # a scrubbed report, queued to the UI thread
    dialog_shown = Signal(object)

    def __init__(self, parent_getter: ParentGetter, ask_path: AskPath = _ask_path) -> None:
        super().__init__()
        self._parent_getter = parent_getter
        self._ask_path = ask_path
        self.dialog: CrashDialog | None = None
        self.crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def report(self, exc_type, exc, tb) -> None:
        text = scrubbed_report(exc_type, exc, tb)
        with contextlib.suppress(Exception):  # no stderr (a windowed app): the dialog is enough
            sys.stderr.write(text)
        self.crashed.emit(text)

    @Slot(str)
    def _show(self, text: str) -> None:
        if self.dialog is not None:  # one at a time: a loop of errors must not bury the user
            return
        try:
            parent = self._parent_getter()
        except Exception:
            parent = None
        self.dialog = CrashDialog(text, parent, self._ask_path)
        self.dialog.finished.connect(self._closed)
        self.dialog.open()
        self.dialog_shown.emit(self.dialog)

    @Slot()
    def _closed(self) -> None:
        self.dialog = None


def install_excepthook(parent_getter: ParentGetter,
                       ask_path: AskPath = _ask_path) -> CrashReporter:
    """Route uncaught exceptions (UI thread and other threads) to the crash dialog.

    Call once the QApplication exists; keep the returned reporter alive. Ctrl+C in a
    terminal still ends the app as usual.
    """
    reporter = CrashReporter(parent_getter, ask_path)
    previous = sys.excepthook

    def hook(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        reporter.report(exc_type, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
    reporter.setParent(QApplication.instance())
    return reporter
