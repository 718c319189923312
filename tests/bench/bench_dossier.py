# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark of PDF dossiers: 20 and 200 cases with photos, time and peak memory.

Run with ``uv run python tests/bench/bench_dossier.py [--sizes 20 200]``. For each size a
vault is filled through the services (each case with a 900×1200 JPEG photo, 8 events,
3 sources, 12 asks), then a child process gathers and writes a diplomatic dossier the way
``vigil dossier`` does, and reports its time and peak RSS. A bare reportlab document with
the same number of pages and text per page is timed in the same child, round by round
(``--rounds``), and the median ratio (gather + render) / bare is printed (issue 18: <= 1.2x).
``--accel-ab`` alternates children with and without reportlab's C accelerator (rl-accel);
``--profile`` prints a cProfile of one dossier.
Figures are printed and appended to ``tests/bench/results/dossier.txt``. Targets (DESIGN.md
section 8): 20 cases < 3 s, 200 cases < 20 s, memory roughly flat. Not part of the test run.
"""

import argparse
import datetime
import io
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

RESULTS = Path(__file__).resolve().parent / "results" / "dossier.txt"
PASSPHRASE = "benchmark passphrase"


def fill(folder: Path, n: int) -> list[str]:
    from PIL import Image

    from app.domain.dates import FuzzyDate
    from app.domain.enums import Channel, Consent, EventKind, Request, Response, Status
    from app.domain.model import Ask, Case, Event, Official, Organisation, OtherName, Source
    from app.services import asks, attachments, cases, directory
    from app.vault.keyslots import KdfParams
    from app.vault.vault import Vault

    vault, _ = Vault.create(folder, PASSPHRASE, kdf=KdfParams.minimum())
    photo = io.BytesIO()
    Image.effect_noise((900, 1200), 60).convert("RGB").save(photo, "JPEG", quality=88)
    gov, off = str(uuid.uuid4()), str(uuid.uuid4())
    ids = []
    with vault:
        with vault.session() as s:
            directory.save_organisation(s, Organisation(id=gov, name="Examplestan"))
            directory.save_official(s, Official(id=off, name="Minister Example",
                                                organisation_id=gov))
            for i in range(n):
                cid = str(uuid.uuid4())
                ids.append(cid)
                srcs = tuple(Source(id=str(uuid.uuid4()), title=f"Report {k} on the case",
                                    url="https://example.org/r", confidential=k == 2)
                             for k in range(3))
                cases.save_case(s, Case(
                    id=cid, display_name=f"Invented Person {i}", name_original="伊力哈木·测试提",
                    other_names=(OtherName("ئابدۇۋەلى مەمەت", "ug-Arab"),),
                    status=Status.SENTENCED, consent=Consent.PUBLIC, charges=("subversion",),
                    summary="An invented case for benchmarking. " * 4,
                    events=tuple(Event(id=str(uuid.uuid4()), date=FuzzyDate(2015 + k, 3),
                                       kind=EventKind.DETAINED, title=f"Event {k}",
                                       description="What happened, in two lines of text. " * 3,
                                       source_ids=(srcs[0].id,)) for k in range(8)),
                    sources=srcs))
                for k in range(12):
                    asks.save_ask(s, Ask(
                        id=str(uuid.uuid4()), date=FuzzyDate(2020 + k % 6, 1 + k % 12),
                        raised_by_official_id=off, channel=Channel.BILATERAL_MEETING,
                        public=k % 2 == 0, requests=(Request.RELEASE, Request.MEDICAL_CARE),
                        response=Response.INTERNAL_AFFAIR,
                        response_text="The case is handled according to law.",
                        case_ids=(cid,)))
        for cid in ids:
            photo.seek(0)
            attachments.add_attachment(vault, cid, photo, "p.jpg", as_photo=True)
    return ids


def child(folder: Path, ids: list[str], out: Path, rounds: int, profile: bool) -> dict:
    """What ``vigil dossier --case … --profile diplomatic`` does, timed, in this process,
    interleaved round by round with the fair baseline."""
    if os.environ.get("VIGIL_BENCH_NO_ACCEL"):
        sys.modules["_rl_accel"] = None  # type: ignore[assignment]  # reportlab's pure Python
    from reportlab.lib import rl_accel
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    from app.dossier.model import Profile
    from app.dossier.pdf import write_dossier
    from app.dossier.text import CJK, SANS, register_fonts
    from app.services import dossier_data
    from app.services.dossier_data import dossier_input
    from app.vault.fsutil import atomic_output
    from app.vault.vault import Vault

    start = time.perf_counter()
    register_fonts()
    fonts = time.perf_counter() - start
    # The fair baseline: bare Platypus, the same embedded fonts, the same number of pages,
    # each holding about as much mixed Chinese/Latin text as a dossier page.
    style = ParagraphStyle("bare", fontName=SANS, fontSize=8.5, leading=11.5)
    line = (f'Event on 3 March 2016: what happened, in two lines of text. '
            f'<font face="{CJK}">伊力哈木·测试提 案件情况</font> Report on the case. ')
    gathers, renders, bares = [], [], []
    profiler = None
    with Vault.unlock(folder, passphrase=PASSPHRASE, daily_backup=False) as vault:
        today = vault.clock().date()
        for _ in range(rounds):
            if profile:
                import cProfile

                profiler = cProfile.Profile()
                profiler.enable()
            t0 = time.perf_counter()
            material = dossier_data.for_cases(vault, ids, today)
            gathers.append(time.perf_counter() - t0)
            t1 = time.perf_counter()
            dossier = dossier_input(material, "Ambassador", today,
                                    read_photo=partial(dossier_data.read_photo, vault))
            with atomic_output(out) as handle:
                report = write_dossier(dossier, Profile.DIPLOMATIC, handle)
            renders.append(time.perf_counter() - t1)
            if profiler is not None:
                profiler.disable()
            story = []
            for _ in range(report.pages):
                story += [Paragraph(line * 3, style) for _ in range(14)] + [PageBreak()]
            t2 = time.perf_counter()
            SimpleDocTemplate(str(out) + ".bare.pdf").build(story)
            bares.append(time.perf_counter() - t2)
    if profiler is not None:
        import pstats

        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(45)
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(30)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ratios = [(g + r) / b for g, r, b in zip(gathers, renders, bares, strict=True)]
    return {"cases": len(ids), "pages": report.pages, "fonts_s": fonts,
            "gather_s": median(gathers), "render_s": median(renders), "bare_s": median(bares),
            "ratio": median(ratios), "accel": bool(rl_accel._c_funcs),
            "total_s": fonts + gathers[0] + renders[0], "peak_rss_mib": rss,
            "pdf_kib": out.stat().st_size / 1024}


def median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def run_child(folder: Path, id_file: Path, out: Path, rounds: int, *, accel: bool = True,
              profile: bool = False) -> dict:
    env = dict(os.environ)
    if not accel:
        env["VIGIL_BENCH_NO_ACCEL"] = "1"
    argv = [sys.executable, __file__, "--rounds", str(rounds), "--child", str(folder),
            str(id_file), str(out)]
    done = subprocess.run(argv + (["--profile"] if profile else []), capture_output=True,
                          text=True, check=True, env=env)
    if profile:
        print(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 200])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--accel-ab", action="store_true",
                        help="also run without reportlab's C accelerator, alternating")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        folder, ids, out = args.child
        print(json.dumps(child(Path(folder), json.loads(Path(ids).read_text()), Path(out),
                               args.rounds, args.profile)))
        return
    load = os.getloadavg()
    lines = [f"# {datetime.datetime.now().isoformat(timespec='seconds')} "
             f"{platform.platform()} python {platform.python_version()} load {load[0]:.2f}"]
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            folder = Path(tmp) / f"v{n}"
            ids = fill(folder, n)
            id_file = Path(tmp) / f"ids{n}.json"
            id_file.write_text(json.dumps(ids))
            out = Path(tmp) / f"d{n}.pdf"
            if args.profile:
                run_child(folder, id_file, out, 1, profile=True)
                continue
            if args.accel_ab:
                with_, without = [], []
                for _ in range(3):
                    with_.append(run_child(folder, id_file, out, args.rounds))
                    without.append(run_child(folder, id_file, out, args.rounds, accel=False))
                line = (f"{n:>4} cases: rl_accel A/B, 3 alternating children x {args.rounds} "
                        f"rounds: render with {median([r['render_s'] for r in with_]):.3f} s,"
                        f" without {median([r['render_s'] for r in without]):.3f} s; "
                        f"ratio to bare with {median([r['ratio'] for r in with_]):.2f}x, "
                        f"without {median([r['ratio'] for r in without]):.2f}x")
                print(line, flush=True)
                lines.append(line)
            r = run_child(folder, id_file, out, args.rounds)
            target = 3 if n <= 20 else 20 if n <= 200 else None
            verdict = "" if target is None else (" OK" if r["total_s"] < target
                                                 else f" SLOWER than {target} s")
            line = (f"{r['cases']:>4} cases, {r['pages']:>4} pages: total {r['total_s']:.2f} s "
                    f"(fonts {r['fonts_s']:.2f}) gather {r['gather_s']:.3f} + render "
                    f"{r['render_s']:.3f} s vs bare {r['bare_s']:.3f} s: (gather+render)/bare "
                    f"{r['ratio']:.2f}x, median of {args.rounds} interleaved rounds "
                    f"(rl_accel {'on' if r['accel'] else 'off'}); peak RSS "
                    f"{r['peak_rss_mib']:.0f} MiB; PDF {r['pdf_kib']:.0f} KiB{verdict}")
            print(line, flush=True)
            lines.append(line)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    with RESULTS.open("a", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
