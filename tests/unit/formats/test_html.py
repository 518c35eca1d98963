"""HTML pages: main content kept with its structure, page furniture dropped, metadata read."""

from __future__ import annotations

from pathlib import Path

from reader.core.formats import load_file


def test_html_metadata(fx: Path) -> None:
    [a] = load_file(fx / "plain_page.html")
    assert a.format == "html"
    assert a.title == "Library reopens after flood repairs"
    assert a.byline == "Jonas Weber"
    assert a.published == "2022-03-14T08:15:00+00:00"
    assert a.source == "The Valley Courier"
    assert a.url == "https://example.org/2022/03/14/library-reopens"
    assert a.language == "en-GB"
    assert a.description == "The central library is open again."
    assert a.image == "https://example.org/img/library.jpg"


def test_html_body_structure_and_boilerplate(fx: Path) -> None:
    [a] = load_file(fx / "plain_page.html")
    kinds = [(b.kind, b.text) for b in a.blocks]
    assert kinds[0][1].startswith("The central library reopened on Monday")
    assert ("h", "A new reading room") in kinds
    assert ("li", "Opening hours are longer on Thursdays.") in kinds
    assert ("quote", "It feels like getting a piece of the town back.") in kinds
    assert ("table", "Floor | Use") in kinds and ("table", "First | Reading room") in kinds
    assert ("caption", "The new reading room on the first floor.") in kinds
    assert kinds[-1][1].startswith("The council said the building")
    for junk in ("cookies", "Share on", "Most read", "Related", "volunteers who helped", "All rights", "Home",
                 "By Jonas Weber"):
        assert junk not in a.text
