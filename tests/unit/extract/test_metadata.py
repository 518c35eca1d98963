"""Page metadata: JSON-LD first, then Open Graph and meta tags, then elements."""

from __future__ import annotations

from reader.core.extract import extract_html
from reader.core.extract.language import guess_language, normalise_language
from reader.core.extract.metadata import strip_site_suffix

BODY = "<p>" + "The committee met on Tuesday and agreed, after a long debate, to publish its report. " * 3 + "</p>"


def _page(head: str, body: str = BODY, lang: str = "") -> str:
    lang_attr = f' lang="{lang}"' if lang else ""
    return f"<html{lang_attr}><head>{head}</head><body><article>{body}</article></body></html>"


def test_json_ld_wins_and_handles_graph_lists_and_objects() -> None:
    head = """
    <title>Wrong title | Site</title>
    <meta property="og:title" content="Open Graph title">
    <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "name": "The Site"},
      {"@type": ["NewsArticle"], "headline": "Committee publishes report",
       "author": [{"@type": "Person", "name": "Ada Byrne"}, {"@type": "Person", "name": "Li Wei"}],
       "datePublished": "2020-02-03T04:05:06+01:00", "publisher": {"@type": "Organization", "name": "Civic Post"},
       "image": {"@type": "ImageObject", "url": "https://example.org/a.jpg"}, "inLanguage": "en-GB",
       "keywords": ["politics", "reports"]}]}</script>"""
    page = extract_html(_page(head))
    assert page is not None
    m = page.meta
    assert page.title == "Committee publishes report"
    assert m.byline == "Ada Byrne, Li Wei"
    assert m.published == "2020-02-03T04:05:06+01:00"
    assert m.source == "Civic Post"
    assert m.image == "https://example.org/a.jpg"
    assert m.language == "en-GB"
    assert m.tags == ("politics", "reports")


def test_meta_tags_and_title_suffix() -> None:
    head = """<title>Harbour wall repaired - Coast Echo</title>
    <meta property="og:site_name" content="Coast Echo">
    <meta name="author" content="By Rosa Diaz">
    <meta name="pubdate" content="20 May 2018">
    <meta property="og:url" content="https://echo.example.org/harbour-wall">
    <meta http-equiv="content-language" content="es">
    <meta name="description" content="Repairs are done.">"""
    page = extract_html(_page(head))
    assert page is not None
    assert page.title == "Harbour wall repaired"
    assert page.meta.byline == "Rosa Diaz"
    assert page.meta.published == "2018-05-20"
    assert page.meta.url == "https://echo.example.org/harbour-wall"
    assert page.meta.language == "es"
    assert page.meta.description == "Repairs are done."


def test_h1_time_element_and_url_date_fallbacks() -> None:
    body = '<h1>Market hall reopens</h1><time datetime="2017-07-08T09:00:00Z">8 July</time>' + BODY
    page = extract_html(_page("<title>Site name</title>", body))
    assert page is not None
    assert page.title == "Market hall reopens"
    assert page.meta.published == "2017-07-08T09:00:00+00:00"
    assert "Market hall reopens" not in " ".join(b.text for b in page.blocks)
    page = extract_html(_page('<link rel="canonical" href="https://x.example.org/2016/01/02/story">'))
    assert page is not None and page.meta.published == "2016-01-02"


def test_language_from_html_lang_and_from_text() -> None:
    page = extract_html(_page("", lang="pt_BR"))
    assert page is not None and page.meta.language == "pt-BR"
    text = "<p>" + "Le conseil municipal a voté lundi le budget de la ville pour les deux années qui viennent. " * 2
    page = extract_html(_page("", text + "</p>"))
    assert page is not None and page.meta.language == "fr"


def test_strip_site_suffix() -> None:
    assert strip_site_suffix("Storm hits coast | Daily Wave", "Daily Wave") == "Storm hits coast"
    assert strip_site_suffix("Daily Wave - Storm hits coast", "Daily Wave") == "Storm hits coast"
    long_title = "Storm hits the northern coast overnight"
    assert strip_site_suffix(f"{long_title} | DW", "") == long_title
    assert strip_site_suffix("Q&A: what the storm means - for you", "") == "Q&A: what the storm means - for you"


def test_language_helpers() -> None:
    assert guess_language("В субботу в центральном парке открылся новый каток") == "ru"
    assert guess_language("قالت الوزارة إن المدارس ستفتح أبوابها") == "ar"
    assert guess_language("the cat and the dog went to the park with the children of the town") == "en"
    assert guess_language("ok") == ""
    assert normalise_language("en_us") == "en-US"
    assert normalise_language("not a code!") == ""
