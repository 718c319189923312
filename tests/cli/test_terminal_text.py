# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Names reach the terminal as text: control and bidi characters come out as escapes.

A name from a spreadsheet or a colleague's bundle could otherwise set the terminal's title,
clear the screen, or reorder the line it is printed on (app.cli.common.echo, print_json).
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from vaults import unlock

from app.cli.common import terminal_text
from app.domain.model import Case
from app.services import cases
from app.services.travel import set_safe_to_travel

TITLE = "\x1b]0;pwned\x07"  # OSC 0: sets the window title
NAME = f"Evil{TITLE}Name\u202etxt.exe"
ORIGINAL = "\u2067مرحبا\u2069\x9b2J\x7f"  # an isolate, then an 8-bit CSI (clear screen) and DEL
RAW = ["\x1b", "\x07", "\x9b", "\x7f", "\u202e", "\u2067", "\u2069"]


@pytest.fixture
def hostile(vault_dir) -> tuple[Path, str]:
    case_id = str(uuid.uuid4())
    with unlock(vault_dir) as vault:
        with vault.session() as session:
            cases.save_case(session, Case(id=case_id, display_name=NAME,
                                          name_original=ORIGINAL))
        with vault.session() as session:
            set_safe_to_travel(session, [case_id], True)
    return vault_dir, case_id


def test_every_control_and_bidi_character_becomes_an_escape():
    text = "".join(map(chr, [*range(0x20), 0x7F, *range(0x80, 0xA0), 0x061C, 0x200E, 0x200F,
                             *range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
    shown = terminal_text(text)
    assert shown.isascii() and shown.isprintable()
    assert terminal_text(TITLE) == "\\x1b]0;pwned\\x07"
    assert terminal_text("\u202e") == "\\u202e"
    assert terminal_text("a\tb\nc\r") == "a\\tb\\nc\\r"
    assert terminal_text("王小明 Ayşe مرحبا \\x1b") == "王小明 Ayşe مرحبا \\x1b"  # all else as is


def test_cases_prints_the_names_escaped(cli, hostile, passphrase_file):
    folder, case_id = hostile
    result = cli("cases", "--vault", folder, "--passphrase-file", passphrase_file)
    assert result.code == 0
    for char in RAW:
        assert char not in result.out and char not in result.err
    line = next(line for line in result.out.splitlines() if case_id in line)
    assert "Evil\\x1b]0;pwned\\x07Name\\u202etxt.exe" in line
    assert "\\u2067مرحبا\\u2069\\x9b2J\\x7f" in line


def test_travel_list_prints_the_names_escaped(cli, hostile, passphrase_file):
    folder, case_id = hostile
    result = cli("travel", "list", "--vault", folder, "--passphrase-file", passphrase_file)
    assert result.code == 0
    for char in RAW:
        assert char not in result.out
    assert "Evil\\x1b]0;pwned\\x07Name\\u202etxt.exe" in result.out


@pytest.mark.parametrize("argv", [("cases", "--json"), ("travel", "list", "--json")])
def test_json_escapes_them_too_and_reads_back_the_same(cli, hostile, passphrase_file, argv):
    folder, case_id = hostile
    result = cli(*argv, "--vault", folder, "--passphrase-file", passphrase_file)
    assert result.code == 0
    for char in RAW:
        assert char not in result.out
    assert "\\u001b" in result.out and "\\u202e" in result.out and "\\u009b" in result.out
    row = next(r for r in json.loads(result.out) if r["id"] == case_id)
    assert (row["display_name"], row["name_original"]) == (NAME, ORIGINAL)
