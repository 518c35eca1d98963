"""Write the first start's dock state (reader/ui/first_layout.py, STATE): a window on an empty profile, its docks placed
and sized as new (`window_frame.place_docks`, `MainWindow._size_docks`) at first_layout.SIZE, then `saveState()`.

Usage: python scripts/make_first_layout.py   (again whenever the frame's docks or their sizes change:
tests/gui/test_first_layout.py says so)
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODULE = ROOT / "reader" / "ui" / "first_layout.py"


def as_new_state() -> bytes:
    """The state a first start leaves when its docks are placed and sized as new, at first_layout.SIZE."""
    import reader.ui.first_layout as first_layout
    from reader.paths import resolve_paths
    from reader.settings import Settings
    from reader.ui.main_window import MainWindow
    from reader.ui.themes import apply_theme, new_application

    app = new_application(sys.argv[:1])
    apply_theme(app, None, frames=False)
    first_layout.DOCKS = ()  # no state's docks: placed and sized as new
    with tempfile.TemporaryDirectory() as tmp:
        paths = resolve_paths(tmp).ensure()
        window = MainWindow(paths, Settings(paths.settings_file), samples=False, deferred=True)
        window.resize(*first_layout.SIZE)
        window.show()
        for _ in range(20):  # the docks are sized in a turn of the event loop after the show
            app.processEvents()
        state = bytes(window.saveState().data())
    return state


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    text = as_new_state().hex()
    lines = "\n".join(f'    "{text[i:i + 100]}"' for i in range(0, len(text), 100))
    source = MODULE.read_text("utf-8")
    source, found = re.subn(r"STATE = bytes\.fromhex\(\n.*?\n\)", f"STATE = bytes.fromhex(\n{lines}\n)", source,
                            flags=re.DOTALL)  # fmt: skip
    if found != 1:
        print(f"make_first_layout: no STATE = bytes.fromhex(...) in {MODULE}", file=sys.stderr)
        return 1
    MODULE.write_text(source, "utf-8")
    print(f"{MODULE.relative_to(ROOT)}: STATE of {len(text) // 2} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
