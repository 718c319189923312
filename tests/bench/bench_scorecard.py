# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The scorecard at reference scale (DESIGN.md section 8: one government over five years
< 200 ms), with 5,000 encounters.

    uv run python tests/bench/bench_scorecard.py [--scale 1.0] [--runs 20]

Generates (deterministically) 10,000 cases, 100,000 asks (a quarter of them made at an
encounter), 1,000 officials with levels, 40 governments and 5,000 encounters at scale 1,
and writes the rows straight into a new vault's tables with executemany (the services'
import path takes minutes at this scale and is measured by bench_reference.py); then
rebuilds the derived data (``derived.rebuild``: ``ask_cases`` again, ``open_follow_ups``
and ``last_raised``). Measured, for the most active
government over the five years before "today": ``scorecard.scorecard`` (everything),
the same under a diplomatic scope, three governments side by side, and as a baseline the
cheapest query the scorecard cannot avoid (counting that government's ``ask_cases`` rows in
the period). Prints the query plans, and appends the figures to
tests/bench/results/scorecard.txt. Not collected by pytest; everyone in it is fictional.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from report import Report  # noqa: E402
from sqlalchemy import text  # noqa: E402

from app.domain.enums import (  # noqa: E402
    Consent,
    EncounterKind,
    Level,
    Response,
    Status,
)
from app.services import scorecard, scorecard_text  # noqa: E402
from app.services.scorecard import Scope  # noqa: E402
from app.vault import derived  # noqa: E402
from app.vault.keyslots import KdfParams  # noqa: E402
from app.vault.tables import (  # noqa: E402
    AskCase,
    AskRow,
    CaseRow,
    EncounterRow,
    OfficialRow,
    OrganisationRow,
)
from app.vault.vault import Vault  # noqa: E402

TODAY = date(2026, 11, 28)
TARGET_MS = 200
COUNTRIES = ["DE", "FR", "GB", "SE", "NL", "US", "CA", "AU", "NZ", "JP", "CH", "NO", "DK", "FI",
             "BE", "AT", "IE", "IT", "ES", "PT", "CZ", "PL", "LT", "EE", "LV", "SK", "SI", "HR",
             "IS", "LU", "KR", "TW", "BR", "MX", "CL", "AR", "ZA", "IN", "ID", "PH"]


def uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def generate(scale: float, skewed: bool = False) -> dict[type, list[dict]]:
    rng = random.Random(20261202)
    n_cases, n_asks, n_officials, n_encounters = (max(1, round(n * scale)) for n in
                                                  (10_000, 100_000, 1_000, 5_000))
    # As bench_reference.py: asks spread evenly over 40 governments; --skewed makes the
    # first government ten times as active as the last (a harder case than the reference).
    govs = [dict(id=uid(rng), name=f"Government of {c}", country=c, kind="government")
            for c in COUNTRIES]
    weights = [1 / (1 + 9 * i / (len(govs) - 1)) if skewed else 1 for i in range(len(govs))]
    officials = [dict(id=uid(rng), name=f"Official {i:04d}", level=rng.choice(list(Level)).value,
                      organisation_id=rng.choices(govs, weights)[0]["id"])
                 for i in range(n_officials)]
    cases = [dict(id=uid(rng), display_name=f"Case {i:05d}",
                  consent=rng.choice(list(Consent)).value, status=rng.choice(list(Status)).value)
             for i in range(n_cases)]
    encounters = []
    by_gov: dict[str, list[dict]] = {}
    for i in range(n_encounters):
        gov = rng.choices(govs, weights)[0]
        start = TODAY - timedelta(days=rng.randint(0, 6 * 365))
        end = start + timedelta(days=rng.randint(0, 3))
        e = dict(id=uid(rng), kind=rng.choice(list(EncounterKind)).value, title=f"E{i}",
                 starts_on=start.isoformat(), starts_on_sort=start.isoformat(),
                 ends_on=end.isoformat(), ends_on_sort=end.isoformat(),
                 organisation_ids=[gov["id"]],
                 level=rng.choice(list(Level)).value)
        encounters.append(e)
        by_gov.setdefault(gov["id"], []).append(e)
    asks, links = [], []
    case_ids = [c["id"] for c in cases]
    for _ in range(n_asks):
        official = rng.choice(officials)
        gov = official["organisation_id"]
        met = by_gov.get(gov)
        encounter = rng.choice(met) if met and rng.random() < 0.25 else None
        when = date.fromisoformat(encounter["starts_on"]) if encounter else \
            TODAY - timedelta(days=rng.randint(0, 6 * 365))
        named = rng.sample(case_ids, 12 if rng.random() < 0.01 else rng.randint(1, 3))
        ask = dict(id=uid(rng), date=when.isoformat(), date_sort=when.isoformat(),
                   raised_by_official_id=official["id"], public=rng.random() < 0.4,
                   level=rng.choice(list(Level)).value if rng.random() < 0.2 else None,
                   encounter_id=encounter["id"] if encounter else None,
                   response=rng.choice(list(Response)).value,
                   follow_up_due=(when + timedelta(days=90)).isoformat()
                   if rng.random() < 0.3 else None,
                   case_ids=named)
        asks.append(ask)
        links += [dict(ask_id=ask["id"], case_id=c, date_sort=ask["date_sort"],
                       government_id=gov) for c in named]
    return {OrganisationRow: govs, OfficialRow: officials, CaseRow: cases,
            EncounterRow: encounters, AskRow: asks, AskCase: links}


def fill(vault: Vault, rows: dict[type, list[dict]]) -> None:
    with vault.session() as session:
        for table, values in rows.items():
            session.execute(table.__table__.insert(), values)
        derived.rebuild(session)  # ask_cases again, open follow-ups, last_raised


CPU: list[float] = []  # the CPU time (ms, p50) of the last ``timed``: steadier under load


def timed(fn, runs: int) -> tuple[float, float]:
    samples, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    ordered = sorted(samples)
    CPU[:] = [statistics.median(cpu)]
    return statistics.median(ordered), ordered[max(0, round(0.95 * len(ordered)) - 1)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--skewed", action="store_true",
                        help="the first government ten times as active as the last")
    args = parser.parse_args()
    report = Report("scorecard.txt", f"scale {args.scale}" + (" skewed" if args.skewed else ""))
    say = report.say

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        rows = generate(args.scale, args.skewed)
        vault, _ = Vault.create(Path(tmp) / "v", "bench scorecard", kdf=KdfParams.minimum())
        with vault:
            fill(vault, rows)
            say(f"generated and written {len(rows[CaseRow])} cases, {len(rows[AskRow])} asks "
                f"({len(rows[AskCase])} case links), {len(rows[OfficialRow])} officials, "
                f"{len(rows[EncounterRow])} encounters in {time.perf_counter() - started:.1f} s")
            start, end = TODAY - timedelta(days=5 * 365), TODAY
            with vault.session() as session:
                top = session.execute(text(
                    "SELECT government_id, count(*) FROM ask_cases GROUP BY government_id "
                    "ORDER BY 2 DESC")).all()
                govs = [g for g, _ in top[:3]]
                median = top[len(top) // 2][0]
                baseline = text("SELECT count(*) FROM ask_cases WHERE government_id = :g "
                                "AND date_sort BETWEEN :s AND :e")
                params = {"g": govs[0], "s": start.isoformat(), "e": end.isoformat()}
                card = scorecard.scorecard(session, govs[0], start, end, TODAY)
                say(f"most active government: {top[0][1]} case links in all, "
                    f"{card.asks.count} asks and {card.cases_raised.count} cases in five years, "
                    f"{card.high_level_encounters.of.count} high-level encounters, "
                    f"{card.senior_matched.of.count} senior ones")
                period = ("ac.government_id = :g AND ac.date_sort BETWEEN :s AND :e")
                for what, sql in (
                        ("its links", f"SELECT ac.ask_id FROM ask_cases AS ac WHERE {period}"),
                        ("their asks", "SELECT a.id, a.public FROM asks AS a LEFT JOIN "
                         "open_follow_ups AS f ON f.ask_id = a.id WHERE a.id IN (SELECT value "
                         "FROM json_each('[]')) AND a.deleted = 0"),
                        ("asks at encounters", "SELECT a.id FROM asks AS a CROSS JOIN "
                         "ask_cases AS ac ON ac.ask_id = a.id WHERE a.encounter_id IN ('x') "
                         "AND +ac.government_id = :g")):
                    for row in session.execute(text(f"EXPLAIN QUERY PLAN {sql}"), params):
                        say(f"  plan, {what}: {row[-1]}")
                figures = [
                    ("baseline: count its ask_cases rows in the period",
                     lambda: session.execute(baseline, params).scalar()),
                    ("scorecard, the most active government, 5 years",
                     lambda: scorecard.scorecard(session, govs[0], start, end, TODAY)),
                    ("scorecard, the median government, 5 years",
                     lambda: scorecard.scorecard(session, median, start, end, TODAY)),
                    ("... under a diplomatic scope",
                     lambda: scorecard.scorecard(session, govs[0], start, end, TODAY, Scope(
                         public_asks_only=True,
                         consents=frozenset(Consent) - {Consent.DO_NOT_RAISE}))),
                    ("three governments side by side",
                     lambda: scorecard.scorecards(session, govs, start, end, TODAY)),
                    ("the CLI's table rows for those three",
                     lambda: scorecard_text.rows(scorecard.scorecards(session, govs, start,
                                                                      end, TODAY))),
                ]
                base = None
                for title, fn in figures:
                    p50, p95 = timed(fn, args.runs)
                    base = base or p50
                    verdict = "" if base == p50 else \
                        f"  {p50 / base:5.1f}x baseline  " + \
                        ("ok" if p95 < TARGET_MS else f"OVER {TARGET_MS} ms")
                    say(f"{title:50s} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  "
                        f"CPU p50 {CPU[0]:7.1f} ms{verdict}")
    report.save()
    return 0


if __name__ == "__main__":
    sys.exit(main())
