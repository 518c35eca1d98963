"""The bookmark tags dialog: tick known tags, type new ones (comma separated)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.store.user_data import clean_tags


def split_tags(text: str) -> list[str]:
    """'a, b ,,c' -> ['a', 'b', 'c'] (a leading '#' is dropped, as the sidebar shows tags with one)."""
    return clean_tags(part.strip().lstrip("#") for part in text.split(","))


class TagsDialog(QDialog):
    """Chooses a bookmark's tags; `tags()` gives the result after exec()."""

    def __init__(self, title: str, *, current: list[str], known: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Bookmark tags")
        self.setMinimumWidth(380)
        # article titles come from feeds: shown as plain text, never as HTML that Qt would load images for
        self.heading = QLabel(f"Tags for “{title}”. Saving bookmarks the article." if title else "Tags")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.known = QListWidget()
        self.known.setObjectName("knownTags")
        self.known.setToolTip("Tick the tags this bookmark should have")
        for tag in clean_tags([*known, *current]):
            item = QListWidgetItem(f"#{tag}")
            item.setData(Qt.ItemDataRole.UserRole, tag)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if tag in current else Qt.CheckState.Unchecked)
            self.known.addItem(item)
        self.known.setVisible(self.known.count() > 0)
        # as tall as its tags (up to eight rows), so a short list leaves no gap above the field
        rows = min(max(self.known.count(), 1), 8)
        self.known.setMaximumHeight(rows * self.known.sizeHintForRow(0) + 2 * self.known.frameWidth() + 4)
        self.new_tags = QLineEdit()
        self.new_tags.setObjectName("newTags")
        self.new_tags.setPlaceholderText("New tags, separated by commas")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.add_label = QLabel("&Add:")
        self.add_label.setBuddy(self.new_tags)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.add_label, self.new_tags)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.known)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.new_tags.setFocus()

    def tags(self) -> list[str]:
        """The ticked tags (in list order) followed by the typed ones, without repeats."""
        ticked = [
            self.known.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.known.count())
            if self.known.item(i).checkState() == Qt.CheckState.Checked
        ]
        return clean_tags([*ticked, *split_tags(self.new_tags.text())])

    def set_checked(self, tag: str, on: bool) -> None:
        for i in range(self.known.count()):
            item = self.known.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == tag:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
