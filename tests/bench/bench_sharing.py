# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark of bundles: export and import of N cases with M MiB of attachments, peak memory
of each (in a child process of its own, so the setup does not count), and age encryption
throughput of pyrage against the ``age`` command-line tool on the same bytes.

Run with ``uv run python tests/bench/bench_sharing.py [--cases 1000] [--attachment-mib 200]
[--dir DIR]``. Figures are printed and appended to ``tests/bench/results/sharing.txt``.
Not part of the test run. The data is fictional and random.
"""

import argparse
import datetime
import json
import os
import platform
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.domain.dates import FuzzyDate
from app.domain.model import Case, Event
from app.services import attachments, cases
from app.sharing import bundle, colleagues, inbox
from app.vault.keyslots import KdfParams
from app.vault.vault import Vault

MIB = 1024 * 1024
PASSPHRASE = "bench passphrase"
RESULTS = Path(__file__).resolve().parent / "results" / "sharing.txt"


def max_rss_mib() -> float:
    import resource

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / MIB if sys.platform == "darwin" else rss / 1024


class Pattern:
    def __init__(self, size: int) -> None:
        self.remaining, self.block = size, secrets.token_bytes(MIB)

    def read(self, n: int = -1) -> bytes:
        n = self.remaining if n < 0 else min(n, self.remaining)
        self.remaining -= n
        return (self.block * (n // MIB + 1))[:n]


def setup(root: Path, n_cases: int, attachment_mib: int) -> None:
    sender, _ = Vault.create(root / "sender", PASSPHRASE, kdf=KdfParams.minimum())
    receiver, _ = Vault.create(root / "receiver", PASSPHRASE, kdf=KdfParams.minimum())
    for a, b in ((sender, receiver), (receiver, sender)):
        with a.session() as session:
            pub = b.identity.public
            colleagues.add_colleague(session, a.identity, "x", pub.recipient, pub.signing_key,
                                     verified=True, now="2026-01-01")
    ids = []
    with sender.session() as session:
        for i in range(n_cases):
            case_id = str(uuid.uuid4())
            ids.append(case_id)
            events = tuple(Event(id=str(uuid.uuid4()), date=FuzzyDate.parse(f"20{10 + k}"),
                                 title=f"event {k}") for k in range(3))
            cases.save_case(session, Case(id=case_id, display_name=f"Person {i}",
                                          summary="lorem ipsum " * 20, events=events))
    per = 2 * MIB
    for k in range(attachment_mib * MIB // per):
        attachments.add_attachment(sender, ids[k % len(ids)], Pattern(per), f"scan{k}.pdf")
    (root / "fingerprint").write_text(receiver.identity.fingerprint)
    sender.close()
    receiver.close()


def child_phase(root: Path, phase: str) -> None:
    """Runs in a child process: one timed phase, its figures as JSON on stdout."""
    name = "sender" if phase == "export" else "receiver"
    vault = Vault.unlock(root / name, passphrase=PASSPHRASE, daily_backup=False)
    base = max_rss_mib()
    start = time.perf_counter()
    if phase == "export":
        fp = (root / "fingerprint").read_text()
        bundle.export_bundle(vault, [fp], root / "bench.vigil")
    else:
        preview = inbox.import_bundle(vault, root / "bench.vigil")
        assert not preview.already_applied
    seconds = time.perf_counter() - start
    vault.close()
    print(json.dumps({"seconds": seconds, "rss": max_rss_mib(), "rss_at_start": base}))


def run_child(root: Path, phase: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", phase, "--root", str(root)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def throughput(scratch: Path, mib: int) -> tuple[float, float | None]:
    import pyrage

    plain = scratch / "plain.bin"
    with plain.open("wb") as out:
        block = secrets.token_bytes(MIB)
        for _ in range(mib):
            out.write(block)
    recipient = pyrage.x25519.Identity.generate().to_public()
    start = time.perf_counter()
    with plain.open("rb") as src, (scratch / "py.age").open("wb") as dst:
        pyrage.encrypt_io(src, dst, [recipient])
    py_rate = mib * MIB / 1e6 / (time.perf_counter() - start)
    age_rate = None
    if shutil.which("age"):
        start = time.perf_counter()
        subprocess.run(["age", "-r", str(recipient), "-o", str(scratch / "cli.age"),
                        str(plain)], check=True)
        age_rate = mib * MIB / 1e6 / (time.perf_counter() - start)
    plain.unlink()
    return py_rate, age_rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--attachment-mib", type=int, default=200)
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--child", choices=["export", "import"])
    parser.add_argument("--root", type=Path)
    args = parser.parse_args()
    if args.child:
        child_phase(args.root, args.child)
        return
    lines = []
    with tempfile.TemporaryDirectory(dir=args.dir, prefix="vigil-bench-") as scratch:
        for mib in sorted({args.attachment_mib // 4, args.attachment_mib}):
            root = Path(scratch) / f"run{mib}"
            root.mkdir()
            setup(root, args.cases, mib)
            exp = run_child(root, "export")
            size = (root / "bench.vigil").stat().st_size / MIB
            imp = run_child(root, "import")
            line = (f"{args.cases} cases + {mib} MiB attachments (bundle {size:.0f} MiB): "
                    f"export {exp['seconds']:.2f} s (max RSS {exp['rss']:.0f} MiB), "
                    f"import {imp['seconds']:.2f} s (max RSS {imp['rss']:.0f} MiB)")
            print(line)
            lines.append(line)
            shutil.rmtree(root)
        py_rate, age_rate = throughput(Path(scratch), args.attachment_mib)
        age_text = f"{age_rate:.0f} MB/s" if age_rate else "n/a"
        line = (f"age encryption of {args.attachment_mib} MiB: pyrage {py_rate:.0f} MB/s, "
                f"age CLI {age_text}")
        print(line)
        lines.append(line)
    stamp = (f"{datetime.datetime.now().isoformat(timespec='seconds')}  {platform.machine()} "
             f"{platform.system()} py{platform.python_version()}  cpus {os.cpu_count()}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    with RESULTS.open("a", encoding="utf-8") as out:
        out.write(stamp + "\n" + "".join(f"  {line}\n" for line in lines))
    print(f"appended to {RESULTS}")


if __name__ == "__main__":
    main()
