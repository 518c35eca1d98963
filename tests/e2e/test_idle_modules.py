"""The window idle on a tagged library holds no parser: the loaders, the HTML extraction, the legacy charset
guess, the process pool and the entity tagger are imported when a file is read (and tagged), not to show,
rescan and watch the library.

Run in a process of its own, so the modules other tests imported cannot hide one the window imported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.library_files import tagged_profile

# What the window must not import until a file is read (each costs memory the idle window would keep).
LAZY = [
    "lxml", "lxml.etree", "charset_normalizer", "reader.core.formats.legacy", "reader.core.extract.page",
    "reader.core.extract.dom", "reader.core.formats.html", "reader.core.formats.text", "multiprocessing",
    "concurrent.futures.process",
    "reader.core.entities.tagger", "reader.core.entities.model",  # a tagged library needs no tagging
    "reader.ui.palette", "reader.ui.palette_actions", "reader.ui.dialogs.shortcuts",  # until asked for
    "PySide6.QtNetwork",  # the hand-over channel listens without it (unix_channel.py)
    "hashlib", "_hashlib",  # OpenSSL: only an article's id (of a file read) or a note's version is hashed
    "uuid",  # a new note's, highlight's or correction's id
]  # fmt: skip

CHILD = r"""
import json, os, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
data_dir, lazy, staged, target = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3], sys.argv[4]
seen = {}

def window():
    from reader.ui.main_window import MainWindow
    return next((w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()), None)

def when(ready, then, tries=[0]):
    def look():
        tries[0] += 1
        if tries[0] > 600:  # a minute: say what was seen rather than hang
            print("SEEN " + json.dumps(seen), flush=True)
            app.exit(3)
        elif ready():
            then()
        else:
            QTimer.singleShot(100, look)
    look()

def titles(w):
    return sorted(w.model.index(r, 1).data() for r in range(w.model.rowCount()))

def settled():
    w = window()
    return (w is not None and w.worker is not None and w.worker.isFinished()
            and all(f.watcher.ready for f in w.features if hasattr(f, "watcher")))

def idle():
    w = window()
    w.select_row(0)  # an article opened, from the cache
    seen["shown"] = w.reading_pane.article.title
    seen["listed"] = titles(w)
    seen["idle"] = [m for m in lazy if m in sys.modules]
    from PySide6.QtCore import QDir
    from reader.paths import resolve_paths
    from reader.ui.single_instance import server_name
    seen["svg"] = "libQt6Svg" in open("/proc/self/maps").read()  # the window icon is drawn from its PNGs
    seen["listening"] = os.path.exists(os.path.join(QDir.tempPath(), server_name(resolve_paths(data_dir))))
    seen["frozen"] = __import__("gc").get_freeze_count()  # the window's own objects, out of the GC's full passes
    os.replace(staged, target)  # a new page in the library folder, imported by F5's rescan
    w.rescan()
    when(lambda: w.worker.isFinished() and len(titles(w)) > len(seen["listed"]), imported)

def imported():
    w = window()
    seen["after"] = titles(w)
    seen["imported"] = [m for m in lazy if m in sys.modules]
    article = w.reading_pane.article  # a highlight from this cold start: its id needs uuid, imported now
    w.session.add_highlight(article.id, article.text, 0, 5)
    seen["highlighted"] = [h.quote.exact for h in w.session.store.highlights(article.id)]
    seen["passage"] = article.text[:5]
    seen["uuid"] = "uuid" in sys.modules
    print("SEEN " + json.dumps(seen), flush=True)
    w.close()

when(settled, idle)
from reader.cli import gui_main
sys.exit(gui_main(["--data-dir", data_dir, "--no-samples"]))
"""

PAGE = """<!doctype html><html lang="en"><head><title>Night ferry returns | Coast Post</title></head><body>
<article><h1>Night ferry returns</h1><p>The night ferry between the two harbours sails again from Monday, the
operator said, after the repairs to its hull took longer than planned.</p><p>Tickets are on sale at the quay
office and on board, at the same prices as last summer.</p></article></body></html>"""


def test_the_idle_window_holds_no_parser_and_still_imports_a_new_page(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "harbour.txt").write_text("Harbour opens\n\nThe new quay takes its first ferries in May, the port "
                                        "authority said on Tuesday.\n", encoding="utf-8")  # fmt: skip
    (folder / "budget.txt").write_text("Budget passes\n\nThe council voted for the budget late on Thursday "
                                       "after a long debate about the harbour.\n", encoding="utf-8")  # fmt: skip
    tagged_profile(tmp_path / "data", folder)
    staged = tmp_path / "ferry.html"
    staged.write_text(PAGE, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "data"), json.dumps(LAZY), str(staged),
                           str(folder / "ferry.html")], capture_output=True, text=True, timeout=180, env=env,
                          cwd=tmp_path)  # fmt: skip
    line = next((x for x in proc.stdout.splitlines() if x.startswith("SEEN ")), None)
    assert line is not None, proc.stderr
    seen = json.loads(line[len("SEEN "):])
    assert seen["listed"] == ["Budget passes", "Harbour opens"]
    assert seen["shown"] in seen["listed"]
    assert seen["idle"] == []  # shown, rescanned and watched without any of them
    assert seen["svg"] is False
    assert seen["listening"]  # a later start can hand its files over: the channel is open, without QtNetwork
    assert seen["frozen"] > 10_000  # the modules and widgets built before the first paint
    assert seen["after"] == ["Budget passes", "Harbour opens", "Night ferry returns"]
    assert {"lxml.etree", "reader.core.extract.page", "reader.core.formats.html",
            "reader.core.entities.tagger", "hashlib"} <= set(seen["imported"])  # fmt: skip
    assert seen["highlighted"] == [seen["passage"]] and seen["uuid"]
    assert proc.returncode == 0, proc.stderr
