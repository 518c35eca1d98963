"""HTML export, parsed back with BeautifulSoup: marks in colour, notes by their passage, self-contained."""

from __future__ import annotations

from dataclasses import replace

from bs4 import BeautifulSoup

from reader.core.export import ExportItem, ExportOptions
from reader.core.export.html import to_html, to_html_combined
from reader.core.export.html_style import HIGHLIGHT_PALETTE


def _soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


def test_highlights_are_marks_in_their_colour_with_numbered_notes(item: ExportItem, options: ExportOptions) -> None:
    soup = _soup(to_html(item, options))
    marks = soup.select(".body mark.hl")
    by_id: dict[str, str] = {}
    for m in marks:
        for hid in m["data-highlight"].split():
            by_id[hid] = by_id.get(hid, "") + m.get_text()
    assert by_id["0f8c3d1e-8a43-4d55-9a63-1f0c6a1d2b01"] == "raise ferry fares by 12%"
    assert by_id["a1d4f6b8-2c3e-4f5a-8b7c-9d0e1f2a3b03"] == "ferry fares"
    assert by_id["5b7e2c90-41d2-4c8e-b0a4-7f3e9d2c6a02"] == "its board decided on Tuesday.Commuters"
    assert by_id["f7b9d1e3-8a0c-4e5f-9a6b-7c8d9e0f1a06"] == "old   new"
    pink = [m for m in marks if "hl-pink" in m["class"]]
    assert [m.get_text() for m in pink] == ["ferry fares"]
    note = soup.find(id="note-a1-1")
    assert "note-yellow" in note["class"] and note.get_text(" ", strip=True) == "1 Check against the 2024 rise (8%)."
    assert note.find_parent(class_="passage").find("p").get_text().startswith("The Harbour Transit Authority")
    assert soup.select_one('sup.ref a[href="#note-a1-3"]').get_text() == "3"


def test_html_is_self_contained_with_no_scripts_or_external_requests(item: ExportItem, options: ExportOptions) -> None:
    soup = _soup(to_html(item, options))
    assert soup.find("script") is None and soup.find("link") is None and soup.find("img") is None
    assert not [t for t in soup.find_all(True) if any(a.startswith("on") for a in t.attrs)]
    assert "Content-Security-Policy" in str(soup.head) and "default-src 'none'" in str(soup.head)
    css = soup.style.get_text()
    assert "@import" not in css and "url(" not in css
    print_css = css[css.index("@media print"):]
    for name, (bg, accent) in HIGHLIGHT_PALETTE.items():
        assert f".hl-{name} {{ background-color: {bg}; color: #1b1b1b;" in css
        assert f"mark.hl.hl-{name} {{ border-bottom-color: {accent}; }}" in print_css


def test_metadata_note_orphans_and_entities(item: ExportItem, options: ExportOptions) -> None:
    soup = _soup(to_html(item, options))
    assert soup.title.get_text() == "Harbour ferry fares rise for the *third* time"
    assert [t.get_text() for t in soup.select(".tag")] == ["transport", "city council", "fares"]
    assert soup.select_one(".meta a")["href"] == "https://ledger.example/2026/11/ferry-fares"
    assert soup.select_one(".article-note").get_text("\n", strip=True).startswith("Note\nFollow up with the Authority.")
    unplaced = soup.select_one(".unplaced")
    assert "A sentence that was edited away" in unplaced.get_text() and "Orphaned note survives." in unplaced.get_text()
    ents = {s.get_text(): s["title"] for s in soup.select(".body span.ent")}
    assert ents["Ines Duarte"] == "PER" and ents["Harbour Transit Authority"] == "ORG" and ents["Tuesday"] == "DATE"
    assert "People: Ines Duarte" in soup.select_one(".entities").get_text()
    plain = _soup(to_html(item, ExportOptions(exported="x")))
    assert plain.select("span.ent") == [] and plain.select_one(".entities") is None


def test_article_text_is_escaped_not_interpreted(item: ExportItem, options: ExportOptions) -> None:
    hostile = replace(item, article=replace(item.article, url="javascript:alert(1)"))
    page = _soup(to_html(hostile, options))
    assert page.select(".meta a") == [] and "javascript:alert(1)" in page.select(".meta")[-1].get_text()
    soup = _soup(to_html(item, options))
    h2 = soup.select_one(".body h2")
    assert h2.get_text() == "Commuters2 & the <island> routes"
    assert soup.find("island") is None


def test_combined_page_has_contents_and_one_section_per_article(item: ExportItem, options: ExportOptions) -> None:
    soup = _soup(to_html_combined([item, item], options))
    assert [a["href"] for a in soup.select(".toc a")] == ["#article-1", "#article-2"]
    assert len(soup.select("div.article")) == 2
    assert soup.find(id="note-a2-4") is not None
