"""Article file formats: detection, the loader registry, and the folder scan.

`load_file` is the one door: it reads safely (size limit, gzip), detects the format by content
then extension, runs the loader, and turns any failure into an ImportProblem a user can act on.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from reader.core.article import Article
from reader.core.errors import ImportProblem
from reader.core.formats.detection import EXTENSION_FORMATS, SUPPORTED_EXTENSIONS, detect, format_extension
from reader.core.formats.reading import DEFAULT_MAX_BYTES, read_limited

__all__ = [
    "DEFAULT_MAX_BYTES", "EXTENSION_FORMATS", "SUPPORTED_EXTENSIONS", "detect", "format_extension",
    "iter_article_files", "load_file", "loader_for",
]

Loader = Callable[[bytes, Path], list[Article]]

# format name -> (module, function); imported on first use so a scan stays cheap.
_LOADERS: dict[str, tuple[str, str]] = {
    "text": ("reader.core.formats.text", "load_text"),
    "markdown": ("reader.core.formats.markdown", "load_markdown"),
    "html": ("reader.core.formats.html", "load_html"),
    "mhtml": ("reader.core.formats.mhtml", "load_mhtml"),
    "rss": ("reader.core.formats.feeds", "load_rss"),
    "atom": ("reader.core.formats.feeds", "load_atom"),
    "rdf": ("reader.core.formats.feeds", "load_rdf"),
    "jsonfeed": ("reader.core.formats.jsondata", "load_jsonfeed"),
    "json": ("reader.core.formats.jsondata", "load_json"),
    "jsonl": ("reader.core.formats.jsondata", "load_jsonl"),
    "eml": ("reader.core.formats.mail", "load_eml"),
    "mbox": ("reader.core.formats.mail", "load_mbox"),
}

_FORMAT_WORDS = {
    "text": "plain text", "markdown": "Markdown", "html": "an HTML page", "mhtml": "an MHTML web archive",
    "rss": "an RSS feed", "atom": "an Atom feed", "rdf": "an RSS 1.0 (RDF) feed", "jsonfeed": "a JSON Feed",
    "json": "JSON", "jsonl": "JSON Lines", "eml": "an e-mail message", "mbox": "an mbox mailbox",
}


def loader_for(fmt: str) -> Loader:
    """The loader function of a format name."""
    module, func = _LOADERS[fmt]
    loader: Loader = getattr(importlib.import_module(module), func)
    return loader


def load_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """Read one file into its articles. Raises only ImportProblem, with a reason and advice."""
    path = Path(path)
    data = read_limited(path, max_bytes)
    fmt = detect(path, data[:65536])
    if fmt not in _LOADERS:
        raise ImportProblem(
            str(path),
            f"Files in the {_FORMAT_WORDS.get(fmt, fmt)} format cannot be imported yet.",
            "Save the article as HTML or plain text instead.",
        )
    try:
        articles = loader_for(fmt)(data, path)
    except ImportProblem:
        raise
    except RecursionError as exc:
        raise ImportProblem(
            str(path), "The file is nested too deeply to read.", "Check that it is a saved article, not generated data."
        ) from exc
    except Exception as exc:  # noqa: BLE001 - any loader failure must become a user-facing problem
        raise ImportProblem(
            str(path),
            f"The file looks like {_FORMAT_WORDS.get(fmt, fmt)} but could not be read ({type(exc).__name__}).",
            "Check that the file is complete and has the right extension; re-save it if it is damaged.",
        ) from exc
    if not articles:
        raise ImportProblem(
            str(path),
            f"No article was found in this file ({_FORMAT_WORDS.get(fmt, fmt)}).",
            "Check that it is a saved article, feed or newsletter and not an empty one.",
        )
    return [_with_language(a) for a in articles]


def _with_language(article: Article) -> Article:
    """Fill in a language the file did not declare, guessed from the opening of the text."""
    if article.language:
        return article
    from reader.core.extract.language import guess_language

    language = guess_language(f"{article.title}\n{article.text[:2000]}")
    return replace(article, language=language) if language else article


def _is_article_name(name: str) -> bool:
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    dot = lower.rfind(".")
    return dot > 0 and lower[dot:] in SUPPORTED_EXTENSIONS


def iter_article_files(folder: str | Path) -> Iterator[Path]:
    """Article files under `folder`, recursively, in a stable (sorted) order.

    Hidden files and folders are skipped, and so is a saved page's `*_files/` folder of assets.
    A single file path yields itself when it has a known extension.
    """
    root = Path(folder)
    if root.is_file():
        if _is_article_name(root.name):
            yield root
        return
    # A stack of sorted entry lists gives a depth-first walk in plain name order, without recursion.
    stack: list[Iterator[Path]] = [iter(_sorted_entries(root))]
    seen = {_identity(root)}  # folders already walked: a symlink loop is entered once
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir():
                ident = _identity(entry)
                if not entry.name.endswith(("_files", "-files")) and len(stack) < 64 and ident not in seen:
                    seen.add(ident)
                    stack.append(iter(_sorted_entries(entry)))
            elif entry.is_file() and _is_article_name(entry.name):
                yield entry
        except OSError:
            continue


def _identity(folder: Path) -> tuple[int, int]:
    try:
        st = folder.stat()
    except OSError:
        return (-1, id(folder))
    return (st.st_dev, st.st_ino)


def _sorted_entries(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError:
        return []

