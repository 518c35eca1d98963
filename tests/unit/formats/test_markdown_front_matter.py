"""Markdown front matter read as YAML (safe loader) onto the article's fields (issue 13)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from reader.core.article import Article
from reader.core.formats import load_file
from reader.core.formats.markdown_front import FrontMatterProblem, front_matter_fields

BODY = "The ferry will run every hour from May, the island council said on Tuesday.\n"


def _load(tmp_path: Path, text: str) -> Article:
    f = tmp_path / "story.md"
    f.write_text(text, encoding="utf-8")
    [article] = load_file(f)
    return article


def test_folded_and_literal_scalars_give_their_text(tmp_path: Path) -> None:
    a = _load(
        tmp_path,
        "---\ntitle: >-\n  Ferry timetable\n  doubles\ndescription: >\n  Hourly crossings from May,\n"
        "  the council says.\nsummary: |\n  ignored: description came first\n---\n\n" + BODY,
    )
    assert a.title == "Ferry timetable doubles"
    assert a.description == "Hourly crossings from May, the council says."
    assert a.text == BODY.strip()


def test_yaml_dates_and_date_times_become_iso_strings(tmp_path: Path) -> None:
    assert _load(tmp_path, "---\ntitle: T\ndate: 2024-02-29\n---\n\n" + BODY).published == "2024-02-29"
    timed = _load(tmp_path, "---\ntitle: T\npublished: 2024-02-29T18:05:00+01:00\n---\n\n" + BODY)
    assert timed.published == "2024-02-29T18:05:00+01:00"


def test_the_field_mapping_is_kept(tmp_path: Path) -> None:
    a = _load(
        tmp_path,
        "---\nheadline: 'Ferry: more crossings'\nauthors:\n  - Ana Ruiz\n  - Tom Berg\npublisher: Island Post\n"
        "canonical: https://example.org/ferry\nkeywords: transport, islands\nlang: en_GB\n"
        "image: https://example.org/ferry.jpg\nunknown: kept out\n---\n\n" + BODY,
    )
    assert (a.title, a.byline, a.source, a.url) == (
        "Ferry: more crossings", "Ana Ruiz, Tom Berg", "Island Post", "https://example.org/ferry"
    )
    assert a.tags == ("transport", "islands")
    assert (a.language, a.image) == ("en-GB", "https://example.org/ferry.jpg")


def test_the_norwegian_language_code_is_not_read_as_false(tmp_path: Path) -> None:
    assert _load(tmp_path, "---\ntitle: Ferje\nlang: no\n---\n\n" + BODY).language == "no"


def test_invalid_yaml_still_loads_the_body_and_warns(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="reader.core.formats.markdown"):
        a = _load(tmp_path, '---\ntitle: "Ferry timetable\nauthor: [Ana\n---\n\n# Ferry timetable doubles\n\n' + BODY)
    assert a.title == "Ferry timetable doubles"
    assert a.text == BODY.strip()
    [record] = caplog.records
    assert record.levelno == logging.WARNING
    assert record.getMessage() == (
        f"{tmp_path / 'story.md'}: its front matter is not valid YAML on line 3; check the quotes and colons; "
        "the article was read without it."
    )


def test_front_matter_that_is_not_a_mapping_stays_text(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="reader.core.formats.markdown"):
        a = _load(tmp_path, "---\nA note before the story.\n\n- first point\n- second point\n---\n\n" + BODY)
    assert a.title == "Story"  # from the file name
    assert [(b.kind, b.text) for b in a.blocks] == [
        ("p", "A note before the story."), ("li", "first point"), ("li", "second point"), ("p", BODY.strip()),
    ]
    assert caplog.text.count("its front matter is not a list of `name: value` lines; it was read as part of") == 1


def test_yaml_is_read_safely() -> None:
    with pytest.raises(FrontMatterProblem):
        front_matter_fields("title: !!python/object/apply:os.system ['echo unsafe']\n")


def test_an_alias_bomb_is_not_expanded() -> None:
    rows = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    rows += [f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]" for p, n in zip("abcdefgh", "bcdefghi", strict=True)]
    fields = front_matter_fields("\n".join(rows) + "\ntags: [*i, *i, *i]\ntitle: Bomb\n")
    assert fields == {"title": "Bomb"}  # tags made of lists are not tags
