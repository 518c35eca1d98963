"""Crash safety: a writer killed with SIGKILL at random moments never corrupts or loses committed data."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.store.user_data import UserStore

WRITER = Path(__file__).with_name("crash_writer.py")
KILLS = 50


@dataclass
class Committed:
    """Every write the children reported as committed, across all runs."""

    notes: set[str] = field(default_factory=set)
    highlights: set[str] = field(default_factory=set)
    deleted: set[str] = field(default_factory=set)
    maybe_deleted: set[str] = field(default_factory=set)
    counter: int = -1

    def take(self, line: str) -> None:
        kind, value = line.split(" ", 1)
        if kind == "note":
            self.notes.add(value)
        elif kind == "highlight":
            self.highlights.add(value)
        elif kind == "deleting":
            self.maybe_deleted.add(value)
        elif kind == "deleted":
            self.deleted.add(value)
        elif kind == "counter":
            self.counter = max(self.counter, int(value))


def _run_and_kill(db: Path, run: int, rng: random.Random) -> list[str]:
    proc = subprocess.Popen([sys.executable, str(WRITER), str(db), str(run)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    if run % 10 == 9:
        time.sleep(rng.uniform(0.0, 0.2))  # sometimes while it is still opening (and migrating) the file
    else:
        assert proc.stdout.readline() == "ready\n"
        time.sleep(rng.uniform(0.0, 0.25))
    proc.send_signal(signal.SIGKILL)
    out = proc.stdout.read()
    proc.stdout.close()
    assert proc.wait() == -signal.SIGKILL
    return [line for line in out.splitlines() if line and line != "ready"]


def _check(db: Path, committed: Committed) -> None:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:  # killed before the first schema step committed: nothing was reported either
            assert not committed.notes and not committed.highlights
            return
        notes = {row[0] for row in conn.execute("SELECT article_id FROM notes")}
        highlights = {row[0] for row in conn.execute("SELECT id FROM highlights")}
        counter = conn.execute("SELECT text FROM notes WHERE article_id = 'counter'").fetchone()
    finally:
        conn.close()
    assert committed.notes <= notes
    assert committed.highlights - committed.maybe_deleted <= highlights
    assert not (committed.deleted & highlights)
    if committed.counter >= 0:
        assert int(counter[0]) >= committed.counter


def test_sigkill_at_random_moments_never_loses_committed_writes(tmp_path: Path) -> None:
    db = tmp_path / "user.sqlite3"
    rng = random.Random(20261126)
    committed = Committed()
    reported = 0
    for run in range(KILLS):
        for line in _run_and_kill(db, run, rng):
            committed.take(line)
            reported += 1
        _check(db, committed)
    assert reported > KILLS  # the children really were writing when killed
    with UserStore(db) as store:  # and the file still opens normally
        assert store.noted_ids() >= committed.notes
