# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What every benchmark writes: its figures, printed as they come and appended at the end to
its file in ``tests/bench/results/``, under one heading that says when, on what machine, at
which commit and under what load (the load when the report was started: a shared machine's
figures mean little without it)."""

from __future__ import annotations

import os
import platform
import subprocess
from datetime import UTC, datetime
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def commit() -> str:
    """The checkout's short commit, '?' outside git."""
    return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=RESULTS.parent,
                          text=True, capture_output=True, check=False).stdout.strip() or "?"


class Report:
    def __init__(self, name: str, *details: str) -> None:
        """``name``: the results file (``cli.txt``); ``details``: the rest of the heading
        (the scale, the number of runs)."""
        self.path = RESULTS / name
        self.lines = ["  ".join([
            f"{datetime.now(UTC):%Y-%m-%dT%H:%M}", f"{platform.machine()} {os.cpu_count()} CPUs",
            f"py{platform.python_version()}", f"at {commit()}",
            f"load {os.getloadavg()[0]:.1f}", *details])]

    def say(self, text: str = "") -> None:
        """One line of figures, indented under the heading."""
        print(text, flush=True)
        self.lines.append("  " + text if text else "")

    def save(self) -> None:
        self.path.parent.mkdir(exist_ok=True)
        with self.path.open("a", encoding="utf-8") as out:
            out.write("\n".join(self.lines) + "\n")
