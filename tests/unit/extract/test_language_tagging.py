"""Names are tagged only in English articles, through the path the app uses: files in a library
folder, scanned, tagged in the background (`LibrarySync.tag_pending`), read back from the cache."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reader.core.library_sync import LibrarySync
from reader.core.store.library import Library

sys.path.insert(0, str(Path(__file__).parent))
from language_texts import ARTICLES, NOT_NAMES  # noqa: E402

NAME_TYPES = {"PER", "ORG", "LOC", "MISC"}
TITLES = {"id": "Anggaran jalan desa", "tr": "Köy yolları bütçesi", "pl": "Drogi lokalne w budżecie",
          "sv": "Vägar på landsbygden", "da": "Veje i landdistrikterne", "ro": "Drumuri comunale",
          "en": "Rural roads budget"}  # fmt: skip


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    folder = tmp_path_factory.mktemp("news")
    for language, text in ARTICLES.items():
        # UTF-8 with no declaration, as in the issue: the language comes from the text alone
        (folder / f"{language}.txt").write_text(f"{TITLES[language]}\n\n{text}\n", encoding="utf-8")
    lib = Library(tmp_path_factory.mktemp("cache") / "cache.sqlite3")
    sync = LibrarySync(lib)
    sync.scan([str(folder)])
    assert sync.tag_pending() == len(ARTICLES)
    return lib


def article_id(lib: Library, language: str) -> str:
    rows = lib.rows(lib.all_ids())
    return next(i for i, row in rows.items() if row.title == TITLES[language])


@pytest.mark.parametrize("language", sorted(ARTICLES))
def test_the_language_is_in_the_article_metadata(library: Library, language: str) -> None:
    article = library.article(article_id(library, language))
    assert article is not None and article.language == language


@pytest.mark.parametrize("language", sorted(NOT_NAMES))
def test_no_names_in_articles_of_other_languages(library: Library, language: str) -> None:
    aid = article_id(library, language)
    names = [(s.type, s.text) for s in library.entity_spans(aid) if s.type in NAME_TYPES]
    assert names == []
    article = library.article(aid)
    assert article is not None
    for word in NOT_NAMES[language]:
        assert word in article.text  # the words are there; only no one marks them
    top = {key for key, _type, _count, _articles in library.top_entities(None, 500)}
    assert not any(word.lower() in key for word in NOT_NAMES[language] for key in top)


def test_an_english_article_is_still_tagged(library: Library) -> None:
    spans = library.entity_spans(article_id(library, "en"))
    assert ("PER", "Maria Hallström") in [(s.type, s.text) for s in spans]
    assert ("LOC", "Stockholm") in [(s.type, s.text) for s in spans]


def test_rule_types_are_still_found_in_other_languages(tmp_path: Path) -> None:
    from reader.core.entities import tag

    text = ARTICLES["id"] + " Anggaran naik 12% menjadi Rp 5 triliun."
    types = {s.type for s in tag(text, "")}
    assert types and not types & NAME_TYPES
