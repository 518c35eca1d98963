"""Normalise the many ways pages and feeds write a date to ISO 8601.

Month names come in English, French, German, Spanish, Italian, Portuguese, Dutch and Arabic
(`date_names`); a time with a zone ("10:30 CET", "5 p.m. GMT+2") keeps its UTC offset. Numeric dates
with slashes are read month-first when the day cannot tell ("11/19/2019" can only be November 19;
"05/06/2019") — and for "05/06/2019" the page's locale decides: month-first for US English and for
English with no region or an unknown language, day-first for every other locale. Dots and dashes
("19.11.2019") are day-first. A date more than a day in the future or before 1900 is no date.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from reader.core.extract.date_names import MONTHS, ZONE_NAMES, zone_offset

# Arabic month names: the Egyptian/Gulf forms from the Latin names and the Levantine (Syriac) forms.
# Several are two words, so they are matched by their own pattern rather than looked up in MONTHS.
_ARABIC_MONTHS = {
    "يناير": 1, "كانون الثاني": 1, "فبراير": 2, "شباط": 2, "مارس": 3, "آذار": 3, "اذار": 3,
    "أبريل": 4, "ابريل": 4, "إبريل": 4, "نيسان": 4, "مايو": 5, "أيار": 5, "ايار": 5,
    "يونيو": 6, "يونيه": 6, "حزيران": 6, "يوليو": 7, "يوليه": 7, "تموز": 7, "أغسطس": 8, "اغسطس": 8,
    "آب": 8, "اب": 8, "سبتمبر": 9, "أيلول": 9, "ايلول": 9, "أكتوبر": 10, "اكتوبر": 10,
    "تشرين الأول": 10, "تشرين الاول": 10, "نوفمبر": 11, "تشرين الثاني": 11, "ديسمبر": 12,
    "كانون الأول": 12, "كانون الاول": 12,
}
_ARABIC_MONTH = "|".join(sorted((re.escape(m) for m in _ARABIC_MONTHS), key=len, reverse=True))
# "11 فبراير 2026", "11 شباط 2026", and the common double form "11 فبراير/شباط 2026".
_ARABIC_DATE = re.compile(
    rf"(?<!\d)(?P<d>[0-3]?\d)\s+(?:من\s+)?(?P<mon>{_ARABIC_MONTH})(?:\s*[/(]\s*(?:{_ARABIC_MONTH})\s*\)?)?"
    r"\s*[،,]?\s+(?P<y>(?:19|20)\d\d)(?!\d)"
)
# Arabic-Indic (U+0660..) and Persian (U+06F0..) digits read as ASCII digits.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

_YEAR = r"(?:19|20)\d\d"
_ISO = re.compile(
    rf"(?P<y>{_YEAR})-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)"
    r"(?:[T ](?P<H>[0-2]\d):(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d)(?:\.\d+)?)?)?"
)
_YEAR_FIRST = re.compile(rf"\b(?P<y>{_YEAR})[/.](?P<m>[01]?\d)[/.](?P<d>[0-3]?\d)\b")
# Slashes: month or day first (see the module docstring); dots and dashes: day first.
_NUMERIC = re.compile(rf"(?<![\d/.-])(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)(?P<y>{_YEAR})(?![\d/])")
# "19 November 2019", "19. November 2019", "19 de noviembre de 2019", "1er janvier 2020", "3rd of March"
# or "November 19, 2019", "Nov. 19th 2019".
_WORDY = re.compile(
    rf"(?:(?P<d1>[0-3]?\d)(?:st|nd|rd|th|er|º|°)?\.?\s+(?:(?:of|de)\s+)?(?P<mon1>[^\W\d_]{{3,10}})\.?,?\s+"
    rf"(?:de\s+)?(?P<y1>{_YEAR}))"
    rf"|(?:(?P<mon2>[^\W\d_]{{3,10}})\.?\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y2>{_YEAR}))",
)
_CLOCK = re.compile(
    r"\b(?P<H>[0-2]?\d)[:.h](?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?(?:\s*(?P<ampm>[ap]\.?\s?m\b\.?))?", re.I
)
# A zone after a time: "GMT+2", "UTC+05:30", "CET", "(EST)", "+0100", "Z".
_ZONE = re.compile(rf"\s*\(?(?:(?P<name>\b(?:{ZONE_NAMES})\b)(?P<off>[+-−]\d{{1,2}}(?::?\d\d)?)?"
                   r"|(?P<bare>[+-−]\d\d:?\d\d\b|Z\b))\)?")
_URL_DATE = re.compile(rf"/(?P<y>{_YEAR})[/-](?P<m>[01]?\d|[a-z]{{3,9}})[/-](?P<d>[0-3]?\d)(?:/|-|\b)", re.I)
_MONTH_FIRST_REGIONS = {"US", "PH", "FM", "MH", "PW", "AS", "GU", "MP", "PR", "UM", "VI"}


def month_first(language: str) -> bool:
    """Whether "05/06/2019" means May 6 for a page in `language` (a BCP 47 tag like "en-GB")."""
    parts = re.split(r"[-_]", language.strip())
    lang = parts[0].lower()
    region = parts[1].upper() if len(parts) > 1 else ""
    if not lang:
        return True
    return lang == "en" and (not region or region in _MONTH_FIRST_REGIONS)


def _plausible(moment: datetime) -> bool:
    """Not before 1900, not more than a day ahead of now (a page cannot be published tomorrow)."""
    if moment.year < 1900:
        return False
    now = datetime.now(UTC)
    if moment.tzinfo is None:
        return moment <= now.replace(tzinfo=None) + timedelta(days=1, hours=14)
    return moment <= now + timedelta(days=1)


def _format(y: int, m: int, d: int, hh: int | None = None, mm: int = 0, ss: int = 0, tz: timezone | None = None) -> str:
    try:
        moment = datetime(y, m, d, hh or 0, mm, ss, tzinfo=tz)
    except ValueError:
        return ""
    if not _plausible(moment):
        return ""
    return moment.date().isoformat() if hh is None else moment.isoformat()


def _zone_at(text: str, pos: int, when: datetime, language: str) -> tuple[timezone | None, int]:
    """The zone written at `pos` (after a time) and where it ends; (None, pos) when there is none."""
    m = _ZONE.match(text, pos)
    if not m or m.end() == pos:
        return None, pos
    if m["bare"]:
        tz = zone_offset("", "" if m["bare"] == "Z" else m["bare"], when, language)
    else:
        tz = zone_offset(m["name"], m["off"] or "", when, language)
    return (tz, m.end()) if tz is not None else (None, pos)


def _with_time(text: str, pos: int, y: int, mo: int, d: int, language: str, near: int = 14) -> tuple[str, int]:
    """The date, with the time and zone written within `near` characters after it; and where it ends."""
    clock = _CLOCK.search(text, pos)
    if not clock or clock.start() - pos > near or re.search(r"\d", text[pos:clock.start()]):
        return _format(y, mo, d), pos
    hh = int(clock["H"])
    ampm = re.sub(r"[^apm]", "", (clock["ampm"] or "").lower())
    if ampm == "pm" and hh < 12:
        hh += 12
    elif ampm == "am" and hh == 12:
        hh = 0
    if hh > 23:
        return _format(y, mo, d), pos
    mm, ss = int(clock["M"]), int(clock["S"] or 0)
    try:
        local = datetime(y, mo, d, hh, mm, ss)
    except ValueError:
        return "", pos
    tz, end = _zone_at(text, clock.end(), local, language)
    return _format(y, mo, d, hh, mm, ss, tz), end


def _iso_span(text: str, language: str) -> tuple[str, int, int]:
    m = _ISO.search(text)
    if not m:
        return "", -1, -1
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not m["H"]:
        return _format(y, mo, d), m.start(), m.end()
    hh, mm, ss = int(m["H"]), int(m["M"]), int(m["S"] or 0)
    try:
        local = datetime(y, mo, d, hh, mm, ss)
    except ValueError:
        return "", -1, -1
    tz, end = _zone_at(text, m.end(), local, language)
    found = _format(y, mo, d, hh, mm, ss, tz)
    return (found, m.start(), end) if found else ("", -1, -1)


def _words_span(text: str, language: str) -> tuple[str, int, int]:
    """A date written with a month name and its span (with the time and zone that follow it)."""
    for m in _WORDY.finditer(text):
        mon = (m["mon1"] or m["mon2"]).lower()
        month = MONTHS.get(mon)
        if month:
            day, year = int(m["d1"] or m["d2"]), int(m["y1"] or m["y2"])
            found, end = _with_time(text, m.end(), year, month, day, language)
            if found:
                return found, m.start(), end
    a = _ARABIC_DATE.search(text)
    if a:
        found = _format(int(a["y"]), _ARABIC_MONTHS[a["mon"]], int(a["d"]))
        if found:
            return found, a.start(), a.end()
    return "", -1, -1


def _numeric_span(text: str, language: str) -> tuple[str, int, int]:
    m = _YEAR_FIRST.search(text)
    if m:
        found, end = _with_time(text, m.end(), int(m["y"]), int(m["m"]), int(m["d"]), language)
        if found:
            return found, m.start(), end
    for m in _NUMERIC.finditer(text):
        a, b = int(m["a"]), int(m["b"])
        day_first = a > 12 or (b <= 12 and (m["sep"] != "/" or not month_first(language)))
        day, month = (a, b) if day_first else (b, a)
        found, end = _with_time(text, m.end(), int(m["y"]), month, day, language)
        if found:
            return found, m.start(), end
    return "", -1, -1


def _from_rfc2822(text: str) -> str:
    if not re.search(r"\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d\d:\d\d(?::\d\d)?\s+(?:[+-]\d{4}|GMT|UT)\b", text):
        return ""
    try:
        dt = parsedate_to_datetime(text.strip())
    except (TypeError, ValueError, IndexError):
        return ""
    return dt.isoformat() if dt and _plausible(dt) else ""


def find_date(text: str, *, language: str = "") -> tuple[str, int, int]:
    """The first date written in `text` as (ISO 8601, start, end), or ("", -1, -1).

    Unlike `normalise_date` it says where the date is, so a caller can check what surrounds it
    (a byline's "Published", a place name) before treating a whole line as a date line. The span
    covers a time and zone written right after the date. `language` (the page's BCP 47 tag) settles
    "05/06/2019" and ambiguous zones like IST. Arabic-Indic digits count as digits; the span is in
    the original text (translation keeps lengths).
    """
    text = text.translate(_DIGITS)
    for span in (_iso_span, _words_span, _numeric_span):
        found = span(text, language)
        if found[0]:
            return found
    return "", -1, -1


def normalise_date(value: object, *, language: str = "") -> str:
    """An ISO 8601 date or date-time for a date written in any common way, or "" if none."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, int | float):
        seconds = value / 1000 if value > 1e11 else value  # JavaScript timestamps are in ms
        try:
            moment = datetime.fromtimestamp(seconds, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return ""
        return moment.isoformat() if _plausible(moment) else ""
    text = str(value).strip()[:200].translate(_DIGITS)
    if not text:
        return ""
    return _from_rfc2822(text) or find_date(text, language=language)[0]


def date_from_url(url: str) -> str:
    """A date written into an article URL like /2019/11/19/ or /2019/nov/19/, or ""."""
    for m in _URL_DATE.finditer(url or ""):
        month = int(m["m"]) if m["m"].isdigit() else MONTHS.get(m["m"].lower(), 0)
        found = _format(int(m["y"]), month, int(m["d"])) if month else ""
        if found:
            return found
    return ""
