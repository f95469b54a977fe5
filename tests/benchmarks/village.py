"""The large generated village the benchmarks run on: built once per size, seed and schema, then copied per use."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Sources whose change may change the generated database (schema, generator, search index).
_SOURCES = ("coop_desk/db", "coop_desk/services")


def default_cases(members: int) -> int:
    """Help requests in a benchmark village: ten per member (10,000 members: 100,000 requests)."""
    return members * 10


def build_village(path: Path, members: int, seed: int, cases: int | None = None) -> None:
    """Write a fresh demo village to the SQLite file `path`: one place for everything a benchmark village holds.

    People, `cases` help requests (default ten per member) with their calls, timeline, referrals and scores, and
    loose calls. Later benchmarks add their data here, so that every benchmark sees the same village.
    """
    from coop_desk.config import Paths
    from coop_desk.context import open_app
    from coop_desk.services.demo import fill_demo_village

    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="coop-desk-bench-build-") as home:
        paths = Paths(Path(home) / "data", Path(home) / "logs", Path(home) / "backups")
        context = open_app(str(path), paths=paths)
        try:
            fill_demo_village(
                context.services, members=members, seed=seed, cases=default_cases(members) if cases is None else cases
            )
        finally:
            context.close()


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "coop-desk-bench"


def _source_hash() -> str:
    digest = hashlib.sha1()
    for folder in _SOURCES:
        for file in sorted((ROOT / folder).rglob("*.py")):
            digest.update(str(file.relative_to(ROOT)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:10]


@dataclass(frozen=True)
class Village:
    """The cached village file and the run's scratch folder; benchmarks work on copies, never on the cache."""

    path: Path
    members: int
    seed: int
    workdir: Path
    build_seconds: float | None = None  # None when it came from the cache
    cases: int = 0

    def copy(self, name: str) -> Path:
        """A private copy of the village database (searching writes audit entries; the cache stays clean)."""
        target = self.workdir / f"{name}.sqlite"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        source, copy = sqlite3.connect(self.path), sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            source.close()
            copy.close()
        return target


def prepare_village(
    members: int, seed: int, workdir: Path, *, fresh: bool = False, cases: int | None = None
) -> Village:
    """The village for this size, number of help requests and seed, from the cache when the database sources
    did not change."""
    cases = default_cases(members) if cases is None else cases
    folder = cache_dir()
    stem = f"village-m{members}-c{cases}-s{seed}"
    path = folder / f"{stem}-{_source_hash()}.sqlite"
    if path.exists() and not fresh:
        return Village(path, members, seed, workdir, cases=cases)
    building = folder / f"{stem}-building-{os.getpid()}.sqlite"
    start = time.perf_counter()
    try:
        build_village(building, members, seed, cases)
    except BaseException:
        for part in folder.glob(f"{building.name}*"):
            part.unlink(missing_ok=True)
        raise
    seconds = time.perf_counter() - start
    building.replace(path)
    for old in folder.glob(f"{stem}-*.sqlite*"):  # versions built from older sources
        if old != path and "-building-" not in old.name:
            old.unlink(missing_ok=True)
    return Village(path, members, seed, workdir, seconds, cases=cases)
