"""`news-reader extract`: print the articles found in files or folders, as text or JSON lines."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from reader.core.article import Article
from reader.core.errors import ImportProblem
from reader.core.formats import DEFAULT_MAX_BYTES, iter_article_files, load_file
from reader.core.safe_text import escape_json_controls, strip_controls
from reader.core.store.library import shown_path

NAME = "extract"
HELP = "print the title, byline, date, source and clean text of article files (or --json lines)"

_FIELDS = ("title", "byline", "published", "source", "url", "language")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders (searched recursively)")
    parser.add_argument("--json", action="store_true",
                        help="one JSON object per article per line: path, format, title, byline, published, "
                             "source, url, language, text (or path and error for a file that failed); "
                             "path_bytes (hex) too when a file name is not UTF-8")
    parser.add_argument("--max-mb", type=float, default=DEFAULT_MAX_BYTES / (1024 * 1024), metavar="MB",
                        help="refuse files larger than this (default: %(default)g)")


def _files(paths: list[str]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from iter_article_files(path)
        else:
            yield path  # a named file is tried whatever its extension


def _path_fields(path: str) -> dict[str, str]:
    """`path` as valid UTF-8 (U+FFFD for bytes that are not), and, only for such a name, its exact bytes in hex.

    JSON must be UTF-8, so a Latin-1 `caf\xe9.txt` cannot be written as it is; the replacement mark
    shows it, and `path_bytes` lets a script still open that very file (`bytes.fromhex`).
    """
    fields = {"path": shown_path(path)}
    raw = os.fsencode(path)
    if raw.decode("utf-8", errors="replace") != raw.decode("utf-8", errors="surrogateescape"):
        fields["path_bytes"] = raw.hex()
    return fields


def _valid_text(value: str) -> str:
    """`value` with lone surrogates (from undecodable bytes) shown as U+FFFD, so it encodes as UTF-8."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return value.encode("utf-8", errors="surrogatepass").decode("utf-8", errors="replace")
    return value


def article_record(article: Article) -> dict[str, str]:
    """The JSON object printed for one article."""
    record = {**_path_fields(article.path), "format": article.format}
    record.update({name: _valid_text(getattr(article, name)) for name in _FIELDS})
    record["text"] = _valid_text(article.text)
    return record


def _print_text(article: Article, out: TextIO) -> None:
    # Articles and file names may carry terminal escapes or bidi overrides: never print them raw.
    out.write(strip_controls(f"== {shown_path(article.path)} ({article.format})") + "\n")
    for name in _FIELDS:
        value = getattr(article, name)
        if value:
            out.write(strip_controls(f"{name.capitalize()}: {_valid_text(value)}") + "\n")
    body = article.text or ("(This item has no text of its own; its link is above.)" if article.url else "")
    out.write("\n" + strip_controls(_valid_text(body)) + "\n\n")


def _json_line(record: dict[str, str]) -> str:
    return escape_json_controls(json.dumps(record, ensure_ascii=False)) + "\n"


def run(args: argparse.Namespace) -> int:
    out = sys.stdout
    max_bytes = int(args.max_mb * 1024 * 1024)
    failed = 0
    for path in _files(args.paths):
        try:
            articles = load_file(path, max_bytes=max_bytes)
        except ImportProblem as problem:
            failed += 1
            message = f"{problem.reason} {problem.advice}".strip()
            if args.json:
                out.write(_json_line({**_path_fields(str(path)), "error": _valid_text(message)}))
            else:
                shown = shown_path(str(path))
                print(strip_controls(f"news-reader extract: {shown}: {_valid_text(message)}"), file=sys.stderr)
            continue
        for article in articles:
            if args.json:
                out.write(_json_line(article_record(article)))
            else:
                _print_text(article, out)
    out.flush()
    return 1 if failed else 0
