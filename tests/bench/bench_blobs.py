# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark of the attachment store: throughput and peak memory on a large stream.

Run with ``uv run python tests/bench/bench_blobs.py [--size-mib 1024] [--dir DIR]``. The
plaintext is generated on the fly, so the script itself holds only one 1 MiB block. Figures
are printed and appended to ``tests/bench/results/blobs.txt``. Not part of the test run.
"""

import argparse
import datetime
import platform
import secrets
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from cryptography.hazmat.primitives import hashes

from app.vault.blobs import BlobStore

MIB = 1024 * 1024
RESULTS = Path(__file__).resolve().parent / "results" / "blobs.txt"


class PatternStream:
    """``size`` bytes from a repeated random block, produced as they are read."""

    def __init__(self, size: int, block: bytes) -> None:
        self.remaining, self.block, self.offset = size, block, 0

    def read(self, n: int = -1) -> bytes:
        n = self.remaining if n < 0 else min(n, self.remaining)
        out = bytearray()
        while len(out) < n:
            piece = self.block[self.offset:self.offset + n - len(out)]
            out += piece
            self.offset = (self.offset + len(piece)) % len(self.block)
        self.remaining -= n
        return bytes(out)


def max_rss_mib() -> float | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / MIB if sys.platform == "darwin" else rss / 1024


def phase(name: str, size: int, work):
    """Run ``work``; return (MB/s, peak traced Python heap in MiB, its result)."""
    tracemalloc.reset_peak()
    start = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] / MIB
    rate = size / 1e6 / seconds
    print(f"{name:<14} {seconds:7.2f} s  {rate:8.1f} MB/s  peak Python heap {peak:6.2f} MiB")
    return rate, peak, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mib", type=int, default=1024)
    parser.add_argument("--dir", type=Path, default=None, help="where to put the scratch vault")
    args = parser.parse_args()
    size = args.size_mib * MIB
    block = secrets.token_bytes(MIB)

    with tempfile.TemporaryDirectory(dir=args.dir, prefix="vigil-bench-") as scratch:
        store = BlobStore(Path(scratch) / "blobs")
        print(f"{args.size_mib} MiB through the blob store in {scratch}")
        tracemalloc.start()
        w_rate, w_peak, info = phase("write", size, lambda: store.write(PatternStream(size, block)))

        def iterate() -> None:
            digest = hashes.Hash(hashes.SHA256())
            for chunk in store.iter_plaintext(info.blob_id, info.key):
                digest.update(chunk)
            assert digest.finalize().hex() == info.sha256

        i_rate, i_peak, _ = phase("iter+sha256", size, iterate)
        dest = Path(scratch) / "copy.bin"
        s_rate, s_peak, _ = phase("save_copy", size,
                                  lambda: store.save_copy(info.blob_id, info.key, dest))
        tracemalloc.stop()
        assert dest.stat().st_size == size

    rss = max_rss_mib()
    print(f"max RSS of the process: {rss:.1f} MiB" if rss is not None else "max RSS: n/a")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    rss_text = f"{rss:.0f} MiB" if rss is not None else "n/a"
    line = (f"{datetime.datetime.now().isoformat(timespec='seconds')}  "
            f"{platform.machine()} {platform.system()} py{platform.python_version()}  "
            f"{args.size_mib} MiB  write {w_rate:.0f} MB/s  iter+sha256 {i_rate:.0f} MB/s  "
            f"save_copy {s_rate:.0f} MB/s  peak heap {max(w_peak, i_peak, s_peak):.2f} MiB  "
            f"max RSS {rss_text}\n")
    with RESULTS.open("a", encoding="utf-8") as out:
        out.write(line)
    print(f"appended to {RESULTS}")


if __name__ == "__main__":
    main()
