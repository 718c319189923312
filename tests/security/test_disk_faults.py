# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A full disk and a read-only vault folder: a clear message, and no committed data lost.

The real thing where the kernel lets us: a small tmpfs and a read-only bind mount inside
``unshare --mount --map-root-user`` (disk_child.py). Where it does not (a container without
user namespaces), that test is skipped with the reason, and the simulated tests below (the
same errors raised by monkeypatched calls) still run.
"""

import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from vaults import PASSPHRASE, unlock

from app.errors import UserError
from app.vault import fsutil, lock

CHILD = Path(__file__).with_name("disk_child.py")
ROOT = CHILD.parents[2]


def namespaces_work() -> str | None:
    """None if we can mount a tmpfs in a private mount namespace, else why not."""
    if shutil.which("unshare") is None:
        return "needs unshare (util-linux)"
    probe = subprocess.run(["unshare", "--mount", "--map-root-user", "sh", "-c",
                            "mount -t tmpfs -o size=64k tmpfs /mnt"],
                           capture_output=True, text=True, check=False)
    if probe.returncode != 0:
        return f"cannot mount a tmpfs in a user namespace here: {probe.stderr.strip()[:120]}"
    return None


def cases_json(path: Path, n: int) -> Path:
    import uuid

    path.write_text(json.dumps({"format": "vigil-interchange", "version": 1, "cases": [
        {"id": str(uuid.uuid4()), "display_name": f"Case {i}", "summary": "s" * 300}
        for i in range(n)]}), encoding="utf-8")
    return path


@pytest.mark.slow
def test_full_disk_and_read_only_folder_for_real(template_vault, tmp_path, passphrase_file):
    why = namespaces_work()
    if why:
        pytest.skip(why)
    new = tmp_path / "new.txt"
    new.write_text("a brand new passphrase\n", encoding="utf-8")
    proc = subprocess.run(
        ["unshare", "--mount", "--map-root-user", sys.executable, str(CHILD),
         str(template_vault.path), str(tmp_path), str(passphrase_file), str(new),
         str(cases_json(tmp_path / "big.json", 3000))],
        capture_output=True, text=True, timeout=300, check=False, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr[-3000:]
    seen = json.loads(proc.stdout)
    disk_full = "vigil: The disk is full: free some space and try again."

    # A vault write (import) on a full disk: refused clearly, in one piece afterwards.
    assert seen["import_full"]["code"] == 1
    assert seen["import_full"]["err"].startswith(disk_full)
    assert not any(n.endswith(".tmp") for n in seen["import_full_files"])
    assert seen["import_after_space"]["code"] == 0
    # A passphrase change on a full disk: an error, and the old passphrase still works.
    assert seen["passwd_full"]["code"] == 1
    assert "Traceback" not in seen["passwd_full"]["err"]
    assert seen["passwd_old_still_works"]["code"] == 0
    # A backup to a full disk: a clear message, no partial or temporary file left.
    assert seen["backup_full"]["code"] == 1  # the database copy or the file fills the disk
    assert seen["backup_full"]["err"].startswith(disk_full)
    assert seen["backup_full_files"] == ["filler"]
    # A dossier and a bundle to a full disk: a clear message each, nothing left behind, and
    # the bundle goes out once there is room (the failed one did not count as sent).
    for key in ("dossier_full", "bundle_full"):
        assert seen[key]["code"] == 1, seen[key]
        assert "disk is full" in seen[key]["err"] and "Traceback" not in seen[key]["err"]
    assert seen["dossier_bundle_full_files"] == ["filler"]
    assert seen["bundle_after_space"]["code"] == 0
    # A read-only vault folder: one plain sentence, not an internal error; nothing changed.
    for key in ("readonly_cases", "readonly_import"):
        assert seen[key]["code"] == 1
        assert seen[key]["err"] == f"vigil: {lock.READ_ONLY}"
    assert seen["readonly_unchanged"]


# -- simulated, where mounts are not possible ---------------------------------------------

@pytest.mark.parametrize(("code", "words"), [(errno.ENOSPC, "disk is full"),
                                             (errno.EROFS, "read-only")])
def test_a_failed_atomic_write_is_a_clear_error_and_keeps_the_old_file(tmp_path, monkeypatch,
                                                                       code, words):
    target = tmp_path / "keyslots.json"
    target.write_bytes(b"old")

    def failing_fsync(fd):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(fsutil.os, "fsync", failing_fsync)
    with pytest.raises(UserError, match=words):
        fsutil.atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keyslots.json"]


def test_a_read_only_vault_folder_is_a_clear_error(vault_dir, monkeypatch):
    real_open = os.open

    def read_only(path, flags, *args):
        if str(path).endswith("vault.lock"):
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(path, flags, *args)

    monkeypatch.setattr(lock.os, "open", read_only)
    with pytest.raises(UserError, match="read-only"):
        unlock(vault_dir, passphrase=PASSPHRASE)
