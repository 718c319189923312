# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The reference vault of DESIGN.md section 8, imported through the services, and its speed.

    uv run python tests/bench/bench_reference.py [--scale 0.1] [--profile] [--reimport]
    uv run python tests/bench/bench_reference.py --keep DIR    # build once, keep DIR/vault
    uv run python tests/bench/bench_reference.py --vault DIR   # then measure it again

Generates (deterministically) 10,000 cases with Chinese and Latin names, 200,000 events,
100,000 asks and 1,000 officials at scale 1 (no attachments), then measures:

- the import: the file path of `vigil import` (JSON text -> validated Document) and
  `bulk.import_document` in one session, against `executemany` of the same rows into the
  same schema with plain `sqlite3` and with SQLCipher, in the same run;
- in a fresh child process that only opens the vault (so its peak memory is the app's, not
  the generator's): unlock to the populated case list, search p50/p95 over 50 queries each
  of 1, 2, 3, 4 and 8 characters in Latin and Chinese (`search.matching_keys`, what a
  keystroke asks, `matching_case_ids`, and `cases.list_cases` with the query), the
  unfiltered case list, `dashboard.not_raised_since` (bar < 50 ms) and `dashboard.matrix`
  (< 100 ms), peak RSS;
- in another fresh process, the same queries typed into the Cases screen (offscreen): a
  keystroke to the updated list as the app does it, wall and CPU time (bar p95 < 20 ms);
- with --profile, where the time of the import goes (cProfile, a 1,000-case slice);
- with --insert-ab ROUNDS, only the insert: keyed against unkeyed, alternating, medians.

Figures are printed and appended to tests/bench/results/reference.txt. Not collected by
pytest. Everyone in the generated vault is fictional.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import resource
import secrets
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import sqlcipher3.dbapi2 as sqlcipher  # noqa: E402
from report import Report  # noqa: E402
from sqlalchemy import create_engine, func, select  # noqa: E402

from app.domain import rules  # noqa: E402
from app.domain.dates import FuzzyDate  # noqa: E402
from app.domain.enums import (  # noqa: E402
    Category,
    Channel,
    Consent,
    EventKind,
    OrganisationKind,
    Request,
    Response,
    Status,
)
from app.domain.model import (  # noqa: E402
    Ask,
    Case,
    Document,
    Event,
    Official,
    Organisation,
    OtherName,
)
from app.services import bulk, dashboard, search  # noqa: E402
from app.services.cases import CaseFilter, list_cases  # noqa: E402
from app.services.interchange import dump_document  # noqa: E402
from app.services.spreadsheet import MAX_BYTES  # noqa: E402
from app.vault import migrate, search_index  # noqa: E402
from app.vault.engine import cache_size_pragma, open_engine  # noqa: E402
from app.vault.json_text import JsonText, dump_json  # noqa: E402
from app.vault.keyslots import KdfParams  # noqa: E402
from app.vault.records import column_values  # noqa: E402
from app.vault.schema import Base  # noqa: E402
from app.vault.tables import CaseRow  # noqa: E402
from app.vault.vault import Vault  # noqa: E402

PASSPHRASE = "reference benchmark"
TODAY = date(2026, 11, 28)
NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
# DESIGN.md section 8 (the list bar is the populated list after unlock, minus the KDF)
SEARCH_TARGET_MS, LIST_TARGET_MS = 20, 200
MATRIX_TARGET_MS, NOT_RAISED_TARGET_MS = 100, 50
QUERIES_PER_KIND = 50

SURNAMES = [("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"),
            ("杨", "Yang"), ("黄", "Huang"), ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou"),
            ("徐", "Xu"), ("孙", "Sun"), ("马", "Ma"), ("朱", "Zhu"), ("胡", "Hu"),
            ("郭", "Guo"), ("何", "He"), ("高", "Gao"), ("林", "Lin"), ("罗", "Luo"),
            ("郑", "Zheng"), ("梁", "Liang"), ("谢", "Xie"), ("宋", "Song"), ("唐", "Tang"),
            ("许", "Xu"), ("韩", "Han"), ("冯", "Feng"), ("邓", "Deng"), ("曹", "Cao")]
GIVEN = [("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"),
         ("丽", "li"), ("强", "qiang"), ("磊", "lei"), ("军", "jun"), ("洋", "yang"),
         ("勇", "yong"), ("艳", "yan"), ("杰", "jie"), ("娟", "juan"), ("涛", "tao"),
         ("明", "ming"), ("超", "chao"), ("秀", "xiu"), ("霞", "xia"), ("平", "ping"),
         ("刚", "gang"), ("桂", "gui"), ("英", "ying"), ("华", "hua"), ("建", "jian"),
         ("文", "wen"), ("辉", "hui"), ("志", "zhi"), ("国", "guo"), ("宇", "yu")]
UYGHUR = [("ئىلھام", "Ilham"), ("تۇرسۇن", "Tursun"), ("گۈلنار", "Gulnar"), ("مەمەت", "Memet"),
          ("ئابدۇقادىر", "Abduqadir"), ("پەرھات", "Perhat"), ("راھىلە", "Rahile"),
          ("ئەخمەت", "Ekhmet")]
PHRASES = [  # (English, Chinese): summaries are bilingual, as caseworkers write them
    ("human-rights lawyer", "人权律师"),
    ("held under residential surveillance at a designated location", "被指定居所监视居住"),
    ("family denied visits", "家属多次要求会见被拒"),
    ("charged with subversion of state power", "以颠覆国家政权罪被起诉"),
    ("health deteriorating in detention", "在看守所中健康状况恶化"),
    ("televised confession broadcast", "被迫在电视上认罪"),
    ("labour activist organising workers", "劳工维权人士组织工人"),
    ("feminist advocate", "女权活动人士"),
    ("publisher abducted abroad", "出版人在境外被带走"),
    ("scholar serving a long sentence", "学者被判处长期徒刑"),
    ("lawyer of choice refused", "自行委托的律师被拒绝会见"),
    ("exit ban on the family", "家属被限制出境"),
]
EVENT_TITLES = [("Taken from home", "在家中被带走"), ("Last seen", "最后一次被看到"),
                ("Lawyer turned away", "律师会见被拒"), ("Family harassed", "家属遭骚扰"),
                ("Transferred", "被转移关押地点"), ("Indicted", "被起诉"),
                ("Trial held in secret", "秘密开庭"), ("Sentenced", "被判刑"),
                ("Health incident reported", "健康状况告急"), ("Statement by the family",
                                                               "家属发表声明")]
CHARGES = ["subversion of state power", "inciting subversion of state power",
           "picking quarrels and provoking trouble", "separatism", "illegal business operations",
           "leaking state secrets"]
TAGS = ["709", "lawyers", "labour", "feminist", "Uyghur", "Tibet", "Hong Kong", "booksellers",
        "religion", "journalists"]
COUNTRIES = ["DE", "FR", "GB", "SE", "NL", "US", "CA", "AU", "NZ", "JP", "CH", "NO", "DK", "FI",
             "BE", "AT", "IE", "IT", "ES", "PT", "CZ", "PL", "LT", "EE", "LV", "SK", "SI", "HR",
             "IS", "LU", "KR", "TW", "BR", "MX", "CL", "AR", "ZA", "IN", "ID", "PH"]


def uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def day(d: date) -> FuzzyDate:
    return FuzzyDate(d.year, d.month, d.day)


# -- the reference document ---------------------------------------------------------------------


def generate(scale: float) -> Document:
    rng = random.Random(20261128)
    n_cases, n_events, n_asks, n_officials = (max(1, round(n * scale)) for n in
                                              (10_000, 200_000, 100_000, 1_000))
    governments = [Organisation(id=uid(rng), name=f"Government of {code}", country=code,
                                kind=OrganisationKind.GOVERNMENT) for code in COUNTRIES]
    others = [Organisation(id=uid(rng), name="European External Action Service",
                           kind=OrganisationKind.INTERGOVERNMENTAL),
              Organisation(id=uid(rng), name="UN High Commissioner for Human Rights",
                           kind=OrganisationKind.INTERGOVERNMENTAL)]
    detaining = [Organisation(id=uid(rng), name=name, country="CN",
                              kind=OrganisationKind.DETAINING_AUTHORITY)
                 for name in ("Ministry of Foreign Affairs", "Ministry of Public Security",
                              "Ministry of State Security")]
    raisers = governments + others
    officials = [Official(id=uid(rng), name=f"Official {i:04d}", title="Ambassador",
                          organisation_id=rng.choice(raisers).id) for i in range(n_officials)]
    counterparts = [Official(id=uid(rng), name=f"Counterpart {i:02d}", title="Director",
                             organisation_id=rng.choice(detaining).id) for i in range(20)]

    per_case = n_events // n_cases
    cases = [_case(rng, i, per_case) for i in range(n_cases)]
    ids = [c.id for c in cases]
    asks = []
    for _ in range(n_asks):
        when = TODAY - timedelta(days=rng.randint(0, 1100))
        by_official = rng.random() < 0.8
        named = rng.sample(ids, 12 if rng.random() < 0.01 else rng.randint(1, 3))
        response = rng.choice(list(Response))
        asks.append(Ask(
            id=uid(rng), date=day(when),
            raised_by_official_id=rng.choice(officials).id if by_official else None,
            raised_by_organisation_id=None if by_official else rng.choice(raisers).id,
            raised_with_official_id=rng.choice(counterparts).id if rng.random() < 0.5 else None,
            raised_with_organisation_id=rng.choice(detaining).id,
            channel=rng.choice(list(Channel)), public=rng.random() < 0.4,
            requests=tuple(rng.sample(list(Request), rng.randint(1, 3))),
            response=response,
            response_date=day(when + timedelta(days=rng.randint(0, 60)))
            if response is not Response.NONE else None,
            follow_up_due=day(when + timedelta(days=90)) if rng.random() < 0.3 else None,
            case_ids=tuple(named)))
    return Document(organisations=tuple(governments + others + detaining),
                    officials=tuple(officials + counterparts), cases=tuple(cases),
                    asks=tuple(asks))


def _case(rng: random.Random, i: int, n_events: int) -> Case:
    if rng.random() < 0.06:
        (given_ar, given), (family_ar, family) = rng.sample(UYGHUR, 2)
        display, original = f"{given} {family}", f"{given_ar} {family_ar}"
        other = (OtherName(display, "ug-Latn"),)
    else:
        (sur, sur_py), (g1, g1_py), (g2, g2_py) = (rng.choice(SURNAMES), *rng.sample(GIVEN, 2))
        display, original = f"{sur_py} {g1_py.title()}{g2_py}", sur + g1 + g2
        other = (OtherName(f"{sur_py} {g1_py}{g2_py}", "zh-Latn-pinyin"),)
    (en1, cn1), (en2, cn2) = rng.sample(PHRASES, 2)
    start = TODAY - timedelta(days=rng.randint(30, 4000))
    events = []
    for k in range(n_events):
        en, cn = rng.choice(EVENT_TITLES)
        events.append(Event(id=uid(rng), date=day(start + timedelta(days=7 * k)),
                            kind=rng.choice(list(EventKind)), title=f"{en} / {cn}",
                            description=f"{en2}; {cn2}" if k % 5 == 0 else None))
    return Case(
        id=uid(rng), display_name=display, name_original=original, other_names=other,
        category=rng.choice(list(Category)), status=rng.choice(list(Status)),
        status_since=day(start), nationalities=("CN",) if rng.random() < 0.95 else ("CN", "SE"),
        charges=(rng.choice(CHARGES),), consent=rng.choice(list(Consent)),
        priority=rng.randint(1, 3), tags=tuple(rng.sample(TAGS, rng.randint(0, 2))),
        summary=f"Case {i}: {en1}; {en2}. {cn1}，{cn2}。",
        events=tuple(events))


def slice_of(doc: Document, n_cases: int) -> Document:
    cases = doc.cases[:n_cases]
    kept = {c.id for c in cases}
    return Document(organisations=doc.organisations, officials=doc.officials, cases=cases,
                    asks=tuple(a for a in doc.asks if kept.issuperset(a.case_ids)))


# -- baselines: the same rows through executemany --------------------------------------------


def table_rows(doc: Document) -> dict[str, tuple[list[str], list[tuple]]]:
    """Every row the services write (domain rows, derived indexes, audit), as plain tuples."""
    stamp, actor = "0000018f00000000-0000-benchmark", "benchmark00000000"
    rows: dict[str, list[dict]] = {name: [] for name in (
        "organisations", "officials", "cases", "events", "asks", "ask_cases", "audit_log")}
    search_rows, gram_rows = [], []

    def synced(table: str, values: dict) -> None:
        fields = [k for k, v in values.items() if v is not None]
        values.update(origin=actor, version=stamp, deleted=False,
                      field_versions=json.dumps(dict.fromkeys(fields, stamp), sort_keys=True))
        rows[table].append(values)
        rows["audit_log"].append(dict(at=NOW.isoformat(), actor=actor, action="create",
                                      record_kind=table[:-1], record_id=values["id"],
                                      fields=json.dumps(fields)))

    org_of = {o.id: o.organisation_id for o in doc.officials}
    for org in doc.organisations:
        synced("organisations", column_values(org))
    for official in doc.officials:
        synced("officials", column_values(official))
    for case in doc.cases:
        values = column_values(case, skip=("events", "sources"))
        start = rules.detention_start(case)
        values["detention_start"] = str(start) if start else None
        synced("cases", values)
        for position, event in enumerate(case.events):
            values = column_values(event)
            values.update(case_id=case.id, position=position,
                          date_sort=event.date.earliest().isoformat())
            synced("events", values)
        body = search_index.case_text(case)
        search_rows.append((search_index.search_rowid(case.id), case.id, body))
        gram_rows.append((search_index.search_rowid(case.id), case.id,
                          search_index.grams(body)))
    for ask in doc.asks:
        values = column_values(ask)
        values.update(date_sort=ask.date.earliest().isoformat())
        synced("asks", values)
        government = ask.raised_by_organisation_id or org_of.get(ask.raised_by_official_id)
        for case_id in ask.case_ids:
            rows["ask_cases"].append(dict(ask_id=ask.id, case_id=case_id,
                                          date_sort=values["date_sort"],
                                          government_id=government))
    result = {}
    for name, dicts in rows.items():
        table = Base.metadata.tables[name]
        columns = [c.name for c in table.columns if (name, c.name) != ("audit_log", "id")]
        defaults = {c.name: c.default.arg if c.default is not None and c.default.is_scalar
                    else None for c in table.columns}
        as_json = {c.name for c in table.columns if isinstance(c.type, JsonText)}

        def stored(column: str, value, as_json: set[str] = as_json):
            # A JSON column's value as the vault stores it (JsonText does this on the way in).
            return dump_json(value) if column in as_json and isinstance(value, list | dict) \
                else value
        result[name] = (columns, [tuple(stored(c, d.get(c, defaults[c])) for c in columns)
                                  for d in dicts])
    result["case_search"] = (["rowid", "case_id", "body"], search_rows)
    result["case_search_grams"] = (["rowid", "case_id", "grams"], gram_rows)
    return result


PRAGMAS = ("PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL",
           "PRAGMA foreign_keys = ON", "PRAGMA temp_store = MEMORY", "PRAGMA secure_delete = ON",
           cache_size_pragma())  # the vault's, so each baseline has the same page cache


def executemany_seconds(connection, rows: dict[str, tuple[list[str], list[tuple]]]) -> float:
    """One transaction of executemany per table, as the vault's connection is configured."""
    connection.isolation_level = None
    start = time.perf_counter()
    connection.execute("BEGIN")
    for name, (columns, values) in rows.items():
        marks = ", ".join("?" for _ in columns)
        connection.executemany(f"INSERT INTO {name} ({', '.join(columns)}) "
                               f"VALUES ({marks})", values)
    connection.execute("COMMIT")
    return time.perf_counter() - start


def plain_sqlite_seconds(folder: Path, rows) -> float | None:
    """None when this sqlite3 cannot build the vault's FTS5 tables (contentless_unindexed
    needs SQLite 3.47): the unkeyed SQLCipher build is then the plain baseline."""
    if sqlite3.sqlite_version_info < (3, 47, 0):
        return None
    path = folder / "plain.db"
    engine = create_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)  # the vault's own schema, indexes and FTS5 table
    engine.dispose()
    connection = sqlite3.connect(path)
    try:
        for pragma in PRAGMAS:
            connection.execute(pragma)
        return executemany_seconds(connection, rows)
    finally:
        connection.close()


def unkeyed_sqlcipher_seconds(folder: Path, rows) -> float:
    """The SQLCipher build without a key: plain SQLite of the same version and options."""
    path = folder / "unkeyed.db"
    engine = create_engine(f"sqlite:///{path}", module=sqlcipher)
    migrate.upgrade(engine)
    engine.dispose()
    connection = sqlcipher.connect(str(path))
    try:
        for pragma in PRAGMAS:
            connection.execute(pragma)
        return executemany_seconds(connection, rows)
    finally:
        connection.close()


def sqlcipher_seconds(folder: Path, rows) -> float:
    engine = open_engine(folder / "cipher.db", secrets.token_bytes(32))
    migrate.upgrade(engine)
    raw = engine.raw_connection()  # keyed and configured exactly as a vault connection
    try:
        return executemany_seconds(raw.driver_connection, rows)
    finally:
        raw.close()
        engine.dispose()


# -- measuring ----------------------------------------------------------------------------------


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]
    return statistics.median(ordered), p95


def time_each(fn: Callable[[object], object], items: Iterable[object]) -> list[float]:
    samples = []
    for item in items:
        start = time.perf_counter()
        fn(item)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def p50_p95(samples: list[float]) -> str:
    p50, p95 = percentiles(samples)
    return f"{p50:.1f} / {p95:.1f}"


def load_text() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.2f} (1 min) {five:.2f} (5 min) on {os.cpu_count()} CPUs"


def mark(p95: float, target: float) -> str:
    return "ok" if p95 < target else f"OVER {target} ms"


def peak_rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB; bytes on macOS
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def child_peak_rss_mib() -> float:
    """The peak of this program's own memory when it was started by the importer.

    Linux carries ru_maxrss across exec (the spawning parent's pages count for the child),
    so a child's getrusage reports at least the importer's peak; /proc's VmHWM belongs to
    the memory map made at exec.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return peak_rss_mib()


def import_phase(args: argparse.Namespace, folder: Path, report: Report) -> Document:
    started = time.perf_counter()
    doc = generate(args.scale)
    n_events = sum(len(c.events) for c in doc.cases)
    n_links = sum(len(a.case_ids) for a in doc.asks)
    report.say(f"generated {len(doc.cases)} cases, {n_events} events, {len(doc.asks)} asks "
               f"({n_links} case links), {len(doc.officials)} officials, "
               f"{len(doc.organisations)} organisations in {time.perf_counter() - started:.1f} s")

    rows = table_rows(doc)
    total_rows = sum(len(values) for _, values in rows.values())
    plain_sqlite3 = plain_sqlite_seconds(folder, rows)
    unkeyed = unkeyed_sqlcipher_seconds(folder, rows)
    cipher = sqlcipher_seconds(folder, rows)
    plain = unkeyed if plain_sqlite3 is None else plain_sqlite3
    del rows
    report.say(f"executemany of the same {total_rows} rows (domain, ask_cases, search index, "
               f"audit) into the vault schema, one transaction, the vault's pragmas:")
    if plain_sqlite3 is None:
        report.say(f"  plain sqlite3 (SQLite {sqlite3.sqlite_version}) cannot build the vault's "
                   f"search tables: the unkeyed SQLCipher build stands in as plain SQLite")
    else:
        report.say(f"  {'plain sqlite3 (SQLite ' + sqlite3.sqlite_version + ')':<44} "
                   f"{plain_sqlite3:7.2f} s")
    report.say(f"  {'sqlcipher3, no key (SQLite ' + sqlcipher.sqlite_version + ')':<44} "
               f"{unkeyed:7.2f} s")
    report.say(f"  {'SQLCipher, keyed as a vault':<44} {cipher:7.2f} s "
               f"({cipher / plain:.2f}x plain SQLite, {cipher / unkeyed:.2f}x unkeyed; "
               f"DESIGN bar <= 1.1x)")
    for name in ("plain.db", "unkeyed.db", "cipher.db"):
        (folder / name).unlink(missing_ok=True)

    vault, _recovery = Vault.create(folder / "vault", PASSPHRASE, kdf=KdfParams.minimum(),
                                    clock=lambda: NOW)
    with vault:
        text = json.dumps(dump_document(doc), ensure_ascii=False).encode("utf-8")
        path = folder / "reference.json"
        path.write_bytes(text)
        del text
        start = time.perf_counter()
        with vault.session() as session:
            parsed, _ = bulk.read_document(session, path)
        read = time.perf_counter() - start
        assert parsed == doc, "the file did not read back as the generated document"
        del parsed
        report.say(f"vigil import path: read + validate {path.stat().st_size / 2**20:.0f} MiB "
                   f"of interchange JSON: {read:.1f} s")

        start = time.perf_counter()
        with vault.session() as session:
            bulk.import_document(session, doc)
        took = time.perf_counter() - start
        rate = len(doc.cases) / took
        report.say(f"bulk.import_document (one session, commit included): {took:.1f} s = "
                   f"{rate:.0f} cases/s, {(total_rows / took):.0f} rows/s; "
                   f"{took / plain:.0f}x plain executemany, {took / cipher:.0f}x SQLCipher "
                   f"executemany")
        if args.reimport:
            start = time.perf_counter()
            with vault.session() as session:
                bulk.import_document(session, doc)
            report.say(f"re-import of the same document (nothing changes): "
                       f"{time.perf_counter() - start:.1f} s")
        with vault.session() as session:
            stored = session.scalar(select(func.count()).select_from(CaseRow))
        assert stored == len(doc.cases)
    report.say(f"importer peak RSS (generator, document and session included): "
               f"{peak_rss_mib():.0f} MiB")
    cli_round_trip(folder, report)
    return doc


def cli_round_trip(folder: Path, report: Report) -> None:
    """`vigil export --plaintext`, then `vigil import --dry-run` of that file, in-process."""
    from app.cli import main

    os.environ["VIGIL_PASSPHRASE"] = PASSPHRASE
    target = folder / "export.json"
    umask = os.umask(0o077)
    try:
        start = time.perf_counter()
        code = main(["export", "-o", str(target), "--plaintext", "--vault",
                     str(folder / "vault")])
        exported = time.perf_counter() - start
        size = target.stat().st_size / 2**20 if target.exists() else 0
        report.say(f"vigil export --plaintext: exit {code}, {exported:.1f} s, {size:.0f} MiB "
                   f"(the import limit is {MAX_BYTES / 2**20:.0f} MiB)")
        start = time.perf_counter()
        code = main(["import", str(target), "--dry-run", "--vault", str(folder / "vault")])
        report.say(f"vigil import --dry-run of that export: exit {code}, "
                   f"{time.perf_counter() - start:.1f} s")
    finally:
        os.umask(umask)
        target.unlink(missing_ok=True)


def query_phase(folder: Path, profile: bool = False) -> None:
    """Runs in a fresh process: open the vault, measure, print lines for the parent."""
    started = time.perf_counter()
    vault = Vault.unlock(folder, passphrase=PASSPHRASE, clock=lambda: NOW, daily_backup=False)
    unlocked = time.perf_counter()
    with vault, vault.session() as session:
        everyone = list_cases(session, TODAY)
        listed = time.perf_counter()
        search.keys_of(c.id for c in everyone)  # what the Cases screen's list job adds
        keyed = time.perf_counter()
        print(f"unlock (minimum KDF) {1000 * (unlocked - started):.0f} ms, then the populated "
              f"case list of {len(everyone)}: {1000 * (listed - unlocked):.0f} ms, and their "
              f"search keys {1000 * (keyed - listed):.0f} ms (DESIGN bar < 200 ms)", flush=True)

        texts = session.execute(select(CaseRow.display_name, CaseRow.name_original,
                                       CaseRow.summary).order_by(CaseRow.id)).all()
        queries = build_queries(texts)
        print(f"load {load_text()}; the index as a keystroke asks it (search.matching_keys), "
              f"by IDs (matching_case_ids), and the whole list of rows for the hits "
              f"(list_cases(query=...), what `vigil cases --query` reads), wall:", flush=True)
        print(f"{'query':<12} {'matching_keys':>14} {'matching_case_ids':>19} "
              f"{'list_cases(query)':>19}  hits p50", flush=True)
        for kind, words in queries.items():
            for word in words[:3]:  # warm the page cache the way typing would
                search.matching_keys(session, word)
            keys_ms = time_each(lambda w: search.matching_keys(session, w), words)
            ids_ms = time_each(lambda w: search.matching_case_ids(session, w), words)
            list_ms = time_each(lambda w: list_cases(session, TODAY, CaseFilter(query=w)),
                                words)
            hits = statistics.median(len(search.matching_keys(session, w)) for w in words)
            print(f"{kind:<12} {p50_p95(keys_ms):>14} {p50_p95(ids_ms):>19} "
                  f"{p50_p95(list_ms):>19}  {hits:7.0f}", flush=True)

        for label, fn, repeat, target in (
                ("list_cases, unfiltered", lambda _: list_cases(session, TODAY), 20,
                 LIST_TARGET_MS),
                ("dashboard.not_raised_since(90)",
                 lambda _: dashboard.not_raised_since(session, TODAY, 90), 20,
                 NOT_RAISED_TARGET_MS),
                ("dashboard.matrix", lambda _: dashboard.matrix(session, TODAY), 10,
                 MATRIX_TARGET_MS)):
            fn(None)
            p50, p95 = percentiles(time_each(fn, range(repeat)))
            print(f"{label:<31} p50 {p50:7.1f} ms p95 {p95:7.1f} ms  {mark(p95, target)}",
                  flush=True)
        if profile:
            for label, fn in (("list_cases, unfiltered", lambda: list_cases(session, TODAY)),
                              ("dashboard.matrix", lambda: dashboard.matrix(session, TODAY))):
                print(f"profile of {label}, top by tottime:", flush=True)
                for line in profiled(fn, "tottime", 10):
                    print("  " + line, flush=True)
    print(f"peak RSS with the vault open, after every query above: {child_peak_rss_mib():.0f} MiB "
          f"(DESIGN bar < 250 MB)", flush=True)


def keystroke_phase(folder: Path) -> None:
    """Runs in a fresh process: a keystroke in the Cases screen to its updated list, as the app
    does it. The screen (offscreen, 1280x720, the app's fonts) lists the vault's 10,000
    cases; for each query, what runs once the 200 ms debounce is over: the search job through
    the task runner (a session, ``search.matching_keys``), the listed rows filtered by it on
    the UI thread, and the list painted. Wall time, and the process's CPU time (both threads)
    the same way, which the other helpers' load on the machine sways less."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from app.ui import fonts
    from app.ui.context import VaultContext
    from app.ui.screens.cases.filters import SEARCH_DELAY_MS
    from app.ui.screens.cases.screen import CasesScreen
    from app.ui.tasks import TaskRunner

    app = QApplication(sys.argv[:1])
    fonts.install(app)
    vault = Vault.unlock(folder, passphrase=PASSPHRASE, clock=lambda: NOW, daily_backup=False)
    ctx = VaultContext(TaskRunner(), clock=lambda: NOW)
    ctx.opened(vault)
    screen = CasesScreen(ctx)
    screen.resize(1280, 720)
    screen.show()

    def until_listed(action: Callable[[], object]) -> None:
        loop, shown = QEventLoop(), []
        connection = screen.cases_shown.connect(lambda: (shown.append(1), loop.quit()))
        action()
        if not shown:
            QTimer.singleShot(120_000, loop.quit)
            loop.exec()
        screen.cases_shown.disconnect(connection)
        app.processEvents()  # the list painted
        assert shown, "the list did not come"

    until_listed(screen.refresh)
    with vault.session() as session:
        texts = session.execute(select(CaseRow.display_name, CaseRow.name_original,
                                       CaseRow.summary).order_by(CaseRow.id)).all()
    queries = build_queries(texts)
    print(f"load {load_text()}; a keystroke to the updated list in the Cases screen "
          f"(offscreen, {screen.model.rowCount()} cases listed, after the {SEARCH_DELAY_MS} ms "
          f"debounce; bar p95 < {SEARCH_TARGET_MS} ms):", flush=True)
    print(f"{'query':<12} {'wall p50 / p95':>16} {'cpu p50 / p95':>15}  rows p50", flush=True)

    def keystroke(word: str) -> tuple[float, float]:
        screen.search.blockSignals(True)  # the debounce is not timed: it is a choice
        screen.search.setText(word)
        screen.search.blockSignals(False)
        wall, cpu = time.perf_counter(), time.process_time()
        until_listed(screen._emit_filter)  # what the debounce timer calls
        return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000

    for kind, words in queries.items():
        for word in words[:3]:
            keystroke(word)
        walls, cpus, rows = [], [], []
        for word in words:
            wall, cpu = keystroke(word)
            walls.append(wall)
            cpus.append(cpu)
            rows.append(screen.model.rowCount())
        print(f"{kind:<12} {p50_p95(walls):>16} {p50_p95(cpus):>15}  {statistics.median(rows):7.0f}"
              f"  {mark(percentiles(walls)[1], SEARCH_TARGET_MS)} (wall)", flush=True)
    screen.clear()
    ctx.tasks.wait()
    ctx.closed()
    vault.close()


def profiled(fn: Callable[[], object], order: str, top: int) -> list[str]:
    profiler = cProfile.Profile()
    profiler.runcall(fn)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(order).print_stats(top)
    body = out.getvalue().split("ncalls", 1)[-1].splitlines()[1:]
    return [line.strip() for line in body if line.strip()]


def build_queries(texts: list[tuple[str, str | None, str | None]]) -> dict[str, list[str]]:
    """50 queries per kind, cut from what is in the vault (so most of them find something)."""
    rng = random.Random(8)
    latin = [name for name, _, _ in texts]
    han = [orig for _, orig, _ in texts if orig and "\u4e00" <= orig[0] <= "\u9fff"]
    latin_text = [s.split(". ")[0].split(": ", 1)[1] for _, _, s in texts if s]
    han_text = [s.split(". ", 1)[1] for _, _, s in texts if s]

    def cut(pool: list[str], size: int) -> list[str]:
        found = []
        while len(found) < QUERIES_PER_KIND:
            text = rng.choice(pool).replace(" ", "") if size < 3 else rng.choice(pool)
            if len(text) >= size:
                at = rng.randint(0, len(text) - size)
                piece = text[at:at + size]
                if piece.strip() == piece and piece.strip():
                    found.append(piece)
        return found

    return {
        "latin-1": cut(latin, 1), "latin-2": cut(latin, 2), "latin-3": cut(latin, 3),
        "latin-4": cut(latin, 4), "latin-8": cut(latin + latin_text, 8),
        "chinese-1": cut(han, 1), "chinese-2": cut(han + han_text, 2),
        "chinese-3": cut(han, 3), "chinese-4": cut(han_text, 4), "chinese-8": cut(han_text, 8),
    }


def profile_phase(doc: Document, folder: Path, report: Report) -> None:
    part = slice_of(doc, 1_000)
    vault, _ = Vault.create(folder / "profiled", PASSPHRASE, kdf=KdfParams.minimum(),
                            clock=lambda: NOW)
    profiler = cProfile.Profile()
    with vault:
        start = time.perf_counter()
        profiler.enable()
        with vault.session() as session:
            bulk.import_document(session, part)
        profiler.disable()
        took = time.perf_counter() - start
    report.say(f"profile: 1,000-case slice ({sum(len(c.events) for c in part.cases)} events, "
               f"{len(part.asks)} asks) imported in {took:.1f} s under cProfile")
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(order).print_stats(16)
        report.say(f"top by {order}:")
        for line in out.getvalue().split("ncalls", 1)[-1].splitlines()[1:]:
            if line.strip():
                report.say("  " + line.strip())


def insert_ab(scale: float, rounds: int) -> int:
    """The reference insert only, keyed and unkeyed alternately: the ratio of each pair, the
    median of the ratios (the machine is shared: a pair sees about the same load)."""
    report = Report("reference.txt", f"scale {scale}, insert A/B, {rounds} rounds")
    rows = table_rows(generate(scale))
    total = sum(len(values) for _, values in rows.values())
    keyed, unkeyed, ratios = [], [], []
    with tempfile.TemporaryDirectory(prefix="vigil-insert-") as tmp:
        for n in range(rounds):
            pair = []
            for name in (("unkeyed", "keyed") if n % 2 == 0 else ("keyed", "unkeyed")):
                folder = Path(tmp) / f"{name}{n}"
                folder.mkdir()
                pair.append((name, (sqlcipher_seconds if name == "keyed"
                                    else unkeyed_sqlcipher_seconds)(folder, rows)))
                shutil.rmtree(folder)
            times = dict(pair)
            keyed.append(times["keyed"])
            unkeyed.append(times["unkeyed"])
            ratios.append(times["keyed"] / times["unkeyed"])
    load = os.getloadavg()
    report.say(f"  {total} rows, one transaction each, the vault's pragmas; load {load[0]:.2f} "
               f"{load[1]:.2f}: unkeyed (plain SQLite {sqlcipher.sqlite_version}) median "
               f"{statistics.median(unkeyed):.2f} s, keyed {statistics.median(keyed):.2f} s, "
               f"keyed/unkeyed median {statistics.median(ratios):.2f}x (pairs: "
               f"{', '.join(f'{r:.2f}' for r in ratios)}; bar <= 1.1x)")
    report.save()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--profile", action="store_true",
                        help="also profile the import of a 1,000-case slice")
    parser.add_argument("--reimport", action="store_true",
                        help="also time importing the same document again")
    parser.add_argument("--keep", metavar="DIR",
                        help="build in DIR (absent or empty) and keep the vault there")
    parser.add_argument("--vault", metavar="DIR",
                        help="measure the queries and keystrokes on a vault built before with "
                             "--keep (DIR/vault), without generating or importing anything")
    parser.add_argument("--query-only", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--keystrokes-only", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--insert-ab", type=int, metavar="ROUNDS",
                        help="only the insert: keyed SQLCipher against the unkeyed build (and "
                             "plain sqlite3 where it can), interleaved ROUNDS times, medians")
    args = parser.parse_args()
    if args.query_only:
        query_phase(Path(args.query_only), args.profile)
        return 0
    if args.keystrokes_only:
        keystroke_phase(Path(args.keystrokes_only))
        return 0
    if args.insert_ab:
        return insert_ab(args.scale, args.insert_ab)

    report = Report("reference.txt", f"the vault in {Path(args.vault).name}, built before"
                    if args.vault else f"scale {args.scale}")
    if args.vault:
        measure_vault(Path(args.vault) / "vault", report, args.profile)
        report.save()
        return 0
    with tempfile.TemporaryDirectory(prefix="vigil-reference-") as tmp:
        folder = Path(args.keep) if args.keep else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        doc = import_phase(args, folder, report)
        measure_vault(folder / "vault", report, args.profile)
        if args.profile:
            profile_phase(doc, folder, report)
    report.save()
    return 0


def measure_vault(vault: Path, report: Report, profile: bool) -> None:
    """The query phase, then the keystroke phase, each in a fresh process of its own (so
    the first one's peak memory is the vault's, without Qt)."""
    for option in ("--query-only", "--keystrokes-only"):
        child = subprocess.run([sys.executable, __file__, option, str(vault),
                                *(["--profile"] if profile and option == "--query-only" else [])],
                               capture_output=True, text=True, check=False, cwd=ROOT)
        for line in child.stdout.splitlines():
            report.say(line)
        if child.returncode:
            report.say(f"{option[2:]} phase failed ({child.returncode}): "
                       f"{child.stderr.strip().splitlines()[-1:]}")


if __name__ == "__main__":
    sys.exit(main())
