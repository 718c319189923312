# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Refresh the translation sources from the code, then compile them.

    uv run python scripts/update_translations.py          # update .ts, compile .qm
    uv run python scripts/update_translations.py --check  # fail if a string is untranslated

Strings come from every tr()/translate() call under app/ui, plus the display labels of the
domain's enums (context "Labels"), which the UI translates through app.ui.labels. English
keeps only the plural forms of the counts (``tr("%n case(s)", "", n)``: "1 case", "2 cases");
every other English string is its source text.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")
PLURALS_ONLY = ("en",)


def tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit(f"{name} not found (it comes with PySide6)")
    return found


def label_strings_file(folder: Path) -> Path:
    from app.domain.enums import _LABELS

    lines = ["from PySide6.QtCore import QT_TRANSLATE_NOOP", ""]
    for labels in _LABELS.values():
        for text in labels.values():
            lines.append(f"QT_TRANSLATE_NOOP({'Labels'!r}, {text!r})")
    path = folder / "labels_for_translation.py"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def extract(ts: Path, language: str) -> None:
    """Merge the strings the code uses now into ``ts`` (kept translations stay)."""
    sources = sorted(str(p) for p in (ROOT / "app" / "ui").rglob("*.py"))
    with tempfile.TemporaryDirectory() as tmp:
        sources.append(str(label_strings_file(Path(tmp))))
        command = [tool("pyside6-lupdate"), *sources, "-no-obsolete", "-locations", "none",
                   "-silent", *(["-pluralonly"] if language in PLURALS_ONLY else []),
                   "-ts", str(ts)]
        subprocess.run(command, check=True)  # noqa: S603 (our own files and tool)


def untranslated(ts: Path) -> list[str]:
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):  # noqa: S314 (our own file)
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [translation.text] if translation is not None and \
                message.get("numerus") != "yes" else \
                [form.text for form in (translation if translation is not None else [])]
            if translation is None or translation.get("type") in ("unfinished", "vanished",
                                                                   "obsolete") \
                    or not forms or not all((form or "").strip() for form in forms):
                missing.append(f"{name}: {message.findtext('source')}")
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="extract into a copy and fail if any string lacks a translation")
    args = parser.parse_args()
    problems = 0
    for language in LANGUAGES:
        ts = TRANSLATIONS / f"vigil_{language}.ts"
        if args.check:
            with tempfile.TemporaryDirectory() as tmp:
                copy = Path(tmp) / ts.name
                shutil.copy(ts, copy)
                extract(copy, language)
                missing = untranslated(copy)
            for line in missing:
                print(f"untranslated ({language}) {line}")
            problems += len(missing)
            continue
        extract(ts, language)
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm",  # noqa: S603 (ours)
                        str(ts.with_suffix(".qm"))], check=True)
        missing = untranslated(ts)
        print(f"{language}: {len(missing)} string(s) still to translate")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
