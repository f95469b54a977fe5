"""The command line, run as a user would: a separate process, real files, exit codes and messages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from coop_desk.config import Paths
from coop_desk.context import open_app
from coop_desk.services import people


def run(*args: str, env_extra: dict[str, str] | None = None, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COOP_DESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen", **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "coop_desk", *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_version(tmp_path):
    result = run("--version", home=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("Coop Desk ")


def test_demo_creates_a_village_and_refuses_a_second_fill(tmp_path):
    db = tmp_path / "x.sqlite"
    result = run("--db", str(db), "demo", "--members", "120", "--seed", "3", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "120 leden" in result.stdout
    app = open_app(str(db), paths=Paths(tmp_path / "d", tmp_path / "l", tmp_path / "b"))
    try:
        assert people.count_people(app.services) >= 120
        assert any(row.list_name.startswith("Müller") for row in people.search_people(app.services, "muller"))
    finally:
        app.close()
    again = run("--db", str(db), "demo", home=tmp_path)
    assert again.returncode == 1
    assert "niet leeg" in again.stderr


def test_database_from_environment_variable(tmp_path):
    db = tmp_path / "env.sqlite"
    result = run("demo", "--members", "10", home=tmp_path, env_extra={"COOP_DESK_DB": str(db)})
    assert result.returncode == 0, result.stderr
    assert db.exists()


def test_default_database_lives_in_the_user_data_folder(tmp_path):
    result = run("demo", "--members", "5", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "coop-desk.sqlite").exists()


@pytest.mark.postgres
def test_demo_on_postgresql(tmp_path, pg_url):
    result = run("--db", pg_url, "demo", "--members", "50", home=tmp_path)
    assert result.returncode == 0, result.stderr
    app = open_app(pg_url, paths=Paths(tmp_path / "d", tmp_path / "l", tmp_path / "b"))
    try:
        assert people.count_people(app.services, "muller") >= 1
    finally:
        app.close()


def test_bad_arguments_exit_with_usage(tmp_path):
    result = run("demo", "--members", "0", home=tmp_path)
    assert result.returncode == 2
    assert "--members" in result.stderr
