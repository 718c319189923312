# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The scorecard's list of the cases a figure counts, at 10,000 cases.

    uv run python tests/bench/bench_scorecard_records.py --keep DIR [--scale 1.0] [--runs 5]

A figure such as "cases to raise not raised at a high level" may count every case of the
vault. Measured on the reference vault (bench_calendar.py's: 10,000 cases at scale 1; with
--keep DIR the vault there is reused, else built, which takes minutes): reading the
figure's records as the dialog does (``read_records``: names only) against reading every
whole case as it did before (``cases.get_cases``), and building the dialog offscreen with
its list model, up to the first rows painted. Figures are printed and appended to
tests/bench/results/scorecard.txt. Not collected by pytest; everyone in it is fictional.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_calendar import reference_vault  # noqa: E402
from report import Report  # noqa: E402
from sqlalchemy import select  # noqa: E402

from app.services.cases import get_cases  # noqa: E402
from app.services.scorecard import Figure  # noqa: E402
from app.vault.tables import CaseRow  # noqa: E402


def timed(fn, runs: int) -> tuple[float, float, object]:
    """p50 wall and CPU time (ms) of ``fn`` over ``runs`` runs after one to warm up."""
    result = fn()
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = fn()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--keep", metavar="DIR", help="keep the vault here and reuse it")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    report = Report("scorecard.txt", f"scale {args.scale}",
                    "(the records of a figure counting every case)")
    say = report.say

    from PySide6.QtWidgets import QApplication

    from app.ui.screens.scorecard.records import RecordsDialog, read_records

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="vigil-records-") as tmp:
        vault = reference_vault(Path(args.keep) if args.keep else Path(tmp) / "vault",
                                args.scale, say)
        with vault, vault.session() as session:
            ids = tuple(sorted(session.scalars(select(CaseRow.id).where(
                CaseRow.deleted.is_(False)))))
            figure = Figure("case", ids)
            wall, cpu, records = timed(lambda: read_records(session, figure), args.runs)
            assert isinstance(records, list)
            say(f"read_records, {len(records)} cases (names only): "
                f"p50 {wall:7.1f} ms  CPU p50 {cpu:7.1f} ms")
            wall, cpu, _ = timed(lambda: get_cases(session, ids), max(1, args.runs // 2))
            say(f"  as before, every whole case (get_cases): "
                f"p50 {wall:7.1f} ms  CPU p50 {cpu:7.1f} ms")

            def show() -> RecordsDialog:
                dialog = RecordsDialog("Cases", records)
                dialog.show()
                app.processEvents()
                dialog.grab()  # paint the first rows
                dialog.close()
                dialog.deleteLater()
                return dialog

            wall, cpu, _ = timed(show, args.runs)
            say(f"RecordsDialog with {len(records)} rows, shown and painted: "
                f"p50 {wall:7.1f} ms  CPU p50 {cpu:7.1f} ms")
            session.rollback()
    report.save()
    return 0


if __name__ == "__main__":
    sys.exit(main())
