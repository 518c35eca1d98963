"""Entity tricks in feeds are parsed without expanding or fetching anything."""

from __future__ import annotations

from pathlib import Path

from reader.core.errors import ImportProblem
from reader.core.formats import load_file

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>Laughs</title>
<item><title>Safe title &lol9;</title><description>Body text stays small &lol9;.</description></item>
</channel></rss>
"""


def _xxe(target: str) -> str:
    return f"""<?xml version="1.0"?>
<!DOCTYPE feed [ <!ENTITY secret SYSTEM "{target}"> ]>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Leaky</title>
<entry><title>Entry &secret;</title><content type="text">Nothing to see &secret; here.</content></entry></feed>
"""


def test_billion_laughs_is_not_expanded(tmp_path: Path) -> None:
    f = tmp_path / "laughs.xml"
    f.write_text(BILLION_LAUGHS)
    [a] = load_file(f)
    assert a.title == "Safe title"
    assert a.text == "Body text stays small ."
    assert "lol" not in a.text


def test_external_file_entity_is_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    f = tmp_path / "xxe.atom"
    f.write_text(_xxe(secret.as_uri()))
    [a] = load_file(f)
    assert "TOP-SECRET" not in a.text and "TOP-SECRET" not in a.title
    assert a.title == "Entry"


def test_external_http_entity_is_not_fetched(tmp_path: Path) -> None:
    f = tmp_path / "xxe_http.xml"
    # A port nothing listens on: were it fetched, the text would differ or the parse would stall.
    f.write_text(_xxe("http://127.0.0.1:9/evil.dtd"))
    [a] = load_file(f)
    assert a.text == "Nothing to see here."


def test_non_feed_xml_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "sitemap.xml"
    f.write_text('<?xml version="1.0"?><urlset><url><loc>https://example.org/</loc></url></urlset>')
    try:
        load_file(f)
    except ImportProblem as problem:
        assert "not a news feed" in problem.reason
    else:
        raise AssertionError("a sitemap is not an article")


def test_a_feed_cut_off_keeps_what_is_there(tmp_path: Path) -> None:
    f = tmp_path / "cut.rss"
    f.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Cut</title><item><title>Half')
    # What is there is recovered: the one item, by its title (the cut-off text had not begun).
    [a] = load_file(f)
    assert (a.format, a.title, a.text) == ("rss", "Half", "")
