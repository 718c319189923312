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
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import bench_calendar as cal_bench  # noqa: E402
import bench_reference as ref  # noqa: E402
from sqlalchemy import select  # noqa: E402

from app.services import bulk  # noqa: E402
from app.services.cases import get_cases  # noqa: E402
from app.services.scorecard import Figure  # noqa: E402
from app.vault.keyslots import KdfParams  # noqa: E402
from app.vault.tables import CaseRow  # noqa: E402
from app.vault.vault import Vault  # noqa: E402

RESULTS = BENCH / "results" / "scorecard.txt"


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
    lines = [f"{datetime.now(UTC):%Y-%m-%dT%H:%M}  {platform.machine()} "
             f"{os.cpu_count()} CPUs  py{platform.python_version()}  scale {args.scale}  "
             f"load {os.getloadavg()[0]:.1f}  (the records of a figure counting every case)"]

    def say(text: str) -> None:
        print(text, flush=True)
        lines.append("  " + text)

    from PySide6.QtWidgets import QApplication

    from app.ui.screens.scorecard.records import RecordsDialog, read_records

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="vigil-records-") as tmp:
        folder = Path(args.keep) if args.keep else Path(tmp) / "vault"
        if not (folder / "keyslots.json").is_file():
            doc = cal_bench.enrich(ref.generate(args.scale), args.scale)
            vault, _ = Vault.create(folder, ref.PASSPHRASE, kdf=KdfParams.minimum(),
                                    clock=lambda: ref.NOW)
            with vault, vault.session() as session:
                bulk.import_document(session, doc)
            del doc
        vault = Vault.unlock(folder, passphrase=ref.PASSPHRASE, clock=lambda: ref.NOW,
                             daily_backup=False)
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
    RESULTS.parent.mkdir(exist_ok=True)
    with RESULTS.open("a", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
