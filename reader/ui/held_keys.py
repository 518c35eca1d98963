"""Keys typed before the window is complete: held, then handled once its commands exist.

The window paints its frame first and builds its commands, menus and features in the event loop's turns after
(`MainWindow.finish_building`). A key pressed in between would reach a widget with no shortcut behind it and be
lost (or do the wrong thing: the list's type-ahead). `HeldKeys` keeps every key press meant for the window until
`release()`, then hands each over as if typed then: to the window command bound to it, else to the widget
that has the focus.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QKeyCombination, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

_KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride)


class HeldKeys(QObject):
    """Holds the key presses meant for `window` (or any widget in it) from now until `release()`."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.held: list[tuple[QKeyCombination, str]] = []
        self._app = QApplication.instance()
        if self._app is not None:
            self._app.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() not in _KEY_EVENTS or not isinstance(obj, QWidget) or obj.window() is not self._window:
            return False
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            self.held.append((event.keyCombination(), event.text()))
        return True  # neither the press nor its release reaches a widget without its commands

    def release(self) -> None:
        """Stop holding; hand each held key over, in the order typed."""
        if self._app is not None:
            self._app.removeEventFilter(self)
            self._app = None
        held, self.held = self.held, []
        for combination, text in held:
            _hand_over(self._window, combination, text)


def _hand_over(window: QWidget, combination: QKeyCombination, text: str) -> None:
    """One key, as the window would have taken it: a command bound to it runs, else the focused widget gets it.

    A key event sent by the program does not go through Qt's shortcut map (only the window system's do),
    so the window's own actions are looked up here."""
    typed = QKeySequence(combination)
    for action in window.actions():
        if isinstance(action, QAction) and action.isEnabled() and typed in action.shortcuts():
            action.trigger()
            return
    target = QApplication.focusWidget()
    if target is None or target.window() is not window:
        target = window
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, combination.key(), combination.keyboardModifiers(), text))
