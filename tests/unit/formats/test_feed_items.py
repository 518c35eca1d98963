"""Feed entries read right: content in every place feeds keep it, link-only items, titles as shown."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from reader.core.formats import load_file
from reader.core.library_sync import LibrarySync
from reader.core.store.library import Library

RSS = '<?xml version="1.0"?>\n<rss version="2.0"{ns}><channel><title>Valley Notes</title>\n{items}\n</channel></rss>\n'
NAMESPACES = (
    ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
    ' xmlns:xhtml="http://www.w3.org/1999/xhtml" xmlns:media="http://search.yahoo.com/mrss/"'
)


def rss(tmp_path: Path, items: str, name: str = "feed.xml") -> Path:
    path = tmp_path / name
    path.write_text(RSS.format(ns=NAMESPACES, items=items), encoding="utf-8")
    return path


def atom(tmp_path: Path, entries: str, *, version: str = "1.0") -> Path:
    ns = 'xmlns="http://www.w3.org/2005/Atom"' if version == "1.0" else 'version="0.3" xmlns="http://purl.org/atom/ns#"'
    path = tmp_path / "feed.atom"
    path.write_text(f'<?xml version="1.0"?>\n<feed {ns}><title>Ridge Log</title>\n{entries}\n</feed>\n', "utf-8")
    return path


def test_fullitem_only_item_is_read(tmp_path: Path) -> None:
    [a] = load_file(rss(tmp_path, "<item><title>Ferry timetable</title>"
                                  "<fullitem>&lt;p>The winter ferry runs twice a day.&lt;/p>"
                                  "&lt;p>Tickets are sold on board.&lt;/p></fullitem></item>"))  # fmt: skip
    assert a.title == "Ferry timetable"
    assert a.paragraphs == ["The winter ferry runs twice a day.", "Tickets are sold on board."]


def test_xhtml_body_only_item_is_read(tmp_path: Path) -> None:
    [a] = load_file(rss(tmp_path, "<item><title>Hall roof</title><xhtml:body><xhtml:p>The hall roof is mended."
                                  "</xhtml:p><xhtml:ul><xhtml:li>Slates replaced</xhtml:li></xhtml:ul></xhtml:body>"
                                  "</item>"))  # fmt: skip
    assert [(b.kind, b.text) for b in a.blocks] == [("p", "The hall roof is mended."), ("li", "Slates replaced")]


def test_richest_content_wins_over_a_teaser(tmp_path: Path) -> None:
    [a] = load_file(rss(tmp_path, "<item><title>Mill</title><description>The mill reopens.</description>"
                                  "<xhtml:body><xhtml:p>The mill reopens on Monday after a long repair.</xhtml:p>"
                                  "<xhtml:p>Flour sales resume in May.</xhtml:p></xhtml:body></item>"))  # fmt: skip
    assert a.paragraphs == ["The mill reopens on Monday after a long repair.", "Flour sales resume in May."]
    assert a.description == "The mill reopens."


def test_description_with_unclosed_paragraphs_is_html(tmp_path: Path) -> None:
    [a] = load_file(rss(tmp_path, "<item><title>Tide</title><description>&lt;p>High tide at six.&lt;p>Low tide at noon."
                                  "</description></item>"))  # fmt: skip
    assert a.paragraphs == ["High tide at six.", "Low tide at noon."]


def test_extension_element_with_a_core_name_is_not_the_description(tmp_path: Path) -> None:
    path = tmp_path / "clash.xml"
    path.write_text('<rss version="2.0" xmlns:x="https://ext.example.org/"><channel><title>C</title><item>'
                    "<title>Pier</title><x:description>Extension data, not for readers.</x:description>"
                    "<description>The pier is closed for repairs until June, the harbour office said.</description>"
                    "</item></channel></rss>", encoding="utf-8")  # fmt: skip
    [a] = load_file(path)
    assert a.text == "The pier is closed for repairs until June, the harbour office said."


def test_link_only_item_is_listed_with_its_link(tmp_path: Path) -> None:
    items = ("<item><title>Council minutes</title><link>https://valley.example.org/minutes/march</link></item>"
             "<item><link>https://valley.example.org/news/bridge-opens/</link></item>")  # fmt: skip
    first, second = load_file(rss(tmp_path, items))
    assert (first.title, first.text, first.blocks, first.url) == (
        "Council minutes", "", (), "https://valley.example.org/minutes/march")
    assert (second.title, second.text, second.url) == (
        "valley.example.org/news/bridge-opens", "", "https://valley.example.org/news/bridge-opens/")


def test_guid_only_item_uses_its_guid_as_link(tmp_path: Path) -> None:
    [a, b] = load_file(rss(tmp_path, "<item><guid>https://valley.example.org/p/41</guid></item>"
                                     '<item><title>Fair</title><guid isPermaLink="false">valley-42</guid>'
                                     "<link>https://valley.example.org/fair</link></item>"))  # fmt: skip
    assert (a.title, a.text, a.url) == ("valley.example.org/p/41", "", "https://valley.example.org/p/41")
    assert b.url == "https://valley.example.org/fair"


def test_enclosure_only_item_uses_its_enclosure(tmp_path: Path) -> None:
    [a] = load_file(rss(tmp_path, '<item><enclosure url="https://cdn.example.org/ep12.mp3" type="audio/mpeg"'
                                  ' length="12345678"/></item>'))  # fmt: skip
    assert (a.title, a.text, a.url) == ("cdn.example.org/ep12.mp3", "", "https://cdn.example.org/ep12.mp3")
    assert a.description == "audio/mpeg, 12.3 MB"


def test_same_titled_link_only_items_are_two_articles(tmp_path: Path) -> None:
    items = ("<item><title>Weekly podcast</title><link>https://pod.example.org/1</link></item>"
             "<item><title>Weekly podcast</title><link>https://pod.example.org/2</link></item>")  # fmt: skip
    a, b = load_file(rss(tmp_path, items))
    assert a.id != b.id and (a.url, b.url) == ("https://pod.example.org/1", "https://pod.example.org/2")


def test_item_with_nothing_to_show_is_left_out(tmp_path: Path) -> None:
    items = "<item><author>x@example.org</author></item><item><title>Kept</title></item>"
    assert [a.title for a in load_file(rss(tmp_path, items))] == ["Kept"]


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("History of the &lt;blink&gt; tag", "History of the <blink> tag"),  # prose about a tag
        ("&lt;b&gt;Storm&lt;/b&gt; closes the  pass", "Storm closes the pass"),  # real markup
        ("Salt &amp;amp; pepper prices", "Salt & pepper prices"),  # escaped twice
        ("Why a &lt; b and c &gt; d", "Why a < b and c > d"),
    ],
)
def test_rss_title_is_html_only_where_it_holds_markup(tmp_path: Path, title: str, shown: str) -> None:
    [a] = load_file(rss(tmp_path, f"<item><title>{title}</title><link>https://e.example.org/1</link></item>"))
    assert a.title == shown


def test_upper_case_hex_reference_in_a_title_is_read(tmp_path: Path) -> None:
    [a] = load_file(rss(tmp_path, "<item><title>Caf&#XE9; reopens</title><link>https://e.example.org/2</link></item>"))
    assert a.title == "Café reopens"


def test_atom_text_title_keeps_angle_brackets_and_html_title_is_read(tmp_path: Path) -> None:
    first, second = load_file(atom(tmp_path, """
      <entry><title type="text">Using &lt;b&gt; in titles</title><link href="https://r.example.org/1"/></entry>
      <entry><title type="html">Using &lt;b&gt;bold&lt;/b&gt; well</title><link href="https://r.example.org/2"/></entry>
    """))
    assert first.title == "Using <b> in titles"
    assert second.title == "Using bold well"


def test_atom03_base64_content_is_decoded(tmp_path: Path) -> None:
    encoded = base64.b64encode(b"<p>The ridge path is open again.</p><p>Bring water.</p>").decode()
    [a] = load_file(atom(tmp_path, f"""<entry><title>Ridge path</title>
      <content type="text/html" mode="base64">{encoded}</content></entry>""", version="0.3"))
    assert a.paragraphs == ["The ridge path is open again.", "Bring water."]


def test_atom10_base64_content_of_a_binary_type_is_decoded(tmp_path: Path) -> None:
    encoded = base64.b64encode("Snow on the ridge: ½ metre.".encode()).decode()
    image = base64.b64encode(b"\x89PNG\r\n\x1a\n\xff\xfe").decode()
    first, second = load_file(atom(tmp_path, f"""
      <entry><title>Snow</title><content type="application/octet-stream">{encoded}</content></entry>
      <entry><title>Map</title><content type="image/png">{image}</content></entry>"""))
    assert first.text == "Snow on the ridge: ½ metre."
    assert (second.title, second.text) == ("Map", "")


def test_media_description_is_the_body_of_a_video_entry(tmp_path: Path) -> None:
    [a] = load_file(atom(tmp_path, """<entry xmlns:media="http://search.yahoo.com/mrss/"><title>Lock gates</title>
      <link href="https://v.example.org/watch/7"/><media:group><media:title>Lock gates</media:title>
      <media:description>How the canal lock gates are replaced.

Filmed over two winters.</media:description></media:group></entry>"""))
    assert a.paragraphs == ["How the canal lock gates are replaced.", "Filmed over two winters."]


def test_atom_link_is_resolved_against_xml_base(tmp_path: Path) -> None:
    [a] = load_file(atom(tmp_path, '<entry xml:base="https://r.example.org/log/"><title>Snow</title>'
                                   '<link href="snow.html"/></entry>'))  # fmt: skip
    assert a.url == "https://r.example.org/log/snow.html"


def test_removed_embed_keeps_the_space_between_words(tmp_path: Path) -> None:
    [a] = load_file(atom(tmp_path, '<entry><title>T</title><content type="html">Rain&lt;embed src="x.swf"&gt; '
                                   "&lt;b&gt;tomorrow&lt;/b&gt;</content></entry>"))  # fmt: skip
    assert a.text == "Rain tomorrow"


def test_malformed_guid_address_is_no_crash(tmp_path: Path) -> None:
    [a] = load_file(rss(tmp_path, '<item xml:base="http://[::1/"><title>Odd</title><guid>x/1</guid></item>'))
    assert (a.title, a.url) == ("Odd", "")


def test_media_title_names_an_item_without_title(tmp_path: Path) -> None:
    [a] = load_file(rss(tmp_path, "<item><media:title>Harbour at dawn</media:title>"
                                  "<link>https://v.example.org/9</link></item>"))  # fmt: skip
    assert a.title == "Harbour at dawn"


def test_library_import_lists_link_only_item(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    rss(folder, "<item><title>Budget vote</title><description>The vote is on Friday.</description></item>"
                "<item><link>https://valley.example.org/gallery</link></item>")  # fmt: skip
    lib = Library(tmp_path / "cache.sqlite3")
    result = LibrarySync(lib).scan([folder])
    assert (result.imported, result.failed) == (1, 0)
    rows = lib.rows(lib.list_ids())
    assert sorted(r.title for r in rows.values()) == ["Budget vote", "valley.example.org/gallery"]
    [gallery] = [lib.article(i) for i, r in rows.items() if r.title == "valley.example.org/gallery"]
    assert gallery is not None and (gallery.text, gallery.url) == ("", "https://valley.example.org/gallery")
