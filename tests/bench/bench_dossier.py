# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark of PDF dossiers: 20 and 200 cases with photos, time and peak memory.

Run with ``uv run python tests/bench/bench_dossier.py [--sizes 20 200]``. For each size a
vault is filled through the services (each case with a 900×1200 JPEG photo, 8 events,
3 sources, 12 asks), then a child process gathers and writes a diplomatic dossier the way
``vigil dossier`` does, and reports its time and peak RSS. A bare reportlab document with
the same number of pages (one paragraph each) is timed in the same child for comparison.
Figures are printed and appended to ``tests/bench/results/dossier.txt``. Targets (DESIGN.md
section 8): 20 cases < 3 s, 200 cases < 20 s, memory roughly flat. Not part of the test run.
"""

import argparse
import datetime
import io
import json
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


def child(folder: Path, ids: list[str], out: Path) -> dict:
    """What ``vigil dossier --case … --profile diplomatic`` does, timed, in this process."""
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    from app.dossier.model import Profile
    from app.dossier.pdf import write_dossier
    from app.dossier.text import register_fonts
    from app.services import dossier_data
    from app.services.dossier_data import dossier_input
    from app.vault.fsutil import atomic_output
    from app.vault.vault import Vault

    start = time.perf_counter()
    register_fonts()
    fonts = time.perf_counter() - start
    with Vault.unlock(folder, passphrase=PASSPHRASE, daily_backup=False) as vault:
        today = vault.clock().date()
        t0 = time.perf_counter()
        material = dossier_data.for_cases(vault, ids, today)
        gathered = time.perf_counter() - t0
        t1 = time.perf_counter()
        dossier = dossier_input(material, "Ambassador", today,
                                read_photo=partial(dossier_data.read_photo, vault))
        with atomic_output(out) as handle:
            report = write_dossier(dossier, Profile.DIPLOMATIC, handle)
        rendered = time.perf_counter() - t1
    total = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # The fair baseline: bare Platypus, the same embedded fonts, the same number of pages,
    # each holding about as much mixed Chinese/Latin text as a dossier page.
    from reportlab.lib.styles import ParagraphStyle

    from app.dossier.text import CJK, SANS
    style = ParagraphStyle("bare", fontName=SANS, fontSize=8.5, leading=11.5)
    line = (f'Event on 3 March 2016: what happened, in two lines of text. '
            f'<font face="{CJK}">伊力哈木·测试提 案件情况</font> Report on the case. ')
    story = []
    for _ in range(report.pages):
        story += [Paragraph(line * 3, style) for _ in range(14)] + [PageBreak()]
    t2 = time.perf_counter()
    SimpleDocTemplate(str(out) + ".bare.pdf").build(story)
    bare = time.perf_counter() - t2
    return {"cases": len(ids), "pages": report.pages, "fonts_s": fonts, "gather_s": gathered,
            "render_s": rendered, "total_s": total, "peak_rss_mib": rss,
            "pdf_kib": out.stat().st_size / 1024, "bare_s": bare,
            "pages_per_s": report.pages / rendered, "bare_pages_per_s": report.pages / bare}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 200])
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        folder, ids, out = args.child
        print(json.dumps(child(Path(folder), json.loads(Path(ids).read_text()), Path(out))))
        return
    lines = [f"# {datetime.datetime.now().isoformat(timespec='seconds')} "
             f"{platform.platform()} python {platform.python_version()}"]
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            folder = Path(tmp) / f"v{n}"
            ids = fill(folder, n)
            id_file = Path(tmp) / f"ids{n}.json"
            id_file.write_text(json.dumps(ids))
            done = subprocess.run([sys.executable, __file__, "--child", str(folder),
                                   str(id_file), str(Path(tmp) / f"d{n}.pdf")],
                                  capture_output=True, text=True, check=True)
            r = json.loads(done.stdout.strip().splitlines()[-1])
            target = 3 if n <= 20 else 20 if n <= 200 else None
            verdict = "" if target is None else (" OK" if r["total_s"] < target
                                                 else f" SLOWER than {target} s")
            line = (f"{r['cases']:>4} cases, {r['pages']:>4} pages: total {r['total_s']:.2f} s "
                    f"(fonts {r['fonts_s']:.2f}, gather {r['gather_s']:.2f}, render "
                    f"{r['render_s']:.2f}) {r['pages_per_s']:.0f} pages/s vs bare reportlab "
                    f"{r['bare_pages_per_s']:.0f} pages/s "
                    f"(render/bare {r['render_s'] / r['bare_s']:.2f}x)"
                    f"; peak RSS {r['peak_rss_mib']:.0f} MiB;"
                    f" PDF {r['pdf_kib']:.0f} KiB{verdict}")
            print(line, flush=True)
            lines.append(line)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    with RESULTS.open("a", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
