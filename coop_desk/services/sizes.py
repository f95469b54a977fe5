"""File sizes as people read them, in Dutch notation ("44 kB", "12,3 MB"): one way for every screen and message."""

from __future__ import annotations


def file_size(n: int) -> str:
    """Decimal units, as Windows Explorer and file managers round them closely enough: 999 bytes is "1 kB"."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB".replace(".", ",")
    return f"{max(1, round(n / 1000))} kB"


def seconds(value: float) -> str:
    """A duration with one decimal and a decimal comma: "0,4 s"."""
    return f"{value:.1f} s".replace(".", ",")
