# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Process start to the unlock window shown, against an empty PySide6 window (DESIGN.md
section 8: ≤ 2× the empty window, ≤ 100 MiB at that point).

    uv run python -m compileall -q app .venv/lib     # once: the machine may not write .pyc
    uv run python tests/bench/bench_startup.py [--runs 15] [--vault DIR]

Interleaved over ``--runs`` rounds, each a fresh process on the offscreen platform:
(a) a QApplication with an empty QMainWindow, shown;
(b) ``vigil --vault DIR`` (the ``vigil`` script of this environment) up to the unlock window,
    which quits at once when VIGIL_EXIT_WHEN_SHOWN is set (app/ui/launch.py).
Each process prints ``time.monotonic()`` once the event loop has shown its window (the same
clock as this process's, taken just before the process is started), its peak RSS and how
many modules it loaded. Medians are printed and appended to
``tests/bench/results/startup.txt``. Without ``--vault`` a demo vault is made in a
temporary folder. Not part of the test run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from report import Report

ROOT = Path(__file__).resolve().parents[2]
EMPTY_WINDOW = """
import resource, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.show()
def report():
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"shown {time.monotonic():.6f} {peak_kib} {len(sys.modules)}", flush=True)
    app.quit()
QTimer.singleShot(0, report)
app.exec()
"""


def shown(argv: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Milliseconds from starting the process to its window shown, peak MiB, modules."""
    began = time.monotonic()
    proc = subprocess.run(argv, env=env, cwd=ROOT, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, check=False)
    line = next((x for x in proc.stdout.splitlines() if x.startswith("shown ")), None)
    if proc.returncode or line is None:
        sys.exit(f"{argv[1:]} failed ({proc.returncode}): {proc.stderr.strip()[-600:]}")
    _, at, peak_kib, count = line.split()
    return (float(at) - began) * 1000, int(peak_kib) / 1024, int(count)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--vault", type=Path, help="a vault folder (default: a demo, made afresh)")
    parser.add_argument("--label", default="", help="a note for the results line")
    args = parser.parse_args()
    python = sys.executable
    vigil = str(Path(python).with_name("vigil"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("VIGIL_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        vault = args.vault
        if vault is None:
            vault = Path(tmp) / "demo"
            subprocess.run([vigil, "demo", "--no-window", "--vault", str(vault)], check=True,
                           env={**env, "VIGIL_PASSPHRASE": "vigil demo vault"}, cwd=ROOT,
                           capture_output=True)
        env["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")  # the default preferences
        app_env = {**env, "VIGIL_EXIT_WHEN_SHOWN": "1"}
        variants = {
            "empty": ([python, "-c", EMPTY_WINDOW], env),
            "vigil": ([vigil, "--vault", str(vault)], app_env),
        }
        for argv, variant_env in variants.values():  # untimed: the page cache
            shown(argv, variant_env)
        times: dict[str, list[float]] = {name: [] for name in variants}
        peaks: dict[str, list[float]] = {name: [] for name in variants}
        counts: dict[str, int] = {}
        names = list(variants)
        for round_ in range(args.runs):
            shift = round_ % len(names)  # each variant takes each place in the round
            for name in names[shift:] + names[:shift]:
                elapsed, peak, count = shown(*variants[name])
                times[name].append(elapsed)
                peaks[name].append(peak)
                counts[name] = count
    med = {name: statistics.median(values) for name, values in times.items()}
    peak = {name: statistics.median(values) for name, values in peaks.items()}
    label = f"({args.label})  " if args.label else ""
    report = Report("startup.txt", f"{label}median of {args.runs} interleaved runs")
    report.say(f"empty QMainWindow shown   {med['empty']:7.1f} ms  {peak['empty']:6.1f} MiB  "
               f"{counts['empty']} modules")
    report.say(f"vigil unlock window shown {med['vigil']:7.1f} ms  {peak['vigil']:6.1f} MiB  "
               f"{counts['vigil']} modules  {med['vigil'] / med['empty']:.2f}x the time (bar ≤ "
               f"2x), {peak['vigil'] / peak['empty']:.2f}x the memory (bar ≤ 100 MiB)")
    report.save()
    return 0


if __name__ == "__main__":
    sys.exit(main())
