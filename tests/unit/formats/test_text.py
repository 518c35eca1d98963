"""Plain-text articles: title, debris, Source line and publisher blurbs."""

from __future__ import annotations

from pathlib import Path

from reader.core.formats import load_file


def test_text_title_source_and_debris(fx: Path) -> None:
    [a] = load_file(fx / "harbour_story.txt")
    assert a.format == "text"
    assert a.path.endswith("harbour_story.txt")
    assert a.title == "Harbour authority approves new ferry link to the northern islands"
    assert a.source == "Northern Coast Herald"
    assert a.paragraphs[0].startswith("The regional harbour authority on Tuesday")
    assert a.paragraphs[-1].startswith('"This is the day our schools stop shrinking,"')
    assert "|" not in a.text and "----" not in a.text
    assert "Source:" not in a.text
    assert "mainly concerned" not in a.text and "Chronicle" not in a.text
    assert len(a.blocks) == 4


def test_trailing_self_description_is_dropped_without_source_line(fx: Path) -> None:
    [a] = load_file(fx / "independent_blurb.txt")
    assert a.title == "Farmers report record apple harvest after mild spring"
    assert "independent news site" not in a.text
    assert a.paragraphs[-1].startswith("A mild spring with no late frost")


def test_text_header_fields_and_single_line_paragraphs(tmp_path: Path) -> None:
    f = tmp_path / "story.txt"
    f.write_text(
        "Title: Bridge closes for repairs\nDate: 12 March 2021\nBy Ana Costa\n"
        "The old bridge will close for six weeks.\nDrivers should use the ring road.\n",
        encoding="utf-8",
    )
    [a] = load_file(f)
    assert a.title == "Bridge closes for repairs"
    assert a.published == "2021-03-12"
    assert a.byline == "Ana Costa"
    assert a.paragraphs == ["The old bridge will close for six weeks.", "Drivers should use the ring road."]


def test_text_without_title_line_uses_file_name(tmp_path: Path) -> None:
    long_para = "word " * 80
    f = tmp_path / "market_report-2021.txt"
    f.write_text(long_para, encoding="utf-8")
    [a] = load_file(f)
    assert a.title == "Market report 2021"
    assert a.text == long_para.strip()


def test_title_directly_above_text_and_hard_wrapped_prose(tmp_path: Path) -> None:
    f = tmp_path / "above.txt"
    f.write_text("Ferry fares rise\nBy Ana Costa\nFares go up in May.\nSeason tickets too.\n\nMore later.\n")
    [a] = load_file(f)
    assert a.title == "Ferry fares rise"
    assert a.byline == "Ana Costa"
    assert a.paragraphs == ["Fares go up in May. Season tickets too.", "More later."]
    wrapped = tmp_path / "wrapped.txt"
    wrapped.write_text(
        "Wrapped story\n\nThe council met on Monday evening to discuss the plans for the\n"
        "new harbour wall, which residents have asked for since the storm of\nlast winter.\n"
    )
    [b] = load_file(wrapped)
    assert b.title == "Wrapped story"
    assert b.paragraphs == [
        "The council met on Monday evening to discuss the plans for the new harbour wall, "
        "which residents have asked for since the storm of last winter."
    ]


def test_source_line_at_the_top_keeps_the_story(tmp_path: Path) -> None:
    f = tmp_path / "top.txt"
    f.write_text("Ferry timetable changes\n\nSource: Port Office\n\nBoats leave at nine.\n\nThey return at five.\n")
    [a] = load_file(f)
    assert a.source == "Port Office"
    assert a.paragraphs == ["Boats leave at nine.", "They return at five."]
