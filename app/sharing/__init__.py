# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Sharing case files between staff as encrypted, signed bundles (DESIGN.md section 5).

A ``.vigil`` bundle is a standard age v1 file (X25519 recipients: the chosen colleagues
and the sender) whose plaintext is a POSIX ustar archive, in this order:

    manifest.json              format "vigil-bundle", version 1, bundle ID, created time,
                               scope, sender (fingerprint, age recipient, signing key),
                               recipients' fingerprints (sender included), records file
                               SHA-256 and size with [kind, id, version] of every record,
                               [id, SHA-256, size] of every attachment, and the newest
                               clock stamp the sender has seen per author ("seen")
    manifest.sig               Ed25519 over the exact bytes of manifest.json (64 bytes)
    records.json               {"format": "vigil-bundle-records", "records": [...]}: one
                               record per synced row (see ``records``)
    attachments/<id>           the decrypted attachment bytes, protected only by age

``age -d -i KEY bundle.vigil`` gives the archive in an emergency. Modules: ``container``
(the archive as a stream), ``manifest`` (build, sign, verify), ``records`` (rows as
records; what a bundle carries), ``bundle`` (export; open and verify), ``merge`` (apply),
``conflicts`` (review and resolve), ``colleagues``, ``inbox`` (import and the exchange
folder). Nothing here imports Qt, and nothing here writes decrypted bundle content to a
file.
"""
