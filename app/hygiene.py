# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Process hygiene, called first thing by the CLI and the desktop launcher.

No core dumps (a dump of an unlocked Vigil holds the vault key and open cases), and one
logging set-up that can only ever write event types and counts: nowhere on disk, to stderr at
WARNING. ``log_event`` refuses strings as values so case text cannot slip into a log line;
messages from libraries are replaced by their logger's name, since they may quote data.

This module must never import Qt and never write a file.
"""

from __future__ import annotations

import contextlib
import logging
import re
import sys

EVENTS = "vigil.events"
_KIND = re.compile(r"^[a-z][a-z0-9_.-]{0,63}$")
_PR_SET_DUMPABLE = 4
_WITHHELD = "(message withheld: it may contain case data)"


def harden_process() -> None:
    """Everything below, best effort: never fails and never stops Vigil from starting."""
    disable_core_dumps()
    configure_logging()


def disable_core_dumps() -> bool:
    """RLIMIT_CORE to 0 and, on Linux, PR_SET_DUMPABLE 0 (also keeps other processes of the
    same user from attaching a debugger). True if core dumps are known to be off."""
    off = False
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        off = True
    except (ImportError, ValueError, OSError):
        pass
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            off = libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0) == 0 or off
    return off


class _StderrNow(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is at the time (tests swap it), never to a file."""

    def __init__(self) -> None:
        super().__init__()

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


class _EventsOnly(logging.Formatter):
    """Lines from ``log_event`` as built; any other message is replaced by its logger's name,
    and tracebacks (whose text can hold values) are never formatted. Does not alter the
    record, so other handlers (a test's log capture) see it unchanged."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage() if record.name == EVENTS else _WITHHELD
        return f"vigil: {record.levelname} {record.name}: {message}"


def configure_logging(level: int = logging.WARNING) -> logging.Logger:
    """Idempotent: one handler on the root logger, stderr only, events only."""
    root = logging.getLogger()
    if not any(isinstance(h, _StderrNow) for h in root.handlers):
        handler = _StderrNow()
        handler.setLevel(level)
        handler.setFormatter(_EventsOnly())
        root.addHandler(handler)
    logging.captureWarnings(True)  # warnings go through the filter above, not raw to stderr
    return logging.getLogger(EVENTS)


def log_event(kind: str, /, *, level: int = logging.INFO, **counts: int | bool) -> None:
    """Log that something happened: a fixed event type and numbers, never text.

    ``log_event("bundle.imported", records=12, conflicts=0)``. A string (or any other
    non-number) as a value raises TypeError; a kind that is not a short identifier raises
    ValueError: either would be a way for case text to reach a log.
    """
    if not isinstance(kind, str) or not _KIND.match(kind):
        raise ValueError("an event kind is a short lower-case identifier")
    for name, value in counts.items():
        if not _KIND.match(name):
            raise ValueError("a count's name is a short lower-case identifier")
        if not isinstance(value, int | bool):  # bool is an int; str, float, None are refused
            raise TypeError(f"log_event takes only int or bool values ({name!r})")
    parts = " ".join(f"{name}={int(value)}" for name, value in sorted(counts.items()))
    logging.getLogger(EVENTS).log(level, "%s %s", kind, parts)
