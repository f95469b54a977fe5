"""Finding the shipped resources (translations, fonts, icons) in a source checkout or an installed bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_dir() -> Path:
    """resources/ next to the package in a checkout; coop_desk/_resources in a wheel or frozen bundle."""
    here = Path(__file__).resolve().parent
    for candidate in (
        here / "_resources",
        Path(getattr(sys, "_MEIPASS", here)) / "resources",
        here.parent / "resources",
    ):
        if candidate.is_dir():
            return candidate
    return here.parent / "resources"


def resource(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)
