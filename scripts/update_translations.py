"""Refresh resources/translations/*.ts from the sources (pyside6-lupdate) and compile them to .qm (lrelease).

Run after changing user-visible text: `uv run python scripts/update_translations.py`. Then fill in the
Dutch text for every new message in coop_desk_nl.ts (Qt Linguist or any editor) and run it again.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("nl",)


def sources() -> list[Path]:
    """Every module that may show text: the Qt user interface and the application start-up."""
    files = sorted((ROOT / "coop_desk" / "ui").rglob("*.py"))
    return [*files, ROOT / "coop_desk" / "app.py"]


def lupdate(target: Path) -> None:
    subprocess.run(
        ["pyside6-lupdate", "-no-obsolete", "-locations", "none", *map(str, sources()), "-ts", str(target)],
        check=True,
        capture_output=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(["pyside6-lrelease", "-silent", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    for lang in LANGUAGES:
        ts = TRANSLATIONS / f"coop_desk_{lang}.ts"
        lupdate(ts)
        lrelease(ts, ts.with_suffix(".qm"))
        print(f"updated {ts.relative_to(ROOT)} and its .qm")
    return 0


if __name__ == "__main__":
    sys.exit(main())
