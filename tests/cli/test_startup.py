# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What the command line loads before it works, and how a real process ends.

``vigil --version`` imports no database, migration, PDF or JSON Schema library; a command
imports only its own module; the parser narrowed to that module reads every argument list
exactly as the whole parser does; the program ends without the interpreter's teardown only
after its output and its vault are closed. Timings are in tests/bench/bench_cli.py.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from vaults import ROOT, unlock

from app.cli import COMMAND_MODULES, build_parser, modules_for
from app.vault import migrate

HEAVY = ("sqlalchemy", "alembic", "mako", "pygments", "reportlab", "pikepdf", "PySide6",
         "jsonschema", "jsonschema_rs")
LOADED = """
import json, sys
from app.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def loaded(*argv, env: dict[str, str] | None = None) -> tuple[int, list[str], str]:
    """Run ``vigil ARGV`` in a fresh interpreter: its exit code, every module it loaded."""
    proc = subprocess.run([sys.executable, "-c", LOADED, *map(str, argv)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False, env=env)
    report = json.loads(proc.stderr.strip().splitlines()[-1])
    return report["code"], report["modules"], proc.stdout


def heavy_in(modules: list[str]) -> list[str]:
    return [m for m in modules if m.split(".")[0] in HEAVY
            or m.startswith(("app.sharing", "app.vault", "app.services"))]


def test_version_loads_no_database_migration_or_pdf_library():
    code, modules, out = loaded("--version")
    assert (code, out) == (0, "vigil 0.1.0\n")
    assert heavy_in(modules) == []
    assert not [m for m in modules if m.startswith("app.cli.") and m != "app.cli"]


def test_a_command_loads_its_module_and_not_alembic_or_the_pdf_libraries(vault_dir,
                                                                         passphrase_file):
    code, modules, out = loaded("cases", "--json", "--vault", vault_dir, "--passphrase-file",
                                passphrase_file)
    assert code == 0 and json.loads(out) == []
    assert "sqlalchemy" in modules and "app.cli.data_commands" in modules
    assert [m for m in heavy_in(modules) if m.split(".")[0] in HEAVY] == ["sqlalchemy"] + [
        m for m in modules if m.startswith("sqlalchemy.")]
    others = {f"app.cli.{m}" for m in COMMAND_MODULES} - {"app.cli.data_commands"}
    assert others.isdisjoint(modules)


def test_the_table_of_commands_is_what_the_modules_register():
    def names(parser) -> list[str]:
        return list(parser._subparsers._group_actions[0].choices)

    assert names(build_parser()) == [n for group in COMMAND_MODULES.values() for n in group]
    for module, expected in COMMAND_MODULES.items():
        assert names(build_parser([module])) == list(expected)


ARGVS = [
    [], ["--vault", "V"], ["--vault=V", "cases", "--json"], ["cases", "--status", "released"],
    ["--passphrase-file", "F", "travel", "list", "--json"], ["--pass", "F", "identity"],
    ["dossier", "--case", "a", "--case", "b", "--profile", "public", "--recipient", "R",
     "-o", "x.pdf"], ["share", "import", "f.vigil", "--dry-run"], ["init", "--name", "N"],
    # usage errors, help and version: the same words and exit codes as the whole parser
    ["--version"], ["--vers"], ["--version", "cases"], ["--bogus", "--version"],
    ["--vault", "--version"], ["-h"], ["--he"], ["bogus"], ["-x"], ["--v", "x"], ["--vault"],
    ["cases", "-h"], ["cases", "--bogus"], ["cases", "--version"], ["cases", "--", "x"],
    ["--", "cases"], ["travel"], ["travel", "list", "-h"], ["colleague"], ["dossier"],
    ["import"], ["--vault", "V", "--bogus"], ["--vault", "V", "cases", "--status", "bad"],
]


def outcome(capsys, parse) -> tuple:
    try:
        args = parse()
    except SystemExit as exc:
        result = ("exit", exc.code)
    else:
        result = ("args", {k: getattr(v, "__qualname__", v) for k, v in vars(args).items()})
    captured = capsys.readouterr()
    return result, captured.out, captured.err


@pytest.mark.parametrize("argv", ARGVS, ids=lambda argv: " ".join(argv) or "(none)")
def test_the_narrowed_parser_reads_arguments_as_the_whole_parser(capsys, argv):
    whole = outcome(capsys, lambda: build_parser().parse_args(argv))
    narrowed = outcome(capsys, lambda: build_parser(modules_for(argv)).parse_args(argv))
    assert narrowed == whole


@pytest.mark.parametrize(("argv", "modules"), [
    (["--vault", "V"], ()), (["cases"], ("data_commands",)),
    (["--vault", "V", "travel", "list"], ("travel_commands",)),
    (["-h"], tuple(COMMAND_MODULES)), (["bogus"], tuple(COMMAND_MODULES)),
])
def test_only_the_command_named_is_loaded(argv, modules):
    assert tuple(modules_for(argv)) == modules


def test_the_program_ends_with_its_output_flushed_and_its_vault_closed(vault_dir,
                                                                      passphrase_file):
    """``python -m app`` skips the interpreter's teardown, never the vault's."""
    env = {"PYTHONPATH": str(ROOT), "HOME": str(vault_dir.parent)}
    argv = ["cases", "--json", "--vault", vault_dir, "--passphrase-file", passphrase_file]
    proc = subprocess.run([sys.executable, "-m", "app", *map(str, argv)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert (proc.returncode, json.loads(proc.stdout)) == (0, [])
    assert proc.stderr == ""
    assert not (vault_dir / "vault.db-wal").exists() or \
        (vault_dir / "vault.db-wal").stat().st_size == 0  # checkpointed at close
    with unlock(vault_dir):  # the lock was released
        pass
    missing = subprocess.run([sys.executable, "-m", "app", "cases", "--vault",
                              vault_dir.parent / "none"], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=120, check=False)
    assert (missing.returncode, missing.stderr) == (1, "vigil: No vault was found in that "
                                                       "folder.\n")


def test_the_schema_version_is_read_without_alembic_and_agrees_with_it(vault_dir):
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(migrate._config())
    chain = [s.revision for s in reversed(list(scripts.walk_revisions()))]
    assert migrate.head() == scripts.get_current_head() == chain[-1]
    assert all(migrate.known(r) for r in chain) and not migrate.known("ffff")
    with unlock(vault_dir) as vault, vault.engine.connect() as connection:
        assert migrate.current(vault.engine) == \
            MigrationContext.configure(connection).get_current_revision() == chain[-1]


def test_scripts_that_are_not_a_plain_chain_are_left_to_alembic(tmp_path, monkeypatch):
    folder = tmp_path / "migrations"
    (folder / "versions").mkdir(parents=True)
    for source in (migrate.MIGRATIONS / "versions").glob("*.py"):
        (folder / "versions" / source.name).write_text(source.read_text("utf-8"), "utf-8")
    for name in ("env.py", "script.py.mako"):
        (folder / name).write_text((migrate.MIGRATIONS / name).read_text("utf-8"), "utf-8")
    monkeypatch.setattr(migrate, "MIGRATIONS", folder)
    head = migrate.head()
    assert migrate._chain() is not None
    (folder / "versions" / "9001_computed.py").write_text(
        f'revision = "90" + "01"\ndown_revision = {head!r}\n', "utf-8")
    assert migrate._chain() is None
    assert migrate.head() == "9001" and migrate.known("9001")  # as Alembic reads them
