"""The library's most mentioned entities, by type, with counts; choosing one lists its articles."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.entities import ENTITY_TYPES, canonical_name
from reader.core.entities.mentions import display_name
from reader.core.store.library import Library
from reader.ui.entity_marks import STYLES, entity_color

LIMIT = 200
NameRole = Qt.ItemDataRole.UserRole + 1  # the name to put in the filter box


def filter_name(name: str, key: str) -> str:
    """A name that the filter box's `entity:"…"` turns back into `key` (the nice spelling when it can)."""
    for candidate in (name, name[4:] if name.lower().startswith("the ") else name):
        if canonical_name(candidate, "") == key:
            return candidate
    return key


def shown_names(library: Library, rows: list[tuple[str, str, int, int]]) -> dict[tuple[str, str], str]:
    """The most frequent spelling of each (key, type), for display (the cache stores keys in lower case)."""
    names: dict[tuple[str, str], str] = {}
    for key, typ, _mentions, _articles in rows:
        row = library.db.execute(
            "SELECT text FROM mentions WHERE key=? AND type=? GROUP BY text ORDER BY count(*) DESC LIMIT 1",
            (key, typ),
        ).fetchone()
        names[(key, typ)] = display_name(row[0]) if row else key
    return names


class TopEntitiesDialog(QDialog):
    """A table of the top entities; Enter or a double click asks for the articles mentioning one."""

    entity_chosen = Signal(str)  # a name for `entity:"…"`

    def __init__(self, library: Library, theme: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Top Entities in the Library")
        self.setObjectName("topEntitiesDialog")
        self.library = library
        self.theme = theme
        self._chosen = False  # Enter both activates the row and presses the default button: act once
        self.type_box = QComboBox()
        self.type_box.addItem("All types", "")
        for t in ENTITY_TYPES:
            self.type_box.addItem(STYLES[t].plural, t)
        self.type_box.setCurrentIndex(1)  # people first: "all types" is mostly dates and numbers
        self.type_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["Entity", "Type", "Articles", "Mentions"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemActivated.connect(lambda _item: self.choose())
        self.summary = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        show = buttons.addButton("Show Articles", QDialogButtonBox.ButtonRole.AcceptRole)
        show.clicked.connect(self.choose)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel("Type:"))
        top.addWidget(self.type_box, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.summary)
        lay.addWidget(buttons)
        self.resize(520, 560)
        self.refresh()

    def refresh(self) -> None:
        typ = self.type_box.currentData() or None
        rows = self.library.top_entities(typ, LIMIT)
        names = shown_names(self.library, rows)
        self.table.setRowCount(len(rows))
        for r, (key, t, mentions, articles) in enumerate(rows):
            name = names[(key, t)]
            cells = [name, STYLES[t].label if t in STYLES else t, f"{articles:,}", f"{mentions:,}"]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 0:
                    item.setForeground(entity_color(t, self.theme))
                    item.setData(NameRole, filter_name(name, key))
                self.table.setItem(r, c, item)
        self.summary.setText(
            "Nothing tagged yet: entities are found in the background after import." if not rows
            else f"The {len(rows):,} most mentioned, by the number of articles that mention them."
        )  # fmt: skip
        if rows:
            self.table.setCurrentCell(0, 0)

    def choose(self) -> None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is not None and not self._chosen:
            self._chosen = True
            self.entity_chosen.emit(item.data(NameRole))
            self.accept()
