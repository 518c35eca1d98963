"""Keys typed before the window is complete: held, then handled once its commands exist.

The window paints its frame first and builds its commands, menus and features in the event loop's turns after
(`MainWindow.finish_building`). A key pressed in between would reach a widget with no shortcut behind it and be
lost (or do the wrong thing: the list's type-ahead). `HeldKeys` keeps every key press meant for the window until
`release()`, then hands each over as if typed then: to the window command bound to it, else to the widget
that has the focus.

Until the first paint it watches only the window and its `QWindow` (every key from the window system reaches
that first): an application-wide filter is handed every object any event goes to, and the first one PySide6
had not wrapped yet (a Qt-made object) makes it build the Python class of every QObject subclass (about 70 enum
classes, each made by Python's enum module). `hold_everywhere()`, called once the frame is on screen, widens it to every
widget of the window, as any key sent to one of them is held from then on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QKeyCombination, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QWindow

_KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride)


class HeldKeys(QObject):
    """Holds the key presses meant for `window` (or any widget in it) from now until `release()`."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.held: list[tuple[QKeyCombination, str]] = []
        self._app: QCoreApplication | None = None
        self._handle: QWindow | None = None  # the window's QWindow, once it has one (its Show)
        self._released = False
        window.installEventFilter(self)

    def hold_everywhere(self) -> None:
        """Hold the keys sent to any widget of the window too (the application's filter: after the first paint)."""
        app = QApplication.instance()
        if self._app is None and app is not None and not self._released:
            self._app = app
            app.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.Show and obj is self._window and self._handle is None:
            self._watch_handle()
        if kind not in _KEY_EVENTS:
            return False
        if obj is not self._handle and (not isinstance(obj, QWidget) or obj.window() is not self._window):
            return False
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            self.held.append((event.keyCombination(), event.text()))
        return True  # neither the press nor its release reaches a widget without its commands

    def _watch_handle(self) -> None:
        """The window system's keys go to the window's QWindow before any widget: watched from its first Show."""
        self._handle = self._window.windowHandle()
        if self._handle is not None:
            self._handle.installEventFilter(self)

    def release(self) -> None:
        """Stop holding; hand each held key over, in the order typed."""
        for watched in (self._app, self._handle, self._window):
            if watched is not None:
                watched.removeEventFilter(self)
        self._app = self._handle = None
        self._released = True
        held, self.held = self.held, []
        for combination, text in held:
            _hand_over(self._window, combination, text)


def _hand_over(window: QWidget, combination: QKeyCombination, text: str) -> None:
    """One key, as the window would have taken it: a command bound to it runs, else the focused widget gets it.

    A key event sent by the program does not go through Qt's shortcut map (only the window system's do),
    so the window's own actions are looked up here."""
    from PySide6.QtGui import QAction, QKeySequence  # here: their classes cost the first paint 2-3 ms

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
