"""Export annotated articles: Markdown, HTML, W3C Web Annotation JSON, plain text (PDF is drawn in reader.ui).

Each format is a pure function of an ExportItem (article + note + bookmark + highlights + entity spans) and
ExportOptions; `export_items` writes one file per article or one combined file, never overwriting unasked.
"""

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

__all__ = [
    "FORMATS", "NOTE_STYLES", "PAGE_SIZES", "ExportError", "ExportFormat", "ExportItem", "ExportOptions",
    "ExportWouldOverwrite", "ImportReport", "export_items", "import_annotation_file", "merge_annotations",
    "plan_paths", "render", "render_combined",
]  # fmt: skip
