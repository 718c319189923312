# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Build the one-folder Vigil application with PyInstaller, then run its self-check.

From the repository root:  ``uv run python packaging/pyinstaller/build.py``
Result: ``dist/vigil/`` (``dist/Vigil.app`` too on macOS). On Linux the folder also gets
``share/`` with the .desktop file, AppStream metainfo and icons, ready to install.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess  # noqa: S404 (runs PyInstaller and the built app, fixed arguments)
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "pyinstaller" / "vigil.spec"
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.vigil.Vigil"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def program(dist: Path) -> Path:
    name = "vigil-cli.exe" if sys.platform == "win32" else "vigil"
    return dist / "vigil" / name


def add_linux_share(bundle: Path) -> None:
    share = bundle / "share"
    (share / "applications").mkdir(parents=True, exist_ok=True)
    (share / "metainfo").mkdir(parents=True, exist_ok=True)
    shutil.copy2(LINUX / f"{APP_ID}.desktop", share / "applications")
    shutil.copy2(LINUX / f"{APP_ID}.metainfo.xml", share / "metainfo")
    icons = share / "icons" / "hicolor"
    for png in (LINUX / "icons").glob(f"*/{APP_ID}.png"):
        target = icons / png.parent.name / "apps"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(png, target)
    (icons / "scalable" / "apps").mkdir(parents=True, exist_ok=True)
    shutil.copy2(LINUX / "icons" / f"{APP_ID}.svg", icons / "scalable" / "apps")


def build(dist: Path, work: Path) -> None:
    subprocess.run(  # noqa: S603
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(work), str(SPEC)],
        check=True, cwd=ROOT)
    if sys.platform.startswith("linux"):
        add_linux_share(dist / "vigil")


def self_check(dist: Path) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.monotonic()
    version = subprocess.run([str(program(dist)), "--version"], check=False,  # noqa: S603
                             capture_output=True, text=True, env=env)
    print(f"{version.stdout.strip()}: --version in {time.monotonic() - started:.2f} s")
    started = time.monotonic()
    result = subprocess.run([str(program(dist)), "--self-check"], check=False,  # noqa: S603
                            env=env)
    print(f"self-check took {time.monotonic() - started:.2f} s")
    return result.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--no-check", action="store_true", help="skip the self-check")
    args = parser.parse_args()
    started = time.monotonic()
    build(args.dist, args.work)
    size = folder_size(args.dist / "vigil") / 1e6
    print(f"built {args.dist / 'vigil'} in {time.monotonic() - started:.0f} s, {size:.0f} MB")
    return 0 if args.no_check else self_check(args.dist)


if __name__ == "__main__":
    sys.exit(main())
