"""The Keys page of Preferences: every command with its keys, rebound in a working copy until saved."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.ui.commands import CommandRegistry, key_text
from reader.ui.keymap import canonical_key
from reader.ui.preferences.bindings import key_owner, same_keys

COLUMNS = ("Command", "Menu", "What it does", "Keys")


class KeysPage(QWidget):
    """Rebind, remove and reset keys; `keymap` is the working copy the dialog saves."""

    def __init__(self, registry: CommandRegistry, defaults: dict[str, list[str]], *, single_keys: bool,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.registry = registry
        self.defaults = defaults
        self.keymap: dict[str, list[str]] = {n: list(registry.keymap.get(n, [])) for n in registry.commands}
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels(list(COLUMNS))
        for name, command in registry.commands.items():
            row = [QStandardItem(name), QStandardItem(command.title.replace("&", "")), QStandardItem(command.help),
                   QStandardItem(self._keys_text(name))]  # fmt: skip
            for item in row:
                item.setEditable(False)
            self.model.appendRow(row)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_box = QLineEdit(placeholderText="Filter commands by name, menu text, help or key")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setAccessibleName("Commands and their keys")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.key_list = QListWidget()
        self.key_list.setAccessibleName("Keys of the chosen command")
        self.key_list.setMaximumHeight(70)
        self.recorder = QKeySequenceEdit()
        self.recorder.setAccessibleName("New key")
        self.add_button = QPushButton("&Add Key")
        self.remove_button = QPushButton("Re&move Key")
        self.reset_button = QPushButton("&Reset")
        self.reset_all_button = QPushButton("Reset &All")
        self.add_button.clicked.connect(self.add_recorded_key)
        self.remove_button.clicked.connect(self.remove_key)
        self.reset_button.clicked.connect(self.reset_command)
        self.reset_all_button.clicked.connect(self.reset_all)
        self.message = QLabel(wordWrap=True)
        self.message.setObjectName("keysMessage")
        self.single_keys = QCheckBox("Single-key shortcuts (j, k, b, /, ?…); off leaves only chords like Ctrl+B")
        self.single_keys.setChecked(single_keys)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel("New key:"))
        buttons.addWidget(self.recorder, 1)
        for b in (self.add_button, self.remove_button, self.reset_button, self.reset_all_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.key_list)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.single_keys)
        self._show_selected()

    # --- what is chosen --------------------------------------------------------------------

    def select_command(self, name: str) -> None:
        """Select `name`'s row (clearing the filter when it hides it)."""
        rows = self.model.findItems(name, Qt.MatchFlag.MatchExactly, 0)
        if not rows:
            raise KeyError(name)
        index = self.proxy.mapFromSource(rows[0].index())
        if not index.isValid():
            self.filter_box.clear()
            index = self.proxy.mapFromSource(rows[0].index())
        self.table.setCurrentIndex(index)
        self.table.selectRow(index.row())

    def selected_command(self) -> str | None:
        index = self.table.currentIndex()
        return str(self.proxy.index(index.row(), 0).data()) if index.isValid() else None

    def visible_commands(self) -> list[str]:
        return [str(self.proxy.index(r, 0).data()) for r in range(self.proxy.rowCount())]

    # --- changes ---------------------------------------------------------------------------

    def add_key(self, key: str) -> bool:
        """Bind `key` to the selected command; a key another command has moves here, and the page says so."""
        name = self.selected_command()
        key = canonical_key(key)
        if name is None or not key:
            self.message.setText("Choose a command, then press the new key in the box." if name is None
                                 else "Press the new key in the box first.")  # fmt: skip
            return False
        if name not in self.defaults:  # keymap.json may only name commands the default list knows
            self.message.setText(f"'{self._title(name)}' cannot take keys of its own yet; choose another command.")
            return False
        if key in (canonical_key(k) for k in self.keymap[name]):
            self.message.setText(f"{key_text(key)} is already a key of '{self._title(name)}'.")
            return False
        owner = key_owner(self.keymap, key, besides=name)
        if owner is not None:
            self.keymap[owner] = [k for k in self.keymap[owner] if canonical_key(k) != key]
            self._refresh(owner)
            self.message.setText(f"{key_text(key)} is already used by '{self._title(owner)}'; saving moves it here.")
        else:
            self.message.setText(f"{key_text(key)} will run '{self._title(name)}' once you save.")
        self.keymap[name] = [*self.keymap[name], key]
        self._refresh(name)
        return True

    def add_recorded_key(self) -> None:
        if self.add_key(self.recorder.keySequence().toString()):
            self.recorder.clear()

    def remove_key(self) -> None:
        """Remove the key chosen in the list (or the command's last key)."""
        name = self.selected_command()
        if name is None or not self.keymap[name]:
            return
        row = self.key_list.currentRow()
        row = row if 0 <= row < len(self.keymap[name]) else len(self.keymap[name]) - 1
        removed = self.keymap[name].pop(row)
        self.message.setText(f"{key_text(removed)} no longer runs '{self._title(name)}' once you save.")
        self._refresh(name)

    def reset_command(self) -> None:
        """The selected command gets its default keys back (taking them from any command that borrowed them)."""
        name = self.selected_command()
        if name is not None:
            self._reset(name)
            self.message.setText(f"'{self._title(name)}' has its default keys again once you save.")

    def reset_all(self) -> None:
        for name in self.keymap:
            self.keymap[name] = list(self.defaults.get(name, []))
            self._refresh(name)
        self.message.setText("Every command has its default keys again once you save.")

    def changed(self) -> bool:
        return any(not same_keys(k, self.registry.keymap.get(n, [])) for n, k in self.keymap.items())

    def _reset(self, name: str) -> None:
        keys = list(self.defaults.get(name, []))
        for key in keys:
            owner = key_owner(self.keymap, key, besides=name)
            if owner is not None:
                self.keymap[owner] = [k for k in self.keymap[owner] if canonical_key(k) != canonical_key(key)]
                self._refresh(owner)
        self.keymap[name] = keys
        self._refresh(name)

    # --- drawing ---------------------------------------------------------------------------

    def _title(self, name: str) -> str:
        return self.registry.commands[name].title.replace("&", "")

    def _keys_text(self, name: str) -> str:
        return ", ".join(key_text(k) for k in self.keymap[name])

    def _refresh(self, name: str) -> None:
        rows = self.model.findItems(name, Qt.MatchFlag.MatchExactly, 0)
        if rows:
            self.model.item(rows[0].row(), 3).setText(self._keys_text(name))
        if name == self.selected_command():
            self._show_selected()

    def _show_selected(self) -> None:
        name = self.selected_command()
        self.key_list.clear()
        if name is not None:
            self.key_list.addItems([key_text(k) for k in self.keymap[name]])
        for b in (self.add_button, self.remove_button, self.reset_button):
            b.setEnabled(name is not None)
