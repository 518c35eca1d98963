"""Dates as people read them ("18 November 2019"), from the ISO 8601 strings the app stores.

One formatter for the reading pane, the article list and every export, so a date reads the same
everywhere. Month names are English and fixed (not the process locale): an export made on one machine
must read the same on another, and `strftime` would follow whatever locale Qt or the shell set.
The calendar date is taken as written in the string, in its own time zone: an article published at
23:30 in New York on the 18th is shown as the 18th, as its publisher dated it.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

# A full date, or a year and month, or a year, at the start of the string (any time part after it is ignored).
_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T\s]|[-+Z])")


def _parts(iso: str) -> tuple[int, int, int] | None:
    """(year, month, day) with 0 for missing parts; None when the string is not an ISO date or not a real date."""
    m = _ISO.match(iso)
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    return year, month, day


def long_date(iso: str) -> str:
    """'2019-11-18T17:56:27+00:00' -> '18 November 2019'; '2019-11' -> 'November 2019'; '' -> ''.

    Anything that is not an ISO date is returned unchanged (trimmed), so nothing the source said is lost.
    """
    parts = _parts(iso)
    if parts is None:
        return iso.strip()
    year, month, day = parts
    if not month:
        return str(year)
    if not day:
        return f"{MONTHS[month - 1]} {year}"
    return f"{day} {MONTHS[month - 1]} {year}"


def short_date(iso: str) -> str:
    """'2019-11-18T17:56:27+00:00' -> '18 Nov 2019' (the article list's column); unparsable -> its first 10 chars."""
    parts = _parts(iso)
    if parts is None:
        return iso.strip()[:10]
    year, month, day = parts
    if not month:
        return str(year)
    if not day:
        return f"{MONTHS[month - 1][:3]} {year}"
    return f"{day:02d} {MONTHS[month - 1][:3]} {year}"
