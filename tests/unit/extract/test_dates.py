"""Date normalisation to ISO 8601."""

from __future__ import annotations

import pytest

from reader.core.extract.dates import date_from_url, normalise_date


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
