# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The advocacy calendar at reference scale (DESIGN.md section 8: next 90 days < 100 ms).

    uv run python tests/bench/bench_calendar.py [--scale 1.0] [--keep DIR] [--runs 20]

The reference document of bench_reference.py (10,000 cases, 200,000 events, 100,000 asks,
1,000 officials at scale 1), plus 5,000 encounters over six years (a tenth of them known
only to the month), a tenth of the asks made at one of them, 200 of our meetings, and a
sentence end for a third of the held cases; imported through ``bulk.import_document``. Then,
on the opened vault: ``calendar.moments`` for the next 90 days (p50/p95 over --runs), each
source on its own, the dashboard tile (30 days) and the neutral ICS file of the 90 days.
With --keep DIR the vault is kept there and reused by the next run (no re-import).
Figures are printed and appended to tests/bench/results/calendar.txt. Not collected by
pytest. Everyone in the generated vault is fictional.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parents[1]))

import bench_reference as ref  # noqa: E402
from report import Report  # noqa: E402

from app.domain.dates import FuzzyDate  # noqa: E402
from app.domain.enums import (  # noqa: E402
    DETAINED_STATUSES,
    EncounterKind,
    Level,
    MeetingStatus,
    OrganisationKind,
)
from app.domain.model import Document, Encounter, Meeting, MeetingCase  # noqa: E402
from app.services import bulk, calendar  # noqa: E402
from app.services import calendar as cal_module  # noqa: E402
from app.services.calendar_ics import calendar_file  # noqa: E402
from app.vault.keyslots import KdfParams  # noqa: E402
from app.vault.vault import Vault  # noqa: E402

TODAY, NOW = ref.TODAY, ref.NOW
TARGET_MS = 100


def enrich(doc: Document, scale: float) -> Document:
    """The reference document with encounters, meetings and sentence ends."""
    rng = random.Random(20261203)
    governments = [o.id for o in doc.organisations if o.kind is OrganisationKind.GOVERNMENT]
    encounters = []
    for i in range(max(1, round(5000 * scale))):
        start = TODAY + timedelta(days=rng.randint(-5 * 365, 365))
        fuzzy = rng.random() < 0.1
        starts_on = FuzzyDate(start.year, start.month) if fuzzy else ref.day(start)
        ends_on = None if fuzzy or rng.random() < 0.6 else \
            ref.day(start + timedelta(days=rng.randint(1, 3)))
        encounters.append(Encounter(
            id=ref.uid(rng), kind=rng.choice(list(EncounterKind)), title=f"Encounter {i}",
            starts_on=starts_on, ends_on=ends_on,
            organisation_ids=tuple(rng.sample(governments, rng.randint(1, 3))),
            level=rng.choice(list(Level)), location="Beijing"))
    asks = tuple(replace(a, encounter_id=rng.choice(encounters).id) if rng.random() < 0.1
                 else a for a in doc.asks)
    case_ids = [c.id for c in doc.cases]
    meetings = []
    for i in range(max(1, round(200 * scale))):
        when = NOW + timedelta(days=rng.randint(-365, 365), hours=rng.randint(0, 8))
        meetings.append(Meeting(
            id=ref.uid(rng), title=f"Meeting {i}", starts_at=when,
            organisation_id=rng.choice(governments),
            status=MeetingStatus.HELD if when < NOW else MeetingStatus.PLANNED,
            cases=tuple(MeetingCase(c) for c in rng.sample(case_ids, rng.randint(1, 5)))))
    cases = []
    for case in doc.cases:
        if case.status in DETAINED_STATUSES and rng.random() < 1 / 3:
            ends = TODAY + timedelta(days=rng.randint(-200, 2000))
            sentence_ends = ref.day(ends) if rng.random() < 0.8 else FuzzyDate(ends.year,
                                                                                ends.month)
            case = replace(case, sentence_ends=sentence_ends)
        cases.append(case)
    return replace(doc, cases=tuple(cases), asks=asks, encounters=tuple(encounters),
                   meetings=tuple(meetings))


CPU: list[float] = []  # the CPU time (ms, p50) of the last ``timed``: steadier under load


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float, object]:
    """p50 and p95 wall time (ms) of ``fn`` over ``runs`` runs after one to warm up."""
    fn()  # warm the page cache and the statement cache
    samples, cpu, result = [], [], None
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = fn()
        samples.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    samples.sort()
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    CPU[:] = [statistics.median(cpu)]
    return statistics.median(samples), p95, result


def cpu() -> str:
    return f"CPU p50 {CPU[0]:7.1f} ms"


def reference_vault(folder: Path, scale: float, say: Callable[[str], None]) -> Vault:
    """The reference vault with its encounters and meetings (``enrich``), unlocked: the one
    in ``folder`` if there is one, else built there (minutes at scale 1)."""
    if not (folder / "keyslots.json").is_file():
        started = time.perf_counter()
        doc = enrich(ref.generate(scale), scale)
        say(f"generated {len(doc.cases)} cases, {len(doc.asks)} asks, "
            f"{len(doc.encounters)} encounters, {len(doc.meetings)} meetings in "
            f"{time.perf_counter() - started:.1f} s")
        vault, _ = Vault.create(folder, ref.PASSPHRASE, kdf=KdfParams.minimum(),
                                clock=lambda: NOW)
        started = time.perf_counter()
        with vault, vault.session() as session:
            bulk.import_document(session, doc)
        say(f"imported in {time.perf_counter() - started:.1f} s")
    else:
        say(f"reusing the vault in {folder}")
    return Vault.unlock(folder, passphrase=ref.PASSPHRASE, clock=lambda: NOW,
                        daily_backup=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--keep", metavar="DIR", help="keep the vault here and reuse it")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    report = Report("calendar.txt", f"scale {args.scale}")
    say = report.say
    with tempfile.TemporaryDirectory(prefix="vigil-calendar-") as tmp:
        vault = reference_vault(Path(args.keep) if args.keep else Path(tmp) / "vault",
                                args.scale, say)
        with vault, vault.session() as session:
            end = TODAY + timedelta(days=90)
            p50, p95, found = timed(lambda: calendar.moments(session, TODAY, end), args.runs)
            assert isinstance(found, list)
            kinds = Counter(m.kind.value for m in found)
            say(f"calendar.moments, next 90 days: {len(found)} moments "
                f"({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))})")
            say(f"  p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  {cpu()}  "
                f"{'ok' if p95 < TARGET_MS else 'OVER'} (DESIGN bar < {TARGET_MS} ms)")
            for name in ("_encounters", "_meetings", "_follow_ups", "_detention"):
                source = getattr(cal_module, name)
                p50, p95, _ = timed(lambda s=source: s(session, TODAY, end), args.runs)
                say(f"  of which {name[1:]:<11} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  {cpu()}")
            p50, p95, _ = timed(lambda: calendar.upcoming(session, TODAY), args.runs)
            say(f"calendar.upcoming (dashboard tile, 30 days): p50 {p50:7.1f} ms  "
                f"p95 {p95:7.1f} ms  {cpu()}")
            p50, p95, data = timed(lambda: calendar_file(session, found, now=NOW),
                                   max(3, args.runs // 4))
            assert isinstance(data, bytes)
            say(f"ICS file of the 90 days, neutral: {len(data) / 1024:.0f} KiB, "
                f"p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  {cpu()}")
            session.rollback()  # the UID key the file made: leave the vault as it was
    report.save()
    return 0


if __name__ == "__main__":
    sys.exit(main())
