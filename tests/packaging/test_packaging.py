# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The packaging recipes: the self-check passes from source, the Linux metadata validates,
the PyInstaller spec parses, and (in CI) the built bundle passes its own self-check."""

from __future__ import annotations

import ast
import configparser
import os
import plistlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "org.vigil.Vigil"
OFFSCREEN = dict(os.environ, QT_QPA_PLATFORM="offscreen")


def _run(args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, check=False,
                          env=OFFSCREEN, **kwargs)


def _assert_self_check_passed(result: subprocess.CompletedProcess) -> None:
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(lines) == 8 and all(line.startswith("ok") for line in lines), result.stdout
    assert "王晓澄" in result.stdout  # the Chinese name went in and came back out


def test_self_check_passes_from_source(tmp_path):
    before = set(Path(os.environ.get("TMPDIR", "/tmp")).glob("vigil-selfcheck-*"))
    result = _run([sys.executable, "-m", "app", "--self-check"], cwd=ROOT)
    _assert_self_check_passed(result)
    after = set(Path(os.environ.get("TMPDIR", "/tmp")).glob("vigil-selfcheck-*"))
    assert after <= before, "the self-check left its temporary folder behind"


def test_self_check_reports_a_failing_step(monkeypatch):
    import io

    from app import selfcheck

    def broken(self):
        raise RuntimeError("no case data here")

    monkeypatch.setattr(selfcheck._Check, "dossier_rendered", broken)
    monkeypatch.setattr(selfcheck._Check, "window_opened", lambda self: "window skipped")
    out = io.StringIO()
    assert selfcheck.run(out) == 1
    assert "FAIL  dossier rendered: RuntimeError" in out.getvalue()
    assert "no case data here" not in out.getvalue()


def test_the_core_of_the_self_check_does_not_import_qt():
    code = "import sys, app.selfcheck; sys.exit('PySide6' in sys.modules)"
    assert _run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


def test_spec_and_build_script_parse():
    ast.parse((PACKAGING / "pyinstaller" / "vigil.spec").read_text(encoding="utf-8"))
    ast.parse((PACKAGING / "pyinstaller" / "build.py").read_text(encoding="utf-8"))


def test_desktop_file_matches_the_app():
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str
    desktop.read(PACKAGING / "linux" / f"{APP_ID}.desktop", encoding="utf-8")
    entry = desktop["Desktop Entry"]
    assert entry["Exec"] == "vigil" and entry["Icon"] == APP_ID
    launcher = (ROOT / "app" / "ui" / "launch.py").read_text(encoding="utf-8")
    assert f'setDesktopFileName("{APP_ID}")' in launcher


def test_icons_exist_at_the_usual_sizes():
    icons = PACKAGING / "linux" / "icons"
    assert (icons / f"{APP_ID}.svg").is_file()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = icons / f"{size}x{size}" / f"{APP_ID}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", png
    assert (PACKAGING / "windows" / "vigil.ico").is_file()
    assert (PACKAGING / "macos" / "vigil.icns").is_file()


def test_macos_info_plist_parses():
    info = plistlib.loads((PACKAGING / "macos" / "Info.plist").read_bytes())
    assert info["CFBundleIdentifier"] == APP_ID


@pytest.mark.skipif(shutil.which("appstreamcli") is None,
                    reason="appstreamcli not installed (Debian package appstream)")
def test_metainfo_validates():
    result = _run(["appstreamcli", "validate", "--no-net",
                   str(PACKAGING / "linux" / f"{APP_ID}.metainfo.xml")])
    assert result.returncode == 0, result.stdout + result.stderr


IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.mark.skipif(not IN_CI or os.environ.get("VIGIL_SKIP_BUNDLE") == "1",
                    reason="builds the PyInstaller bundle only in CI (CI=true); "
                           "VIGIL_SKIP_BUNDLE=1 skips it there too")
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="CI builds the Linux bundle")
def test_built_bundle_passes_its_self_check(tmp_path):
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail("PyInstaller is missing: it belongs in the dev dependency group.")
    dist, work = tmp_path / "dist", tmp_path / "work"
    built = subprocess.run(
        [sys.executable, str(PACKAGING / "pyinstaller" / "build.py"), "--no-check",
         "--dist", str(dist), "--work", str(work)],
        capture_output=True, text=True, check=False, cwd=ROOT, timeout=600)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    program = dist / "vigil" / "vigil"
    assert _run([str(program), "--version"]).stdout.startswith("vigil ")
    _assert_self_check_passed(_run([str(program), "--self-check"], timeout=120))
    assert (dist / "vigil" / "share" / "applications" / f"{APP_ID}.desktop").is_file()
    assert (dist / "vigil" / "_internal" / "resources" / "fonts" / "wqy-microhei.ttc").is_file()
