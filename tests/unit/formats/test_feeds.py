"""RSS 0.91/2.0, RDF, Atom 0.3/1.0 and JSON Feed files: one article per entry."""

from __future__ import annotations

from pathlib import Path

from reader.core.formats import load_file


def test_rss2_entries(fx: Path) -> None:
    first, second = load_file(fx / "rss2.xml")
    assert first.format == "rss" and first.path.endswith("rss2.xml")
    assert first.title == "Orchard festival draws record crowd"
    assert first.source == "Hill Town Gazette"
    assert first.byline == "Lena Hoffmann"
    assert first.published == "2024-09-14T18:30:00+01:00"
    assert first.url == "https://gazette.example.org/2024/09/orchard-festival"
    assert first.tags == ("Events", "Farming")
    assert first.image == "https://gazette.example.org/img/orchard.jpg"
    # content:encoded (CDATA HTML) wins over the description, with its structure kept.
    assert [(b.kind, b.text) for b in first.blocks][:3] == [
        ("p", "More than twelve thousand visitors came to the orchard festival on Saturday, the organisers said."),
        ("h", "Cider and music"),
        ("p", "Stalls sold out of pressed apple juice & cider by mid-afternoon."),
    ]
    assert "track()" not in first.text and "Share" not in first.text and "appeared first" not in first.text
    assert len(first.blocks) == 3
    # Entity-escaped HTML in a description goes through the same extraction.
    assert second.paragraphs == [
        "The river bridge reopened two weeks ahead of schedule.",
        "Buses return to their usual route on Monday.",
    ]
    assert second.byline == "Omar Haddad"
    assert second.published == "2024-09-13T09:00:00+00:00"


def test_rss091_with_html_entities_and_doctype(fx: Path) -> None:
    [a] = load_file(fx / "rss091.rss")
    assert a.title == "Snow closes the pass road"
    assert a.source == "Valley Radio News"
    assert a.url == "http://radio.example.org/news/pass"
    assert "heavy snow overnight" in a.text and "café to café" in a.text


def test_rdf_feed(fx: Path) -> None:
    [a] = load_file(fx / "rdf.rdf")
    assert a.format == "rdf"
    assert a.title == "Amateur astronomers spot a new comet"
    assert a.source == "Science Desk Weekly"
    assert a.byline == "Ines Duarte"
    assert a.published == "2023-02-01T21:00:00+00:00"
    assert a.tags == ("Astronomy",)
    assert a.text.startswith("Two observers in the south")


def test_atom10_html_and_xhtml_content(fx: Path) -> None:
    first, second = load_file(fx / "atom.atom")
    assert first.format == "atom"
    assert first.title == "Le marché du port rouvre"
    assert first.source == "Le Petit Journal du Port"
    assert first.published == "2022-06-01T08:00:00+02:00"
    assert first.url == "https://port.example.org/2022/06/marche"
    assert first.byline == "Claire Martin"
    assert first.language == "fr"
    assert [(b.kind, b.text) for b in first.blocks] == [
        ("p", "Le marché couvert du port a rouvert ses portes samedi matin après huit mois de travaux."),
        ("quote", "Nous sommes enfin chez nous."),
    ]
    assert second.published == "2022-05-30T12:00:00+00:00"  # updated, when published is missing
    assert [(b.kind, b.text) for b in second.blocks] == [
        ("p", "Les navettes passent toutes les vingt minutes."),
        ("li", "Départ du quai nord"),
        ("li", "Arrivée à la plage"),
    ]


def test_atom03_escaped_content(fx: Path) -> None:
    [a] = load_file(fx / "atom03.xml")
    assert a.title == "Clock tower restored"
    assert a.source == "Old Town Blog"
    assert a.published == "2005-03-01T09:15:00+00:00"
    assert a.url == "http://blog.example.org/2005/03/clock"
    assert a.text == "The town clock strikes again after a year of silence."


def test_json_feed_11(fx: Path) -> None:
    first, second = load_file(fx / "feed.json")
    assert first.format == "jsonfeed"
    assert first.title == "Ice fishing season opens"
    assert first.source == "Lakeside Notes"
    assert first.byline == "Dana Whitfield"
    assert first.published == "2024-01-18T07:45:00-05:00"
    assert first.tags == ("outdoors", "winter")
    assert first.paragraphs == [
        "The lake froze solid this week, and the first huts appeared on Thursday.",
        "Rangers measured the ice at twenty centimetres.",
    ]
    assert second.paragraphs == ["The library opens late on Fridays.", "Volunteers are welcome."]
    assert second.published == "2024-01-17"


def test_json_feed_10(fx: Path) -> None:
    [a] = load_file(fx / "feed10.json")
    assert a.format == "jsonfeed"
    assert (a.title, a.byline, a.source) == ("Trail reopens", "Sam Okafor", "Ridge Runner Digest")
    assert a.published == "2019-05-04T10:00:00+00:00"
    assert a.text == "The north trail reopened after the rockfall was cleared."
