"""Render the application icon from its SVG source: `uv run --group build python scripts/make_icons.py`.

Reads resources/icons/coop-desk.svg and writes, next to it:
- png/coop-desk-{N}.png for N in 16 24 32 48 64 128 256 512 (hicolor icons for Linux, window icon),
- coop-desk.ico (16 to 256, each size rendered from the SVG, not scaled down from one image) for Windows,
- coop-desk.icns for macOS.

Each size is rendered by QtSvg (the same renderer the program uses), so what the tests compare against is
what the program would draw. The output is deterministic: a second run writes the same bytes. The
outputs are committed; run this again after every change to the SVG (a unit test notices a stale PNG).
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no screen needed; set before any QGuiApplication exists

from PIL import Image
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SVG = ICONS / "coop-desk.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_EXTRA = (1024,)  # the .icns holds a 512@2x image; rendered for it, not kept as a PNG


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    """The SVG drawn at size x size pixels as a straight-alpha RGBA Pillow image."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    data = bytes(rgba.constBits())[: rgba.sizeInBytes()]
    return Image.frombuffer("RGBA", (size, size), data, "raw", "RGBA", rgba.bytesPerLine(), 1).copy()


def png_bytes(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)  # no text chunks, no time stamp
    return out.getvalue()


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write data to path unless it already holds exactly those bytes; True when written."""
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - keeps Qt alive
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot render {SVG}", file=sys.stderr)
        return 1
    images = {size: render(renderer, size) for size in PNG_SIZES + ICNS_EXTRA}

    outputs: dict[Path, bytes] = {}
    for size in PNG_SIZES:
        outputs[ICONS / "png" / f"coop-desk-{size}.png"] = png_bytes(images[size])

    ico = io.BytesIO()
    largest = images[max(ICO_SIZES)]
    others = [images[size] for size in ICO_SIZES if size != max(ICO_SIZES)]
    largest.save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=others)
    outputs[ICONS / "coop-desk.ico"] = ico.getvalue()

    icns = io.BytesIO()
    icns_images = [images[size] for size in (16, 32, 64, 128, 256, 512, 1024)]
    images[1024].save(icns, format="ICNS", append_images=icns_images)
    outputs[ICONS / "coop-desk.icns"] = icns.getvalue()

    for path, data in outputs.items():
        state = "written" if write_if_changed(path, data) else "unchanged"
        print(f"{path.relative_to(ICONS.parents[1]).as_posix()}: {len(data)} bytes, {state}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
