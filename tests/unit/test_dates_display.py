"""The one date formatter of the app and the exports: ISO strings as people read them."""

from __future__ import annotations

import pytest

from reader.core.dates_display import long_date, short_date


@pytest.mark.parametrize(
    ("iso", "expected"),
    [
        ("2019-11-18T17:56:27+00:00", "18 November 2019"),
        ("2025-06-02T09:30:00Z", "2 June 2025"),
        ("2025-06-02", "2 June 2025"),
        ("2025-06-02 23:30", "2 June 2025"),
        ("2024-02-29T23:30:00-05:00", "29 February 2024"),  # the day as the publisher dated it
        ("2019-11", "November 2019"),
        ("2019", "2019"),
        ("", ""),
        ("yesterday afternoon", "yesterday afternoon"),
        ("2023-02-30", "2023-02-30"),  # not a real day: shown as given
        ("20191118", "20191118"),
    ],
)
def test_long_date_reads_like_the_reading_pane(iso: str, expected: str) -> None:
    assert long_date(iso) == expected


@pytest.mark.parametrize(
    ("iso", "expected"),
    [
        ("2019-11-18T17:56:27+00:00", "18 Nov 2019"),
        ("2025-06-02", "02 Jun 2025"),
        ("2019-11", "Nov 2019"),
        ("", ""),
        ("sometime in 2019", "sometime i"),
    ],
)
def test_short_date_reads_like_the_article_list(iso: str, expected: str) -> None:
    assert short_date(iso) == expected
