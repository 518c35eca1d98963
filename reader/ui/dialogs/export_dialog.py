"""The export dialog (which articles, format, one file each or combined, where); writing asks before replacing."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.export import (
    FORMATS,
    NOTE_STYLES,
    PAGE_SIZES,
    ExportError,
    ExportItem,
    ExportOptions,
    export_items,
    plan_paths,
)
from reader.core.export.batch import COMBINED_STEM
from reader.ui.export_pdf import write_pdf
from reader.ui.plain_text import message_box

SCOPES = {
    "bookmarked": "Bookmarked articles",
    "annotated": "Annotated articles (with highlights or a note)",
    "filter": "The articles in the list now (current view and filter)",
    "selected": "The selected rows of the list",
}


@dataclass(frozen=True)
class ExportChoice:
    """Everything the dialog asks; saved as JSON so the dialog opens with the last choice."""

    scope: str = "selected"
    fmt: str = "md"
    combined: bool = False
    folder: str = ""
    file_name: str = COMBINED_STEM  # the combined file's name, without extension
    include_entities: bool = False
    note_style: str = "footnotes"
    page_size: str = "A4"

    def out(self) -> Path:
        """The folder for one file per article, or the combined file's path."""
        folder = Path(self.folder).expanduser()
        if not self.combined:
            return folder
        name = self.file_name.strip() or COMBINED_STEM
        ext = FORMATS[self.fmt].extension
        return folder / (name if name.lower().endswith(ext) else name + ext)

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str | None) -> ExportChoice:
        """The saved choice; anything unreadable or out of range falls back to the defaults."""
        try:
            data = json.loads(text or "{}")
        except ValueError:
            data = {}
        if not isinstance(data, dict):
            data = {}
        names = {f.name for f in fields(cls)}
        choice = cls(**{k: v for k, v in data.items() if k in names and isinstance(v, type(getattr(cls(), k)))})
        default = cls()
        if choice.scope not in SCOPES:
            choice = replace(choice, scope=default.scope)
        if choice.fmt not in FORMATS:
            choice = replace(choice, fmt=default.fmt)
        if choice.note_style not in NOTE_STYLES:
            choice = replace(choice, note_style=default.note_style)
        if choice.page_size not in PAGE_SIZES:
            choice = replace(choice, page_size=default.page_size)
        return choice


class ExportDialog(QDialog):
    """Asks for an ExportChoice; scopes with no articles are greyed out. Read `choice()` after exec()."""

    def __init__(self, counts: dict[str, int], last: ExportChoice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export articles")
        self.setMinimumWidth(560)  # as tall as its rows: no empty band above the buttons
        self.counts = counts
        self._entities_wanted = last.include_entities  # kept while a format that ignores entities is chosen
        self._build(counts)
        self.set_choice(last)
        self._sync()

    def _build(self, counts: dict[str, int]) -> None:
        which = QGroupBox("Articles")
        which_lay = QVBoxLayout(which)
        self.scope_group = QButtonGroup(self)
        self.scope_buttons: dict[str, QRadioButton] = {}
        for i, (key, label) in enumerate(SCOPES.items()):
            n = counts.get(key, 0)
            button = QRadioButton(f"{label}  ({n:,})")
            button.setEnabled(n > 0)
            self.scope_group.addButton(button, i)
            self.scope_buttons[key] = button
            which_lay.addWidget(button)
        self.format_box = QComboBox()
        for f in FORMATS.values():
            self.format_box.addItem(f"{f.label} ({f.extension})", f.name)
        self.per_article = QRadioButton("One file per article, in a folder")
        self.combined = QRadioButton("One combined file")
        self.layout_group = QButtonGroup(self)
        self.layout_group.addButton(self.per_article)
        self.layout_group.addButton(self.combined)
        self.folder_edit = QLineEdit()
        self.folder_edit.setObjectName("exportFolder")
        self.folder_edit.setAccessibleName("Folder to export into")  # its form row holds a layout, not a label's buddy
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        self.file_name_edit = QLineEdit()
        self.file_name_edit.setObjectName("exportFileName")
        self.entities_box = QCheckBox("Include people, places, organisations and dates")
        self.note_style_box = QComboBox()
        self.note_style_box.addItem("Footnotes", "footnotes")
        self.note_style_box.addItem("Quotes", "quotes")
        self.page_size_box = QComboBox()
        self.page_size_box.addItems(list(PAGE_SIZES))
        self.form = form = QFormLayout()
        form.addRow("Format:", self.format_box)
        form.addRow("", self.per_article)
        form.addRow("", self.combined)
        form.addRow("Folder:", folder_row)
        form.addRow("File name:", self.file_name_edit)
        form.addRow("", self.entities_box)
        form.addRow("Highlight notes (Markdown):", self.note_style_box)
        form.addRow("Page size (PDF):", self.page_size_box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._accept_if_complete)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(which)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.entities_box.toggled.connect(self._remember_entities)
        self.format_box.currentIndexChanged.connect(self._sync)
        self.combined.toggled.connect(self._sync)
        self.scope_group.idToggled.connect(lambda _i, _on: self._sync())

    def set_choice(self, c: ExportChoice) -> None:
        """Put a choice into the fields; a remembered scope with no articles now falls to the first usable one."""
        scope = c.scope if self.counts.get(c.scope, 0) else next(
            (k for k in SCOPES if self.counts.get(k, 0)), c.scope)  # fmt: skip
        self.scope_buttons[scope].setChecked(True)
        self.format_box.setCurrentIndex(max(0, self.format_box.findData(c.fmt)))
        (self.combined if c.combined else self.per_article).setChecked(True)
        self.folder_edit.setText(c.folder or str(Path.home()))
        self.file_name_edit.setText(c.file_name)
        self._entities_wanted = c.include_entities
        self._sync()
        self.note_style_box.setCurrentIndex(max(0, self.note_style_box.findData(c.note_style)))
        self.page_size_box.setCurrentText(c.page_size)

    def choice(self) -> ExportChoice:
        scope = next((k for k, b in self.scope_buttons.items() if b.isChecked()), "selected")
        return ExportChoice(
            scope=scope,
            fmt=self.format_box.currentData(),
            combined=self.combined.isChecked(),
            folder=self.folder_edit.text().strip(),
            file_name=self.file_name_edit.text().strip() or COMBINED_STEM,
            include_entities=self._entities_wanted,
            note_style=self.note_style_box.currentData(),
            page_size=self.page_size_box.currentText(),
        )

    def _sync(self) -> None:
        """Grey out, with the reason as a tooltip, every option the chosen format or layout does not use."""
        fmt = self.format_box.currentData()
        self._enable_row(self.file_name_edit, self.combined.isChecked(), "Used for one combined file")
        self._enable_row(self.note_style_box, fmt == "md", "Only Markdown exports place highlight notes this way")
        self._enable_row(self.page_size_box, fmt == "pdf", "Only PDF exports have pages")
        entities = fmt != "json"
        why = "JSON exports hold your highlights and notes as W3C Web Annotations, without entities"
        self._enable_row(self.entities_box, entities, why)
        self.entities_box.setChecked(entities and self._entities_wanted)  # shown unticked where it does not apply
        self.export_button.setEnabled(any(b.isChecked() and b.isEnabled() for b in self.scope_buttons.values()))

    def _enable_row(self, field: QWidget, on: bool, why_not: str) -> None:
        field.setEnabled(on)
        field.setToolTip("" if on else why_not)
        label = self.form.labelForField(field)
        if label is not None:
            label.setEnabled(on)
            label.setToolTip("" if on else why_not)

    def _remember_entities(self, on: bool) -> None:
        if self.entities_box.isEnabled():  # not the unticking done while a format that ignores entities is chosen
            self._entities_wanted = on

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Export into this folder", self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def _accept_if_complete(self) -> None:
        folder = self.folder_edit.text().strip()
        if not folder:
            QMessageBox.warning(self, "Export", "Choose a folder to export into.")
            return
        if Path(folder).expanduser().exists() and not Path(folder).expanduser().is_dir():
            message_box(self, QMessageBox.Icon.Warning, "Export", f"{folder} is a file, not a folder. Choose a folder.")
            return
        self.accept()


def write_export(parent: QWidget, items: Sequence[ExportItem], choice: ExportChoice) -> list[Path] | None:
    """Export with a progress dialog (Stop ends it between files); returns the files written.

    None when the user declined to replace existing files; [] when it failed (the reason was shown).
    """
    base = ExportOptions(choice.include_entities, choice.note_style, choice.page_size)
    options = replace(base, exported=base.exported_at())  # one time stamp for every file of the batch
    if not items:
        QMessageBox.information(parent, "Export", "There are no articles to export in this choice.")
        return []
    try:
        paths = plan_paths(items, fmt=choice.fmt, out=choice.out(), combined=choice.combined)
        existing = [p for p in paths if p.exists()]
        if existing and not may_overwrite(parent, existing):
            return None
        groups: list[Sequence[ExportItem]] = [items] if len(paths) == 1 else [[it] for it in items]
        return _write_files(parent, list(zip(paths, groups, strict=True)), choice.fmt, options, bool(existing))
    except (ExportError, OSError) as exc:
        message_box(parent, QMessageBox.Icon.Warning, "Export failed", str(exc))
        return []


def _write_files(parent: QWidget, jobs: list[tuple[Path, Sequence[ExportItem]]], fmt: str, options: ExportOptions,
                 force: bool) -> list[Path]:  # fmt: skip
    """One export_items call per file, so the window can show progress and stop between files."""
    progress = QProgressDialog("Exporting…", "Stop", 0, len(jobs), parent)
    progress.setWindowTitle("Export")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)  # quick exports never flash a dialog
    written: list[Path] = []
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        for i, (path, group) in enumerate(jobs):
            progress.setValue(i)
            if progress.wasCanceled():
                break
            progress.setLabelText(f"Exporting {path.name}…")
            # Only files the user agreed to replace can exist here; one that appeared since is refused, not replaced.
            written += export_items(group, fmt=fmt, out=path, combined=len(group) > 1, force=force, options=options,
                                    pdf_writer=write_pdf)
        progress.setValue(len(jobs))
    finally:
        QApplication.restoreOverrideCursor()
        progress.close()
    return written


def may_overwrite(parent: QWidget, paths: Sequence[Path]) -> bool:
    """Ask before replacing files; No is the default answer."""
    names = "\n".join(str(p) for p in paths[:8]) + ("\n…" if len(paths) > 8 else "")
    many = f"{len(paths)} files exist" if len(paths) > 1 else "This file exists"
    answer = message_box(
        parent, QMessageBox.Icon.Question, "Replace files?", f"{many} already:\n\n{names}\n\nReplace them?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
    )  # fmt: skip
    return answer == QMessageBox.StandardButton.Yes
