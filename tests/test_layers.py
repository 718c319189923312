# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The layers point one way (ui, cli → services, sharing, dossier → vault → domain), and
nothing outside app/ui imports Qt: checked on the source, so a shortcut fails CI.

Every module of app/ belongs to a unit: a package (domain, vault, services, sharing, dossier,
ui, cli) or a top-level module (errors.py, paths.py, hygiene.py, selfcheck.py, __main__.py).
Each unit may import itself, the package root (it holds only __version__) and the units
listed in ALLOWED; the units in LAZY_UI import the ui only inside functions. Sharing imports
nothing from services (it re-derives through the vault's flush hook) and the ui nothing from
the vault (app.services.vault_access is its way in), with no exception.
"""

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"
PACKAGE_ROOT = "__init__"  # app/__init__.py: the version, importable by every unit

# What each unit may import from inside the app (besides itself and the package root).
# hygiene (process hardening, logging that carries no case data) imports nothing from the app,
# so every unit above the domain may use it.
ALLOWED = {
    "domain": {"errors"},
    "vault": {"errors", "domain", "hygiene"},
    "services": {"errors", "domain", "vault", "paths", "dossier", "hygiene"},
    "sharing": {"errors", "domain", "vault", "hygiene"},
    "dossier": {"errors", "domain", "paths", "hygiene"},
    # never the vault: app.services.vault_access is all the ui may do with one
    "ui": {"services", "sharing", "dossier", "domain", "errors", "paths", "hygiene"},
    "cli": {"services", "sharing", "dossier", "vault", "domain", "errors", "paths", "hygiene",
            "selfcheck"},  # and ui, lazily: see LAZY_UI
    # Top-level modules of app/.
    "errors": set(),
    "paths": set(),
    "hygiene": set(),
    "selfcheck": {"errors", "paths", "domain", "vault", "services", "sharing", "dossier",
                  "hygiene"},  # and ui, lazily
    "__init__": set(),
    "__main__": {"cli"},
}

# Units that may import the ui, and only inside a function: `vigil` with no command and
# `vigil demo` open the desktop app, `vigil --self-check` opens the main window offscreen,
# but every other command (and `vigil --version`) must run without loading Qt.
LAZY_UI = {"cli", "selfcheck", "__main__"}



def _unit(path: Path) -> str:
    parts = path.relative_to(APP).parts
    return parts[0] if len(parts) > 1 else path.stem


def _target_unit(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else PACKAGE_ROOT


def _resolve(module: str, name: str) -> str:
    """`from module import name`: the submodule if `name` is one, else the module itself."""
    candidate = APP.parent.joinpath(*module.split("."), name)
    if candidate.with_suffix(".py").is_file() or (candidate / "__init__.py").is_file():
        return f"{module}.{name}"
    return module


class _Imports(ast.NodeVisitor):
    """Every import of an app module in one file: (name, inside a function, line)."""

    def __init__(self) -> None:
        self.found: list[tuple[str, bool, int]] = []
        self.relative: list[int] = []
        self._depth = 0

    def _function(self, node) -> None:
        self._depth += 1
        self.generic_visit(node)
        self._depth -= 1

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _function

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name, node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            self.relative.append(node.lineno)
        elif node.module:
            for alias in node.names:
                self._add(_resolve(node.module, alias.name), node)

    def _add(self, name: str, node: ast.AST) -> None:
        if name == "app" or name.startswith("app."):
            self.found.append((name, self._depth > 0, node.lineno))


def _imports(path: Path) -> _Imports:
    visitor = _Imports()
    visitor.visit(ast.parse(path.read_text("utf-8")))
    return visitor


def _modules(unit: str | None = None) -> list[Path]:
    found = sorted(p for p in APP.rglob("*.py") if "migrations" not in p.parts)
    return [p for p in found if unit is None or _unit(p) == unit]


def _name(path: Path) -> str:
    return path.relative_to(APP).as_posix()


def test_every_module_belongs_to_a_unit_with_rules():
    assert sorted({_unit(p) for p in _modules()} - ALLOWED.keys()) == []


def test_no_relative_imports():
    """They would slip past these checks; the code base imports absolutely."""
    wrong = [f"{_name(p)}:{line}" for p in _modules() for line in _imports(p).relative]
    assert not wrong, wrong


@pytest.mark.parametrize("unit", sorted(ALLOWED))
def test_unit_imports_only_what_it_may(unit):
    wrong = []
    for path in _modules(unit):
        for name, lazy, line in _imports(path).found:
            target = _target_unit(name)
            if target in (unit, PACKAGE_ROOT) or target in ALLOWED[unit]:
                continue
            if target == "ui" and unit in LAZY_UI and lazy:
                continue
            wrong.append(f"{_name(path)}:{line} imports {name}"
                         + (" at module level" if target == "ui" and unit in LAZY_UI else ""))
    assert not wrong, wrong


def test_sharing_imports_nothing_from_services():
    """Not even lazily: a merge re-derives through the vault's flush hook."""
    wrong = [f"{_name(p)}:{line} imports {name}" for p in _modules("sharing")
             for name, _, line in _imports(p).found if _target_unit(name) == "services"]
    assert not wrong, wrong


def test_the_ui_imports_nothing_from_the_vault():
    """Everything the ui does with a vault goes through app.services.vault_access."""
    wrong = [f"{_name(p)}:{line} imports {name}" for p in _modules("ui")
             for name, _, line in _imports(p).found if _target_unit(name) == "vault"]
    assert not wrong, wrong


def test_only_the_ui_imports_qt():
    wrong = []
    for path in _modules():
        if _unit(path) == "ui":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            else:
                continue
            wrong += [f"{_name(path)} imports {n}" for n in names
                      if n.split(".")[0] in ("PySide6", "shiboken6")]
    assert not wrong, wrong


MAX_LINES = 450  # a module longer than this is two modules (issue 19)


def test_no_module_is_over_450_lines():
    long = {str(p.relative_to(APP)): n for p in APP.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}, "split these modules"


MAX_CONSTRUCTOR_LINES = 40  # a longer one is split into _build_* parts (issue 19)


def test_no_ui_constructor_is_over_40_lines():
    long = []
    for path in _modules("ui"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name == "__init__" and \
                    (n := (node.end_lineno or node.lineno) - node.lineno + 1) > \
                    MAX_CONSTRUCTOR_LINES:
                long.append(f"{_name(path)}:{node.lineno} ({n} lines)")
    assert long == [], "split these constructors into _build_* parts"
