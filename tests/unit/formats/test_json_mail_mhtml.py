"""JSON and JSON Lines items, e-mail messages and mailboxes, MHTML archives."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.formats import load_file


def test_json_single_object_with_nested_fields(fx: Path) -> None:
    [a] = load_file(fx / "article.json")
    assert a.format == "json"
    assert a.title == "Tram line extension gets the green light"
    assert a.byline == "Mei Tanaka"
    assert a.source == "Metro Daily"
    assert a.published == "2021-10-05T14:20:00+09:00"
    assert a.url == "https://metro.example.org/tram"
    assert a.tags == ("transport", "city")
    assert a.paragraphs == [
        "The city approved a four-kilometre tram extension to the university campus.",
        "Construction is due to start next year.",
    ]


def test_json_wrapped_array(fx: Path) -> None:
    first, second = load_file(fx / "articles.json")
    assert first.title == "Lighthouse gets a new lamp"
    assert first.source == "Coastline Times"
    assert first.byline == "Rui Alves"
    assert first.published == "2020-08-11T06:00:00+00:00"
    assert first.image == "https://coast.example.org/lh.jpg"
    assert first.text == "The lighthouse on the point now runs on an LED lamp that uses a tenth of the power."
    assert second.byline == "" and second.text == "Dredgers arrived in the harbour on Monday."


@pytest.mark.parametrize("name", ["items.jsonl", "items.ndjson"])
def test_json_lines(fx: Path, name: str) -> None:
    first, second = load_file(fx / name)
    assert first.format == "jsonl"
    assert (first.title, first.byline, first.source) == ("Rail strike called off", "K. Nwosu", "Wire Brief")
    assert first.published == "2022-11-20" and first.url == "https://wire.example.org/rail"
    assert second.published == "2022-11-21"
    assert second.text == "Prices at the pump fell for a third week."


def test_eml_newsletter_html_part(fx: Path) -> None:
    [a] = load_file(fx / "newsletter.eml")
    assert a.format == "eml"
    assert a.title == "Morning Brief: Cafés extend their hours"
    assert a.source == "Morning Brief"
    assert a.published == "2023-03-07T06:30:00+00:00"
    assert a.paragraphs[0].startswith("Cafés in the old town may now stay open until midnight on weekdays, the council")
    assert "review is planned for the autumn" in a.text
    assert "Unsubscribe" not in a.text


def test_eml_plain_text_in_latin1(fx: Path) -> None:
    [a] = load_file(fx / "plain.eml")
    assert a.title == "Field notes: the first swallows"
    assert a.source == "Field Notes"
    assert a.published == "2023-04-02T19:05:00+02:00"
    assert a.paragraphs == ["The first swallows arrived at the farm on Saturday.", "They nest in the barn every year."]


def test_mbox_messages(fx: Path) -> None:
    first, second = load_file(fx / "digest.mbox")
    assert first.format == second.format == "mbox"
    assert first.title == "Digest one: harbour news"
    assert first.source == "Weekly Digest"
    assert first.published == "2023-01-09T07:00:00+00:00"
    assert "From the archive" in first.text and ">From" not in first.text
    assert second.title == "Digest two: school news"
    assert second.text == "The new school library opened with four thousand books donated by families."


def test_mhtml_archive(fx: Path) -> None:
    [a] = load_file(fx / "page.mht")
    assert a.format == "mhtml"
    assert a.title == "Staudamm besteht Sicherheitsprüfung"
    assert a.byline == "Jana Vogel"
    assert a.source == "Talbote"
    assert a.language == "de"
    assert a.url == "https://valley.example.org/2021/05/20/dam-inspection"
    assert a.published == "2021-05-20"  # from the URL
    assert a.paragraphs[0].startswith("Der Staudamm oberhalb des Dorfes hat die jährliche Sicherheitsprüfung")
    assert "Lokales" not in a.text
