"""SIGTERM while a note is being typed: the window closes like Ctrl+Q and the note is saved."""

from __future__ import annotations

import os
import signal

from reader.core.store.user_data import UserStore
from reader.ui.quit_signals import QuitOnSignals


def test_sigterm_saves_the_note_being_typed(make_window, qtbot) -> None:
    window = make_window()
    window.select_row(0)
    article_id = window.current_id
    assert article_id
    window.notes_panel.editor.setFocus()
    qtbot.keyClicks(window.notes_panel.editor, "typed just before the kill")
    quit_on_signals = QuitOnSignals()
    try:
        quit_on_signals.attach(window)
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: not window.isVisible())
    finally:
        quit_on_signals.uninstall()
    with UserStore(window.paths.user_db) as store:
        assert store.note(article_id) == "typed just before the kill"
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL  # handed back after use
