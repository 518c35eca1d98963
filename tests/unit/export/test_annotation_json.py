"""W3C Web Annotation JSON: the model's required fields, and the export/import round trip through UserStore."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from reader.core.errors import ImportProblem
from reader.core.export import ExportItem, ExportOptions, import_annotation_file, merge_annotations
from reader.core.export.annotation_json import collection, to_json, to_json_combined
from reader.core.export.collect import item_for
from reader.core.store.user_data import UserStore

MOTIVATIONS = {"assessing", "bookmarking", "classifying", "commenting", "describing", "editing", "highlighting",
               "identifying", "linking", "moderating", "questioning", "replying", "tagging"}


def _is_iri(value: object) -> bool:
    return isinstance(value, str) and ":" in value and " " not in value


def _is_datetime(value: object) -> bool:
    assert isinstance(value, str)
    return datetime.fromisoformat(value.replace("Z", "+00:00")).tzinfo is not None


def _check_annotation(a: dict) -> None:
    assert _is_iri(a["id"]) and a["id"].startswith("urn:uuid:")
    assert a["type"] == "Annotation"
    assert a["motivation"] in MOTIVATIONS
    for key in ("created", "modified"):
        if key in a:
            assert _is_datetime(a[key])
    bodies = a.get("body", [])
    for body in bodies if isinstance(bodies, list) else [bodies]:
        assert body["type"] == "TextualBody" and isinstance(body["value"], str)
        assert body.get("purpose", "commenting") in MOTIVATIONS
    target = a["target"]
    if isinstance(target, str):
        assert _is_iri(target)
        return
    assert _is_iri(target["source"])
    for sel in target["selector"]:
        if sel["type"] == "TextQuoteSelector":
            assert isinstance(sel["exact"], str) and sel["exact"]
        else:
            assert sel["type"] == "TextPositionSelector"
            assert isinstance(sel["start"], int) and 0 <= sel["start"] <= sel["end"]


def test_collection_has_the_models_required_fields(item: ExportItem, options: ExportOptions) -> None:
    doc = json.loads(to_json(item, options))
    assert doc["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert doc["type"] == "AnnotationCollection" and _is_iri(doc["id"]) and doc["label"]
    page = doc["first"]
    assert page["type"] == "AnnotationPage" and _is_iri(page["id"]) and page["id"] != doc["id"]
    assert doc["total"] == len(page["items"]) == 1 + 1 + 6  # bookmark, note, six highlights
    for a in page["items"]:
        _check_annotation(a)
    assert doc["articles"] == [{
        "id": "https://ledger.example/2026/11/ferry-fares", "articleId": item.article.id, "title": item.article.title,
        "byline": "Mara Okafor", "publisher": "The Coastal Ledger", "published": "2026-11-20",
        "url": "https://ledger.example/2026/11/ferry-fares", "path": "articles/ferry-fares.html", "language": "en",
        "tags": ["transport"],
    }]  # fmt: skip


def test_each_kind_of_annotation_is_shaped_as_the_brief_says(item: ExportItem, options: ExportOptions) -> None:
    items = collection([item], options)["first"]["items"]
    bookmark, note, *highlights = items
    url = "https://ledger.example/2026/11/ferry-fares"
    assert bookmark["motivation"] == "bookmarking" and bookmark["target"] == url
    assert [(b["purpose"], b["value"]) for b in bookmark["body"]] == [("tagging", "city council"), ("tagging", "fares")]
    assert note["motivation"] == "commenting" and note["target"] == url
    assert note["id"] == "urn:uuid:9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a" and note["body"]["value"] == item.note.text
    first = highlights[0]
    h = item.highlights[0]
    assert first["id"] == f"urn:uuid:{h.id}" and first["motivation"] == "highlighting"
    assert first["body"] == [
        {"type": "TextualBody", "value": h.note, "format": "text/markdown", "purpose": "commenting"}
    ]
    assert first["target"]["styleClass"] == "yellow"
    assert first["target"]["selector"] == [
        {"type": "TextQuoteSelector", "exact": h.quote.exact, "prefix": h.quote.prefix, "suffix": h.quote.suffix},
        {"type": "TextPositionSelector", "start": h.start, "end": h.end},
    ]
    orphan = next(a for a in highlights if a["target"]["styleClass"] == "purple")
    assert [s["type"] for s in orphan["target"]["selector"]] == ["TextQuoteSelector"]
    assert "body" not in next(a for a in highlights if a["target"]["styleClass"] == "pink")


def test_targets_fall_back_to_a_file_uri_and_stay_unique(item: ExportItem, options: ExportOptions) -> None:
    no_url = replace(item, article=replace(item.article, url=""))
    doc = json.loads(to_json_combined([no_url, item, item], options))
    sources = [a["id"] for a in doc["articles"]]
    assert sources[0].startswith("file:///") and sources[0].endswith("articles/ferry-fares.html")
    assert len(set(sources)) == 3


def _store_with(item: ExportItem, path: Path) -> UserStore:
    store = UserStore(path)
    for h in item.highlights:
        store.restore_highlight(h)
    store.set_note(item.article.id, item.note.text)
    store.set_bookmark_tags(item.article.id, item.bookmark.tags)
    return store


def test_round_trip_into_an_empty_store_restores_everything(tmp_path: Path, item: ExportItem) -> None:
    source = _store_with(item, tmp_path / "a.sqlite3")
    exported = item_for(item.article, source)
    out = tmp_path / "annotations.json"
    out.write_text(to_json(exported, ExportOptions(exported="2026-11-26T12:00:00Z")), encoding="utf-8")
    target = UserStore(tmp_path / "b.sqlite3")
    report = import_annotation_file(out, target)
    assert (report.added, report.updated, report.unchanged, report.skipped) == (8, 0, 0, [])
    placed = [h for h in source.highlights(item.article.id) if not h.orphan]
    assert [h for h in target.highlights(item.article.id) if not h.orphan] == placed
    orphan = next(h for h in target.highlights(item.article.id) if h.orphan)
    assert (orphan.quote.exact, orphan.note, orphan.color) == ("A sentence that was edited away",
                                                               "Orphaned note survives.", "purple")
    assert target.note(item.article.id) == item.note.text
    assert target.bookmark(item.article.id).tags == ("city council", "fares")
    again = import_annotation_file(out, target)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 8)


def test_import_merges_by_id_and_the_newest_wins(tmp_path: Path, item: ExportItem) -> None:
    first, second = item.highlights[0], item.highlights[3]
    store = UserStore(tmp_path / "u.sqlite3")
    store.restore_highlight(replace(first, note="newer here", modified="2030-01-01T00:00:00.000Z"))
    store.restore_highlight(replace(second, note="older here", modified="2020-01-01T00:00:00.000Z"))
    doc = collection([ExportItem(item.article, (first, second))], ExportOptions(exported="x"))
    report = merge_annotations(doc, store)
    assert (report.added, report.updated, report.unchanged) == (0, 1, 1)
    assert store.get_highlight(first.id).note == "newer here"
    assert store.get_highlight(second.id) == second


def test_unknown_targets_and_broken_annotations_are_reported_not_fatal(tmp_path: Path, item: ExportItem) -> None:
    doc = collection([ExportItem(item.article, item.highlights[:1])], ExportOptions(exported="x"))
    good = doc["first"]["items"][0]
    stray = json.loads(json.dumps(good)) | {"id": "urn:uuid:00000000-0000-4000-8000-000000000000"}
    stray["target"]["source"] = "https://elsewhere.example/"
    broken = json.loads(json.dumps(good)) | {"id": "not-a-uuid"}
    doc["first"]["items"] += [stray, broken]
    store = UserStore(tmp_path / "u.sqlite3")
    report = merge_annotations(doc, store)
    assert report.added == 1 and len(report.skipped) == 2
    assert "elsewhere.example" in report.skipped[0] and "not a urn:uuid" in report.skipped[1]


def test_a_file_that_is_not_annotation_json_is_a_clear_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    store = UserStore(tmp_path / "u.sqlite3")
    with pytest.raises(ImportProblem, match="not valid JSON"):
        import_annotation_file(bad, store)
    bad.write_text('{"type": "Something"}', encoding="utf-8")
    with pytest.raises(ImportProblem, match="no W3C Web Annotations"):
        import_annotation_file(bad, store)
