"""Words dates are written with: month names in the languages we read, and named time zones.

Kept apart from the parser (`dates.py`) because they are data: adding a language or a zone is a
line here, not a change to how dates are read.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# Full names and the usual abbreviations, one tuple per month: English, French, German, Spanish,
# Italian, Portuguese, Dutch. A name shared by two languages ("mai", "agosto") means the same month.
_MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    ("january", "jan", "janvier", "janv", "januar", "jänner", "jän", "enero", "ene", "gennaio", "gen", "janeiro",
     "januari"),
    ("february", "feb", "febr", "février", "fevrier", "févr", "fevr", "februar", "febrero", "febbraio", "fevereiro",
     "fev", "fév", "februari"),
    ("march", "mar", "mars", "märz", "maerz", "mär", "marzo", "março", "marco", "maart", "mrt"),
    ("april", "apr", "avril", "avr", "abril", "abr", "aprile"),
    ("may", "mai", "mayo", "maggio", "mag", "maio", "mei"),
    ("june", "jun", "juin", "juni", "junio", "giugno", "giu", "junho"),
    ("july", "jul", "juillet", "juil", "juli", "julio", "luglio", "lug", "julho"),
    ("august", "aug", "août", "aout", "agosto", "ago", "augustus"),
    ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set", "setembro"),
    ("october", "oct", "octobre", "oktober", "okt", "octubre", "ottobre", "ott", "outubro", "out"),
    ("november", "nov", "novembre", "noviembre", "novembro"),
    ("december", "dec", "décembre", "decembre", "déc", "dezember", "dez", "diciembre", "dic", "dicembre",
     "dezembro"),
)
MONTHS: dict[str, int] = {name: i + 1 for i, names in enumerate(_MONTH_NAMES) for name in names}

# Fixed offsets of the zone abbreviations news pages print, in hours. Where an abbreviation names two
# zones, the one English-language news means is taken: CST is US Central (not China), BST British
# Summer Time (not Bangladesh). IST (India, Ireland, Israel) and AMT (Armenia, Amazon) are settled by
# the page's locale in `zone_offset`, and dropped when it does not say.
_FIXED_ZONES: dict[str, float] = {
    "UTC": 0, "GMT": 0, "UT": 0, "Z": 0, "WET": 0, "WEST": 1, "BST": 1, "CET": 1, "CEST": 2, "MEZ": 1,
    "MESZ": 2, "EET": 2, "EEST": 3, "MSK": 3, "EAT": 3, "WAT": 1, "CAT": 2, "SAST": 2, "PKT": 5,
    "ICT": 7, "WIB": 7, "SGT": 8, "HKT": 8, "AWST": 8, "JST": 9, "KST": 9, "ACST": 9.5, "AEST": 10,
    "AEDT": 11, "NZST": 12, "NZDT": 13, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6,
    "PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8, "HST": -10, "AST": -4, "ADT": -3, "NST": -3.5,
    "ART": -3, "BRT": -3,
}
# Abbreviations that name a region's clock rather than a season: the offset depends on the date.
_REGION_ZONES = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles"}
# Ambiguous abbreviations: the locale's region (or language) decides; without one the zone is not guessed.
_BY_LOCALE: dict[str, dict[str, float]] = {
    "IST": {"IN": 5.5, "hi": 5.5, "IE": 1, "ga": 1, "IL": 2, "he": 2},
    "AMT": {"AM": 4, "hy": 4, "BR": -4, "pt": -4},
}
ZONE_NAMES = "|".join(sorted([*_FIXED_ZONES, *_REGION_ZONES, *_BY_LOCALE], key=len, reverse=True))
_OFFSET = re.compile(r"(?P<sign>[+-−])(?P<h>\d{1,2})(?::?(?P<m>[0-5]\d))?$")


def _locale_keys(language: str) -> tuple[str, str]:
    """("en", "IN") for "en-IN"; the region upper-cased, the language lower-cased."""
    parts = re.split(r"[-_]", language.strip())
    lang = parts[0].lower() if parts else ""
    region = parts[1].upper() if len(parts) > 1 else ""
    return lang, region


def parse_offset(text: str) -> timedelta | None:
    """"+2", "+05:30", "-0400", "−3" as a time difference from UTC (None past 14 hours or unreadable)."""
    m = _OFFSET.match(text.strip())
    if not m:
        return None
    hours, minutes = int(m["h"]), int(m["m"] or 0)
    if hours > 14:
        return None
    sign = -1 if m["sign"] in "-−" else 1
    return sign * timedelta(hours=hours, minutes=minutes)


def zone_offset(name: str, offset: str, when: datetime, language: str = "") -> timezone | None:
    """The UTC offset meant by a zone written as `name` plus an optional `offset` ("GMT+2", "CET").

    `when` (local, naive) matters for region clocks like "ET"; `language` ("en-IN") settles IST and AMT.
    None when the zone is unknown or ambiguous for this page.
    """
    name = name.upper()
    extra = parse_offset(offset) if offset else timedelta(0)
    if extra is None:
        return None
    if offset and name not in ("", "UTC", "GMT", "UT"):
        return None  # "CET+1" is not a way zones are written; do not guess what it means
    if name in _FIXED_ZONES or name == "":
        return timezone(timedelta(hours=_FIXED_ZONES.get(name, 0)) + extra)
    if name in _REGION_ZONES:
        try:
            delta = when.replace(tzinfo=ZoneInfo(_REGION_ZONES[name])).utcoffset()
        except (ZoneInfoNotFoundError, ValueError):
            return None  # no time-zone database on this system: keep the time without an offset
        return timezone(delta) if delta is not None else None
    choices = _BY_LOCALE.get(name)
    if choices:
        lang, region = _locale_keys(language)
        hours = choices.get(region, choices.get(lang))
        return timezone(timedelta(hours=hours)) if hours is not None else None
    return None
