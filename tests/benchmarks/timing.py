"""Shared helpers for the benchmarks: the Result of one measured figure and timing with time.perf_counter."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Result:
    """One line of the report: the median of `samples` against its goal.

    `target` is the goal for `value` (same unit); None marks a figure shown for comparison only.
    `baseline` is the same work done by a reference (bare Qt, a naive query); `ratio` = value / baseline and,
    when `target_ratio` is set, the ratio is a goal too.
    """

    name: str
    unit: str
    samples: list[float]
    target: float | None
    baseline: float | None = None
    target_ratio: float | None = None
    note: str = ""
    baseline_samples: list[float] = field(default_factory=list)
    details: dict[str, float] = field(default_factory=dict)  # e.g. the median per query

    @property
    def value(self) -> float:
        return statistics.median(self.samples)

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline <= 0:
            return None
        return self.value / self.baseline

    @property
    def informational(self) -> bool:
        return self.target is None and self.target_ratio is None

    def missed(self) -> list[str]:
        """The goals this figure misses, in words (empty when all are met)."""
        misses = []
        if self.target is not None and self.value > self.target:
            misses.append(f"{self.value:.4g} {self.unit} > target {self.target:.4g} {self.unit}")
        ratio = self.ratio
        if self.target_ratio is not None and ratio is not None and ratio > self.target_ratio:
            misses.append(f"ratio {ratio:.2f} > target ratio {self.target_ratio:.4g}")
        return misses

    def to_json(self) -> dict:
        data: dict = {"value": self.value, "unit": self.unit, "target": self.target, "samples": self.samples}
        if self.baseline is not None:
            data["baseline"] = self.baseline
            data["baseline_samples"] = self.baseline_samples
        if self.ratio is not None:
            data["ratio"] = self.ratio
        if self.target_ratio is not None:
            data["target_ratio"] = self.target_ratio
        if self.note:
            data["note"] = self.note
        if self.details:
            data["details"] = self.details
        return data


def median(values: list[float]) -> float:
    return statistics.median(values)


def time_once(fn: Callable[[], object]) -> float:
    """Seconds one call of fn takes."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def time_calls(fn: Callable[[], object], runs: int, warmup: int = 1) -> list[float]:
    """Seconds per call for `runs` calls of fn, after `warmup` calls whose times are thrown away."""
    for _ in range(warmup):
        fn()
    return [time_once(fn) for _ in range(runs)]
