# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The shared clock: a session whose wall clock is far ahead of the vault's last change
must not stamp anything until the user confirms the date (a year-ahead stamp would stay in
the clock for good, and colleagues refuse every later bundle)."""

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from vaults import FakeClock, assert_clean_stderr, unlock

from app.domain.hlc import ClockJumped, HybridClock, parse
from app.errors import ClockAheadError, UserError
from app.vault.tables import OrganisationRow
from app.vault.vault import HLC_META


def add_organisation(vault, name="Ministry"):
    with vault.session() as session:
        session.add(OrganisationRow(id=str(uuid.uuid4()), name=name))


def organisations(vault):
    with vault.session() as session:
        return session.scalar(select(func.count()).select_from(OrganisationRow))


def test_a_year_ahead_is_refused_until_confirmed(vault_dir, clock):
    with unlock(vault_dir, clock=clock) as vault:
        add_organisation(vault)
        last = vault.meta(HLC_META)
    clock.advance(days=365)
    with unlock(vault_dir, clock=clock) as vault:
        with pytest.raises(ClockAheadError, match="more than a day ahead") as caught:
            add_organisation(vault, "From the future")
        assert isinstance(caught.value, UserError) and caught.value.exit_code == 1
        assert "2026-03-01" in str(caught.value)  # the last change, so the user can judge
        assert caught.value.last_change == datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
        assert organisations(vault) == 1 and vault.meta(HLC_META) == last  # nothing written
        vault.accept_clock_jump()
        add_organisation(vault, "From the future")
        assert organisations(vault) == 2
        assert parse(vault.meta(HLC_META))[0] == int(clock().timestamp() * 1000)


@pytest.mark.parametrize("delta", [timedelta(hours=23), timedelta(days=-30)],
                         ids=["less than a day ahead", "behind"])
def test_a_clock_near_or_behind_the_last_change_stamps_as_before(vault_dir, clock, delta):
    with unlock(vault_dir, clock=clock) as vault:
        add_organisation(vault)
    clock.now += delta
    with unlock(vault_dir, clock=clock) as vault:
        add_organisation(vault)
        assert organisations(vault) == 2


def test_a_new_vault_has_no_last_change_to_compare_with(tmp_path):
    from vaults import make_vault

    vault, _ = make_vault(tmp_path / "new", clock=FakeClock(datetime(2031, 1, 1, tzinfo=UTC)))
    with vault:
        add_organisation(vault)


def test_the_confirmation_holds_for_this_session_only(vault_dir, clock):
    with unlock(vault_dir, clock=clock) as vault:
        add_organisation(vault)
    with unlock(vault_dir, clock=clock) as vault:
        vault.accept_clock_jump()  # confirmed while the clock was right
    clock.advance(days=10)
    with unlock(vault_dir, clock=clock) as vault, pytest.raises(ClockAheadError):
        add_organisation(vault)


def test_a_jump_during_a_session_is_refused_too(vault_dir, clock):
    with unlock(vault_dir, clock=clock) as vault:
        add_organisation(vault)
        clock.advance(days=2)
        with pytest.raises(ClockAheadError):
            add_organisation(vault)


def test_the_command_line_refuses_with_a_sentence(cli, vault_dir, tmp_path, passphrase_file):
    behind = FakeClock(datetime.now(UTC) - timedelta(days=3))
    with unlock(vault_dir, clock=behind) as vault:
        add_organisation(vault)
    doc = {"format": "vigil-interchange", "version": 1,
           "organisations": [{"id": str(uuid.uuid4()), "name": "Ministry of Justice"}]}
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    before = {name: (vault_dir / name).read_bytes() for name in ("vault.db", "keyslots.json")}
    result = cli("import", path, "--vault", vault_dir, "--passphrase-file", passphrase_file)
    assert result.code == 1, result.err
    assert "clock" in result.err and behind().strftime("%Y-%m-%d") in result.err
    assert_clean_stderr(result.err)
    # (the day's snapshot was taken at unlock, before the import)
    assert {name: (vault_dir / name).read_bytes() for name in before} == before


def test_the_clock_itself_refuses_and_accepts():
    wall = [1_000_000]
    hlc = HybridClock("node", wall=lambda: wall[0], max_jump_ms=1000)
    first = hlc.tick()  # nothing to compare with yet
    wall[0] += 1001
    with pytest.raises(ClockJumped) as caught:
        hlc.tick()
    assert (caught.value.last_ms, caught.value.now_ms) == (1_000_000, 1_001_001)
    assert hlc.last == first
    hlc.accept_wall_clock()
    assert hlc.tick() > first
