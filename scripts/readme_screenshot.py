"""Make docs/screenshot.png: the sample library with a bookmark, a note and two highlights.

Run: .venv/bin/python scripts/readme_screenshot.py  (writes into a temporary data dir)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TITLE = "Ghana's central bank holds rates"


def main() -> int:
    from reader.core.library_sync import LibrarySync
    from reader.core.session import Session
    from reader.core.store.library import Library
    from reader.paths import resolve_paths

    with tempfile.TemporaryDirectory() as tmp:
        paths = resolve_paths(tmp).ensure()
        lib = Library(paths.library_db)
        LibrarySync(lib).scan([ROOT / "resources" / "samples"])
        ids = lib.list_ids()
        article_id = next(i for i in ids if lib.rows([i])[i].title.startswith(TITLE))
        text = lib.article(article_id).text
        with Session(paths.user_db) as session:  # the one owner of user-data writes
            for phrase, color, note in (
                ("kept its main policy rate unchanged at 19 percent", "yellow", ""),
                ("Consumer price inflation fell to 3.2 percent in August", "green", "Check against the IMF figure."),
            ):
                start = text.index(phrase)
                end = start + len(phrase)
                session.add_highlight(article_id, text, start, end, color=color, note=note)
            session.set_bookmark_tags(article_id, ["monetary-policy", "ghana"])
            session.set_note(article_id, "Compare with the Nigerian and Kenyan decisions the same week.")
        lib.close()
        row = ids.index(article_id) + 1
        out = ROOT / "docs" / "screenshot.png"
        return subprocess.call([sys.executable, "-m", "reader", "--data-dir", tmp, "--screenshot", str(out),
                                "--select", str(row), "--size", "1360x820"])  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
