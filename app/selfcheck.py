# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""``vigil --self-check``: prove an installed Vigil works, end to end, on fictional data.

Everything happens in a temporary folder that is removed afterwards; nothing touches the
network or the user's vault. It must never print case data beyond its own invented name,
and it reaches Qt only through ``app.ui`` in the window step (the rest runs headless).
"""

from __future__ import annotations

import io
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

PASSPHRASE = "self-check passphrase, not a secret"  # noqa: S105 (a throwaway vault)
NAME_ORIGINAL = "王晓澄"  # invented for this check
DISPLAY_NAME = "Wang Xiaocheng"
ATTACHMENT = "自检附件 · self-check attachment\n".encode() * 64


class NotBuilt(Exception):
    """A part of the app that this build does not contain."""


class _Check:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.vault_dir = folder / "vault"
        self.vault = None
        self.case_id: str | None = None

    def vault_created(self) -> str:
        from app.vault.keyslots import KdfParams
        from app.vault.vault import Vault

        self.vault, _ = Vault.create(self.vault_dir, PASSPHRASE, name="Self-check",
                                     kdf=KdfParams.minimum())
        return "vault created"

    def case_written(self) -> str:
        from app.domain.model import Case
        from app.services.cases import get_case, new_id, save_case

        self.case_id = new_id()
        with self.vault.session() as session:
            save_case(session, Case(id=self.case_id, display_name=DISPLAY_NAME,
                                    name_original=NAME_ORIGINAL))
        with self.vault.session() as session:
            back = get_case(session, self.case_id)
        if back.name_original != NAME_ORIGINAL or back.display_name != DISPLAY_NAME:
            raise AssertionError("the case read back differs")
        return f"case written and read back ({NAME_ORIGINAL})"

    def interchange_checked(self) -> str:
        """Export and read back as interchange JSON: the packaged schema and jsonschema."""
        import json

        from app.services.bulk import export_document
        from app.services.interchange import dump_document, load_json_bytes, parse_document

        with self.vault.session() as session:
            text = json.dumps(dump_document(export_document(session)), ensure_ascii=False)
        back = parse_document(load_json_bytes(text.encode("utf-8")))
        if [c.name_original for c in back.cases] != [NAME_ORIGINAL]:
            raise AssertionError("the exported case read back differs")
        return "exported and checked against the interchange schema"

    def attachment_stored(self) -> str:
        from app.services import attachments

        made = attachments.add_attachment(self.vault, self.case_id, io.BytesIO(ATTACHMENT),
                                          "self-check.txt")
        if attachments.read_attachment(self.vault, made.id) != ATTACHMENT:
            raise AssertionError("the attachment read back differs")
        return "attachment stored and read back"

    def bundle_sealed(self) -> str:
        try:
            from app.sharing import bundle
        except ImportError as exc:
            raise NotBuilt from exc
        from app.sharing import colleagues
        from app.vault.identity import Identity

        # A fictional colleague: a bundle always names one; this vault is always a recipient.
        other = Identity.generate("Self-check colleague").public
        with self.vault.session() as session:
            colleague = colleagues.add_colleague(
                session, self.vault.identity, "Self-check colleague", other.recipient,
                other.signing_key, verified=True,
                now=self.vault.clock().isoformat(timespec="seconds"))
        target = self.folder / "self-check.vigil"
        result = bundle.export_bundle(self.vault, [colleague.fingerprint], target,
                                      case_ids=[self.case_id])
        opened = bundle.open_bundle(self.vault, target, store_attachments=False)
        opened.discard(self.vault)
        ids = {r.get("id") for r in opened.records}
        if self.case_id not in ids:
            raise AssertionError("the bundle did not carry the case")
        return f"bundle sealed and opened ({result.records} records)"

    def dossier_rendered(self) -> str:
        try:
            from app.dossier.model import Profile
            from app.dossier.pdf import write_dossier
            from app.services import dossier_data
        except ImportError as exc:
            raise NotBuilt from exc
        today = self.vault.clock().date()
        material = dossier_data.for_cases(self.vault, [self.case_id], today)
        dossier = dossier_data.dossier_input(
            material, "Self-check", today,
            read_photo=partial(dossier_data.read_photo, self.vault))
        out = io.BytesIO()
        report = write_dossier(dossier, Profile.INTERNAL, out)
        if not out.getvalue().startswith(b"%PDF") or report.pages < 1:
            raise AssertionError("no PDF came out")
        return f"dossier rendered ({report.pages} page{'s' if report.pages > 1 else ''})"

    def window_opened(self) -> str:
        try:
            from app.ui.smoke import open_and_close_main_window
        except ImportError as exc:
            raise NotBuilt from exc
        vault, self.vault = self.vault, None  # the window owns (and closes) it from here
        platform = open_and_close_main_window(self.vault_dir, vault)
        return f"main window opened and closed ({platform})"

    def close(self) -> None:
        if self.vault is not None:
            self.vault.close()
            self.vault = None


def run(out=None) -> int:
    """Run every step, one line each; 0 if all passed, 1 otherwise."""
    out = out or sys.stdout
    started = time.monotonic()
    folder = Path(tempfile.mkdtemp(prefix="vigil-selfcheck-"))
    check = _Check(folder)
    steps: list[tuple[str, Callable[[], str]]] = [
        ("vault created", check.vault_created),
        ("case written and read back", check.case_written),
        ("interchange JSON checked", check.interchange_checked),
        ("attachment stored and read back", check.attachment_stored),
        ("bundle sealed and opened", check.bundle_sealed),
        ("dossier rendered", check.dossier_rendered),
        ("main window opened and closed", check.window_opened),
    ]
    failed = 0
    try:
        for label, step in steps:
            try:
                print(f"ok    {step()}", file=out, flush=True)
            except NotBuilt:
                failed += 1
                print(f"FAIL  {label}: not built", file=out, flush=True)
            except Exception as exc:  # report the kind, never a message (it may hold data)
                failed += 1
                print(f"FAIL  {label}: {type(exc).__name__}", file=out, flush=True)
    finally:
        check.close()
        shutil.rmtree(folder, ignore_errors=True)
    left = " (temporary folder left behind!)" if folder.exists() else ""
    if left:
        failed += 1
    print(f"{'FAIL' if failed else 'ok  '}  self-check: {len(steps) - failed} of {len(steps)} "
          f"steps passed in {time.monotonic() - started:.1f} s{left}", file=out, flush=True)
    return 1 if failed else 0
