# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every benchmark of DESIGN.md section 8, one after the other: one command.

    uv run python tests/bench/run_all.py [--quick] [--only cli import ...]

Compiles the bytecode first (a fresh environment may not have written it), then runs each
benchmark in its own process with the arguments below; each prints its figures, each
against a baseline measured in the same run, and appends them to its own file in
``tests/bench/results/``. ``--quick`` uses fewer rounds and a tenth of the reference vault
(scale 0.1: its search and dashboard times are then about a tenth of the reference's for
the scans, so they are no verdict on the bars). A failed benchmark is reported and the
others still run; the exit code says whether all of them finished. Not part of the test run.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
# name: (script, arguments, arguments with --quick)
BENCHES = {
    "cli": ("bench_cli.py", [], ["--runs", "7"]),
    "startup": ("bench_startup.py", [], ["--runs", "7"]),
    "import": ("bench_import.py", [], ["--runs", "3"]),
    "vault": ("bench_vault.py", [], ["--rows", "20000", "--repeat", "1"]),
    "reference": ("bench_reference.py", [], ["--scale", "0.1"]),
    "sharing": ("bench_sharing.py", [], ["--cases", "100", "--attachment-mib", "20"]),
    "dossier": ("bench_dossier.py", [], ["--sizes", "20"]),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds, smaller data")
    parser.add_argument("--only", nargs="+", choices=list(BENCHES), metavar="NAME",
                        help=f"run only these ({', '.join(BENCHES)})")
    args = parser.parse_args()
    subprocess.run([sys.executable, "-m", "compileall", "-q", "app",
                    str(Path(sys.prefix) / "lib")], cwd=ROOT, check=False,
                   stdout=subprocess.DEVNULL)
    failed = []
    for name in args.only or BENCHES:
        script, full, quick = BENCHES[name]
        argv = [sys.executable, str(HERE / script), *(quick if args.quick else full)]
        print(f"== {name}: {' '.join(argv[1:])}", flush=True)
        began = time.perf_counter()
        code = subprocess.run(argv, cwd=ROOT, check=False).returncode
        print(f"== {name}: exit {code} after {time.perf_counter() - began:.0f} s", flush=True)
        if code:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
