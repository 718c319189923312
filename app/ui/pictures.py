# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Pictures from the vault (photos, image attachments), decoded in memory from a few raster
formats that cannot name other files.

This module never decodes SVG, and never lets Qt choose the format by itself. An SVG can
name local files (``<image href>``) and Qt would read them, and Qt's format sniffing would
decode an SVG sent as "photo.png". The format is taken from the file's first bytes, and the
decoder for that format is the only one tried.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImageReader, QPixmap

# media types that can be shown (and so set as a case's photo)
SHOWN_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/bmp", "image/webp"})


def raster_format(data: bytes) -> bytes | None:
    """The Qt format name for ``data``, from its signature; None if it is not one we show."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return b"png"
    if data.startswith(b"\xff\xd8\xff"):
        return b"jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return b"gif"
    if data.startswith(b"BM"):
        return b"bmp"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return b"webp"
    return None


def picture(data: bytes | None) -> QPixmap | None:
    """``data`` as a pixmap, or None if it is not a picture in a format we show."""
    kind = raster_format(data or b"")
    if kind is None:
        return None
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, kind)
    reader.setAutoDetectImageFormat(False)  # only the decoder the signature names
    image = reader.read()
    return None if image.isNull() else QPixmap.fromImage(image)
