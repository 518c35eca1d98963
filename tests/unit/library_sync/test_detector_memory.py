"""The change detector holds each library file once: after its first look the cache's copy of every file's
state (`known`, 100,000 paths at 100,000 articles) is dropped and the snapshot answers for it."""

from __future__ import annotations

import gc
import os
import time
import tracemalloc
from pathlib import Path

from reader.core.library_sync.changes import ChangeDetector


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _settle(root: Path, when: float) -> None:
    """Every file and folder written long ago (nothing racy), at `when`."""
    for folder, dirs, files in os.walk(root):
        for name in [*dirs, *files]:
            os.utime(Path(folder) / name, (when, when), follow_symlinks=False)
    os.utime(root, (when, when))


def _state(path: Path) -> tuple[float, int]:
    st = path.stat()
    return (st.st_mtime, st.st_size)


def test_after_the_first_look_the_cache_states_are_dropped_and_every_change_is_still_found(tmp_path: Path) -> None:
    root = tmp_path / "news"
    kept = _write(root / "a.txt", "Harbour opens\n\nThe new quay takes ferries from May.\n")
    edited = _write(root / "2024" / "b.txt", "Budget passes\n\nThe council voted late.\n")
    deleted = _write(root / "2024" / "c.txt", "Rain in May\n\nThe reservoir is full.\n")
    _settle(root, time.time() - 10_000)
    known = {str(p): _state(p) for p in (kept, edited, deleted)}
    known[str(root / "gone.txt")] = (1.0, 10)  # in the cache, no longer on disk

    detector = ChangeDetector([str(root)], known)
    first = detector.poll()

    assert first.removed == [str(root / "gone.txt")] and not first.added and not first.changed
    assert detector.known == {}  # not 100,000 paths kept twice
    # the snapshot answers from now on: an edit in place, a deletion, a new file, a file that cannot be read
    edited.write_text("Budget passes\n\nThe council voted late, after a long debate.\n", encoding="utf-8")
    deleted.unlink()
    added = _write(root / "2024" / "d.txt", "Ferry strike ends\n\nBoats sail again.\n")
    (root / "2024" / "e.txt").symlink_to(root / "nowhere.txt")
    when = time.time() - 5_000  # only what changed moves (a.txt keeps its time)
    for path in (edited, added, root / "2024" / "e.txt", root / "2024"):
        os.utime(path, (when, when), follow_symlinks=False)
    later = detector.poll(full=True)

    assert sorted(e.path for e in later.added) == [str(added), str(root / "2024" / "e.txt")]
    assert [e.reason != "" for e in sorted(later.added, key=lambda e: e.path)] == [False, True]
    assert [e.path for e in later.changed] == [str(edited)]
    assert later.removed == [str(deleted)]
    assert not detector.poll(full=True)  # each change reported once
    assert detector.known == {}


def test_the_snapshot_holds_a_file_in_a_few_dozen_bytes_and_still_sees_each_change(tmp_path: Path) -> None:
    root = tmp_path / "news"
    for folder in range(20):
        for k in range(100):
            _write(root / f"part-{folder:02d}" / f"article-{k:04d}.txt", f"Story {folder}-{k}\n\nA line of text.\n")
    _settle(root, time.time() - 10_000)
    known = {str(p): _state(p) for p in root.rglob("*.txt")}

    tracemalloc.start()
    try:
        detector = ChangeDetector([str(root)], known)
        del known
        gc.collect()
        before = tracemalloc.get_traced_memory()[0]
        assert not detector.poll()
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()

    assert held / 2000 < 80  # bytes a file (an Entry, its path, mtime and size each: about 260)
    # the compact snapshot still tells an edit in place from an untouched file, and a new name from an old one
    edited = root / "part-07" / "article-0042.txt"
    edited.write_text("Story 7-42\n\nA longer line of text, edited.\n", encoding="utf-8")
    new = _write(root / "part-07" / "article-0100.txt", "Story 7-100\n\nNew.\n")
    when = time.time() - 5_000
    for path in (edited, new, root / "part-07"):
        os.utime(path, (when, when))
    found = detector.poll(full=True)
    assert ([e.path for e in found.added], [e.path for e in found.changed], found.removed) == (
        [str(new)], [str(edited)], [])
