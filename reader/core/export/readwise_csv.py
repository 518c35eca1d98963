"""The notebook's entries as a CSV in Readwise's import columns: Highlight, Title, Author, URL, Note, Location, Date.

Written with the csv module (every field quoted as needed, UTF-8, a header row). Location is the highlight's
character offset into the article's text (empty for an article note or an orphan, whose place is unknown);
Date is the ISO 8601 time the highlight was made. An article note has no quote: its text is the Highlight
(Readwise needs one) and its Note is empty.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from reader.core.export.item import is_web_url
from reader.core.safe_text import strip_controls
from reader.core.store.notebook_query import NotebookRow

READWISE_COLUMNS = ("Highlight", "Title", "Author", "URL", "Note", "Location", "Date")


def readwise_record(row: NotebookRow) -> list[str]:
    """One entry as the seven Readwise fields."""
    highlight, note = (row.note, "") if row.is_note else (row.quote, row.note)
    location = "" if row.is_note or row.status == "unanchored" else str(row.start)
    url = row.url if is_web_url(row.url) else ""
    fields = [highlight, row.title or "(untitled)", row.byline, url, note, location, row.created]
    return [strip_controls(f) for f in fields]


def to_readwise_csv(rows: Sequence[NotebookRow]) -> str:
    """The whole CSV (header first), with the csv module's quoting."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(READWISE_COLUMNS)
    writer.writerows(readwise_record(r) for r in rows)
    return out.getvalue()
