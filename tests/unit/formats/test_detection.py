"""Format detection: content first, extension second."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from reader.core.formats import SUPPORTED_EXTENSIONS, detect


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.txt", b"Just a story\n\nWith words.", "text"),
        ("a.md", b"# Heading\n\nText", "markdown"),
        ("a.txt", b"---\ntitle: x\n---\nBody", "markdown"),
        ("a.dat", b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("a.md", b"<p>inline html in markdown</p>", "markdown"),
        ("a.txt", b"\xef\xbb\xbf<html><body>x</body></html>", "html"),
        ("a.html", b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>', "rss"),
        ("a.xml", b'<?xml version="1.0"?>\n<!-- c -->\n<feed xmlns="http://www.w3.org/2005/Atom"/>', "atom"),
        ("a.xml", b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"/>', "rdf"),
        ("a.xml", b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "b">]><rss/>', "rss"),
        ("a.json", b'{"version": "https://jsonfeed.org/version/1.1", "items": []}', "jsonfeed"),
        ("a.txt", b'{"title": "x"}\n{"title": "y"}\n', "jsonl"),
        ("a.json", b'[{"title": "x"}]', "json"),
        ("a.txt", b"From: A <a@example.org>\nSubject: Hi\nDate: Mon, 1 Jan 2024 00:00:00 +0000\n\nBody", "eml"),
        ("a.txt", b"From a@example.org Mon Jan  1 00:00:00 2024\nFrom: A <a@x>\nSubject: s\n\nBody", "mbox"),
        ("a.mht", b"From: <Saved>\nSubject: s\nMIME-Version: 1.0\nContent-Type: multipart/related;\n\n", "mhtml"),
        ("a.eml", b"Subject: s\nFrom: x\nContent-Type: multipart/related; boundary=b\n\n", "mhtml"),
        ("a.html", b"plain words only, saved with the wrong extension", "html"),
        ("a.unknown", b"plain words", "text"),
    ],
)
def test_detect(name: str, head: bytes, expected: str) -> None:
    assert detect(Path(name), head) == expected


def test_detect_looks_inside_gzip() -> None:
    head = gzip.compress(b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>')
    assert detect(Path("x.gz"), head) == "atom"


def test_detect_utf16_markup() -> None:
    assert detect(Path("x.txt"), "\ufeff<html><body>hi</body></html>".encode("utf-16-le")) == "html"
    assert detect(Path("x.txt"), "<rss version='2.0'></rss>".encode("utf-16-be")) == "rss"


def test_supported_extensions() -> None:
    for ext in (".txt", ".md", ".html", ".htm", ".xhtml", ".mht", ".mhtml", ".xml", ".rss", ".atom", ".rdf",
                ".json", ".jsonl", ".ndjson", ".eml", ".mbox"):
        assert ext in SUPPORTED_EXTENSIONS
