"""How long the fuzzers run, the per-input time guard and the memory cap.

`make test` runs a small slice (FUZZ_EXAMPLES examples per fuzzer, a few seconds in all). `make fuzz` sets
FUZZ_SECONDS: each fuzzer then keeps drawing fresh random batches until its share of that time is spent.
"""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, settings

FUZZERS = 5  # the fuzz tests sharing FUZZ_SECONDS
TOTAL_SECONDS = float(os.environ.get("FUZZ_SECONDS", "0"))
SLICE_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "12"))
# One input may take this long before we call it a hang (a loader's worst case on a small input is well under a
# second; the guard is for the quadratic and endless cases, which take minutes).
PER_INPUT_SECONDS = float(os.environ.get("FUZZ_PER_INPUT_SECONDS", "20"))

# `make fuzz` caps the address space: a MemoryError then fails the fuzzer (a loader wrapping it into an
# ImportProblem is caught as an unexpected cause) instead of the machine swapping.
MEMORY_MB = int(os.environ.get("FUZZ_MEMORY_MB", "0"))
if MEMORY_MB:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_MB * 1024 * 1024, resource.getrlimit(resource.RLIMIT_AS)[1]))

SETTINGS = settings(
    max_examples=200 if TOTAL_SECONDS else SLICE_EXAMPLES,
    deadline=None,  # the per-input guard below is ours, so a slow CI machine does not flake
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    derandomize=not TOTAL_SECONDS,  # the slice in `make test` is the same on every run
)


class Stats:
    """Counts of inputs tried, for docs/reliability.md."""

    inputs = 0
    seconds = 0.0
    slowest = 0.0


def timed(call: Callable[[], Any], what: str) -> Any:
    """Run one input; fail when it takes longer than the per-input budget."""
    start = time.perf_counter()
    result = call()
    spent = time.perf_counter() - start
    Stats.inputs += 1
    Stats.seconds += spent
    Stats.slowest = max(Stats.slowest, spent)
    assert spent < PER_INPUT_SECONDS, f"{what} took {spent:.1f} s (budget {PER_INPUT_SECONDS:g} s)"
    return result


def run_fuzzer(test: Callable[[], None]) -> None:
    """Run a hypothesis test once (the slice), or in fresh batches for its share of FUZZ_SECONDS."""
    if not TOTAL_SECONDS:
        test()
        return
    stop = time.monotonic() + TOTAL_SECONDS / FUZZERS
    while time.monotonic() < stop:
        test()
