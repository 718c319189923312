# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The layers point one way (ui, cli → services, sharing, dossier → vault → domain), and
nothing outside app/ui imports Qt: checked on the source, so a shortcut fails CI."""

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"

# What each layer may import from inside the app (besides itself).
ALLOWED = {
    "domain": {"errors"},
    "vault": {"errors", "domain"},
    "services": {"errors", "domain", "vault", "paths", "dossier"},
    "sharing": {"errors", "domain", "vault", "services"},
    "dossier": {"errors", "domain", "paths"},
}


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _modules(layer: str | None = None):
    root = APP / layer if layer else APP
    return sorted(p for p in root.rglob("*.py") if "migrations" not in p.parts)


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layer_imports_only_below_it(layer):
    wrong = []
    for path in _modules(layer):
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] != "app" or len(parts) < 2:
                continue
            if parts[1] != layer and parts[1] not in ALLOWED[layer]:
                wrong.append(f"{path.relative_to(APP)} imports {name}")
    assert not wrong, wrong


def test_only_the_ui_imports_qt():
    wrong = [f"{p.relative_to(APP)} imports {name}"
             for p in _modules() if p.relative_to(APP).parts[0] != "ui"
             for name in _imports(p) if name.split(".")[0] in ("PySide6", "shiboken6")]
    assert not wrong, wrong
