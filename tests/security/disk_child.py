# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Run by test_disk_faults.py inside ``unshare --mount --map-root-user``: a small tmpfs
(a full disk) and a read-only bind mount, private to this process tree. Runs ``vigil`` in
child processes and prints one JSON object of what it saw.

Usage: disk_child.py TEMPLATE_VAULT WORK_DIR PASSPHRASE_FILE NEW_PASSPHRASE_FILE BIG_JSON
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VIGIL = ("import sys, app.vault.vault as v; from app.vault.keyslots import KdfParams; "
         "v.calibrate = lambda *a, **k: KdfParams.minimum(); from app.cli import main; "
         "sys.exit(main(sys.argv[1:]))")


def vigil(*argv) -> dict:
    proc = subprocess.run([sys.executable, "-c", VIGIL, *map(str, argv)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)
    return {"code": proc.returncode, "err": proc.stderr.strip()}


def vigil_out(*argv) -> str:
    proc = subprocess.run([sys.executable, "-c", VIGIL, *map(str, argv)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=True)
    return proc.stdout.strip()


def colleague_keys() -> tuple[str, str]:
    """A made-up colleague's public keys (age recipient, Ed25519 signing key)."""
    import base64

    import pyrage
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    recipient = str(pyrage.x25519.Identity.generate().to_public())
    raw = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return recipient, base64.b64encode(raw).decode()


def mount_tmpfs(where: Path, size: str) -> None:
    where.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=700", "tmpfs",
                    str(where)], check=True)


def fill(folder: Path, leave: int) -> Path:
    """Fill the file system of ``folder`` until about ``leave`` bytes are free."""
    filler = folder / "filler"
    stat = os.statvfs(folder)
    free = stat.f_bavail * stat.f_frsize
    with open(filler, "wb") as handle:
        handle.write(b"\0" * max(0, free - leave))
    return filler


def names(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def main() -> None:
    template, work, passfile, newfile, big = map(Path, sys.argv[1:6])
    pf = ["--passphrase-file", passfile]
    seen = {}

    # 1. Full disk while importing into the vault (a vault write).
    disk = work / "disk1"
    mount_tmpfs(disk, "16m")
    vault = disk / "vault"
    shutil.copytree(template, vault)
    assert vigil("backup", "--vault", vault, "-o", work / "warm.vigil", *pf)["code"] == 0
    filler = fill(disk, 64 * 1024)
    seen["import_full"] = vigil("import", big, "--vault", vault, *pf)
    seen["import_full_files"] = names(vault)
    filler.unlink()
    seen["import_after_space"] = vigil("cases", "--json", "--vault", vault, *pf)

    # 2. Full disk while changing the passphrase (keyslots.json rewritten).
    filler = fill(disk, 0)
    seen["passwd_full"] = vigil("passwd", "--vault", vault, "--new-passphrase-file", newfile, *pf)
    filler.unlink()
    seen["passwd_old_still_works"] = vigil("cases", "--vault", vault, *pf)

    # 3. Full disk at the backup's destination (the vault elsewhere has room).
    dest = work / "disk2"
    mount_tmpfs(dest, "1m")
    filler = fill(dest, 16 * 1024)
    seen["backup_full"] = vigil("backup", "--vault", vault, "-o", dest / "copy.vigil", *pf)
    seen["backup_full_files"] = names(dest)

    # 3b. The same full disk where a dossier and a bundle go (one case in the vault now).
    case_id = "5a5a5a5a-5a5a-4a5a-8a5a-5a5a5a5a5a5a"
    one = work / "one.json"
    more = [{"id": f"5a5a5a5a-5a5a-4a5a-8a5a-{i:012d}", "display_name": f"Case {i}",
             "summary": "s" * 500} for i in range(200)]  # a bundle far bigger than any slack
    one.write_text(json.dumps({"format": "vigil-interchange", "version": 1, "cases": [
        {"id": case_id, "display_name": "Disk Full 王", "status": "rsdl"}, *more]}),
        encoding="utf-8")
    assert vigil("import", one, "--vault", vault, *pf)["code"] == 0
    filler.unlink()
    filler = fill(dest, 0)  # not one block left: even a one-record bundle does not fit
    seen["dossier_full"] = vigil("dossier", "--case", case_id, "--profile", "internal",
                                 "--recipient", "Desk", "-o", dest / "d.pdf", "--vault", vault,
                                 *pf)
    recipient, signing = colleague_keys()
    fp = vigil_out("colleague", "add", "Colleague", "--recipient", recipient, "--signing-key",
                   signing, "--vault", vault, *pf)
    seen["bundle_full"] = vigil("share", "export", "--to", fp, "-o", dest / "b.vigil",
                                "--vault", vault, *pf)
    seen["dossier_bundle_full_files"] = names(dest)
    filler.unlink()
    seen["bundle_after_space"] = vigil("share", "export", "--to", fp, "-o", dest / "b.vigil",
                                       "--vault", vault, *pf)

    # 4. A read-only vault folder (a read-only bind mount: root ignores file modes).
    readonly = work / "readonly"
    readonly.mkdir()
    subprocess.run(["mount", "--bind", "-o", "ro", str(vault), str(readonly)], check=True)
    subprocess.run(["mount", "-o", "remount,bind,ro", str(readonly)], check=True)
    before = {p: (readonly / p).read_bytes() for p in names(readonly)
              if (readonly / p).is_file()}
    seen["readonly_cases"] = vigil("cases", "--vault", readonly, *pf)
    seen["readonly_import"] = vigil("import", big, "--vault", readonly, *pf)
    seen["readonly_unchanged"] = all((readonly / p).read_bytes() == data
                                     for p, data in before.items())
    print(json.dumps(seen, ensure_ascii=False))


if __name__ == "__main__":
    main()
