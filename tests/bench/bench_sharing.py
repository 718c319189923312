# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark of bundles against the ``age`` tool on the same bytes, interleaved.

Each round, back to back: ``age -d`` of the bundle; Vigil's import of it into a fresh copy
of the receiving vault, timed in two parts as ``inbox.import_bundle`` does it: opening
(decrypt, check the signature and every hash, store the attachments encrypted) and the
merge of the records from memory (the floor: no decryption, hashing or blob writing);
``age`` encrypting the bundle's own tar to the same two recipients; Vigil's export from a
fresh copy of the sending vault. Medians of the per-round ratios: open / (age -d), import
/ (age -d), export / age. Targets (issue 18): import <= 3x ``age -d`` plus the merge floor,
that is open <= 3x ``age -d``; export <= 1.3x ``age``. Needs ``age``.

Run with ``uv run python tests/bench/bench_sharing.py [--cases 1000] [--attachment-mib 200]
[--rounds 5] [--dir DIR] [--profile import|export] [--baseline-code DIR]``. Figures are
printed and appended to ``tests/bench/results/sharing.txt``. Not part of the test run. The
data is fictional and random.
"""

import argparse
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

# VIGIL_BENCH_CODE: another checkout's app/ (an A/B against it, see --baseline-code)
sys.path.insert(0, os.environ.get("VIGIL_BENCH_CODE") or str(Path(__file__).resolve().parents[2]))

from report import Report

from app.domain.dates import FuzzyDate
from app.domain.model import Case, Event
from app.services import attachments, cases
from app.sharing import bundle, colleagues
from app.vault.keyslots import KdfParams
from app.vault.vault import Vault

MIB = 1024 * 1024
PASSPHRASE = "bench passphrase"


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
    (root / "key.txt").write_text(receiver.identity.age_identity + "\n")
    (root / "recipients").write_text(
        f"{sender.identity.public.recipient} {receiver.identity.public.recipient}")
    sender.close()
    receiver.close()


def _fresh(pristine: Path, work: Path) -> Path:
    """A copy of a closed vault; blob files are hard links (no phase changes a blob)."""
    if work.exists():
        shutil.rmtree(work)

    def place(src, dst):
        return os.link(src, dst) if "/blobs/" in src else shutil.copy2(src, dst)

    shutil.copytree(pristine, work, copy_function=place)
    return work


def child_phase(root: Path, phase: str, profile: bool) -> None:
    """Runs in a child process: one timed phase, its seconds as JSON on stdout."""
    from app.sharing import merge

    work = _fresh(root / ("sender" if phase == "export" else "receiver"), root / "work")
    vault = Vault.unlock(work, passphrase=PASSPHRASE, daily_backup=False)
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    start = time.perf_counter()
    opened_at = None
    if phase == "export":
        fp = (root / "fingerprint").read_text()
        bundle.export_bundle(vault, [fp], root / "out.vigil")
    elif phase == "import":  # inbox.import_bundle, step by step: open, then merge
        opened = bundle.open_bundle(vault, root / "bench.vigil", store_attachments=True)
        opened_at = time.perf_counter()
        with vault.session() as session:
            assert not merge.already_applied(session, opened.manifest.bundle_id)
        merge.apply(vault, opened)
    seconds = time.perf_counter() - start
    if profiler is not None:
        import pstats

        profiler.disable()
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(40)
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(25)
    vault.close()
    shutil.rmtree(work)
    print(json.dumps({"seconds": seconds,
                      "open": opened_at - start if opened_at is not None else None}))


def run_child(root: Path, phase: str, profile: bool = False,
              code: Path | None = None) -> dict:
    argv = [sys.executable, __file__, "--child", phase, "--root", str(root)]
    env = dict(os.environ)
    env.pop("VIGIL_BENCH_CODE", None)
    if code is not None:
        env["VIGIL_BENCH_CODE"] = str(code)
    out = subprocess.run(argv + (["--profile", phase] if profile else []),
                         capture_output=True, text=True, check=True, env=env)
    if profile:
        print(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--attachment-mib", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--child", choices=["export", "import"])
    parser.add_argument("--profile", choices=["export", "import"])
    parser.add_argument("--root", type=Path)
    parser.add_argument("--baseline-code", type=Path, metavar="DIR",
                        help="also time import and export with the app/ of another checkout "
                             "(e.g. `git archive main | tar -x -C DIR`), interleaved")
    args = parser.parse_args()
    if args.child:
        child_phase(args.root, args.child, args.profile == args.child)
        return
    if shutil.which("age") is None:
        sys.exit("the age tool is not installed (Debian: apt-get install age)")
    with tempfile.TemporaryDirectory(dir=args.dir, prefix="vigil-bench-") as scratch:
        root = Path(scratch)
        setup(root, args.cases, args.attachment_mib)
        run_child(root, "export")
        (root / "out.vigil").replace(root / "bench.vigil")
        size = (root / "bench.vigil").stat().st_size / MIB
        key, tar = root / "key.txt", root / "plain.tar"
        subprocess.run(["age", "-d", "-i", str(key), "-o", str(tar), str(root / "bench.vigil")],
                       check=True)
        recipients = [arg for r in (root / "recipients").read_text().split()
                      for arg in ("-r", r)]
        if args.profile:
            run_child(root, args.profile, profile=True)
            return
        t: dict[str, list[float]] = {k: [] for k in (
            "age_d", "import", "open", "merge", "age", "export", "base_open", "base_export")}
        for _ in range(args.rounds):
            t["age_d"].append(timed(["age", "-d", "-i", str(key), "-o",
                                     str(root / "age-d.out"), str(root / "bench.vigil")]))
            (root / "age-d.out").unlink()
            imp = run_child(root, "import")
            t["import"].append(imp["seconds"])
            t["open"].append(imp["open"])
            t["merge"].append(imp["seconds"] - imp["open"])
            t["age"].append(timed(["age", *recipients, "-o", str(root / "age.out"), str(tar)]))
            (root / "age.out").unlink()
            t["export"].append(run_child(root, "export")["seconds"])
            (root / "out.vigil").unlink()
            if args.baseline_code:
                t["base_open"].append(run_child(root, "import", code=args.baseline_code)["open"])
                t["base_export"].append(
                    run_child(root, "export", code=args.baseline_code)["seconds"])
                (root / "out.vigil").unlink()
        m = {k: median(v) for k, v in t.items() if v}

        def ratio(a: str, b: str) -> float:
            return median([x / y for x, y in zip(t[a], t[b], strict=True)])

        load = os.getloadavg()
        report = Report("sharing.txt", f"{args.cases} cases + {args.attachment_mib} MiB "
                        f"attachments (bundle {size:.0f} MiB), {args.rounds} interleaved "
                        f"rounds, medians; load at the end {load[0]:.2f} {load[1]:.2f}")
        lines = [
            f"import {m['import']:.2f} s = open (decrypt, verify, store) {m['open']:.2f} s + "
            f"merge (the floor: records from memory) {m['merge']:.2f} s; age -d "
            f"{m['age_d']:.2f} s; open/age-d {ratio('open', 'age_d'):.2f}x (target <= 3), "
            f"import/age-d {ratio('import', 'age_d'):.1f}x",
            f"export {m['export']:.2f} s; age {m['age']:.2f} s; export/age "
            f"{ratio('export', 'age'):.2f}x (target <= 1.3)",
        ]
        if args.baseline_code:
            lines.append(f"A/B against {args.baseline_code}: open {m['base_open']:.2f} -> "
                         f"{m['open']:.2f} s ({ratio('open', 'base_open'):.2f}x), export "
                         f"{m['base_export']:.2f} -> {m['export']:.2f} s "
                         f"({ratio('export', 'base_export'):.2f}x)")
        for line in lines:
            report.say(line)
    report.save()
    print(f"appended to {report.path}")


if __name__ == "__main__":
    main()
