# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The sharing commands of DESIGN.md section 7: identity, colleague add, share export/import."""

from __future__ import annotations

import json

import pytest
from sharing_helpers import add_case, seal
from sharing_team import PASSPHRASE
from vaults import assert_clean_stderr, run_cli

from app.sharing import container
from app.vault.keyslots import KdfParams
from app.vault.vault import Vault


@pytest.fixture
def cli(capsys, monkeypatch):
    monkeypatch.setenv("VIGIL_PASSPHRASE", PASSPHRASE)

    def run(vault_dir, *argv):
        return run_cli(capsys, *argv, "--vault", vault_dir)

    return run


def test_identity_json(team, cli):
    expected = team["alice"].identity
    team.close()
    result = cli(team.root / "alice", "identity", "--json")
    assert result.code == 0
    shown = json.loads(result.out)
    assert shown == {"recipient": expected.public.recipient,
                     "signing_key": expected.public.signing_key,
                     "fingerprint": expected.fingerprint}


def test_colleague_add_then_export_and_import(team, cli, tmp_path):
    fresh, _ = Vault.create(tmp_path / "dan", PASSPHRASE, kdf=KdfParams.minimum())
    dan = fresh.identity.public
    fresh.close()
    case_id = add_case(team["alice"], "Shared by CLI")
    alice = team["alice"].identity.public
    team.close()
    added = cli(team.root / "alice", "colleague", "add", "Dan", "--recipient", dan.recipient,
                "--signing-key", dan.signing_key)
    assert added.code == 0 and added.out.strip() == dan.fingerprint
    assert cli(tmp_path / "dan", "colleague", "add", "Alice", "--recipient", alice.recipient,
               "--signing-key", alice.signing_key).code == 0
    out = tmp_path / "to-dan.vigil"
    exported = cli(team.root / "alice", "share", "export", "--to", dan.fingerprint,
                   "--case", case_id, "-o", out)
    assert exported.code == 0 and out.is_file()
    dry = cli(tmp_path / "dan", "share", "import", out, "--dry-run")
    assert dry.code == 0 and case_id in dry.out and "Would apply" in dry.err
    applied = cli(tmp_path / "dan", "share", "import", out)
    assert applied.code == 0 and "Applied" in applied.err
    listed = cli(tmp_path / "dan", "cases", "--json")
    assert [c["id"] for c in json.loads(listed.out)] == [case_id]
    again = cli(tmp_path / "dan", "share", "import", out)
    assert again.code == 0 and "already applied" in again.err


def test_exit_codes_for_bad_bundles(team, cli, tmp_path):
    add_case(team["alice"])
    fp_bob = team.fp["bob"]
    team.close()
    out = tmp_path / "b.vigil"
    assert cli(team.root / "alice", "share", "export", "--to", fp_bob, "-o", out).code == 0
    not_ours = cli(team.root / "mallory", "share", "import", out)
    assert not_ours.code == 3
    assert_clean_stderr(not_ours.err)
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 1
    out.write_bytes(bytes(data))
    tampered = cli(team.root / "bob", "share", "import", out)
    assert tampered.code == 4
    assert_clean_stderr(tampered.err)
    missing = cli(team.root / "bob", "share", "import", tmp_path / "nope.vigil")
    assert missing.code == 1


def test_export_refuses_unknown_colleagues_and_bad_keys(team, cli, tmp_path):
    team.close()
    unknown = cli(team.root / "alice", "share", "export", "--to", "AAAA-BBBB-CCCC-DDDD",
                  "-o", tmp_path / "x.vigil")
    assert unknown.code == 1 and not (tmp_path / "x.vigil").exists()
    assert_clean_stderr(unknown.err)
    bad = cli(team.root / "alice", "colleague", "add", "X", "--recipient", "age1nope",
              "--signing-key", "abc")
    assert bad.code == 1
    assert_clean_stderr(bad.err)


def test_contact_card_import_is_unverified_until_verified(team, cli, tmp_path):
    team.close()
    card = cli(team.root / "carol", "colleague", "card")
    assert card.code == 0
    path = tmp_path / "carol.json"
    path.write_text(card.out)
    added = cli(team.root / "mallory", "colleague", "import-card", path)
    fp = added.out.strip()
    assert added.code == 0 and fp == team.fp["carol"]
    refused = cli(team.root / "mallory", "share", "export", "--to", fp, "-o",
                  tmp_path / "m.vigil")
    assert refused.code == 1 and "Verify" in refused.err
    assert cli(team.root / "mallory", "colleague", "verify", fp).code == 0
    assert cli(team.root / "mallory", "share", "export", "--to", fp, "-o",
               tmp_path / "m.vigil").code == 0
    listed = json.loads(cli(team.root / "mallory", "colleague", "list", "--json").out)
    assert listed[0]["verified"] is True


def test_a_tampered_contact_card_is_refused(team, cli, tmp_path):
    team.close()
    card = json.loads(cli(team.root / "carol", "colleague", "card").out)
    card["fingerprint"] = team.fp["alice"]
    path = tmp_path / "card.json"
    path.write_text(json.dumps(card))
    result = cli(team.root / "mallory", "colleague", "import-card", path)
    assert result.code == 1 and "does not match" in result.err


def test_a_poisoned_bundle_exits_4_with_one_sentence(team, cli, tmp_path):
    """Written with bob's public age key alone: a manifest 100,000 lists deep is refused
    by its signature, never parsed (it used to end in a RecursionError, exit 70)."""
    path = tmp_path / "poisoned.vigil"
    seal([(container.MANIFEST, b"[" * 100_000), (container.SIGNATURE, bytes(64))],
         [team["bob"].identity.public.recipient], path)
    team.close()
    result = cli(team.root / "bob", "share", "import", path)
    assert result.code == 4
    assert_clean_stderr(result.err)
    assert "signature" in result.err
