"""A page's publication date from its markup when no meta tag gives it."""

from __future__ import annotations

from reader.core.extract import extract_html

PROSE = "<p>" + "The harbour board met on Monday and voted, after a long debate, to rebuild the wall. " * 3 + "</p>"


def _published(body: str, head: str = "", lang: str = "en") -> str:
    page = extract_html(f'<html lang="{lang}"><head>{head}</head><body>{body}</body></html>')
    assert page is not None
    return page.meta.published


def test_itemprop_date_published_on_any_element() -> None:
    body = '<article><span itemprop="datePublished" content="2018-03-04T08:00:00Z">4 March</span>' + PROSE
    assert _published(body + "</article>") == "2018-03-04T08:00:00+00:00"


def test_time_in_the_article_beats_a_time_in_the_page_header() -> None:
    body = (
        '<header><time datetime="2019-01-01">1 January 2019</time></header>'
        f'<article><h1>Wall</h1><time datetime="2018-03-04">4 March 2018</time>{PROSE}</article>'
    )
    assert _published(body) == "2018-03-04"


def test_date_in_an_element_whose_class_says_so() -> None:
    body = f'<div class="press__date"><div>\n   August 23, 2018\n  </div></div>{PROSE}'
    assert _published(body) == "2018-08-23"


def test_hidden_field_with_the_publication_date() -> None:
    body = f'<input type="hidden" class="published_date" value="2019-11-18 23:41:18">{PROSE}'
    assert _published(body) == "2019-11-18T23:41:18"


def test_publication_hint_beats_an_update_and_a_plain_date() -> None:
    body = (
        '<div class="updated-date">Updated 5 May 2020</div><span class="entry-date">3 May 2020</span>'
        f'<span class="posted-on">Posted 2 May 2020</span>{PROSE}'
    )
    assert _published(body) == "2020-05-02"


def test_dates_in_comments_are_not_the_article_date() -> None:
    body = f'{PROSE}<section class="comments"><span class="date">9 June 2020</span></section>'
    assert _published(body) == ""


def test_time_of_last_update_when_the_page_gives_no_other_date() -> None:
    body = f'{PROSE}<ul><li class="modified-date"><time class="updated" datetime="2018-08-13">13 Aug</time></li></ul>'
    assert _published(body) == "2018-08-13"
    body = f'<span class="posted-on">2 May 2018</span>{body}'
    assert _published(body) == "2018-05-02"


def test_numeric_date_read_with_the_page_locale() -> None:
    body = f'<span class="date">05/06/2019</span>{PROSE}'
    assert _published(body, lang="en-US") == "2019-05-06"
    assert _published(body, lang="en-GB") == "2019-06-05"


def test_byline_date_with_named_zone() -> None:
    body = f'<p class="byline">By Rosa Diaz, March 3, 2020 10:00 a.m. EST</p>{PROSE}'
    assert _published(body) == "2020-03-03T10:00:00-05:00"


def test_url_date_comes_before_a_date_written_in_the_page() -> None:
    head = '<link rel="canonical" href="https://coastecho.example/2019/nov/18/wall/">'
    body = f'<span class="date">Nov 20, 2019</span>{PROSE}'
    assert _published(body, head) == "2019-11-18"


def test_meta_date_in_the_future_is_refused() -> None:
    head = '<meta property="article:published_time" content="2100-01-01T00:00:00Z">'
    body = f'<span class="date">Nov 20, 2019</span>{PROSE}'
    assert _published(body, head) == "2019-11-20"
