# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""`vigil calendar` as a caseworker or a script runs it: the list, --json, the ICS file
(neutral by default), and every bad input refused with one sentence and nothing written."""

from __future__ import annotations

import errno
import json
import os
import stat
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from vaults import PASSPHRASE, assert_clean_stderr, unlock

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))
from calendar_world import NAMES, World, build


@pytest.fixture
def world(vault_dir, monkeypatch) -> World:
    monkeypatch.setenv("VIGIL_PASSPHRASE", PASSPHRASE)
    vault = unlock(vault_dir)
    try:
        with vault.session() as session:
            # The command reads the real clock.
            return build(session, datetime.now(UTC).date())
    finally:
        vault.close()


def test_the_list_and_json(cli, vault_dir, world):
    result = cli("calendar", "--vault", vault_dir, "--json")
    assert result.code == 0, result.err
    moments = json.loads(result.out)
    kinds = {m["kind"] for m in moments}
    assert kinds == {"encounter", "meeting", "follow_up_due", "un_reply_due", "time_limit",
                     "anniversary"}
    assert [m["date"] for m in moments] == sorted(m["date"] for m in moments)
    (visit,) = [m for m in moments if m["record"]["id"] == world.encounter]
    assert visit["record"]["kind"] == "encounter" and visit["detail"] == "State visit"
    assert visit["date"] == (world.today + timedelta(days=9)).isoformat()
    assert visit["last"] == (world.today + timedelta(days=11)).isoformat()
    (un,) = [m for m in moments if m["kind"] == "un_reply_due"]
    assert un["approximate"] and un["case_ids"] == [world.private_case]

    short = cli("calendar", "--vault", vault_dir, "--days", "10")
    assert short.code == 0, short.err
    lines = short.out.splitlines()
    assert lines and all(line[:10] <= (world.today + timedelta(days=10)).isoformat()
                         for line in lines)
    assert any(f"[encounter {world.encounter}]" in line for line in lines)
    assert short.err.strip().endswith("moment(s).")


def test_the_default_ics_file_is_neutral_and_private(cli, vault_dir, world, tmp_path):
    target = tmp_path / "out" / "advocacy.ics"
    target.parent.mkdir()
    result = cli("calendar", "--vault", vault_dir, "--ics", "-o", target)
    assert result.code == 0, result.err
    assert result.out == ""
    data = target.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR") and b"BEGIN:VEVENT" in data
    for needle in (*NAMES, world.encounter, world.public_case, world.follow_up, world.meeting,
                   "Federal Foreign Office", "Qz"):
        assert needle.encode() not in data, needle
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in target.parent.iterdir()) == ["advocacy.ics"]
    for name in NAMES:
        assert name not in result.err


def test_a_profile_names_the_cases_it_allows(cli, vault_dir, world, tmp_path):
    target = tmp_path / "public.ics"
    result = cli("calendar", "--vault", vault_dir, "--ics", "-o", target,
                 "--profile", "public", "--days", "30")
    assert result.code == 0, result.err
    text = target.read_text(encoding="utf-8").replace("\r\n ", "")
    assert "Wang Quanzhang" in text and "王全璋" in text
    assert "Li Heping" not in text and "Ding Jiaxi" not in text


@pytest.mark.parametrize(("argv", "code"), [
    (["--days", "-1"], 1),
    (["--days", "3661"], 1),
    (["--days", "many"], 2),
    (["--ics", "-o", "{out}", "--profile", "everyone"], 2),
    (["--ics", "-o", "{out}", "--days", "-5"], 1),
    (["--ics"], 2),
    (["--ics", "-o", "{out}", "--json"], 2),
    (["-o", "{out}"], 2),
    (["--profile", "public"], 2),
    (["--ics", "-o", "{missing}"], 1),
    (["--ics", "-o", "{folder}"], 1),
])
def test_bad_input_is_refused_and_nothing_is_written(cli, vault_dir, world, tmp_path,
                                                     argv, code):
    out = tmp_path / "cal" / "x.ics"
    out.parent.mkdir()
    paths = {"out": out, "missing": tmp_path / "no-such-folder" / "x.ics",
             "folder": out.parent}
    result = cli("calendar", "--vault", vault_dir, *[a.format(**paths) for a in argv])
    assert result.code == code
    assert result.out == ""
    assert list(out.parent.iterdir()) == []
    assert not (tmp_path / "no-such-folder").exists()
    if code == 1:
        assert_clean_stderr(result.err, *NAMES)


@pytest.mark.parametrize(("error", "words"), [
    (errno.EACCES, "may not write to that folder"),
    (errno.ENOSPC, "The disk is full"),
    (errno.EROFS, "read-only"),
])
def test_a_failed_write_is_one_sentence_and_leaves_nothing(cli, vault_dir, world, tmp_path,
                                                           monkeypatch, error, words):
    """Denied, full or read-only as the OS reports it (root ignores folder permissions)."""
    folder = tmp_path / "out"
    folder.mkdir()
    real_open = os.open

    def failing_open(path, flags, *args, **kwargs):
        if Path(path).parent == folder:
            if error == errno.ENOSPC:  # the temp file opens; writing to it fails
                return real_open("/dev/full", os.O_WRONLY)
            raise OSError(error, os.strerror(error))
        return real_open(path, flags, *args, **kwargs)

    if error == errno.ENOSPC and not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    monkeypatch.setattr(os, "open", failing_open)
    result = cli("calendar", "--vault", vault_dir, "--ics", "-o", folder / "x.ics")
    assert result.code == 1
    assert words in result.err
    assert_clean_stderr(result.err, *NAMES)
    assert list(folder.iterdir()) == []
