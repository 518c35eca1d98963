"""Export annotated articles: Markdown, HTML, W3C Web Annotation JSON, plain text (PDF is drawn in reader.ui)."""

from reader.core.export.item import ExportItem, ExportOptions

__all__ = ["ExportItem", "ExportOptions"]
