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

from reader.core.entities import ENTITY_TYPES
from reader.core.entities.aliases import AliasTable, builtin_table
from reader.core.store.library import Library
from reader.ui.entity_marks import STYLES, entity_color
from reader.ui.plain_text import escaped_tooltip

LIMIT = 200
NameRole = Qt.ItemDataRole.UserRole + 1  # the name to put in the filter box


def filter_name(name: str, key: str, aliases: AliasTable | None = None) -> str:
    """A name that the filter box's `entity:"…"` turns back into `key` (the nice spelling when it can)."""
    table = aliases if aliases is not None else builtin_table()
    for candidate in (name, name[4:] if name.lower().startswith("the ") else name):
        if table.resolve(candidate, "", surnames=False)[0] == key:  # as `entity:` reads it
            return candidate
    return key


def also_written(spellings: list[tuple[str, int]], shown: str) -> str:
    """The other ways the articles write the entity, most frequent first: "U.S. (12), America (3)"."""
    return ", ".join(f"{name} ({n:,})" for name, n in spellings if name != shown)


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
        self.type_box.setAccessibleName("Entity type")
        self.type_box.addItem("All types", "")
        for t in ENTITY_TYPES:
            self.type_box.addItem(STYLES[t].plural, t)
        self.type_box.setCurrentIndex(1)  # people first: "all types" is mostly dates and numbers
        self.type_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName("Entities by number of articles")
        self.table.setHorizontalHeaderLabels(["Entity", "Type", "Articles", "Mentions", "Also written as"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
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
        self.resize(720, 560)
        self.refresh()

    def refresh(self) -> None:
        typ = self.type_box.currentData() or None
        rows = self.library.top_entities(typ, LIMIT)
        aliases = self.library.aliases()
        self.table.setRowCount(len(rows))
        for r, (key, t, mentions, articles) in enumerate(rows):
            spelled = self.library.spellings(key, t)
            name = self.library.entity_name(key, t, spelled)
            others = also_written(spelled, name)
            cells = [name, STYLES[t].label if t in STYLES else t, f"{articles:,}", f"{mentions:,}", others]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 0:
                    item.setForeground(entity_color(t, self.theme))
                    item.setData(NameRole, filter_name(name, key, aliases))
                if c == 4 and text:
                    item.setToolTip(escaped_tooltip(f"{name} is also written: {text}"))
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
