# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line's start-up and a command's cost beyond the KDF (DESIGN.md section 8).

    uv run python -m compileall -q app .venv/lib     # once: the machine may not write .pyc
    uv run python tests/bench/bench_cli.py [--runs 21] [--vault DIR]

Interleaved over ``--runs`` rounds, each a fresh process started the way a user starts it
(the ``vigil`` script of this environment):
(a) ``vigil --version`` against ``python -c pass``. Bar: < 60 ms.
(b) ``vigil cases --json`` on the demo vault against the key derivation alone (timed inside
    a process that only loads keyslots.json and derives the key). Bar: cases minus the KDF
    < 250 ms.
Without ``--vault`` a demo vault is made in a temporary folder with ``vigil demo --no-window``.
A first untimed round takes the day's snapshot, so it does not land in the timed rounds. The
CPU time of each process is given too: on a shared machine it moves less than the wall time
(the KDF's CPU time counts each of its lanes). The modules each command imports are counted
apart. Figures are printed and appended to
``tests/bench/results/cli.txt``. Not part of the test run.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from report import Report

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "vigil demo vault"  # the demo vault's, documented in README.md
KDF_ALONE = """
import sys, time
from pathlib import Path
from app.vault.keyslots import Keyslots
slots = Keyslots.load(Path(sys.argv[1]) / "keyslots.json")
began = time.perf_counter()
slots.unlock_with_passphrase(sys.argv[2])
print((time.perf_counter() - began) * 1000)
"""
MODULES = """
import sys
from app.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
heavy = [m for m in ("sqlalchemy", "alembic", "mako", "pygments", "reportlab", "pikepdf",
                     "PySide6") if m in sys.modules]
print(len(sys.modules), " ".join(heavy) or "none", file=sys.stderr)
"""


def cpu_ms() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (usage.ru_utime + usage.ru_stime) * 1000


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall and CPU milliseconds of one process, and its stdout."""
    cpu, began = cpu_ms(), time.perf_counter()
    proc = subprocess.run(argv, env=env, cwd=ROOT, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, check=False)
    elapsed, cpu = (time.perf_counter() - began) * 1000, cpu_ms() - cpu
    if proc.returncode:
        sys.exit(f"{argv[1:]} failed ({proc.returncode}): {proc.stderr.strip()[-400:]}")
    return elapsed, cpu, proc.stdout


def modules(python: str, argv: list[str], env: dict[str, str]) -> str:
    proc = subprocess.run([python, "-c", MODULES, *argv], env=env, cwd=ROOT,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False)
    count, _, heavy = proc.stderr.strip().splitlines()[-1].partition(" ")
    return f"{count} modules (heavy: {heavy})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--vault", type=Path, help="a demo vault (default: made afresh)")
    args = parser.parse_args()
    python = sys.executable
    vigil = str(Path(python).with_name("vigil"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("VIGIL_")}
    env["VIGIL_PASSPHRASE"] = PASSPHRASE
    with tempfile.TemporaryDirectory(prefix="bench-cli-") as tmp:
        vault = args.vault or Path(tmp) / "demo"
        if args.vault is None:
            timed([vigil, "demo", "--no-window", "--vault", str(vault)], env)
        variants = {
            "pass": [python, "-c", "pass"],
            "version": [vigil, "--version"],
            "kdf": [python, "-c", KDF_ALONE, str(vault), PASSPHRASE],
            "cases": [vigil, "cases", "--json", "--vault", str(vault)],
        }
        for argv in variants.values():  # untimed: the day's snapshot, the page cache
            timed(argv, env)
        times: dict[str, list[float]] = {name: [] for name in variants}
        cpus: dict[str, list[float]] = {name: [] for name in variants}
        kdf_inside: list[float] = []
        names = list(variants)
        for round_ in range(args.runs):
            shift = round_ % len(names)  # each variant takes each place in the round
            for name in names[shift:] + names[:shift]:
                elapsed, cpu, out = timed(variants[name], env)
                times[name].append(elapsed)
                cpus[name].append(cpu)
                if name == "kdf":
                    kdf_inside.append(float(out))
        cases_modules = modules(python, ["cases", "--json", "--vault", str(vault)], env)
    med = {name: statistics.median(values) for name, values in times.items()}
    cpu = {name: statistics.median(values) for name, values in cpus.items()}
    kdf = statistics.median(kdf_inside)
    rest = statistics.median(c - k for c, k in zip(times["cases"], kdf_inside, strict=True))
    report = Report("cli.txt", f"median of {args.runs} interleaved runs")
    for line in (
        f"python -c pass        {med['pass']:7.1f} ms  (CPU {cpu['pass']:.1f} ms)",
        f"vigil --version       {med['version']:7.1f} ms  {med['version'] / med['pass']:5.1f}x "
        f"python -c pass  (bar < 60 ms; CPU {cpu['version']:.1f} ms)  "
        f"{modules(python, ['--version'], env)}",
        f"KDF alone             {kdf:7.1f} ms  (its process {med['kdf']:.1f} ms, "
        f"CPU {cpu['kdf']:.1f} ms)",
        f"vigil cases --json    {med['cases']:7.1f} ms  {med['cases'] / med['kdf']:5.2f}x "
        f"the KDF's process; minus the KDF {rest:.1f} ms (bar < 250 ms); CPU minus the KDF's "
        f"process {cpu['cases'] - cpu['kdf']:.1f} ms  {cases_modules}",
    ):
        report.say(line)
    report.save()
    return 0


if __name__ == "__main__":
    sys.exit(main())
