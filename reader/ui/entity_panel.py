"""The entity panel: legend with a toggle per type, the article's entities by type, and the user's rules;
also the small "Mark as Entity" dialog.

Widgets emit intent (`*_requested`, `type_toggled`); the entity feature acts on it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.entities import ENTITY_TYPES, EntityGroup
from reader.core.store.entity_prefs import Correction, EntityAlias
from reader.core.watch_terms import WatchTerm
from reader.ui.entity_marks import STYLES, legend_rows, readable, sample_pixmap, style_of
from reader.ui.plain_text import escaped_tooltip

GroupRole = Qt.ItemDataRole.UserRole + 1  # the EntityGroup of a name row
IdRole = Qt.ItemDataRole.UserRole + 2  # the id of a watch term or correction row
AliasRole = Qt.ItemDataRole.UserRole + 3  # True on a rules row that is an alias ("always: X is Y")


def _swatch(color: QColor) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(color)
    return QIcon(pix)


def describe_correction(c: Correction) -> str:
    """A correction in words, for the rules list."""
    what = style_of(c.type).label.lower() if c.type else "entity"
    if c.everywhere:
        return f"Always a {what}: {c.exact}" if c.action == "add" else f"Never an entity: {c.exact}"
    return f"Here a {what}: {c.exact}" if c.action == "add" else f"Not an entity here: {c.exact}"


class EntityPanel(QWidget):
    """Tabs "In this article" (legend, entities by type) and "Your rules" (watch terms, corrections)."""

    type_toggled = Signal(str, bool)  # type, visible
    occurrence_requested = Signal(object)  # EntityGroup: show its next occurrence
    articles_requested = Signal(object)  # EntityGroup: list the articles mentioning it
    remove_requested = Signal(object, bool)  # EntityGroup, everywhere
    watch_add_requested = Signal(str, bool, bool)  # term, whole word, case-sensitive
    watch_delete_requested = Signal(str)  # watch term id
    watch_color_requested = Signal(str)  # watch term id
    correction_delete_requested = Signal(str)  # correction id
    alias_requested = Signal(object)  # EntityGroup: ask which entity it is the same as
    alias_delete_requested = Signal(str)  # alias id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entityPanel")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_article_tab(), "In this article")
        self.tabs.addTab(self._build_rules_tab(), "Your rules")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tabs)

    # --- building ---------------------------------------------------------------------------

    def _build_article_tab(self) -> QWidget:
        page = QWidget()
        self.legend = QGridLayout()
        self.legend.setHorizontalSpacing(10)
        self.type_boxes: dict[str, QCheckBox] = {}
        for i, t in enumerate(ENTITY_TYPES):
            box = QCheckBox()
            box.setChecked(True)
            box.setAccessibleName(f"Show {STYLES[t].plural.lower()}")
            box.toggled.connect(lambda on, t=t: self.type_toggled.emit(t, on))
            self.type_boxes[t] = box
            self.legend.addWidget(box, i // 2, i % 2)
        self.tree = QTreeWidget()
        self.tree.setObjectName("entityTree")
        self.tree.setHeaderLabels(["Entity", "Mentions"])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._tree_menu)
        self.tree.itemClicked.connect(self._activated)  # each click (and Enter, below) shows the next mention
        self.tree.installEventFilter(self)
        self.next_button = QPushButton("Next mention")
        self.next_button.clicked.connect(lambda: self._with_group(self.occurrence_requested.emit))
        self.articles_button = QPushButton("Articles mentioning…")
        self.articles_button.clicked.connect(lambda: self._with_group(self.articles_requested.emit))
        buttons = QHBoxLayout()
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.articles_button)
        self.empty_label = QLabel()
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)  # names a language taken from the article
        self.empty_label.setWordWrap(True)
        lay = QVBoxLayout(page)
        lay.addLayout(self.legend)
        lay.addWidget(self.empty_label)
        lay.addWidget(self.tree, 1)
        lay.addLayout(buttons)
        return page

    def _build_rules_tab(self) -> QWidget:
        page = QWidget()
        self.watch_edit = QLineEdit()
        self.watch_edit.setPlaceholderText("A word or phrase to watch in every article")
        self.watch_edit.returnPressed.connect(self._add_watch)
        self.whole_word_box = QCheckBox("Whole words")
        self.whole_word_box.setChecked(True)
        self.case_box = QCheckBox("Match case")
        add = QPushButton("Watch")
        add.clicked.connect(self._add_watch)
        entry = QHBoxLayout()
        entry.addWidget(self.watch_edit, 1)
        entry.addWidget(add)
        options = QHBoxLayout()
        for w in (self.whole_word_box, self.case_box):
            options.addWidget(w)
        options.addStretch(1)
        self.watch_list = QListWidget()
        self.watch_list.setObjectName("watchTermList")
        remove_watch = QPushButton("Stop watching")
        remove_watch.clicked.connect(lambda: self._emit_id(self.watch_list, self.watch_delete_requested))
        recolour = QPushButton("Colour…")
        recolour.clicked.connect(lambda: self._emit_id(self.watch_list, self.watch_color_requested))
        watch_buttons = QHBoxLayout()
        watch_buttons.addStretch(1)
        watch_buttons.addWidget(recolour)
        watch_buttons.addWidget(remove_watch)
        self.rules_list = QListWidget()
        self.rules_list.setObjectName("correctionList")
        remove_rule = QPushButton("Forget correction")
        remove_rule.clicked.connect(self._forget_rule)
        lay = QVBoxLayout(page)
        lay.addWidget(QLabel("Watch terms"))
        lay.addLayout(entry)
        lay.addLayout(options)
        lay.addWidget(self.watch_list, 1)
        lay.addLayout(watch_buttons)
        lay.addWidget(QLabel("Corrections for this article and every article"))
        lay.addWidget(self.rules_list, 1)
        lay.addWidget(remove_rule, 0, Qt.AlignmentFlag.AlignRight)
        return page

    # --- filling ----------------------------------------------------------------------------

    def set_legend(self, theme: str, hidden: set[str], font: QFont) -> None:
        """Draw each type's name in its own style; the boxes show which types are visible."""
        for t, plural, fmt in legend_rows(theme):
            box = self.type_boxes[t]
            pix = sample_pixmap(plural, fmt, font, theme)
            box.setIcon(QIcon(pix))
            box.setIconSize(QSize(pix.width(), pix.height()))
            box.setToolTip(f"Show or hide {plural.lower()} (underlined with {STYLES[t].pattern})")
            box.blockSignals(True)
            box.setChecked(t not in hidden)
            box.blockSignals(False)

    def set_groups(self, groups: list[EntityGroup], hidden: set[str], *, article: bool = True,
                   language: str = "", names: bool = True, has_text: bool = True) -> None:
        """The article's entities, grouped by type (in the tagger's order), most mentioned first.

        `language` is the article's; `names` says whether names were looked for in it (see
        `reader.core.entities.reads_names`): when not, the panel says why in words.
        """
        self.tree.clear()
        by_type: dict[str, list[EntityGroup]] = {}
        for g in groups:
            by_type.setdefault(g.type, []).append(g)
        for t in ENTITY_TYPES:
            members = by_type.get(t)
            if not members:
                continue
            total = sum(g.count for g in members)
            label = STYLES[t].plural + (" (hidden)" if t in hidden else "")
            top = QTreeWidgetItem([label, str(total)])
            top.setFirstColumnSpanned(False)
            for g in members:
                child = QTreeWidgetItem([g.name, str(g.count)])
                child.setData(0, GroupRole, g)
                tip = f"{style_of(g.type).label}: {g.name}. Enter shows the next mention."
                child.setToolTip(0, escaped_tooltip(tip))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(t not in hidden)
        if not article:
            self.empty_label.setText("Choose an article to see its people, places and organisations.")
        elif not has_text:
            self.empty_label.setText("This item has no text of its own, so it names no one.")
        elif not names:
            self.empty_label.setText(_no_names_text(language))
        elif not groups:
            self.empty_label.setText("No entities found in this article (yet: tagging runs after import).")
        else:
            self.empty_label.setText("")
        self.empty_label.setVisible(bool(self.empty_label.text()))

    def set_watch_terms(self, terms: list[WatchTerm], theme: str) -> None:
        self.watch_list.clear()
        for term in terms:
            options = (("whole words", term.whole_word), ("match case", term.case_sensitive))
            flags = ", ".join(name for name, on in options if on)
            item = QListWidgetItem(_swatch(readable(term.color, theme)), f"{term.term}   ({flags or 'anywhere'})")
            item.setData(IdRole, term.id)
            self.watch_list.addItem(item)

    def set_corrections(self, corrections: list[Correction], aliases: list[EntityAlias] | None = None) -> None:
        """The corrections for this article and every article, then the user's aliases."""
        self.rules_list.clear()
        for c in corrections:
            item = QListWidgetItem(describe_correction(c))
            item.setData(IdRole, c.id)
            self.rules_list.addItem(item)
        for a in aliases or []:
            item = QListWidgetItem(f"Always the same entity: {a.alias} is {a.target}")
            item.setData(IdRole, a.id)
            item.setData(AliasRole, True)
            self.rules_list.addItem(item)

    def _forget_rule(self) -> None:
        item = self.rules_list.currentItem()
        if item is not None:
            signal = self.alias_delete_requested if item.data(AliasRole) else self.correction_delete_requested
            signal.emit(item.data(IdRole))

    # --- intent -----------------------------------------------------------------------------

    def current_group(self) -> EntityGroup | None:
        item = self.tree.currentItem()
        return item.data(0, GroupRole) if item is not None else None

    def _with_group(self, emit) -> None:
        group = self.current_group()
        if group is not None:
            emit(group)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        group = item.data(0, GroupRole)
        if group is not None:
            self.occurrence_requested.emit(group)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt naming
        if obj is self.tree and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.tree.currentItem() is not None:
                self._activated(self.tree.currentItem())
                return True
        return super().eventFilter(obj, event)

    def _tree_menu(self, pos) -> None:
        item = self.tree.itemAt(pos)
        group = item.data(0, GroupRole) if item is not None else None
        if group is None:
            return
        menu = QMenu(self)
        menu.addAction("Next mention", lambda: self.occurrence_requested.emit(group))
        menu.addAction(f"Articles mentioning “{group.name}”", lambda: self.articles_requested.emit(group))
        menu.addAction(f"“{group.name}” Is the Same Entity As…", lambda: self.alias_requested.emit(group))
        menu.addSeparator()
        menu.addAction("Not an entity in this article", lambda: self.remove_requested.emit(group, False))
        menu.addAction("Never an entity (every article)", lambda: self.remove_requested.emit(group, True))
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def _add_watch(self) -> None:
        term = self.watch_edit.text().strip()
        if term:
            self.watch_add_requested.emit(term, self.whole_word_box.isChecked(), self.case_box.isChecked())
            self.watch_edit.clear()

    @staticmethod
    def _emit_id(widget: QListWidget, signal) -> None:
        item = widget.currentItem()
        if item is not None:
            signal.emit(item.data(IdRole))


class MarkEntityDialog(QDialog):
    """Asks which type the selected words are, and whether only here or in every article."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Mark as Entity")
        self.type_box = QComboBox()
        for t in ENTITY_TYPES:
            self.type_box.addItem(STYLES[t].label, t)
        self.here = QRadioButton("In this article only")
        self.always = QRadioButton(f"Always, in every article (wherever “{text}” is a whole word)")
        self.here.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.here)
        group.addButton(self.always)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        shown = QLabel(text)
        shown.setTextFormat(Qt.TextFormat.PlainText)  # words from the article, never markup
        form.addRow("Text:", shown)
        form.addRow("Type:", self.type_box)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.here)
        lay.addWidget(self.always)
        lay.addWidget(buttons)


def _no_names_text(language: str) -> str:
    """Why an article has no name marks, and what the user can do about it."""
    from reader.core.extract.language import language_name  # the extraction package: not needed to start

    why = (f"this one reads as {language_name(language)}" if language
           else "this one's language could not be told")  # fmt: skip
    return (f"Names are marked in English articles only; {why}. To mark a name, select it and use "
            "Entities › Mark Selection as Entity.")
