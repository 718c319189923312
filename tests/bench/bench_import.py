# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Spreadsheet import from the command line (DESIGN.md section 8; the import issue's bars).

    uv run python tests/bench/bench_import.py [--runs 7] [--profile]

(a) ``vigil import`` of a 186-row CSV (the bilingual sample's rows repeated, with its
    mapping and id_column), process start to exit, against the key derivation alone timed
    inside a process that does nothing else. Bar: import minus the KDF < 1.5 s (DESIGN.md
    section 8 asks < 0.3 s). Two variants, interleaved with the KDF: "new" imports into a
    fresh copy of an empty vault (whose day's snapshot is taken), "again" imports the same
    sheet once more (186 rows that change nothing).
(b) ``vigil import`` of a 10,000-row XLSX (written beforehand with openpyxl, dates as date
    cells) into an empty vault: wall time and the process's peak memory (VmHWM, read at
    exit by a wrapper that runs the CLI's main). Bars: < 20 s, < 400 MB.
(c) The same 10,000-row XLSX through the import wizard's path, without its windows: the
    services its pages run, in the order they run them (ImportDraft.read on the file page,
    the vault's remembered mapping, suggest_mapping and preview_columns on the columns page,
    the values page's counts, convert_grid + check_document + outcome for the preview, then
    outcome + import_document + remember_mapping for the import), in one process with the
    vault unlocked first (the KDF left out): wall time per step and peak memory.
    Bars: < 20 s, < 400 MB.
With ``--profile``, (a) runs once more under cProfile and the functions with most
cumulative time are printed. Figures are printed and appended to
``tests/bench/results/import.txt``. Not part of the test run.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from report import Report

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
PASSPHRASE = "bench import passphrase"
KDF_ALONE = """
import sys, time
from pathlib import Path
from app.vault.keyslots import Keyslots
slots = Keyslots.load(Path(sys.argv[1]) / "keyslots.json")
began = time.perf_counter()
slots.unlock_with_passphrase(sys.argv[2])
print((time.perf_counter() - began) * 1000)
"""
# Runs the CLI as the vigil script does, then reports the peak memory of this process.
WITH_PEAK = """
import sys
from app.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
with open("/proc/self/status") as status:
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
print(peak // 1024, file=sys.stderr)
sys.exit(code)
"""
WIZARD = """
import sys, time
from collections import Counter
from pathlib import Path
from app.services import bulk, import_memory, sheet_import
from app.services.sheet_cells import cell_text
from app.services.sheet_suggest import preview_columns, suggest_mapping
from app.services.spreadsheet import convert_grid
from app.services.spreadsheet_mapping import load_mapping
from app.ui.import_draft import ImportDraft
from app.vault.vault import Vault
vault = Vault.unlock(Path(sys.argv[1]), passphrase=sys.argv[2])
steps = []
began = last = time.perf_counter()
def step(name):
    global last
    now = time.perf_counter()
    steps.append(f"{name} {now - last:.1f}")
    last = now
draft = ImportDraft.read(Path(sys.argv[3]), load_mapping(sys.argv[4]))
headers = draft.header()
with vault.session() as session:
    import_memory.remembered_mapping(session, headers)
step("file")
draft.mapping = suggest_mapping(draft.grid, draft.header_row, draft.mapping).mapping
preview_columns(draft.grid, draft.header_row, draft.mapping)
for index, key in draft.enum_columns():
    Counter(cell_text(row[index]) for row in draft.body() if index < len(row))
step("pages")
mapping = draft.checked_mapping()
result = convert_grid(draft.grid_to_convert(), mapping, header_row=draft.header_row)
with vault.session() as session:
    doc = sheet_import.check_document(session, result.document)
    sheet_import.outcome(session, doc, merge_cases=True)
step("preview")
with vault.session() as session:
    out = sheet_import.outcome(session, doc, merge_cases=True)
    bulk.import_document(session, doc, merge_cases=True)
    import_memory.remember_mapping(session, headers, mapping)
step("import")
total = time.perf_counter() - began
with open("/proc/self/status") as status:
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
print(f"{total:.1f} {peak // 1024} {out.created} " + ", ".join(steps))
"""
PROFILE = """
import cProfile, pstats, sys
from app.cli import main
profile = cProfile.Profile()
profile.enable()
try:
    main(sys.argv[1:])
except SystemExit:
    pass
profile.disable()
stats = pstats.Stats(profile)
stats.sort_stats("cumulative").print_stats(28)
stats.sort_stats("tottime").print_stats(12)
"""


def run(argv: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess]:
    began = time.perf_counter()
    proc = subprocess.run(argv, env=env, cwd=ROOT, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, check=False)
    elapsed = (time.perf_counter() - began) * 1000
    if proc.returncode:
        sys.exit(f"{argv[1:3]} failed ({proc.returncode}): {proc.stderr.strip()[-600:]}")
    return elapsed, proc


def sheet_186(path: Path) -> None:
    rows = list(csv.reader(io.StringIO((DATA / "cases-bilingual.csv").read_text("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        for number in range(186):
            row = list(body[number % len(body)])
            row[0] = str(1000 + number)
            row[1] = f"{row[1]} {number}"
            writer.writerow(row)


def workbook_10000(path: Path) -> None:
    import openpyxl

    rows = list(csv.reader(io.StringIO((DATA / "cases-bilingual.csv").read_text("utf-8-sig"))))
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Cases")
    sheet.append(rows[0])
    for number in range(10_000):
        row: list[object] = list(rows[1 + number % 5])
        row[0] = 100_000 + number
        row[1] = f"{row[1]} {number}"
        parts = row[4].split(".")
        if len(parts) == 3:
            row[4] = date(*map(int, parts))
        sheet.append(row)
    book.save(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    python = sys.executable
    vigil = str(Path(python).with_name("vigil"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("VIGIL_")}
    env["VIGIL_PASSPHRASE"] = PASSPHRASE
    mapping = str(DATA / "cases-bilingual.mapping.json")
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        folder = Path(tmp)
        small, big = folder / "186.csv", folder / "10000.xlsx"
        sheet_186(small)
        workbook_10000(big)
        vault = folder / "vault"
        run([vigil, "init", "--vault", str(vault)], env)
        imp = [vigil, "import", str(small), "--mapping", mapping, "--vault", str(vault)]
        kdf = [python, "-c", KDF_ALONE, str(vault), PASSPHRASE]
        run([vigil, "cases", "--vault", str(vault)], env)  # untimed: the day's snapshot
        template = folder / "template"
        shutil.copytree(vault, template)
        run(imp, env)  # untimed: creates the cases
        walls, new_walls, kdf_walls, kdf_inside = [], [], [], []
        for round_ in range(args.runs):
            fresh_copy = folder / f"new-{round_}"
            shutil.copytree(template, fresh_copy)
            new = [*imp[:-1], str(fresh_copy)]
            names = ["kdf", "import", "new"]
            shift = round_ % len(names)
            for name in names[shift:] + names[:shift]:
                elapsed, proc = run({"import": imp, "new": new, "kdf": kdf}[name], env)
                if name == "import":
                    walls.append(elapsed)
                elif name == "new":
                    new_walls.append(elapsed)
                else:
                    kdf_walls.append(elapsed)
                    kdf_inside.append(float(proc.stdout))
        wall, kdf_ms = statistics.median(walls), statistics.median(kdf_inside)
        rest = statistics.median(w - k for w, k in zip(walls, kdf_inside, strict=True))
        new_rest = statistics.median(w - k for w, k in zip(new_walls, kdf_inside, strict=True))

        fresh = folder / "fresh"
        run([vigil, "init", "--vault", str(fresh)], env)
        began = time.perf_counter()
        _, proc = run([python, "-c", WITH_PEAK, "import", str(big), "--mapping", mapping,
                       "--vault", str(fresh)], env)
        big_s = time.perf_counter() - began
        peak = int(proc.stderr.strip().splitlines()[-1])
        summary = proc.stderr.strip().splitlines()[0]

        wizard_vault = folder / "wizard"
        run([vigil, "init", "--vault", str(wizard_vault)], env)
        _, proc = run([python, "-c", WIZARD, str(wizard_vault), PASSPHRASE, str(big), mapping],
                      env)
        wizard_s, wizard_peak, wizard_created, wizard_steps = proc.stdout.split(" ", 3)

        if args.profile:
            _, proc = run([python, "-c", PROFILE, *imp[1:]], env)
            print(proc.stdout)
    report = Report("import.txt", f"median of {args.runs} runs")
    for line in (
        f"import 186-row CSV, new   {statistics.median(new_walls):7.1f} ms  minus the KDF "
        f"{new_rest:.1f} ms (bar < 1500 ms; DESIGN < 300 ms)",
        f"import 186-row CSV, again {wall:7.1f} ms  minus the KDF {rest:.1f} ms; "
        f"KDF alone {kdf_ms:.1f} ms (its process {statistics.median(kdf_walls):.1f} ms)",
        f"import 10,000-row XLSX {big_s:6.1f} s   peak {peak} MB  (bars < 20 s, < 400 MB)  "
        f"[{summary}]",
        f"wizard path, 10,000-row XLSX {float(wizard_s):6.1f} s   peak {wizard_peak} MB  "
        f"(bars < 20 s, < 400 MB)  [{wizard_created} new; s: {wizard_steps.strip()}]",
    ):
        report.say(line)
    report.save()
    return 0


if __name__ == "__main__":
    sys.exit(main())
