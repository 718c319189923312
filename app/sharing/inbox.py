# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Receiving bundles: from a file the user picked, or from the exchange folder.

The exchange folder is any folder a file-sync tool keeps in step (Syncthing, Nextcloud, a
shared drive). Vigil writes outgoing bundles there under a temporary hidden name, renamed
when complete, and picks up the bundles it can decrypt. Files still being synced are
skipped (hidden and temporary names, or an age stream that ends early) and tried again on
the next scan; bundles already applied are skipped by their ID. Anyone who knows this
vault's public age key can put a file there, so each file is refused on its own, in one
sentence, whatever goes wrong with it: one file never stops the scan of the others.
Nothing here applies a bundle the user has not reviewed: ``scan`` only verifies and
previews.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from app.errors import AuthenticationError, UserError, VigilError
from app.hygiene import log_event
from app.sharing import bundle, merge
from app.sharing.bundle import ExportResult, IncompleteBundle
from app.sharing.conflicts import record_label
from app.sharing.merge import Preview
from app.vault.sharing_tables import BundleLogRow, ColleagueRow
from app.vault.vault import Vault

FOLDER_META = "exchange_folder"
SUFFIX = ".vigil"
_PARTIAL_SUFFIXES = (".part", ".tmp", ".partial", ".crdownload", ".!sync", "~")


def import_bundle(vault: Vault, path: Path, *, dry_run: bool = False,
                  expect: str | None = None, allow_new_cases: bool = False) -> Preview:
    """Verify a bundle completely, then preview it (dry run) or apply it in one transaction.

    A bundle applied before is recognised by its ID and changes nothing (not an error).
    ``expect``: the ID of the bundle the user reviewed; a file swapped since (a sync tool
    replacing it) is refused rather than applied unseen.
    ``allow_new_cases``: in travel mode, the user agreed to cases not on this laptop
    (``merge.NotOnThisLaptop`` otherwise).
    """
    # One pass over the file: attachments go into the blob store (encrypted) as they are
    # read and hash-checked against the signed manifest; anything that fails, or is not
    # applied, has them discarded again.
    opened = bundle.open_bundle(vault, path, store_attachments=not dry_run, expect=expect)
    try:
        with vault.session() as session:
            applied = merge.already_applied(session, opened.manifest.bundle_id)
    except BaseException:
        opened.discard(vault)
        raise
    if applied:
        opened.discard(vault)
        return Preview(opened.manifest.bundle_id, opened.manifest.sender, already_applied=True)
    return merge.apply(vault, opened, dry_run=dry_run, allow_new_cases=allow_new_cases)


# -- the exchange folder ----------------------------------------------------------------------


def set_folder(vault: Vault, folder: Path | None) -> None:
    """Set (or, with None, unset) the exchange folder; refused in travel mode, where a sync
    tool would fill the laptop with bundles about the cases left at home."""
    if folder is None:
        vault.set_meta(FOLDER_META, "")
        return
    if vault.meta(merge.TRAVEL_MODE) is not None:
        raise UserError("This vault is prepared for travel: it uses no exchange folder. "
                        "Import bundles one by one from a file instead.")
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise UserError("The exchange folder does not exist.")
    vault.set_meta(FOLDER_META, str(folder.resolve()))


def folder_of(vault: Vault) -> Path | None:
    value = vault.meta(FOLDER_META)
    return Path(value) if value else None


def leave_folder(vault: Vault) -> int:
    """Stop using the exchange folder (travel mode); how many bundles lie there still.

    Those bundles were encrypted to this vault's keys before travel mode replaced them:
    the laptop can no longer open them, but whoever holds the old keys (the full backup)
    can, and their number and dates alone say what was exchanged.
    """
    folder = folder_of(vault)
    set_folder(vault, None)
    if folder is None or not folder.is_dir():
        return 0
    return sum(1 for path in folder.iterdir() if path.name.endswith(SUFFIX))


def _require_folder(vault: Vault) -> Path:
    folder = folder_of(vault)
    if folder is None or not folder.is_dir():
        raise UserError("No exchange folder is set, or it is not reachable.")
    return folder


def send_to_folder(vault: Vault, to: list[str], *, case_ids=None) -> tuple[Path, ExportResult]:
    folder = _require_folder(vault)
    staging = folder / f".outgoing{SUFFIX}"
    result = bundle.export_bundle(vault, to, staging, case_ids=case_ids)
    target = folder / f"{result.bundle_id}{SUFFIX}"
    staging.replace(target)
    return target, result


@dataclass
class Pending:
    path: Path
    preview: Preview


@dataclass
class ScanResult:
    pending: list[Pending] = field(default_factory=list)
    already_applied: list[Path] = field(default_factory=list)
    not_for_us: list[Path] = field(default_factory=list)
    incomplete: list[Path] = field(default_factory=list)  # tried again next time
    refused: list[tuple[Path, str]] = field(default_factory=list)


def is_candidate(path: Path) -> bool:
    name = path.name
    return (path.is_file() and name.endswith(SUFFIX) and not name.startswith((".", "~"))
            and not name.endswith(_PARTIAL_SUFFIXES))


def scan(vault: Vault) -> ScanResult:
    """Verify and preview every complete bundle in the folder addressed to this vault."""
    folder = _require_folder(vault)
    result = ScanResult()
    with vault.session() as session:
        done = set(session.scalars(select(BundleLogRow.bundle_id)))
    for path in sorted(folder.iterdir()):
        if not is_candidate(path):
            continue
        if path.name[: -len(SUFFIX)] in done:  # our own outgoing ones, and applied ones
            result.already_applied.append(path)
            continue
        try:
            preview = import_bundle(vault, path, dry_run=True)
        except AuthenticationError:
            result.not_for_us.append(path)
            continue
        except IncompleteBundle:
            result.incomplete.append(path)
            continue
        except VigilError as exc:
            result.refused.append((path, str(exc)))
            continue
        except Exception:
            result.refused.append((path, _unreadable()))
            continue
        if preview.already_applied:
            result.already_applied.append(path)
        else:
            result.pending.append(Pending(path, preview))
    return result


def _unreadable() -> str:
    """The sentence for a file that failed in a way Vigil did not foresee (a bug, or memory
    running out): logged by type only, as a file's content or name may be case data."""
    log_event("bundle.unreadable", level=logging.WARNING)
    return UNREADABLE


UNREADABLE = "Vigil could not read this bundle; nothing was changed."


# -- review before applying -------------------------------------------------------------------


@dataclass(frozen=True)
class Review:
    """What a person needs to decide on a bundle: who sent it, what it changes, by name."""

    path: Path
    preview: Preview
    sender_name: str
    new_cases: list[str]  # display names of the cases it adds
    conflicts: list[tuple[str, str]]  # (record name, field) of edits that would be kept aside


def review_bundle(vault: Vault, path: Path) -> Review:
    """Verify a bundle completely and preview it, naming its new cases and conflicts.

    Changes nothing; refuses (one sentence) exactly as ``import_bundle`` would.
    """
    opened = bundle.open_bundle(vault, path, store_attachments=False)
    names = {rec["id"]: str(rec.get("fields", {}).get("display_name") or "")
             for rec in opened.records if rec.get("kind") == "case"}
    with vault.session() as session:
        applied = merge.already_applied(session, opened.manifest.bundle_id)
    preview = Preview(opened.manifest.bundle_id, opened.manifest.sender,
                      already_applied=True) if applied else \
        merge.apply(vault, opened, dry_run=True)
    with vault.session() as session:
        colleague = session.get(ColleagueRow, preview.sender)
        conflicts = [(record_label(session, kind, record_id) or kind, name)
                     for kind, record_id, name in preview.conflicts]
    return Review(Path(path), preview, colleague.name if colleague is not None else "",
                  [names.get(case_id, "") for case_id in preview.new_case_ids], conflicts)


@dataclass(frozen=True)
class Settled:
    """A file the scan need not decrypt again while its size and time stay the same."""

    stamp: tuple[int, int]  # size, modification time (ns)
    reason: str | None  # why it is refused, in one sentence; None: not addressed to us


@dataclass
class ReviewScan:
    reviews: list[Review] = field(default_factory=list)  # newly verified, awaiting review
    waiting: set[str] = field(default_factory=set)  # file names still awaiting review
    incomplete: list[Path] = field(default_factory=list)  # tried again next time
    refused: list[tuple[Path, str]] = field(default_factory=list)
    settled: dict[str, Settled] = field(default_factory=dict)  # for the next scan


def scan_for_review(vault: Vault, *, skip: frozenset[str] = frozenset(),
                    settled: Mapping[str, Settled] | None = None) -> ReviewScan:
    """Like ``scan``, but each new bundle comes with its ``Review``; files named in ``skip``
    (already reviewed and queued) are only noted as still waiting, not decrypted again.

    ``settled`` is the previous scan's ``settled``: a file refused or not addressed to us
    is not decrypted again (a large bundle every minute) while its size and time stay as
    they were. A file that does not decrypt to its end is tried again once; if it has not
    changed by then, nothing is still copying it in, and it is refused as damaged.
    Whoever keeps ``settled`` drops it when colleagues change (a refusal may no longer
    hold).
    """
    folder = _require_folder(vault)
    settled = settled or {}
    result = ReviewScan()
    with vault.session() as session:
        done = set(session.scalars(select(BundleLogRow.bundle_id)))
    for path in sorted(folder.iterdir()):
        if not is_candidate(path) or path.name[: -len(SUFFIX)] in done:
            continue
        if path.name in skip:
            result.waiting.add(path.name)
            continue
        try:
            info = path.stat()
        except OSError:
            continue  # gone since the listing
        stamp = (info.st_size, info.st_mtime_ns)
        known = settled.get(path.name)
        if known is not None and known.stamp == stamp:
            result.settled[path.name] = known
            if known.reason is not None:
                result.refused.append((path, known.reason))
            continue
        try:
            review = review_bundle(vault, path)
        except AuthenticationError:
            result.settled[path.name] = Settled(stamp, None)
            continue
        except IncompleteBundle as exc:
            result.incomplete.append(path)
            result.settled[path.name] = Settled(stamp, str(exc))
            continue
        except VigilError as exc:
            result.refused.append((path, str(exc)))
            result.settled[path.name] = Settled(stamp, str(exc))
            continue
        except Exception:
            reason = _unreadable()
            result.refused.append((path, reason))
            result.settled[path.name] = Settled(stamp, reason)
            continue
        if not review.preview.already_applied:
            result.waiting.add(path.name)
            result.reviews.append(review)
    return result
