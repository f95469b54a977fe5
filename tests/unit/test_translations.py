"""Every text the user interface shows has a finished Dutch translation, and the shipped .qm is current."""

from __future__ import annotations

import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import update_translations  # noqa: E402

SHIPPED_TS = ROOT / "resources" / "translations" / "coop_desk_nl.ts"

pytestmark = pytest.mark.skipif(shutil.which("pyside6-lupdate") is None, reason="Qt translation tools missing")


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message.find("translation")
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_every_source_text_has_a_dutch_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    update_translations.lupdate(fresh)
    wanted = _messages(fresh)
    shipped = _messages(SHIPPED_TS)
    assert wanted, "lupdate found no texts at all"
    missing = []
    for key in wanted:
        translation = shipped.get(key)
        if translation is None or translation.get("type") == "unfinished":
            missing.append(key)
            continue
        forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
        if not all(form and form.strip() for form in forms):
            missing.append(key)
    assert missing == [], f"{len(missing)} texts without Dutch translation, first: {missing[:5]}"


def test_shipped_qm_matches_the_ts(tmp_path):
    compiled = tmp_path / "nl.qm"
    update_translations.lrelease(SHIPPED_TS, compiled)
    assert compiled.read_bytes() == SHIPPED_TS.with_suffix(".qm").read_bytes()
