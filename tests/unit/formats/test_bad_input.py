"""Files that cannot be imported raise ImportProblem with a reason and advice, never anything else."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from reader.core.errors import ImportProblem
from reader.core.formats import load_file


def _problem(path: Path, **kw: int) -> ImportProblem:
    with pytest.raises(ImportProblem) as info:
        load_file(path, **kw)
    problem = info.value
    assert problem.path == str(path)
    assert problem.reason.endswith(".") and problem.advice
    return problem


def test_zero_byte_file(tmp_path: Path) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    assert "empty" in _problem(f).reason


def test_whitespace_only_file(tmp_path: Path) -> None:
    f = tmp_path / "blank.html"
    f.write_bytes(b"  \n\n\t ")
    assert "empty" in _problem(f).reason


def test_binary_file(tmp_path: Path) -> None:
    f = tmp_path / "photo.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    assert "not text" in _problem(f).reason


def test_too_large_file(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text("Big story\n\n" + "words and more words. " * 200, encoding="utf-8")
    assert "larger than the import limit" in _problem(f, max_bytes=1000).reason


def test_gzip_bomb_is_refused_by_its_unpacked_size(tmp_path: Path) -> None:
    f = tmp_path / "bomb.txt.gz"
    f.write_bytes(gzip.compress(b"a" * 200_000))
    assert f.stat().st_size < 1000
    assert "larger than the import limit" in _problem(f, max_bytes=50_000).reason


def test_truncated_gzip(tmp_path: Path) -> None:
    full = gzip.compress(("Title line\n\n" + "Some article text here. " * 500).encode())
    f = tmp_path / "cut.html.gz"
    f.write_bytes(full[: len(full) // 2])
    assert "cut off" in _problem(f).reason


def test_damaged_gzip(tmp_path: Path) -> None:
    f = tmp_path / "bad.txt.gz"
    f.write_bytes(b"\x1f\x8b\x08\x00" + b"\xff" * 64)
    assert "damaged" in _problem(f).reason or "cut off" in _problem(f).reason


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert "does not exist" in _problem(tmp_path / "nope.txt").reason
    assert "folder" in _problem(tmp_path).reason


def test_invalid_bytes_in_the_middle_of_utf8_text(tmp_path: Path) -> None:
    f = tmp_path / "mixed.txt"
    body = "Café owners welcome the new rules\n\nThe naïve plan was changed, said Zoë Müller. "
    f.write_bytes(body.encode() + b"\xff\xfe" + " Later the café reopened.".encode())
    [a] = load_file(f)
    assert a.title == "Café owners welcome the new rules"
    assert "Zoë Müller" in a.text and "café reopened" in a.text


def test_html_page_without_text(tmp_path: Path) -> None:
    f = tmp_path / "empty.html"
    f.write_text("<html><head><title>x</title><script>var a = 1;</script></head><body></body></html>")
    assert "No article text" in _problem(f).reason


def test_wrong_extension_html_saved_as_txt(tmp_path: Path, fx: Path) -> None:
    f = tmp_path / "page.txt"
    f.write_bytes((fx / "plain_page.html").read_bytes())
    [a] = load_file(f)
    assert a.format == "html"
    assert a.title == "Library reopens after flood repairs"


DEEP_TEXT = "Deep inside the page there is some text."
TOO_DEEP = "nested too deeply"


def _text_or_too_deep(path: Path, fmt: str, text: str) -> None:
    """Either the text is read, or the user is told the file is nested too deeply: never a wrong reason."""
    try:
        articles = load_file(path)
    except ImportProblem as problem:
        assert TOO_DEEP in problem.reason, problem.reason
        return
    assert [a.format for a in articles] == [fmt]
    assert text in articles[0].text


def test_html_nested_a_little_deeply_keeps_its_text(tmp_path: Path) -> None:
    f = tmp_path / "deep.html"
    f.write_text("<html><body>" + "<div>" * 100 + f"<p>{DEEP_TEXT}</p>" + "</div>" * 100)
    [a] = load_file(f)
    assert a.text == DEEP_TEXT


def test_deeply_nested_html(tmp_path: Path) -> None:
    f = tmp_path / "deep.html"
    f.write_text("<html><body>" + "<div>" * 5000 + f"<p>{DEEP_TEXT}</p>" + "</div>" * 5000)
    _text_or_too_deep(f, "html", DEEP_TEXT)


def test_deeply_nested_json(tmp_path: Path) -> None:
    f = tmp_path / "deep.json"
    f.write_text("[" * 100_000 + "]" * 100_000)  # valid JSON, only too deep
    assert _problem(f).reason == "The file is nested too deeply to read: 100,000 levels."


def test_json_without_articles_says_so(tmp_path: Path) -> None:
    f = tmp_path / "lists.json"
    f.write_text("[" * 50 + "]" * 50)
    assert "No article" in _problem(f).reason


def test_deeply_nested_xml_feed(tmp_path: Path) -> None:
    f = tmp_path / "deep.xml"
    f.write_text('<rss version="2.0"><channel><title>Deep</title><item><title>Kept</title><description>'
                 + "<x>" * 50_000 + "text" + "</x>" * 50_000 + "</description></item></channel></rss>")
    _text_or_too_deep(f, "rss", "text")


def test_xml_feed_nested_a_little_deeply_keeps_its_text(tmp_path: Path) -> None:
    f = tmp_path / "deep.xml"
    f.write_text('<rss version="2.0"><channel><title>Deep</title><item><title>Kept</title><description>'
                 + "<x>" * 100 + "text" + "</x>" * 100 + "</description></item></channel></rss>")
    [a] = load_file(f)
    assert (a.format, a.title, a.text) == ("rss", "Kept", "text")


@pytest.mark.parametrize(("fixture", "wrong_name", "fmt"), [
    ("rss2.xml", "feed.html", "rss"),
    ("article.json", "article.txt", "json"),
    ("newsletter.eml", "mail.txt", "eml"),
    ("note.md", "note.txt", "markdown"),
])
def test_wrong_extensions(fx: Path, tmp_path: Path, fixture: str, wrong_name: str, fmt: str) -> None:
    f = tmp_path / wrong_name
    f.write_bytes((fx / fixture).read_bytes())
    articles = load_file(f)
    assert articles and {a.format for a in articles} == {fmt}
