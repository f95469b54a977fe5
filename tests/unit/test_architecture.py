"""Rules about the shape of the code that a test can check."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "coop_desk"
CORE = ("db", "services", "documents")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("area", CORE)
def test_core_never_imports_qt(area):
    offenders = [
        str(path.relative_to(PACKAGE.parent))
        for path in (PACKAGE / area).rglob("*.py")
        if any(name.split(".")[0] in {"PySide6", "shiboken6"} for name in _imports(path))
    ]
    assert offenders == [], f"Qt imported in the core: {offenders}"


def test_core_never_imports_the_ui():
    offenders = [
        str(path.relative_to(PACKAGE.parent))
        for area in CORE
        for path in (PACKAGE / area).rglob("*.py")
        if any(name.startswith("coop_desk.ui") for name in _imports(path))
    ]
    assert offenders == []


def test_every_module_states_its_role():
    missing = [
        str(path.relative_to(PACKAGE.parent))
        for path in PACKAGE.rglob("*.py")
        if "migrations" not in path.parts and not ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert missing == []
