"""Child process for the crash test: writes notes and highlights forever, reporting each committed write.

Run as `python crash_writer.py DB RUN`. Each line on stdout is written only after the call that made
the change has returned (committed); a short os.write to a pipe is atomic, so the parent never sees
half a line.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from reader.core.annotation import TextQuote
from reader.core.store.user_data import UserStore


def report(*parts: object) -> None:
    os.write(1, (" ".join(str(p) for p in parts) + "\n").encode())


def main(db: Path, run: int) -> None:
    store = UserStore(db)
    report("ready")
    last_highlight = ""
    i = 0
    while True:
        i += 1
        step = i % 4
        if step == 0:
            store.set_note(f"note-{run}-{i}", f"note text {run} {i} " + "x" * (i % 50))
            report("note", f"note-{run}-{i}")
        elif step == 1:
            h = store.add_highlight(f"art-{run}", i, i + 5, TextQuote(f"quote {i}", "before ", " after"), note=f"n{i}")
            last_highlight = h.id
            report("highlight", h.id)
        elif step == 2:
            store.set_note("counter", str(run * 1_000_000 + i))  # an update in place, always growing
            report("counter", run * 1_000_000 + i)
        elif last_highlight:
            report("deleting", last_highlight)  # from here on it may be gone without a report saying so
            store.delete_highlight(last_highlight)
            report("deleted", last_highlight)
            last_highlight = ""


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
