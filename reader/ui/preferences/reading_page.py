"""The Reading page of Preferences: theme, font, size, line width and spacing, applied as they change."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QFontComboBox, QFormLayout, QSpinBox, QWidget

from reader.settings import Settings
from reader.ui.themes import CHOICES

LINE_CHARS = (50, 100)
LINE_SPACING = (100, 200)
FONT_SIZE = (8, 28)


class ReadingPage(QWidget):
    """Each control writes its setting at once and calls `apply(key)`, so the pane follows live."""

    def __init__(self, settings: Settings, apply: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.apply = apply
        self.theme = QComboBox()
        for value, label in CHOICES:
            self.theme.addItem(label, value)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.get("theme"))))
        self.font_family = QFontComboBox()
        family = str(settings.get("reading_font_family") or "")
        self.font_family.setCurrentFont(QFont(family) if family else self.font())
        self.font_size = _spin(*FONT_SIZE, int(settings.get("reading_font_size")), " pt")
        self.line_chars = _spin(*LINE_CHARS, int(settings.get("reading_line_chars")), " characters")
        self.line_spacing = _spin(*LINE_SPACING, int(settings.get("reading_line_spacing")), " %")
        self.line_spacing.setSingleStep(5)
        form = QFormLayout(self)
        form.addRow("&Theme:", self.theme)
        form.addRow("Reading &font:", self.font_family)
        form.addRow("Font &size:", self.font_size)
        form.addRow("Line &width:", self.line_chars)
        form.addRow("Line s&pacing:", self.line_spacing)
        self.theme.currentIndexChanged.connect(lambda _i: self._set("theme", self.theme.currentData()))
        self.font_family.currentFontChanged.connect(lambda f: self._set("reading_font_family", f.family()))
        self.font_size.valueChanged.connect(lambda v: self._set("reading_font_size", v))
        self.line_chars.valueChanged.connect(lambda v: self._set("reading_line_chars", v))
        self.line_spacing.valueChanged.connect(lambda v: self._set("reading_line_spacing", v))

    def _set(self, key: str, value: Any) -> None:
        self.settings.set(key, value)
        self.apply(key)


def _spin(low: int, high: int, value: int, suffix: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(max(low, min(high, value)))
    box.setSuffix(suffix)
    return box
