"""Write exports to disk: one file per article into a folder, or one combined file; never overwrite unasked."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reader.core.errors import ReaderError
from reader.core.export.annotation_json import to_json, to_json_combined
from reader.core.export.escape import clean_output
from reader.core.export.filenames import NamePicker, safe_stem
from reader.core.export.html import to_html, to_html_combined, to_pdf_html, to_pdf_html_combined
from reader.core.export.item import ExportItem, ExportOptions
from reader.core.export.markdown import to_markdown, to_markdown_combined
from reader.core.export.text import to_text, to_text_combined

PdfWriter = Callable[..., object]  # write_pdf(html, path, page_size=...)


@dataclass(frozen=True)
class ExportFormat:
    """A format the user can pick: its short name (CLI), label (dialog) and file extension."""

    name: str
    label: str
    extension: str
    binary: bool = False


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("md", "Markdown", ".md"),
        ExportFormat("html", "HTML page", ".html"),
        ExportFormat("pdf", "PDF", ".pdf", binary=True),
        ExportFormat("json", "W3C Web Annotation JSON", ".json"),
        ExportFormat("txt", "Plain text", ".txt"),
    )
}

_SINGLE: dict[str, Callable[[ExportItem, ExportOptions], str]] = {
    "md": to_markdown, "html": to_html, "pdf": to_pdf_html, "json": to_json, "txt": to_text,
}  # fmt: skip
_COMBINED: dict[str, Callable[[Sequence[ExportItem], ExportOptions], str]] = {
    "md": to_markdown_combined, "html": to_html_combined, "pdf": to_pdf_html_combined, "json": to_json_combined,
    "txt": to_text_combined,
}  # fmt: skip
COMBINED_STEM = "News Reader export"


class ExportError(ReaderError):
    """An export that could not be written, in words the user can act on."""


class ExportWouldOverwrite(ExportError):
    """Some target files exist already and overwriting was not allowed."""

    def __init__(self, paths: Sequence[Path]) -> None:
        self.paths = list(paths)
        shown = ", ".join(str(p) for p in self.paths[:5]) + (" ..." if len(self.paths) > 5 else "")
        super().__init__(
            f"{'a file' if len(self.paths) == 1 else f'{len(self.paths)} files'} would be overwritten: {shown} "
            "(choose another place, or allow overwriting: --force on the command line)"
        )


def export_format(fmt: str) -> ExportFormat:
    try:
        return FORMATS[fmt]
    except KeyError:
        raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}") from None


def render(item: ExportItem, fmt: str, options: ExportOptions | None = None) -> str:
    """One article in a text format ("pdf" gives the HTML the PDF is drawn from)."""
    export_format(fmt)
    return clean_output(fmt, _SINGLE[fmt](item, options or ExportOptions()))


def render_combined(items: Sequence[ExportItem], fmt: str, options: ExportOptions | None = None) -> str:
    export_format(fmt)
    return clean_output(fmt, _COMBINED[fmt](items, options or ExportOptions()))


def plan_paths(items: Sequence[ExportItem], *, fmt: str, out: str | Path, combined: bool) -> list[Path]:
    """Where each file will go. `out` is a file when it carries the format's extension, else a folder."""
    ext = export_format(fmt).extension
    out = Path(out).expanduser()
    names_a_file = out.suffix.lower() == ext and not out.is_dir()
    other = {f.extension for f in FORMATS.values()} - {ext}
    if out.suffix.lower() in other and not out.is_dir():
        raise ExportError(f"{out} names a {out.suffix} file, but the format is {fmt} ({ext}); change one of them")
    if combined or len(items) == 1:
        if names_a_file:
            return [out]
        title = items[0].article.title if len(items) == 1 else COMBINED_STEM
        return [out / f"{safe_stem(title)}{ext}"]
    if names_a_file:
        raise ExportError(f"{out} names one file, but {len(items)} articles were chosen: give a folder, or combine")
    picker = NamePicker()
    return [out / picker.pick(it.article.title, ext, fallback=f"article-{it.article.id[:8]}") for it in items]


def _write_text(path: Path, text: str, force: bool) -> None:
    if not force:
        with open(path, "x", encoding="utf-8", newline="\n") as f:  # "x": fails rather than overwrite
            f.write(text)
        return
    # Overwriting: write aside and swap in, so a failure never leaves half a file in place of a good one.
    fd, tmp = tempfile.mkstemp(prefix=".export-", suffix=path.suffix, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export_items(
    items: Sequence[ExportItem], *, fmt: str, out: str | Path, combined: bool = False, force: bool = False,
    options: ExportOptions | None = None, pdf_writer: PdfWriter | None = None,
) -> list[Path]:
    """Export the items; returns the written files. ExportWouldOverwrite before anything is written."""
    if not items:
        raise ExportError("nothing to export: no articles were chosen")
    options = options or ExportOptions()
    if not options.exported:  # one time stamp for every file of the batch
        options = replace(options, exported=options.exported_at())
    paths = plan_paths(items, fmt=fmt, out=out, combined=combined)
    existing = [p for p in paths if p.exists()]
    if existing and not force:
        raise ExportWouldOverwrite(existing)
    groups: list[Sequence[ExportItem]] = [items] if len(paths) == 1 else [[it] for it in items]
    if fmt == "pdf" and pdf_writer is None:  # drawing a PDF needs Qt, which reader.core never imports
        raise ExportError("PDF export needs a PDF writer (reader.ui.export_pdf.write_pdf)")
    writer = pdf_writer if fmt == "pdf" else None
    for path, group in zip(paths, groups, strict=True):
        text = render(group[0], fmt, options) if len(group) == 1 else render_combined(group, fmt, options)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if writer is not None:
                if path.exists() and not force:
                    raise ExportWouldOverwrite([path])
                writer(text, path, page_size=options.page_size)
            else:
                _write_text(path, text, force)
        except FileExistsError:
            raise ExportWouldOverwrite([path]) from None
        except OSError as exc:
            raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return paths
