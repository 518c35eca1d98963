"""Export annotated articles: Markdown, HTML, W3C Web Annotation JSON, plain text (PDF is drawn in reader.ui).

Each format is a pure function of an ExportItem (article + note + bookmark + highlights + entity spans) and
ExportOptions; `export_items` writes one file per article or one combined file, never overwriting unasked.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.core.export.annotation_import import ImportReport, import_annotation_file, merge_annotations
    from reader.core.export.batch import (
        FORMATS,
        ExportError,
        ExportFormat,
        ExportWouldOverwrite,
        export_items,
        plan_paths,
        render,
        render_combined,
    )
    from reader.core.export.item import NOTE_STYLES, PAGE_SIZES, ExportItem, ExportOptions

_HOMES = {
    "annotation_import": ("ImportReport", "import_annotation_file", "merge_annotations"),
    "batch": ("FORMATS", "ExportError", "ExportFormat", "ExportWouldOverwrite", "export_items", "plan_paths",
              "render", "render_combined"),
    "item": ("NOTE_STYLES", "PAGE_SIZES", "ExportItem", "ExportOptions"),
}  # fmt: skip
_HOME = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> Any:
    """Each name from its module on first use: the window's notes panel imports a small module of this
    package, and the formats (Markdown, HTML, the loaders of the annotation import) are not needed to
    show the window."""
    if name in _HOME:
        from importlib import import_module

        return getattr(import_module(f"{__name__}.{_HOME[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "FORMATS", "NOTE_STYLES", "PAGE_SIZES", "ExportError", "ExportFormat", "ExportItem", "ExportOptions",
    "ExportWouldOverwrite", "ImportReport", "export_items", "import_annotation_file", "merge_annotations",
    "plan_paths", "render", "render_combined",
]  # fmt: skip
