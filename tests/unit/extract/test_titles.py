"""The headline of a page: never the site's name, never its one-line description; " | Site" removed."""

from __future__ import annotations

from reader.core.extract import extract_html
from reader.core.extract.metadata import strip_site_suffix

BODY = "<p>" + "The harbour board met on Monday and voted, after a long debate, to rebuild the wall. " * 3 + "</p>"


def _title(head: str, body: str = BODY) -> str:
    page = extract_html(f"<html><head>{head}</head><body>{body}</body></html>")
    assert page is not None
    return page.title


def test_marked_headline_beats_site_name_in_title_and_social_tags() -> None:
    head = """<title>The Coast Echo</title><meta property="og:site_name" content="The Coast Echo">
    <meta property="og:title" content="The Coast Echo">"""
    body = '<article><h1 itemprop="headline">Harbour wall to be rebuilt by spring</h1>' + BODY + "</article>"
    assert _title(head, body) == "Harbour wall to be rebuilt by spring"


def test_json_ld_headline_that_is_the_site_name_is_not_the_title() -> None:
    head = """<title>Harbour wall to be rebuilt by spring | The Coast Echo</title>
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": "The Coast Echo",
     "publisher": {"@type": "Organization", "name": "The Coast Echo"}}</script>"""
    assert _title(head) == "Harbour wall to be rebuilt by spring"


def test_encyclopaedia_description_in_json_ld_headline_is_outvoted() -> None:
    head = """<title>Lighthouse - Open Almanac</title>
    <script type="application/ld+json">{"@type": "Article", "name": "Lighthouse",
     "headline": "tower with a light that guides ships at sea"}</script>"""
    body = "<h1>Lighthouse</h1>" + BODY
    assert _title(head, body) == "Lighthouse"


def test_meta_description_alone_is_never_the_title() -> None:
    head = """<meta name="description" content="All the news from the harbour, every day.">
    <meta property="og:title" content="All the news from the harbour, every day.">
    <title>Harbour wall to be rebuilt | Coast Echo</title>"""
    assert _title(head) == "Harbour wall to be rebuilt"


def test_description_repeating_the_headline_does_not_hide_it() -> None:
    head = """<meta name="description" content="Harbour wall to be rebuilt by spring">
    <meta property="og:title" content="Harbour wall to be rebuilt by spring">
    <title>Harbour wall to be rebuilt by spring</title>"""
    assert _title(head) == "Harbour wall to be rebuilt by spring"


def test_visible_headline_and_title_outvote_a_social_headline() -> None:
    head = """<meta property="og:title" content="Why the wall matters">
    <title>Harbour wall to be rebuilt by spring - Coast Echo</title>"""
    headline = "Harbour wall to be rebuilt by spring"
    assert _title(head, f"<h1>{headline}</h1>" + BODY) == headline


def test_section_between_headline_and_site_goes_too() -> None:
    head = """<meta property="og:site_name" content="Coast Echo">
    <title>Harbour wall to be rebuilt by spring | Harbour News | Coast Echo</title>"""
    assert _title(head) == "Harbour wall to be rebuilt by spring"


def test_title_case_headline_with_a_dash_is_kept_whole_when_the_site_is_known() -> None:
    head = """<meta property="og:site_name" content="Coast Echo">
    <meta property="og:title" content="The Early Reviews Are In - And They Are Not Great">"""
    assert _title(head) == "The Early Reviews Are In - And They Are Not Great"


def test_site_name_written_without_spaces_is_stripped() -> None:
    site, headline = "The Coast Echo", "Harbour wall to be rebuilt"
    assert strip_site_suffix(f"{headline} | TheCoastEcho", site) == headline
    assert strip_site_suffix(f"{site} - {headline}", site) == headline
    assert strip_site_suffix(f"{headline} - for good", site) == f"{headline} - for good"
