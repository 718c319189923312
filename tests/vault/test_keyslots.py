# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""keyslots.json and the recovery key: wrapping, purpose binding, KDF bounds, tampering,
atomic rewrites, typos."""

import hashlib
import json
import os
import secrets
import signal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vaults import OTHER_PASSPHRASE, PASSPHRASE, unlock

from app.errors import AuthenticationError, IntegrityError, UserError
from app.vault import keyslots as ks
from app.vault import recovery
from app.vault.keyslots import (
    KEYCHAIN,
    MIN_MEMORY_KIB,
    RECOVERY,
    KdfParams,
    Keyslots,
    Slot,
    calibrate,
    recovery_wrapping_key,
)
from app.vault.keyslots import (
    PASSPHRASE as PASSPHRASE_KIND,
)
from app.vault.recovery import ALPHABET, RecoveryKeyTypo
from app.vault.vault import Vault

# -- helpers --------------------------------------------------------------------------------


def read_doc(vault_dir):
    return json.loads((vault_dir / "keyslots.json").read_text())


def write_doc(vault_dir, doc, *, recompute_checksum=True):
    """Write an edited keyslots.json, as an attacker who knows the format would."""
    doc = dict(doc)
    if recompute_checksum:
        body = {k: v for k, v in doc.items() if k not in ("checksum", "mac")}
        doc["checksum"] = hashlib.sha256(ks._canonical(body)).hexdigest()
    (vault_dir / "keyslots.json").write_text(json.dumps(doc, indent=1))


@pytest.fixture
def no_argon2(monkeypatch):
    """Any Argon2id call fails the test: bounds must be checked before any allocation."""

    def forbidden(*args, **kwargs):
        pytest.fail("Argon2id was called with parameters that should have been refused")

    monkeypatch.setattr(ks, "Argon2id", forbidden)


def temp_files(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


# -- wrapping -------------------------------------------------------------------------------


def test_each_slot_kind_wraps_and_unwraps_the_vault_key():
    key = secrets.token_bytes(32)
    params = KdfParams.minimum()
    recovery_text, recovery_secret = recovery.generate()
    salt = secrets.token_bytes(32)
    keychain_secret = secrets.token_bytes(32)
    slots = (Keyslots.new()
             .with_slot(key, PASSPHRASE_KIND, params.derive(PASSPHRASE), kdf=params)
             .with_slot(key, RECOVERY, recovery_wrapping_key(recovery_secret, salt), salt=salt)
             .with_slot(key, KEYCHAIN, keychain_secret))

    assert slots.unlock_with_passphrase(PASSPHRASE) == key
    assert slots.unlock_with_recovery(recovery.parse(recovery_text)) == key
    assert slots.unlock_with_keychain(keychain_secret) == key
    with pytest.raises(AuthenticationError, match="Wrong passphrase"):
        slots.unlock_with_passphrase(OTHER_PASSPHRASE)
    with pytest.raises(AuthenticationError):
        slots.unlock_with_recovery(secrets.token_bytes(25))
    with pytest.raises(AuthenticationError):
        slots.unlock_with_keychain(secrets.token_bytes(32))


def test_passphrase_is_normalised_so_both_unicode_forms_unlock():
    key = secrets.token_bytes(32)
    params = KdfParams.minimum()
    composed = "pass phrase caf\u00e9 \u00e9t\u00e9"
    slots = Keyslots.new().with_slot(key, PASSPHRASE_KIND, params.derive(composed), kdf=params)
    decomposed = "pass phrase cafe\u0301 e\u0301te\u0301"
    assert slots.unlock_with_passphrase(decomposed) == key


def test_the_slot_purpose_is_bound_in_so_a_wrapped_key_cannot_move_between_kinds():
    key = secrets.token_bytes(32)
    wrapping = secrets.token_bytes(32)
    salt = secrets.token_bytes(32)
    slots = Keyslots.new().with_slot(key, KEYCHAIN, wrapping)
    keychain_slot = slots.slot(KEYCHAIN)
    assert slots.unlock_with_keychain(wrapping) == key

    # The same ciphertext presented as a recovery slot, decrypted with the same key: refused.
    moved = Slot(id=keychain_slot.id, kind=RECOVERY, nonce=keychain_slot.nonce,
                 wrapped=keychain_slot.wrapped, salt=salt)
    with pytest.raises(AuthenticationError):
        slots._unwrap(moved, wrapping)
    # ... as another slot id, or in another vault: refused too.
    renamed = Slot(id="0" * 16, kind=KEYCHAIN, nonce=keychain_slot.nonce,
                   wrapped=keychain_slot.wrapped)
    with pytest.raises(AuthenticationError):
        slots._unwrap(renamed, wrapping)
    other_vault = Keyslots("00000000-0000-4000-8000-000000000000", (keychain_slot,))
    with pytest.raises(AuthenticationError):
        other_vault.unlock_with_keychain(wrapping)


def test_the_kdf_parameters_are_bound_in():
    key = secrets.token_bytes(32)
    params = KdfParams.minimum()
    slots = Keyslots.new().with_slot(key, PASSPHRASE_KIND, params.derive(PASSPHRASE), kdf=params)
    slot = slots.slot(PASSPHRASE_KIND)
    # A wrapping key derived with other parameters would fail anyway; binding them in means
    # even the right wrapping key is refused once the stored parameters are edited.
    edited = Slot(slot.id, slot.kind, slot.nonce, slot.wrapped,
                  kdf=KdfParams(params.memory_kib, 2, params.lanes, params.salt))
    with pytest.raises(AuthenticationError):
        slots._unwrap(edited, params.derive(PASSPHRASE))


# -- KDF bounds ------------------------------------------------------------------------------

SALT = b"s" * 16
OUT_OF_BOUNDS = {
    "memory below 64 MiB": dict(memory_kib=MIN_MEMORY_KIB - 1),
    "memory 1 KiB": dict(memory_kib=1),
    "absurd memory 2**40 KiB": dict(memory_kib=2**40),
    "memory above 4 GiB": dict(memory_kib=4 * 1024 * 1024 + 1),
    "negative memory": dict(memory_kib=-65536),
    "iterations 0": dict(iterations=0),
    "iterations 1000": dict(iterations=1000),
    "lanes 0": dict(lanes=0),
    "lanes 10000": dict(lanes=10_000),
    "short salt": dict(salt=b"s" * 4),
}


def bad_params(**change):
    values = dict(memory_kib=MIN_MEMORY_KIB, iterations=1, lanes=4, salt=SALT)
    values.update(change)
    return KdfParams(**values)


@pytest.mark.parametrize("change", OUT_OF_BOUNDS.values(), ids=OUT_OF_BOUNDS.keys())
def test_out_of_bounds_kdf_parameters_are_refused_before_argon2(no_argon2, change):
    params = bad_params(**change)
    with pytest.raises(IntegrityError, match="restore a backup"):
        params.derive(PASSPHRASE)
    with pytest.raises(IntegrityError):
        KdfParams.from_json(params.to_json())


@pytest.mark.parametrize("field,value", [
    ("memory_kib", 2**40), ("memory_kib", 1024), ("iterations", 0), ("iterations", 1000),
    ("lanes", 0), ("memory_kib", "65536"), ("memory_kib", 65536.0), ("iterations", True),
    ("memory_kib", None),
])
def test_a_vault_with_edited_kdf_parameters_is_refused_before_argon2(
        vault_dir, no_argon2, field, value):
    doc = read_doc(vault_dir)
    slot = next(s for s in doc["slots"] if s["kind"] == "passphrase")
    slot["kdf"][field] = value
    write_doc(vault_dir, doc)  # even with a valid checksum
    with pytest.raises(IntegrityError, match="keyslots.json"):
        Vault.unlock(vault_dir, passphrase=PASSPHRASE)


def test_calibrate_returns_parameters_within_bounds():
    params = calibrate(target_seconds=0.5)
    params.check()
    assert params.memory_kib >= 64 * 1024
    assert 1 <= params.iterations <= ks.MAX_ITERATIONS


def test_minimum_parameters_are_the_floor():
    params = KdfParams.minimum()
    params.check()
    assert params.memory_kib == 64 * 1024


# -- an edited keyslots.json -----------------------------------------------------------------


def test_every_flipped_bit_in_keyslots_json_is_reported_as_damage(template_vault, vault_dir):
    path = vault_dir / "keyslots.json"
    original = path.read_bytes()
    caught_after_unlock = 0
    for offset in range(len(original)):
        for mask in (0x01, 0x20):
            data = bytearray(original)
            data[offset] ^= mask
            path.write_bytes(bytes(data))
            try:
                loaded = Keyslots.load(path)
            except IntegrityError:
                continue
            # Only the MAC's own text can change without breaking the checksum (or a
            # case change in hex that JSON parsing does not see); the MAC catches it.
            with pytest.raises(IntegrityError):
                loaded.verify_mac(template_vault.key)
            caught_after_unlock += 1
    assert 0 < caught_after_unlock <= 2 * 64


@pytest.mark.parametrize("edit", ["truncated", "empty", "not json", "array", "no slots",
                                  "unknown kind", "short nonce", "missing"])
def test_a_broken_keyslots_json_is_damage_not_a_wrong_passphrase(vault_dir, edit):
    path = vault_dir / "keyslots.json"
    doc = read_doc(vault_dir)
    if edit == "truncated":
        path.write_bytes(path.read_bytes()[:-40])
    elif edit == "empty":
        path.write_bytes(b"")
    elif edit == "not json":
        path.write_bytes(b"\xff\xfe garbage")
    elif edit == "array":
        path.write_text("[]")
    elif edit == "no slots":
        doc["slots"] = []
        write_doc(vault_dir, doc)
    elif edit == "unknown kind":
        doc["slots"][0]["kind"] = "fingerprint-reader"
        write_doc(vault_dir, doc)
    elif edit == "short nonce":
        doc["slots"][0]["nonce"] = "AAAA"
        write_doc(vault_dir, doc)
    elif edit == "missing":
        path.unlink()
        (vault_dir / "keyslots.json").mkdir()  # is_vault() says no: a clear UserError
    if edit == "missing":
        with pytest.raises(Exception, match="No vault") as caught:
            Vault.unlock(vault_dir, passphrase=PASSPHRASE)
        assert caught.value.exit_code == 1
        return
    with pytest.raises(IntegrityError, match="keyslots.json"):
        Vault.unlock(vault_dir, passphrase=PASSPHRASE)


def test_a_changed_parameter_without_a_new_checksum_is_damage(vault_dir):
    doc = read_doc(vault_dir)
    next(s for s in doc["slots"] if s["kind"] == "passphrase")["kdf"]["iterations"] = 2
    write_doc(vault_dir, doc, recompute_checksum=False)
    with pytest.raises(IntegrityError):
        Vault.unlock(vault_dir, passphrase=PASSPHRASE)


def test_a_changed_parameter_with_a_new_checksum(template_vault, vault_dir):
    """Within bounds, with the checksum recomputed: the passphrase can no longer tell this
    from a wrong passphrase (nothing without the key can), so it is exit 3; the recovery
    key unlocks and the MAC over the slots reports the edit as damage (exit 4)."""
    doc = read_doc(vault_dir)
    next(s for s in doc["slots"] if s["kind"] == "passphrase")["kdf"]["iterations"] = 2
    write_doc(vault_dir, doc)
    with pytest.raises(AuthenticationError) as caught:
        Vault.unlock(vault_dir, passphrase=PASSPHRASE)
    assert caught.value.exit_code == 3
    # The message says so: a caseworker sure of the passphrase tries the recovery key.
    assert str(caught.value).startswith("Wrong passphrase, or the ")
    assert "key slots" in str(caught.value) and "changed" in str(caught.value)
    with pytest.raises(IntegrityError, match="keyslots.json"):
        Vault.unlock(vault_dir, recovery_key=template_vault.recovery_key)


@pytest.mark.parametrize("removed", ["passphrase", "recovery"])
def test_a_removed_slot_with_a_new_checksum_is_damage(template_vault, vault_dir, removed):
    doc = read_doc(vault_dir)
    doc["slots"] = [s for s in doc["slots"] if s["kind"] != removed]
    write_doc(vault_dir, doc)
    with pytest.raises(IntegrityError, match="keyslots.json"):
        Vault.unlock(vault_dir, passphrase=PASSPHRASE)
    with pytest.raises(IntegrityError, match="keyslots.json"):
        Vault.unlock(vault_dir, recovery_key=template_vault.recovery_key)


def test_an_added_slot_with_a_new_checksum_is_damage(vault_dir):
    """Someone without the vault key adds a keychain slot wrapping a key of their own."""
    doc = read_doc(vault_dir)
    planted = Keyslots(doc["vault_id"], ()).with_slot(
        secrets.token_bytes(32), KEYCHAIN, secrets.token_bytes(32)).slots[0]
    doc["slots"].append(planted.to_json())
    write_doc(vault_dir, doc)
    with pytest.raises(IntegrityError, match="keyslots.json"):
        Vault.unlock(vault_dir, passphrase=PASSPHRASE)


def test_a_wrong_passphrase_is_an_authentication_error(vault_dir):
    with pytest.raises(AuthenticationError, match="Wrong passphrase") as caught:
        Vault.unlock(vault_dir, passphrase=OTHER_PASSPHRASE)
    assert caught.value.exit_code == 3


# -- atomic rewrites --------------------------------------------------------------------------


def test_a_failed_rename_leaves_the_old_slots_working_and_no_temp_file(vault_dir, monkeypatch):
    before = (vault_dir / "keyslots.json").read_bytes()
    with unlock(vault_dir) as vault:
        def broken_replace(*args, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr("app.vault.fsutil.os.replace", broken_replace)
        with pytest.raises(UserError, match="disk is full"):  # a sentence, not a traceback
            vault.change_passphrase(OTHER_PASSPHRASE, kdf=KdfParams.minimum())
        monkeypatch.undo()
        assert temp_files(vault_dir) == []
    assert (vault_dir / "keyslots.json").read_bytes() == before
    unlock(vault_dir).close()


def fork_and_run(work) -> int:
    """Run ``work`` in a forked child; return its wait status (the child never returns)."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover (child)
        code = 0
        try:
            work()
        except BaseException:
            code = 3
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return status


def _kill_self():
    os.kill(os.getpid(), signal.SIGKILL)


STEPS = ["before fsync", "before rename", "after rename", "before folder fsync"]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork()")
@pytest.mark.parametrize("step", STEPS)
def test_a_kill_at_any_step_of_a_rewrite_leaves_old_or_new_slots_working(
        vault_dir, template_vault, step):
    from app.vault import fsutil

    def child():
        vault = unlock(vault_dir)
        real_replace, real_fsync = os.replace, os.fsync
        if step == "before fsync":
            fsutil.os.fsync = lambda fd: _kill_self()
        elif step == "before rename":
            fsutil.os.replace = lambda *a: _kill_self()
        elif step == "after rename":
            fsutil.os.replace = lambda *a: (real_replace(*a), _kill_self())
        else:
            fsutil.fsync_dir = lambda path: _kill_self()
        try:
            vault.change_passphrase(OTHER_PASSPHRASE, kdf=KdfParams.minimum())
        finally:
            fsutil.os.replace, fsutil.os.fsync = real_replace, real_fsync

    status = fork_and_run(child)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL

    renamed = step in ("after rename", "before folder fsync")
    if not renamed:
        assert len(temp_files(vault_dir)) == 1  # what the killed process left
    good, bad = (OTHER_PASSPHRASE, PASSPHRASE) if renamed else (PASSPHRASE, OTHER_PASSPHRASE)
    with pytest.raises(AuthenticationError):
        Vault.unlock(vault_dir, passphrase=bad, daily_backup=False)
    unlock(vault_dir, passphrase=good).close()
    assert temp_files(vault_dir) == []  # the next unlock cleared it
    unlock(vault_dir, recovery_key=template_vault.recovery_key).close()


# -- the recovery key -------------------------------------------------------------------------


def test_recovery_key_round_trip_and_shape():
    text, secret = recovery.generate()
    groups = text.split("-")
    assert len(groups) == 9 and all(len(g) == 5 for g in groups)
    assert set(text.replace("-", "")) <= set(ALPHABET)
    assert recovery.parse(text) == secret
    assert recovery.format_key(secret) == text


def test_recovery_key_input_is_forgiving():
    text, secret = recovery.generate()
    assert recovery.parse(text.lower()) == secret
    assert recovery.parse(text.replace("-", " ")) == secret
    assert recovery.parse("  " + text.replace("-", "") + "\n") == secret
    assert recovery.parse(" - ".join(text.split("-"))) == secret
    confusable = text.replace("0", "O").replace("1", "I")
    assert recovery.parse(confusable) == secret
    assert recovery.parse(text.replace("1", "l")) == secret
    assert recovery.parse(text.replace("1", "L").lower()) == secret


def _substitutions(text):
    """Every single-character substitution of a key by a character that means another value."""
    chars = list(text.replace("-", ""))
    for index, original in enumerate(chars):
        for replacement in ALPHABET:
            if replacement != original:
                typo = chars.copy()
                typo[index] = replacement
                yield "".join(typo)


FIXED_SECRETS = [bytes(25), bytes(range(25)), b"\xff" * 25,
                 bytes.fromhex("7a" * 12 + "01" + "c3" * 12)]


@pytest.mark.parametrize("secret", FIXED_SECRETS, ids=["zeros", "counting", "ones", "mixed"])
def test_every_single_character_typo_of_fixed_keys_is_reported_as_a_typo(secret):
    """All 45 x 31 substitutions of these keys are caught. In general a substitution
    in the 40 secret characters slips past the 25-bit check with probability 2**-25;
    one in the check group itself is always caught."""
    text = recovery.format_key(secret)
    count = 0
    for typo in _substitutions(text):
        with pytest.raises(RecoveryKeyTypo, match="check"):
            recovery.parse(typo)
        count += 1
    assert count == 45 * 31


@settings(max_examples=300, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(secret=st.binary(min_size=25, max_size=25), position=st.integers(0, 44),
       shift=st.integers(1, 31), swap=st.booleans())
def test_single_character_typos_and_swaps_are_typos(secret, position, shift, swap):
    """Derandomized: a fixed, reproducible set of examples (see the 2**-25 note above)."""
    chars = list(recovery.format_key(secret).replace("-", ""))
    if swap:  # two neighbours swapped, when they differ
        other = (position + 1) % 45
        if chars[position] == chars[other]:
            return
        chars[position], chars[other] = chars[other], chars[position]
    else:
        chars[position] = ALPHABET[(ALPHABET.index(chars[position]) + shift) % 32]
    with pytest.raises(RecoveryKeyTypo) as caught:
        recovery.parse("".join(chars))
    assert "check" in str(caught.value)


@pytest.mark.parametrize("text", ["", "ABCDE", "0" * 44, "0" * 46, "U" * 45, "!" * 45])
def test_a_key_of_the_wrong_shape_is_a_typo(text):
    with pytest.raises(RecoveryKeyTypo, match="check"):
        recovery.parse(text)


def test_a_wrong_but_valid_recovery_key_is_an_authentication_error(vault_dir):
    other_text, _ = recovery.generate()
    with pytest.raises(AuthenticationError) as caught:
        Vault.unlock(vault_dir, recovery_key=other_text)
    assert not isinstance(caught.value, RecoveryKeyTypo)
    assert caught.value.exit_code == 3
    assert "does not open this vault" in str(caught.value)
