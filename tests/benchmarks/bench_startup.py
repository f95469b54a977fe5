"""startup: from spawning the process to the main window shown with the people list filled (offscreen).

Each run is a fresh `sys.executable` subprocess; the parent measures wall time (time.perf_counter) from just
before spawning until the child writes its "shown" line. Coop Desk (startup_probe.py) and a bare PySide6 window
(bare_probe.py) run interleaved, A B A B …, after one discarded warm-up run of each.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import Result, median
from village import Village, cache_dir

HERE = Path(__file__).resolve().parent
RUNS = 5
TARGET_SECONDS = 0.8
TARGET_RATIO = 6.0


def child_environment() -> dict[str, str]:
    """The runner's (isolated) environment, but with bytecode caching on, as for an installed program.

    Without .pyc files every start compiles SQLAlchemy, Alembic, … from source (about a second more), which is
    what PYTHONDONTWRITEBYTECODE=1 in a developer's shell would measure. The .pyc files go to the benchmark cache
    folder, not into the source tree; the discarded warm-up run writes them.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(cache_dir() / "pycache")
    return env


def time_until_shown(args: list[str], timeout: float = 60.0) -> tuple[float, str]:
    """Seconds from spawning `python args…` until it prints a line starting with "shown"; and that line."""
    env = child_environment()
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, *args],
            stdout=subprocess.PIPE,
            stderr=errors,
            stdin=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        line = ""
        seconds = None
        shown = ""
        for line in child.stdout:
            if line.startswith("shown"):
                seconds = time.perf_counter() - start
                shown = line
            elif line.startswith("cards"):
                shown += " " + line
                break
        child.stdout.close()
        line = shown or line
        try:
            code = child.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
            code = None
        if seconds is None or code != 0:
            errors.seek(0)
            detail = errors.read().decode(errors="replace")[-3000:]
            raise RuntimeError(f"{' '.join(args)} did not report 'shown' (exit {code}): {line.strip()}\n{detail}")
        return seconds, line.strip()


def run(village: Village, repeat: int | None) -> list[Result]:
    runs = repeat or RUNS
    db = village.copy("startup")
    settings = village.workdir / "startup-settings.ini"
    coop = [str(HERE / "startup_probe.py"), str(db), str(settings)]
    bare = [str(HERE / "bare_probe.py")]
    time_until_shown(coop)  # warm-up: file cache, .pyc files, fontconfig cache
    time_until_shown(bare)
    coop_samples: list[float] = []
    bare_samples: list[float] = []
    cards_samples: list[float] = []
    for _ in range(runs):
        seconds, shown = time_until_shown(coop)
        coop_samples.append(seconds)
        words = shown.split()  # "shown ROWS cards SECONDS"
        if "cards" in words:
            cards_samples.append(float(words[words.index("cards") + 1]))
        bare_samples.append(time_until_shown(bare)[0])
    rows = shown.split()[1]
    cards = f"; Vandaag's cards all filled {median(cards_samples):.3f} s after that" if cards_samples else ""
    result = Result(
        "startup",
        "s",
        coop_samples,
        TARGET_SECONDS,
        baseline=median(bare_samples),
        target_ratio=TARGET_RATIO,
        baseline_samples=bare_samples,
        note=f"{runs} runs each, interleaved; baseline = bare PySide6 window with a 100-row table; {rows} rows shown"
        + cards,
    )
    return [result]
