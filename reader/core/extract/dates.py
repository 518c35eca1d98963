"""Normalise the many ways pages and feeds write a date to ISO 8601."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("january", "jan", "janvier", "januar", "enero"),
            ("february", "feb", "février", "fevrier", "februar", "febrero"),
            ("march", "mar", "mars", "märz", "marzo"),
            ("april", "apr", "avril", "abril"),
            ("may", "mai", "mayo"),
            ("june", "jun", "juin", "juni", "junio"),
            ("july", "jul", "juillet", "juli", "julio"),
            ("august", "aug", "août", "aout", "agosto"),
            ("september", "sep", "sept", "septembre", "septiembre"),
            ("october", "oct", "octobre", "oktober", "octubre"),
            ("november", "nov", "novembre", "noviembre"),
            ("december", "dec", "décembre", "decembre", "dezember", "diciembre"),
        ]
    )
    for name in names
}

# Arabic month names: the Egyptian/Gulf forms from the Latin names and the Levantine (Syriac) forms.
# Several are two words, so they are matched by their own pattern rather than looked up in _MONTHS.
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

_ISO = re.compile(
    r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)"
    r"(?:[T ](?P<H>[0-2]\d):(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d)(?:\.\d+)?)?"
    r"\s*(?P<tz>Z|z|UTC|GMT|[+-][01]\d:?[0-5]\d|[+-][01]\d)?)?"
)
_SLASHED = re.compile(r"\b(?P<y>(?:19|20)\d\d)[/.](?P<m>[01]?\d)[/.](?P<d>[0-3]?\d)\b")
_DAY_FIRST = re.compile(r"\b(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<y>(?:19|20)\d\d)\b")
_WORDY = re.compile(
    r"(?:(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?P<mon1>[^\W\d_]{3,9})\.?,?\s+(?P<y1>(?:19|20)\d\d))"
    r"|(?:(?P<mon2>[^\W\d_]{3,9})\.?\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d))",
)
_CLOCK = re.compile(r"\b(?P<H>[0-2]?\d)[:.](?P<M>[0-5]\d)\s*(?P<ampm>[ap]\.?m\.?)?", re.I)
_URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d\d)[/-](?P<m>[01]?\d)[/-](?P<d>[0-3]?\d)(?:/|-|\b)")


def _tz(text: str | None) -> timezone | None:
    if not text:
        return None
    if text.upper() in ("Z", "UTC", "GMT"):
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > 14:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _format(y: int, m: int, d: int, hh: int | None = None, mm: int = 0, ss: int = 0, tz: timezone | None = None) -> str:
    try:
        if hh is None:
            return datetime(y, m, d).date().isoformat()
        return datetime(y, m, d, hh, mm, ss, tzinfo=tz).isoformat()
    except ValueError:
        return ""


def _from_iso(text: str) -> str:
    m = _ISO.search(text)
    if not m:
        return ""
    hh = int(m["H"]) if m["H"] else None
    return _format(int(m["y"]), int(m["m"]), int(m["d"]), hh, int(m["M"] or 0), int(m["S"] or 0), _tz(m["tz"]))


def _from_rfc2822(text: str) -> str:
    if not re.search(r"\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d\d:\d\d", text):
        return ""
    try:
        dt = parsedate_to_datetime(text.strip())
    except (TypeError, ValueError, IndexError):
        return ""
    return dt.isoformat() if dt else ""


def _words_span(text: str) -> tuple[str, int, int]:
    """A date written with a month name (English, French, German, Spanish or Arabic) and its span."""
    for m in _WORDY.finditer(text):
        mon = (m["mon1"] or m["mon2"]).lower()
        month = _MONTHS.get(mon) or _MONTHS.get(mon[:3])
        if month:
            day, year = int(m["d1"] or m["d2"]), int(m["y1"] or m["y2"])
            break
    else:
        a = _ARABIC_DATE.search(text)
        if not a:
            return "", -1, -1
        return _format(int(a["y"]), _ARABIC_MONTHS[a["mon"]], int(a["d"])), a.start(), a.end()
    clock = _CLOCK.search(text, m.end())
    if clock and clock.start() - m.end() < 12:
        hh = int(clock["H"])
        ampm = (clock["ampm"] or "").lower().replace(".", "")
        if ampm == "pm" and hh < 12:
            hh += 12
        elif ampm == "am" and hh == 12:
            hh = 0
        if hh < 24:
            return _format(year, month, day, hh, int(clock["M"])), m.start(), clock.end()
    return _format(year, month, day), m.start(), m.end()


def _from_words(text: str) -> str:
    return _words_span(text)[0]


def normalise_date(value: object) -> str:
    """An ISO 8601 date or date-time for a date written in any common way, or "" if none."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value  # JavaScript timestamps are in ms
        try:
            return datetime.fromtimestamp(seconds, tz=UTC).isoformat()
        except (OverflowError, OSError, ValueError):
            return ""
    text = str(value).strip()[:200].translate(_DIGITS)
    if not text:
        return ""
    for parse in (_from_iso, _from_rfc2822, _from_words):
        found = parse(text)
        if found:
            return found
    for pattern in (_SLASHED, _DAY_FIRST):
        m = pattern.search(text)
        if m:
            found = _format(int(m["y"]), int(m["m"]), int(m["d"]))
            if found:
                return found
    return ""


def find_date(text: str) -> tuple[str, int, int]:
    """The first date written in `text` as (ISO 8601, start, end), or ("", -1, -1).

    Unlike `normalise_date` it says where the date is, so a caller can check what surrounds it
    (a byline's "Published", a place name) before treating a whole line as a date line.
    Arabic-Indic digits count as digits; the span is in the original text (translation keeps lengths).
    """
    text = text.translate(_DIGITS)
    m = _ISO.search(text)
    if m:
        hh = int(m["H"]) if m["H"] else None
        found = _format(int(m["y"]), int(m["m"]), int(m["d"]), hh, int(m["M"] or 0), int(m["S"] or 0), _tz(m["tz"]))
        if found:
            return found, m.start(), m.end()
    found, start, end = _words_span(text)
    if found:
        return found, start, end
    for pattern in (_SLASHED, _DAY_FIRST):
        m = pattern.search(text)
        if m:
            found = _format(int(m["y"]), int(m["m"]), int(m["d"]))
            if found:
                return found, m.start(), m.end()
    return "", -1, -1


def date_from_url(url: str) -> str:
    """A date written into an article URL like /2019/11/19/, or ""."""
    m = _URL_DATE.search(url or "")
    return _format(int(m["y"]), int(m["m"]), int(m["d"])) if m else ""
