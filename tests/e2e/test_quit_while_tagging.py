"""Quitting while a long text is being tagged ends the process cleanly (issue 11, item 11).

Before, the window waited 10 s for the worker and then destroyed a thread still tagging: Qt printed
"QThread: Destroyed while thread is still running" and aborted (SIGABRT, exit code -6/134).
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from reader.paths import resolve_paths


def _untagged_articles(db: Path) -> int:
    """How many articles wait for tagging; 0 while the cache does not hold them yet."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM articles WHERE tagged=0").fetchone()[0])
    except sqlite3.Error:
        return 0


def test_sigterm_while_tagging_a_long_text_exits_cleanly(tmp_path: Path) -> None:
    folder = tmp_path / "library"
    folder.mkdir()
    # 4 MB of English paragraphs full of names (read as English, so the model looks for names in every
    # sentence): about 20 CPU s of tagging, far longer than the old 10 s wait. (One-letter lines read as no
    # language: only the rules run, done in under a second, and the test raced the reading of the article.)
    line = "Mayor Ann Lee of Oslo met Bo Kay of the Harbour Board in Town Hall.\n\n"
    (folder / "lines.txt").write_text("Lines\n\n" + line * 60_000, encoding="utf-8")
    data = tmp_path / "data"
    paths = resolve_paths(data)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([sys.executable, "-m", "reader", "--no-samples", "--data-dir", str(data), str(folder)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)  # fmt: skip
    try:
        for _ in range(2400):  # the article is in the cache, untagged: the worker goes on to tag it
            if proc.poll() is not None or _untagged_articles(paths.library_db):
                break
            time.sleep(0.05)
        assert proc.poll() is None, proc.communicate()[1]
        time.sleep(3)  # past loading the model, into the tagging itself
        assert _untagged_articles(paths.library_db) == 1  # still tagging
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=120)  # bounded: a hang fails the test
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert "QThread: Destroyed while thread" not in err
    assert proc.returncode == 0, err
    assert _untagged_articles(paths.library_db) == 1  # stopped, not stored: tagged in full at the next start
