# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark of the encrypted database: SQLCipher overhead on a bulk insert, and unlock time.

Run with ``uv run python tests/bench/bench_vault.py [--rows 100000] [--repeat 3] [--dir DIR]``.

(a) The same bulk insert of ``--rows`` rows (three text columns of Chinese and Latin text,
    an indexed column) into SQLCipher through the vault's engine, into plain SQLite through
    an engine with the same pragmas (WAL, synchronous=FULL, secure_delete, temp_store), and
    with the bare ``sqlite3`` module. Target: SQLCipher / plain SQLite <= 1.1 (issue 18).
    Each run is a fresh process holding the rows in memory (as the app holds its data). The
    vault's engine already sets ``cipher_memory_security = OFF`` (app/vault/engine.py), so
    there is no separate variant without it any more.
(b) Unlock of a vault made with the calibrated KDF: the KDF and everything else (reading
    keyslots.json, opening the database, checking its revision, loading the identity) timed
    separately; also the first unlock of a day, which takes a snapshot. Target: everything
    else < 100 ms.

Figures are printed and appended to ``tests/bench/results/vault.txt``. Not part of the test run.
"""

import argparse
import datetime
import platform
import random
import secrets
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    insert,
)

from app.vault import keyslots
from app.vault.engine import open_engine
from app.vault.vault import Vault

RESULTS = Path(__file__).resolve().parent / "results" / "vault.txt"
PRAGMAS = ("PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL",
           "PRAGMA foreign_keys = ON", "PRAGMA temp_store = MEMORY",
           "PRAGMA secure_delete = ON")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"
PLACES = ["北京市第一看守所", "乌鲁木齐", "成都市看守所", "广州", "天津市第二监狱", "拉萨"]

metadata = MetaData()
cases = Table(
    "bench_cases", metadata,
    Column("id", String(36), primary_key=True),
    Column("display_name", Text, nullable=False),
    Column("name_original", Text),
    Column("location", Text),
    Column("summary", Text),
    Column("status", String(32), index=True),
    Column("priority", Integer),
)


def make_rows(count: int) -> list[dict]:
    rng = random.Random(count)  # the same rows in every process
    rows = []
    for i in range(count):
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        rows.append({
            "id": f"{i:08d}-{rng.getrandbits(112):028x}",
            "display_name": f"Case {i} {name}",
            "name_original": name,
            "location": rng.choice(PLACES),
            "summary": f"{name}，律师，于{2015 + i % 10}年被拘留。" * 3,
            "status": rng.choice(["detained", "sentenced", "disappeared", "released"]),
            "priority": i % 5,
        })
    return rows


def plain_engine(path: Path):
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        for pragma in PRAGMAS:
            dbapi_connection.execute(pragma)

    @event.listens_for(engine, "begin")
    def _begin(connection):
        connection.exec_driver_sql("BEGIN")

    return engine


def insert_with_engine(engine, rows: list[dict]) -> float:
    metadata.create_all(engine)
    start = time.perf_counter()
    with engine.begin() as connection:
        for i in range(0, len(rows), 10_000):
            connection.execute(insert(cases), rows[i:i + 10_000])
    seconds = time.perf_counter() - start
    engine.dispose()
    return seconds


def insert_with_sqlite3(path: Path, rows: list[dict]) -> float:
    connection = sqlite3.connect(path, isolation_level=None)
    for pragma in PRAGMAS:
        connection.execute(pragma)
    connection.execute(
        "CREATE TABLE bench_cases (id VARCHAR(36) PRIMARY KEY, display_name TEXT NOT NULL, "
        "name_original TEXT, location TEXT, summary TEXT, status VARCHAR(32), priority INT)")
    connection.execute("CREATE INDEX ix_bench_cases_status ON bench_cases (status)")
    columns = list(rows[0])
    sql = (f"INSERT INTO bench_cases ({', '.join(columns)}) "
           f"VALUES ({', '.join('?' * len(columns))})")
    values = [tuple(r[c] for c in columns) for r in rows]
    start = time.perf_counter()
    connection.execute("BEGIN")
    connection.executemany(sql, values)
    connection.execute("COMMIT")
    seconds = time.perf_counter() - start
    connection.close()
    return seconds


VARIANTS = ("sqlcipher", "sqlite", "sqlite3")


def insert_variant(variant: str, path: Path, count: int) -> float:
    rows = make_rows(count)
    if variant == "sqlcipher":
        return insert_with_engine(open_engine(path, secrets.token_bytes(32)), rows)
    if variant == "sqlite":
        return insert_with_engine(plain_engine(path), rows)
    return insert_with_sqlite3(path, rows)


def bench_insert(scratch: Path, count: int, repeat: int) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in VARIANTS}
    for run in range(repeat):  # interleaved, so a busy moment does not favour one side
        for variant in VARIANTS:
            out = subprocess.run(
                [sys.executable, __file__, "--insert-variant", variant, "--rows", str(count),
                 "--dir", str(scratch / f"{variant}-{run}.db")],
                capture_output=True, text=True, check=True).stdout
            times[variant].append(float(out.strip().splitlines()[-1]))
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, seconds in medians.items():
        print(f"insert {count:,} rows  {name:<21} {seconds:6.2f} s  "
              f"{count / seconds:9,.0f} rows/s  (runs: "
              f"{', '.join(f'{t:.2f}' for t in times[name])})")
    sqlite = medians["sqlite"]
    print(f"SQLCipher / plain SQLite, same engine path:  "
          f"{medians['sqlcipher'] / sqlite:.2f}x  (target <= 1.1x)")
    print(f"SQLCipher / bare sqlite3 executemany:        "
          f"{medians['sqlcipher'] / medians['sqlite3']:.2f}x")
    return medians


class KdfTimer:
    """Wraps KdfParams.derive to add up the time spent in Argon2id."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._real = keyslots.KdfParams.derive

    def __enter__(self):
        real = self._real

        def timed(params, passphrase):
            start = time.perf_counter()
            try:
                return real(params, passphrase)
            finally:
                self.seconds += time.perf_counter() - start

        keyslots.KdfParams.derive = timed
        return self

    def __exit__(self, *exc) -> None:
        keyslots.KdfParams.derive = self._real


def timed_unlock(path: Path, passphrase: str, clock) -> tuple[float, float]:
    with KdfTimer() as kdf:
        start = time.perf_counter()
        vault = Vault.unlock(path, passphrase=passphrase, clock=clock)
        total = time.perf_counter() - start
    vault.close()
    return kdf.seconds, total - kdf.seconds


def bench_unlock(scratch: Path, repeat: int, count: int) -> dict[str, float]:
    passphrase = "a benchmark passphrase 测试"
    day = datetime.datetime(2026, 1, 1, 9, tzinfo=datetime.UTC)
    now = [day]

    def clock():
        return now[0]

    start = time.perf_counter()
    params = keyslots.calibrate()
    calibration = time.perf_counter() - start
    vault, _ = Vault.create(scratch / "vault", passphrase, kdf=params, clock=clock)
    metadata.create_all(vault.engine)  # the bulk-insert rows, so snapshots have work to do
    with vault.engine.begin() as connection:
        connection.execute(insert(cases), make_rows(count))
    vault.close()
    size = (scratch / "vault" / "vault.db").stat().st_size / 1e6
    print(f"calibrated KDF: Argon2id {params.memory_kib // 1024} MiB x {params.iterations} "
          f"passes x {params.lanes} lanes (calibration took {calibration:.2f} s); "
          f"vault.db {size:.0f} MB ({count:,} rows)")

    first_kdf, first_rest = timed_unlock(scratch / "vault", passphrase, clock)  # + snapshot
    kdf_times, rest_times, daily_times = [], [], []
    for _ in range(repeat):
        kdf, rest = timed_unlock(scratch / "vault", passphrase, clock)  # same day: no snapshot
        kdf_times.append(kdf)
        rest_times.append(rest)
        now[0] += datetime.timedelta(days=1)
        daily_times.append(timed_unlock(scratch / "vault", passphrase, clock)[1])
    figures = {"kdf": statistics.median(kdf_times), "rest": statistics.median(rest_times),
               "rest_daily": statistics.median(daily_times), "first_rest": first_rest}
    print(f"unlock: KDF {figures['kdf'] * 1000:6.0f} ms   everything else "
          f"{figures['rest'] * 1000:5.1f} ms  (target < 100 ms)")
    print(f"        first unlock of a day (takes a snapshot): "
          f"{figures['rest_daily'] * 1000:.1f} ms besides the KDF; the very first in this "
          f"process: {first_rest * 1000:.1f} ms")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=None, help="where to put scratch files")
    parser.add_argument("--insert-variant", choices=VARIANTS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.insert_variant:  # one measurement, in a fresh process (see bench_insert)
        print(f"{insert_variant(args.insert_variant, args.dir, args.rows):.4f}")
        return

    with tempfile.TemporaryDirectory(dir=args.dir, prefix="vigil-bench-") as scratch:
        inserts = bench_insert(Path(scratch), args.rows, args.repeat)
        unlock = bench_unlock(Path(scratch), max(args.repeat, 5), args.rows)

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    line = (f"{datetime.datetime.now().isoformat(timespec='seconds')}  "
            f"{platform.machine()} {platform.system()} py{platform.python_version()}  "
            f"insert {args.rows} rows: sqlcipher {inserts['sqlcipher']:.2f} s, "
            f"sqlite {inserts['sqlite']:.2f} s, sqlite3 {inserts['sqlite3']:.2f} s, "
            f"ratio {inserts['sqlcipher'] / inserts['sqlite']:.2f}x "
            f"(vs sqlite3 {inserts['sqlcipher'] / inserts['sqlite3']:.2f}x)  "
            f"unlock: kdf {unlock['kdf'] * 1000:.0f} ms, rest {unlock['rest'] * 1000:.1f} ms, "
            f"rest with daily snapshot {unlock['rest_daily'] * 1000:.1f} ms\n")
    with RESULTS.open("a", encoding="utf-8") as out:
        out.write(line)
    print(f"appended to {RESULTS}")


if __name__ == "__main__":
    main()
