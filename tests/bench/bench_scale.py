# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reference-scale figures (DESIGN.md section 8): import, search, case list, dashboard.

    uv run python tests/bench/bench_scale.py [--scale 0.1]

Generates a deterministic vault (10,000 cases, 200,000 events, 100,000 asks, 1,000
officials at scale 1), imports it through the services, and prints p50/p95 timings;
figures are appended to tests/bench/results/scale.txt. Not part of the test run.
"""

from __future__ import annotations

import argparse
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from report import Report

from app.domain.dates import FuzzyDate
from app.domain.enums import Category, Channel, Consent, EventKind, Response, Status
from app.domain.model import Ask, Case, Document, Event, Official, Organisation
from app.services import bulk, dashboard, search
from app.services.cases import CaseFilter, list_cases
from app.vault.keyslots import KdfParams
from app.vault.vault import Vault

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建文辉力"
PINYIN = ["wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou"]
TODAY = date(2026, 11, 28)


def uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def generate(scale: float) -> Document:
    rng = random.Random(20261128)
    n_cases, n_events, n_asks, n_officials = (int(x * scale) for x in
                                              (10_000, 200_000, 100_000, 1_000))
    orgs = tuple(Organisation(id=uid(rng), name=f"Government {i}", country=f"{chr(65 + i // 26)}"
                              f"{chr(65 + i % 26)}", kind="government") for i in range(50))
    officials = tuple(Official(id=uid(rng), name=f"Official {i}",
                               organisation_id=rng.choice(orgs).id) for i in range(n_officials))
    per_case = max(1, n_events // max(1, n_cases))
    cases = []
    for i in range(n_cases):
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(2))
        start = TODAY - timedelta(days=rng.randint(30, 4000))
        events = tuple(Event(id=uid(rng), date=FuzzyDate.from_date(start + timedelta(days=k)),
                             kind=rng.choice(list(EventKind)), title=f"Event {k} 律师会见被拒")
                       for k in range(per_case))
        cases.append(Case(id=uid(rng), display_name=f"{rng.choice(PINYIN).title()} {i}",
                          name_original=name, status=rng.choice(list(Status)),
                          status_since=FuzzyDate.from_date(start),
                          category=rng.choice(list(Category)),
                          consent=rng.choice(list(Consent)), priority=rng.randint(1, 3),
                          summary=f"Summary {i}: human-rights lawyer 人权律师 {name}",
                          charges=("subversion of state power",), events=events))
    asks = []
    for _ in range(n_asks):
        when = TODAY - timedelta(days=rng.randint(0, 1100))
        asks.append(Ask(id=uid(rng), date=FuzzyDate.from_date(when),
                        raised_by_official_id=rng.choice(officials).id if officials else None,
                        raised_by_organisation_id=None if officials else orgs[0].id,
                        channel=rng.choice(list(Channel)), public=rng.random() < 0.4,
                        response=rng.choice(list(Response)),
                        case_ids=tuple({rng.choice(cases).id for _ in range(rng.randint(1, 3))})))
    return Document(organisations=orgs, officials=officials, cases=tuple(cases),
                    asks=tuple(asks))


def plain_sqlite_baseline(doc: Document, folder: Path) -> float:
    """The same rows through sqlite3.executemany: the floor an import could reach."""
    db = sqlite3.connect(folder / "plain.db")
    db.execute("CREATE TABLE cases(id TEXT PRIMARY KEY, name TEXT, original TEXT, "
               "summary TEXT)")
    db.execute("CREATE TABLE events(id TEXT PRIMARY KEY, case_id TEXT, date TEXT, title TEXT)")
    db.execute("CREATE TABLE asks(id TEXT PRIMARY KEY, date TEXT, cases TEXT)")
    start = time.perf_counter()
    with db:
        db.executemany("INSERT INTO cases VALUES (?,?,?,?)",
                       [(c.id, c.display_name, c.name_original, c.summary) for c in doc.cases])
        db.executemany("INSERT INTO events VALUES (?,?,?,?)",
                       [(e.id, c.id, str(e.date), e.title) for c in doc.cases
                        for e in c.events])
        db.executemany("INSERT INTO asks VALUES (?,?,?)",
                       [(a.id, str(a.date), ",".join(a.case_ids)) for a in doc.asks])
    return time.perf_counter() - start


def timed(fn, repeat: int) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    report = Report("scale.txt", f"scale {args.scale}")
    say = report.say

    doc = generate(args.scale)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        baseline = plain_sqlite_baseline(doc, folder)
        vault, _ = Vault.create(folder / "v", "benchmark passphrase",
                                kdf=KdfParams.minimum(), clock=lambda: datetime.now(UTC))
        with vault:
            start = time.perf_counter()
            with vault.session() as session:
                bulk.import_document(session, doc)
            took = time.perf_counter() - start
            say(f"import {len(doc.cases)} cases, {sum(len(c.events) for c in doc.cases)} "
                f"events, {len(doc.asks)} asks: {took:.1f} s (plain sqlite3 executemany "
                f"{baseline:.2f} s, {took / baseline:.0f}x)")
            with vault.session() as session:
                queries = {"latin-1": ["w", "l", "z"], "latin-2": ["wa", "li", "zh"],
                           "latin-3": ["wan", "liu", "zha"], "latin-8": ["wang 123", "summary"],
                           "chinese-1": ["王", "李", "伟"], "chinese-2": ["律师", "王伟", "人权"],
                           "chinese-3": ["人权律", "会见被", "王伟芳"],
                           "chinese-8": ["人权律师 王伟", "律师会见被拒 E"]}
                for label, words in queries.items():
                    p50, p95 = timed(lambda w=words: [search.matching_case_ids(session, q)
                                                      for q in w], 10)
                    p50, p95 = p50 / len(words), p95 / len(words)
                    lp50, lp95 = timed(lambda w=words: list_cases(
                        session, TODAY, CaseFilter(query=w[0])), 5)
                    say(f"search {label:<10} ids p50 {p50:6.1f} ms p95 {p95:6.1f} ms; "
                        f"as a filtered list p50 {lp50:6.1f} ms p95 {lp95:6.1f} ms")
                for label, fn in (
                        ("case list (all)", lambda: list_cases(session, TODAY)),
                        ("not raised in 90 days", lambda: dashboard.not_raised_since(
                            session, TODAY, 90)),
                        ("case x government matrix", lambda: dashboard.matrix(session, TODAY)),
                        ("time-limit breaches", lambda: dashboard.time_limit_breaches(
                            session, TODAY)),
                        ("dashboard counts", lambda: dashboard.counts(
                            session, TODAY, datetime.now(UTC)))):
                    p50, p95 = timed(fn, 5)
                    say(f"{label:<26} p50 {p50:7.1f} ms p95 {p95:7.1f} ms")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    say(f"peak RSS {rss:.0f} MiB")
    report.save()


if __name__ == "__main__":
    sys.exit(main())
