"""Date normalisation to ISO 8601."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from reader.core.extract.dates import date_from_url, find_date, normalise_date


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2019-11-19T10:00:00Z", "2019-11-19T10:00:00+00:00"),
        ("2019-11-19T10:00:00.123+0530", "2019-11-19T10:00:00+05:30"),
        ("2019-11-19 10:00", "2019-11-19T10:00:00"),
        ("2019-11-19", "2019-11-19"),
        ("Tue, 19 Nov 2019 10:00:00 GMT", "2019-11-19T10:00:00+00:00"),
        ("Mon, 06 Sep 2010 00:01:00 -0400", "2010-09-06T00:01:00-04:00"),
        ("November 19, 2019", "2019-11-19"),
        ("Nov. 19, 2019 5:03 p.m.", "2019-11-19T17:03:00"),
        ("19 November 2019", "2019-11-19"),
        ("3rd of March 2020", "2020-03-03"),
        ("12 mars 2021", "2021-03-12"),
        ("2019/11/19", "2019-11-19"),
        ("19.11.2019", "2019-11-19"),
        (1574157600, "2019-11-19T10:00:00+00:00"),
        (1574157600000, "2019-11-19T10:00:00+00:00"),
        ("2019-02-30", ""),
        ("yesterday", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_normalise_date(raw: object, expected: str) -> None:
    assert normalise_date(raw) == expected


def test_date_from_url() -> None:
    assert date_from_url("https://example.org/2019/11/19/story.html") == "2019-11-19"
    assert date_from_url("https://example.org/news/2021-03-05-title") == "2021-03-05"
    assert date_from_url("https://example.org/story-123") == ""


@pytest.mark.parametrize(
    ("raw", "language", "expected"),
    [
        ("11/19/2019", "", "2019-11-19"),  # a day over 12 decides the order, whatever the locale
        ("11/19/2019", "en-GB", "2019-11-19"),
        ("19/11/2019", "en-US", "2019-11-19"),
        ("05/06/2019", "en-US", "2019-05-06"),
        ("05/06/2019", "en", "2019-05-06"),  # English with no region: US month-first
        ("05/06/2019", "", "2019-05-06"),  # no language known: month-first too
        ("05/06/2019", "en-GB", "2019-06-05"),
        ("05/06/2019", "fr-FR", "2019-06-05"),
        ("05/06/2019", "de", "2019-06-05"),
        ("05.06.2019", "en-US", "2019-06-05"),  # dots are day-first everywhere
        ("Posted 11/19/2019 at 5:03 PM", "en-US", "2019-11-19T17:03:00"),
    ],
)
def test_numeric_dates_follow_the_locale_only_when_ambiguous(raw: str, language: str, expected: str) -> None:
    assert normalise_date(raw, language=language) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("19 de noviembre de 2019", "2019-11-19"),
        ("19 de novembro de 2019", "2019-11-19"),
        ("1er janvier 2020", "2020-01-01"),
        ("19 novembre 2019", "2019-11-19"),
        ("19. November 2019", "2019-11-19"),
        ("12. März 2021", "2021-03-12"),
        ("19 settembre 2019", "2019-09-19"),
        ("3 maart 2020", "2020-03-03"),
        ("19 november 2019", "2019-11-19"),
        ("18 NOV 2019", "2019-11-18"),
        ("on Monday, November 18th, 2019 at 11:08 a.m.", "2019-11-18T11:08:00"),
    ],
)
def test_month_names_in_seven_languages(raw: str, expected: str) -> None:
    assert normalise_date(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("November 19, 2019 10:30 UTC", "2019-11-19T10:30:00+00:00"),
        ("19 November 2019 10:30 GMT", "2019-11-19T10:30:00+00:00"),
        ("19 November 2019 10:30 GMT+2", "2019-11-19T10:30:00+02:00"),
        ("19 November 2019 10:30 UTC-03:30", "2019-11-19T10:30:00-03:30"),
        ("19.11.2019 10:30 CET", "2019-11-19T10:30:00+01:00"),
        ("19. Juli 2019, 10:30 CEST", "2019-07-19T10:30:00+02:00"),
        ("Nov. 19, 2019 5:03 p.m. EST", "2019-11-19T17:03:00-05:00"),
        ("July 4, 2019 9:00 a.m. EDT", "2019-07-04T09:00:00-04:00"),
        ("Nov. 19, 2019 8:15 PST", "2019-11-19T08:15:00-08:00"),
        ("July 4, 2019 8:15 PDT", "2019-07-04T08:15:00-07:00"),
        ("4 July 2019 08:15 BST", "2019-07-04T08:15:00+01:00"),
        ("2019-11-19 10:30 CET", "2019-11-19T10:30:00+01:00"),
        ("2019-11-19T10:30:00 (GMT+2)", "2019-11-19T10:30:00+02:00"),
        ("July 4, 2019 9:00 a.m. ET", "2019-07-04T09:00:00-04:00"),  # US Eastern clock, summer
        ("January 4, 2019 9:00 a.m. ET", "2019-01-04T09:00:00-05:00"),  # and winter
        ("19 November 2019 10:30 XYZ", "2019-11-19T10:30:00"),  # an unknown zone is not guessed
    ],
)
def test_named_zones_become_offsets(raw: str, expected: str) -> None:
    assert normalise_date(raw) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en-IN", "2019-11-19T10:30:00+05:30"),
        ("en-IE", "2019-11-19T10:30:00+01:00"),
        ("he", "2019-11-19T10:30:00+02:00"),
        ("en", "2019-11-19T10:30:00"),  # IST without a locale that says which: no offset
    ],
)
def test_ist_is_settled_by_the_locale(language: str, expected: str) -> None:
    assert normalise_date("19 November 2019 10:30 IST", language=language) == expected


def test_no_date_in_the_future_or_before_1900() -> None:
    soon = date.today() + timedelta(days=40)
    assert normalise_date(soon.isoformat()) == ""
    assert normalise_date(soon.strftime("%d %B %Y")) == ""
    assert normalise_date((soon + timedelta(days=400)).strftime("%m/%d/%Y")) == ""
    assert normalise_date(date.today().isoformat()) == date.today().isoformat()
    assert normalise_date(-2_300_000_000) == ""  # 1897 as a timestamp
    assert normalise_date(4_102_444_800) == ""  # 2100


def test_date_from_url_with_month_name() -> None:
    assert date_from_url("https://example.org/west/statements/2019/nov/18/someone/claim/") == "2019-11-18"
    assert date_from_url("https://example.org/2019/nov/32/story") == ""


def test_find_date_span_covers_time_and_zone() -> None:
    text = "LONDON, 19 November 2019 10:30 GMT+2 — The board"
    iso, start, end = find_date(text)
    assert iso == "2019-11-19T10:30:00+02:00"
    assert text[start:end] == "19 November 2019 10:30 GMT+2"
