# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The archive parsed as age writes it: whatever the sizes of the pieces, the same members
with the same bytes; anything but plain ustar of allowed names is refused."""

from __future__ import annotations

import io
import tarfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.sharing import container

ATTACHMENT = "attachments/0b9e2f4c-1d2a-4c8e-9f00-5a6b7c8d9e0f"
ENTRIES = [(container.MANIFEST, b"{}" * 300), (container.SIGNATURE, b""),
           (container.RECORDS, bytes(range(256)) * 3), (ATTACHMENT, b"z" * 70_000)]


def archive(entries=ENTRIES) -> bytes:
    return b"".join(container.archive_chunks(
        [container.Entry(n, len(d), (lambda d=d: [d])) for n, d in entries], 0))


class Collect:
    def __init__(self) -> None:
        self.members: list[tuple[str, bytes]] = []

    def begin(self, name: str, size: int) -> Collect:
        self.members.append((name, b""))
        return self

    def data(self, piece) -> None:
        name, got = self.members[-1]
        self.members[-1] = (name, got + bytes(piece))

    def end(self) -> None:
        pass


def parse(data: bytes, sizes: list[int], limit: int = 1 << 30) -> Collect:
    collect = Collect()
    parser = container.ArchiveParser(collect.begin, limit)
    start, k = 0, 0
    while start < len(data):
        size = sizes[k % len(sizes)] if sizes else len(data)
        parser.write(data[start:start + size])
        start, k = start + size, k + 1
    parser.close()
    return collect


@settings(max_examples=40, deadline=None, derandomize=True)
@given(sizes=st.lists(st.integers(1, 20_000), min_size=1, max_size=8))
def test_any_split_gives_the_same_members(sizes):
    assert parse(archive(), sizes).members == ENTRIES


def test_extended_headers_and_other_types_are_refused():
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as writer:
        info = tarfile.TarInfo(container.MANIFEST)
        info.pax_headers = {"comment": "x"}
        writer.addfile(info, io.BytesIO(b""))
    with pytest.raises(container.BadArchive):
        parse(buffer.getvalue(), [8192])
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as writer:
        info = tarfile.TarInfo(container.MANIFEST)
        info.type = tarfile.SYMTYPE
        info.linkname = "/etc/passwd"
        writer.addfile(info)
    with pytest.raises(container.BadArchive):
        parse(buffer.getvalue(), [8192])


def test_a_damaged_header_or_an_end_inside_a_member_is_refused():
    data = bytearray(archive())
    data[140] ^= 1  # the first header's mtime: only its checksum tells
    with pytest.raises(container.BadArchive):
        parse(bytes(data), [8192])
    with pytest.raises(container.BadArchive):
        parse(archive()[:3 * container.BLOCK + 100], [8192])


def test_bytes_past_the_limit_are_refused_even_after_the_end():
    data = archive()
    assert parse(data + bytes(1000), [8192], limit=len(data) + 1000).members == ENTRIES
    with pytest.raises(container.TooLarge):
        parse(data + bytes(1001), [8192], limit=len(data) + 1000)


def with_size(field: bytes) -> bytes:
    """The archive's first header with its 12-byte size field replaced, checksum fixed."""
    header = bytearray(archive()[:container.BLOCK])
    header[124:136] = field
    header[148:156] = b" " * 8
    header[148:156] = b"%06o\0 " % sum(header)
    return bytes(header)


@pytest.mark.parametrize("field", [b"\x80" + (2 ** 80).to_bytes(11, "big"),  # base-256, huge
                                   b"\xff" * 12,  # base-256, -1
                                   b"77777777777\0"])  # octal, 8 GiB
def test_a_header_claiming_a_huge_or_negative_size_is_refused_at_once(field):
    with pytest.raises((container.BadArchive, container.TooLarge)):
        parse(with_size(field), [container.BLOCK], limit=1 << 20)


def test_the_parser_is_not_fed_again_after_a_refusal():
    """pyrage calls ``write`` again with the same piece after it raised: the bundle
    reader answers with the first error, without parsing further."""
    from app.sharing.unpacking import Reading

    reading = Reading.__new__(Reading)  # only the parts ``write`` uses
    reading.error = None
    reading.parser = container.ArchiveParser(Collect().begin, 1 << 20)
    damaged = bytearray(archive()[:container.BLOCK])
    damaged[140] ^= 1
    with pytest.raises(container.BadArchive) as first:
        reading.write(bytes(damaged))
    reading.parser = None  # fed again, it would fail differently (AttributeError)
    with pytest.raises(container.BadArchive) as again:
        reading.write(bytes(damaged))
    assert again.value is first.value
