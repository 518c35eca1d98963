"""Which publication a page comes from: declared names checked by kind, then the page's address."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.extract import extract_html
from reader.core.formats import load_file

BODY = "<p>" + "The harbour board met on Monday and voted, after a long debate, to rebuild the wall. " * 3 + "</p>"


def _source(head: str, body: str = BODY) -> str:
    page = extract_html(f"<html><head>{head}</head><body><article>{body}</article></body></html>")
    assert page is not None
    return page.meta.source


def test_json_ld_publisher_comes_first() -> None:
    head = """<meta property="og:site_name" content="Echo Online">
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Wall",
     "publisher": {"@type": "Organization", "name": "The Coast Echo"}}</script>"""
    assert _source(head) == "The Coast Echo"


def test_og_site_name_then_application_name() -> None:
    assert _source('<meta property="og:site_name" content="Coast Echo">') == "Coast Echo"
    assert _source('<meta name="application-name" content="Coast Echo">') == "Coast Echo"


def test_domain_of_canonical_url_without_www() -> None:
    assert _source('<link rel="canonical" href="https://www.coastecho.example/2019/wall">') == "coastecho.example"
    assert _source('<meta property="og:url" content="https://news.coastecho.example/wall">') == "news.coastecho.example"


def test_title_suffix_naming_the_domain_beats_the_bare_domain() -> None:
    head = """<title>Harbour wall to be rebuilt - The Coast Echo</title>
    <link rel="canonical" href="https://www.coastecho.example/2019/wall">"""
    assert _source(head) == "The Coast Echo"


def test_title_suffix_that_is_a_section_is_not_a_source() -> None:
    head = """<title>Harbour wall to be rebuilt | Harbour News</title>
    <link rel="canonical" href="https://www.coastecho.example/2019/wall">"""
    assert _source(head) == "coastecho.example"


def test_title_part_that_only_mentions_the_domain_name_is_not_a_source() -> None:
    head = """<title>Take care - coastecho at the harbour fair 2018</title>
    <meta name="twitter:site" content="@coastecho">
    <link rel="canonical" href="https://blog.coastecho.example/harbour-fair-2018">"""
    assert _source(head) == "coastecho"


def test_dateline_place_is_refused_and_the_agency_in_the_dateline_taken() -> None:
    head = '<meta property="og:site_name" content="U.S.">'
    body = "<p>LONDON (Reuters) - The harbour board met on Monday and voted to rebuild the wall.</p>" + BODY
    assert _source(head, body) == "Reuters"


@pytest.mark.parametrize("word", ["Hosted", "World", "Blogger", "Home"])
def test_words_that_are_not_publications_are_refused(word: str) -> None:
    head = f"""<meta property="og:site_name" content="{word}">
    <link rel="canonical" href="https://www.coastecho.example/2019/wall">"""
    assert _source(head) == "coastecho.example"


def test_headline_given_as_application_name_is_not_a_source() -> None:
    headline = "Harbour board votes to rebuild the old wall before the winter storms"
    head = f"""<meta name="application-name" content="{headline}">
    <link rel="canonical" href="https://www.coastecho.example/2019/wall">"""
    assert _source(head) == "coastecho.example"


def test_agency_account_on_the_agency_domain_names_the_agency() -> None:
    head = """<meta property="og:site_name" content="Hosted"><meta name="twitter:site" content="@AP">
    <link rel="canonical" href="https://hosted.ap.org/harbour/article/1234/wall">"""
    assert _source(head) == "Associated Press"


def test_bare_url_as_site_name_becomes_its_domain() -> None:
    assert _source('<meta property="og:site_name" content="https://www.coastecho.example/">') == "coastecho.example"


def test_site_name_with_a_tagline_keeps_the_name() -> None:
    head = '<meta property="og:site_name" content="Coast Echo | News from every harbour on the coast">'
    assert _source(head) == "Coast Echo"


def test_handle_is_shown_without_at_only_when_nothing_better_exists() -> None:
    assert _source('<meta property="og:site_name" content="@coastecho">') == "coastecho"
    head = """<meta name="twitter:site" content="@HarbourDesk">
    <link rel="canonical" href="https://www.coastecho.example/2019/wall">"""
    assert _source(head) == "coastecho.example"
    head = """<meta name="twitter:site" content="@CoastEcho">
    <link rel="canonical" href="https://www.coastecho.example/2019/wall">"""
    assert _source(head) == "CoastEcho"


def test_agency_byline_is_used_when_nothing_better_exists() -> None:
    body = '<p class="byline">By <span rel="author">Associated Press</span></p>' + BODY
    assert _source("", body) == "Associated Press"
    assert _source("", "<p>PARIS (AFP) — The harbour board met on Monday.</p>" + BODY) == "AFP"


def test_text_and_json_loaders_tidy_their_source_the_same_way(tmp_path: Path) -> None:
    story = "The harbour board met on Monday and voted, after a long debate, to rebuild the wall. " * 3
    text_file = tmp_path / "wall.txt"
    text_file.write_text(f"Harbour wall to be rebuilt\n\nSource: https://www.coastecho.example/news\n\n{story}\n")
    [a] = load_file(text_file)
    assert a.source == "coastecho.example"
    json_file = tmp_path / "wall.json"
    json_file.write_text(json.dumps({"title": "Harbour wall to be rebuilt", "source": "@coastecho", "text": story}))
    [b] = load_file(json_file)
    assert b.source == "coastecho"
