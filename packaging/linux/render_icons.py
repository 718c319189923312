# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Render the Vigil SVG icon to PNGs (Linux hicolor sizes), a Windows .ico and a macOS .icns.

Run from the repository root: ``uv run python packaging/linux/render_icons.py``.
Uses Qt's SVG renderer, so it needs nothing beyond the app's own dependencies.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

HERE = Path(__file__).resolve().parent
PACKAGING = HERE.parent
SVG = HERE / "icons" / "org.vigil.Vigil.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def write_ico(images: dict[int, bytes], target: Path) -> None:
    """A .ico holding PNG entries (supported since Windows Vista)."""
    sizes = [s for s in (16, 24, 32, 48, 64, 128, 256) if s in images]
    header = b"\0\0\1\0" + len(sizes).to_bytes(2, "little")  # reserved, type 1 = icon
    offset = 6 + 16 * len(sizes)
    entries, blobs = b"", b""
    for s in sizes:
        data = images[s]
        dim = 0 if s >= 256 else s
        entries += (bytes([dim, dim, 0, 0]) + (1).to_bytes(2, "little") + (32).to_bytes(2, "little")
                    + len(data).to_bytes(4, "little") + offset.to_bytes(4, "little"))
        offset += len(data)
        blobs += data
    target.write_bytes(header + entries + blobs)


def write_icns(images: dict[int, bytes], target: Path) -> None:
    """An .icns holding PNG entries (ic07..ic09 = 128, 256, 512; ic11..ic13 retina variants)."""
    kinds = {"icp4": 16, "icp5": 32, "ic07": 128, "ic08": 256, "ic09": 512, "ic11": 32,
             "ic12": 64, "ic13": 256, "ic14": 512}
    body = b""
    for kind, size in kinds.items():
        data = images[size]
        body += kind.encode() + (8 + len(data)).to_bytes(4, "big") + data
    target.write_bytes(b"icns" + (8 + len(body)).to_bytes(4, "big") + body)


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print("The SVG icon could not be read.", file=sys.stderr)
        return 1
    images = {}
    for size in SIZES:
        images[size] = png_bytes(render(renderer, size))
        folder = HERE / "icons" / f"{size}x{size}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "org.vigil.Vigil.png").write_bytes(images[size])
    write_ico(images, PACKAGING / "windows" / "vigil.ico")
    write_icns(images, PACKAGING / "macos" / "vigil.icns")
    print(f"Rendered {len(SIZES)} PNG sizes, vigil.ico and vigil.icns.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
