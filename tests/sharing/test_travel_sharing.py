# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Travel mode and sharing (security issue 6): preparing for travel gives the vault a new
identity (old bundles no longer open on the laptop; colleagues learn the new keys from the
next bundle, vouched for by the old key), and a bundle that would put cases not on the
laptop back on it is refused until the user confirms."""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import replace

import pytest
from sharing_helpers import add_case, edit_case, get_case, open_plain, ordered, seal
from sharing_team import PASSPHRASE
from vaults import assert_clean_stderr, run_cli

from app.domain.dates import FuzzyDate
from app.domain.model import Ask, Organisation
from app.errors import AuthenticationError, IntegrityError, UserError
from app.services import asks, directory
from app.services.travel import prepare_for_travel, set_safe_to_travel
from app.sharing import bundle, colleagues, container, inbox
from app.vault.engine import open_engine
from app.vault.identity import Identity
from app.vault.sharing_tables import ColleagueRow
from app.vault.tables import CaseRow


def send(team, tmp_path, sender: str, to: list[str], **kwargs):
    path = tmp_path / f"{uuid.uuid4()}.vigil"
    fps = [_fp(team, n) for n in to]
    bundle.export_bundle(team[sender], fps, path, **kwargs)
    return path


def _fp(team, name: str) -> str:
    return team[name].identity.fingerprint


def _travel(team, tmp_path, name: str, keep: list[str]) -> None:
    vault = team[name]
    with vault.session() as session:
        set_safe_to_travel(session, keep, True)
    prepare_for_travel(vault, tmp_path / f"{name}-full-{uuid.uuid4()}.vigil")


def _shared_pair(team, tmp_path) -> tuple[str, str, str]:
    """Alice's cases K (kept by bob on his trip) and R (removed), and a joint ask on both,
    known to bob; bob then prepares for travel. Returns (K, R, ask)."""
    alice = team["alice"]
    kept, removed = add_case(alice, "Kept K"), add_case(alice, "Removed R")
    org, ask_id = str(uuid.uuid4()), str(uuid.uuid4())
    with alice.session() as session:
        directory.save_organisation(session, Organisation(id=org, name="Ministry"))
        asks.save_ask(session, Ask(id=ask_id, date=FuzzyDate.parse("2025-01-02"),
                                   raised_by_organisation_id=org, public=False,
                                   case_ids=(kept, removed), notes="joint"))
    inbox.import_bundle(team["bob"], send(team, tmp_path, "alice", ["bob"]))
    _travel(team, tmp_path, "bob", [kept])
    return kept, removed, ask_id


def _introduce(team, tmp_path) -> None:
    """Bob's first bundle after his preparation: alice learns his new keys from it."""
    inbox.import_bundle(team["alice"], send(team, tmp_path, "bob", ["alice"]))


def _decrypted_dump(folder, key: bytes) -> str:
    engine = open_engine(folder / "vault.db", key)
    parts = []
    try:
        with engine.connect() as connection:
            tables = [r[0] for r in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table'")]
            for table in tables:
                for row in connection.exec_driver_sql(f'SELECT * FROM "{table}"'):
                    parts += [v.hex() + v.decode("latin-1") if isinstance(v, bytes) else str(v)
                              for v in row]
    finally:
        engine.dispose()
    return "\n".join(parts)


# -- imports in travel mode -------------------------------------------------------------------


def test_a_bundle_that_brings_back_a_removed_case_is_refused_until_confirmed(team, tmp_path):
    kept, removed, _ask = _shared_pair(team, tmp_path)
    _introduce(team, tmp_path)
    team.clocks["alice"].advance(minutes=5)
    edit_case(team["alice"], removed, summary="edited while bob travels")
    edit_case(team["alice"], kept, summary="kept, edited")
    path = send(team, tmp_path, "alice", ["bob"])
    bob = team["bob"]

    preview = inbox.import_bundle(bob, path, dry_run=True)
    assert preview.cases_not_here == 1
    before = team.snapshot("bob")
    with pytest.raises(UserError) as refused:
        inbox.import_bundle(bob, path)
    assert "1 case" in str(refused.value) and "nothing was changed" in str(refused.value)
    assert team.snapshot("bob") == before
    with bob.session() as session:
        assert session.get(CaseRow, removed) is None
    assert get_case(bob, kept).summary != "kept, edited"

    applied = inbox.import_bundle(bob, path, allow_new_cases=True)
    assert applied.cases_not_here == 1
    assert get_case(bob, removed).summary == "edited while bob travels"
    assert get_case(bob, kept).summary == "kept, edited"


def test_records_about_a_removed_case_count_too(team, tmp_path):
    """A joint ask naming the removed case, edited elsewhere, would bring its ID back."""
    kept, removed, ask_id = _shared_pair(team, tmp_path)
    _introduce(team, tmp_path)
    team.clocks["alice"].advance(minutes=5)
    alice = team["alice"]
    with alice.session() as session:
        asks.save_ask(session, replace(asks.get_ask(session, ask_id), notes="joint, later"))
    path = send(team, tmp_path, "alice", ["bob"])
    assert inbox.import_bundle(team["bob"], path, dry_run=True).cases_not_here == 1
    with pytest.raises(UserError):
        inbox.import_bundle(team["bob"], path)
    with team["bob"].session() as session:
        assert asks.get_ask(session, ask_id).notes == "joint"


def test_a_bundle_about_kept_cases_only_applies_as_before(team, tmp_path):
    kept, _removed, _ask = _shared_pair(team, tmp_path)
    _introduce(team, tmp_path)
    team.clocks["alice"].advance(minutes=5)
    edit_case(team["alice"], kept, summary="kept, edited")
    preview = inbox.import_bundle(team["bob"], send(team, tmp_path, "alice", ["bob"]))
    assert preview.cases_not_here == 0
    assert get_case(team["bob"], kept).summary == "kept, edited"


@pytest.fixture
def cli(capsys, monkeypatch):
    monkeypatch.setenv("VIGIL_PASSPHRASE", PASSPHRASE)

    def run(vault_dir, *argv):
        return run_cli(capsys, *argv, "--vault", vault_dir)

    return run


def test_share_import_in_travel_mode_refuses_with_a_sentence(team, tmp_path, cli):
    _kept, removed, _ask = _shared_pair(team, tmp_path)
    _introduce(team, tmp_path)
    team.clocks["alice"].advance(minutes=5)
    edit_case(team["alice"], removed, summary="edited while bob travels")
    path = send(team, tmp_path, "alice", ["bob"])
    team.close()
    dry = cli(team.root / "bob", "share", "import", path, "--dry-run")
    assert dry.code == 0 and "1 case not on this laptop" in dry.err
    refused = cli(team.root / "bob", "share", "import", path)
    assert refused.code == 1 and "--allow-new-cases" in refused.err
    assert_clean_stderr(refused.err, "Removed R")
    applied = cli(team.root / "bob", "share", "import", path, "--allow-new-cases")
    assert applied.code == 0, applied.err
    listed = cli(team.root / "bob", "cases", "--json")
    assert removed in {c["id"] for c in json.loads(listed.out)}


# -- a new identity for the journey ----------------------------------------------------------


def test_prepare_gives_the_vault_a_new_identity_and_forgets_the_old(team, tmp_path):
    bob = team["bob"]
    old = bob.identity
    old_bundle = send(team, tmp_path, "alice", ["bob"])  # to bob's old keys
    case_id = add_case(bob, "Kept")
    _travel(team, tmp_path, "bob", [case_id])
    new = bob.identity
    assert new.fingerprint != old.fingerprint
    assert new.age_identity != old.age_identity and new.signing_secret != old.signing_secret
    assert new.name == old.name
    folder, key = bob.path, bob._key
    team.close()
    # The old private keys are nowhere in the vault folder (the database is encrypted: look
    # at it decrypted too).
    dump = _decrypted_dump(folder, key)
    assert old.age_identity not in dump and old.signing_secret.hex() not in dump
    assert base64.b64encode(old.signing_secret).decode() not in dump
    assert new.age_identity in dump and new.signing_secret.hex() in dump
    raw = b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())
    assert old.age_identity.encode() not in raw and old.signing_secret not in raw
    reopened = team["bob"]
    assert reopened.identity.fingerprint == new.fingerprint
    with pytest.raises(AuthenticationError) as refused:
        inbox.import_bundle(reopened, old_bundle)
    assert "travel" in str(refused.value)


def test_colleagues_learn_the_new_keys_from_the_next_bundle(team, tmp_path):
    old_bob = team.fp["bob"]
    case_id = add_case(team["bob"], "Kept")
    _travel(team, tmp_path, "bob", [case_id])
    new_bob = _fp(team, "bob")
    preview = inbox.import_bundle(team["alice"], send(team, tmp_path, "bob", ["alice"]))
    assert preview.new_keys == (old_bob, new_bob)
    with team["alice"].session() as session:
        known = {c.fingerprint: c for c in colleagues.list_colleagues(session)}
    assert old_bob not in known and known[new_bob].verified and known[new_bob].name == "bob"
    assert get_case(team["alice"], case_id).display_name == "Kept"
    # Alice can now send to bob's new keys, and bob opens it.
    edit_case(team["alice"], case_id, summary="from alice")
    inbox.import_bundle(team["bob"], send(team, tmp_path, "alice", ["bob"]))
    assert get_case(team["bob"], case_id).summary == "from alice"
    # Carol, who had not heard from bob since, learns the keys from a later bundle too.
    preview = inbox.import_bundle(team["carol"], send(team, tmp_path, "bob", ["carol"]))
    assert preview.new_keys == (old_bob, new_bob)


def test_share_import_says_the_sender_has_new_keys(team, tmp_path, cli):
    _travel(team, tmp_path, "bob", [add_case(team["bob"], "Kept")])
    new_bob = _fp(team, "bob")
    path = send(team, tmp_path, "bob", ["alice"])
    team.close()
    result = cli(team.root / "alice", "share", "import", path)
    assert result.code == 0 and "new keys" in result.err and new_bob in result.err
    listed = json.loads(cli(team.root / "alice", "colleague", "list", "--json").out)
    assert {c["fingerprint"] for c in listed} == {new_bob, team.fp["carol"]}


def test_a_preview_does_not_change_the_colleague(team, tmp_path):
    old_bob = team.fp["bob"]
    _travel(team, tmp_path, "bob", [add_case(team["bob"], "Kept")])
    path = send(team, tmp_path, "bob", ["alice"])
    assert inbox.import_bundle(team["alice"], path, dry_run=True).new_keys[0] == old_bob
    with team["alice"].session() as session:
        assert session.get(ColleagueRow, old_bob) is not None


def test_a_key_change_not_vouched_for_by_a_known_key_is_refused(team, tmp_path):
    """Mallory replays bob's vouching with her own keys, or alters it: refused, unchanged."""
    _travel(team, tmp_path, "bob", [add_case(team["bob"], "Kept")])
    path = send(team, tmp_path, "bob", ["alice"])
    entries = open_plain(team["bob"], path)
    sig = entries[container.SIGNATURE]
    chain = json.loads(sig[64:])
    mallory = Identity.generate("mallory")
    from sharing_helpers import resign

    forged = resign(entries, mallory)
    chain[-1]["new"] = {"recipient": mallory.public.recipient,
                        "signing_key": mallory.public.signing_key}
    forged[container.SIGNATURE] = forged[container.SIGNATURE] + json.dumps(chain).encode()
    alice = team["alice"]
    target = tmp_path / "forged.vigil"
    seal(ordered(forged), [alice.identity.public.recipient], target)
    before = team.snapshot("alice")
    with pytest.raises(IntegrityError):
        inbox.import_bundle(alice, target)
    assert team.snapshot("alice") == before
