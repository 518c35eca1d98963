"""Plain-text and Markdown metadata: byline and dateline lines, source labels in other languages, language."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.article import Article
from reader.core.extract.dates import find_date, normalise_date
from reader.core.extract.language import guess_language
from reader.core.formats import load_file
from reader.core.formats.common import parse_byline_line

# The article files these tests read, written to a temporary folder. They live here rather than in
# tests/fixtures/formats/text_meta/ because tests/unit/formats/test_property.py reads every entry of
# tests/fixtures/formats/ as a file, and a subfolder there breaks its collection.
ARTICLES = {
    "arabic_levantine.txt": (
        "افتتاح مكتبة عامة جديدة في وسط المدينة\n"
        "\n"
        "بقلم سامر الخطيب | حلب، ٣ آذار ٢٠٢٥\n"
        "\n"
        "افتتحت البلدية يوم الاثنين مكتبة عامة جديدة في وسط المدينة تضم أكثر من عشرين ألف كتاب "
        "وقاعة للمطالعة وأخرى للأطفال.\n"
        "\n"
        "وقال رئيس البلدية إن المكتبة ستفتح أبوابها كل يوم من التاسعة صباحاً حتى التاسعة مساءً.\n"
        "\n"
        "المصدر: صحيفة الوادي\n"
        "\n"
        "صحيفة الوادي صحيفة أسبوعية مستقلة تصدر منذ عام 2001 وتهتم بالشؤون المحلية والثقافة.\n"
    ),
    "by_pipe_date.txt": (
        "Town council agrees to rebuild flooded footbridge\n"
        "\n"
        "By Mara Lind | 3 March 2025\n"
        "\n"
        "The town council voted on Monday to rebuild the footbridge over the Ellwater that was "
        "swept away in January's floods, at a cost of about 410,000 euros.\n"
        "\n"
        "Work is expected to begin in the summer and to take four months, the council's engineer "
        "told the meeting.\n"
        "\n"
        "Source: The Ellwater Gazette\n"
        "\n"
        "The Ellwater Gazette is an independent weekly newspaper covering the towns of the "
        "Ellwater valley.\n"
    ),
    "by_the_end.txt": (
        "Market traders count the cost of the long closure\n"
        "\n"
        "By the end of the week, most of the traders at the covered market had reopened their "
        "stalls, but many said they had lost a month of income and would struggle to pay their "
        "rent.\n"
        "\n"
        "The market was closed for four weeks while the roof was repaired.\n"
    ),
    "date_alone_iso.txt": (
        "Cycle lane on the harbour road opens early\n"
        "\n"
        "2025-03-03\n"
        "\n"
        "The two-kilometre cycle lane along the harbour road opened a fortnight ahead of schedule, "
        "the roads department said on Monday.\n"
    ),
    "french_source.txt": (
        "Le port de pêche inaugure une nouvelle halle à marée\n"
        "\n"
        "Le nouveau bâtiment, construit pour remplacer la halle de 1968, a été inauguré mardi par "
        "le maire et les représentants des pêcheurs de la commune.\n"
        "\n"
        "Il permettra de vendre le poisson aux enchères dans de meilleures conditions d'hygiène, "
        "selon la chambre de commerce qui a financé les travaux.\n"
        "\n"
        "Source : Le Courrier du Littoral\n"
        "\n"
        "Le Courrier du Littoral est un quotidien régional indépendant fondé en 1946.\n"
    ),
    "name_pipe_weekday.txt": (
        "Library extends opening hours during exam season\n"
        "\n"
        "Sofia Almeida | Monday, 3 Mar 2025\n"
        "\n"
        "The central library will stay open until midnight for the next six weeks so that students "
        "have a quiet place to revise, the university said.\n"
    ),
    "no_front_matter.md": (
        "# Ferry company orders two electric boats\n"
        "\n"
        "*By Mara Lind* | 3 March 2025\n"
        "\n"
        "The island ferry company has ordered two battery-powered boats from a shipyard in the "
        "north, to enter service in 2027.\n"
        "\n"
        "The boats will carry 150 passengers each and charge at both ends of the crossing.\n"
    ),
    "persian_source.txt": (
        "بازگشایی کتابخانه مرکزی شهر پس از دو سال\n"
        "\n"
        "کتابخانه مرکزی شهر پس از دو سال بازسازی روز دوشنبه با حضور شهردار و گروهی از نویسندگان "
        "دوباره بازگشایی شد.\n"
        "\n"
        "این کتابخانه اکنون بیش از صد هزار جلد کتاب و یک سالن مطالعه برای کودکان دارد.\n"
        "\n"
        "منبع: روزنامه شهر ما\n"
    ),
    "place_date.txt": (
        "Fishing cooperative opens cold store in coastal village\n"
        "\n"
        "By Kwabena Asante-Mensah | ACCRA, 3 September 2025\n"
        "\n"
        "A fishing cooperative in a village east of the capital opened a solar-powered cold store "
        "on Tuesday, which its members say will let them sell their catch over several days "
        "instead of one.\n"
        "\n"
        "The store holds up to 20 tonnes of fish and was paid for by the members with a loan from "
        "a rural bank.\n"
    ),
    "staff_two_names.txt": (
        "Rail operator promises new timetable after weeks of cancellations\n"
        "By Jane Doe and John Roe, Staff\n"
        "Published: March 3, 2025\n"
        "The regional rail operator said on Friday that a new timetable with fewer but more "
        "reliable trains would start next month.\n"
        "Passenger groups welcomed the change but asked for refunds for the cancelled services.\n"
    ),
    "updated_only.txt": (
        "Storm warning lifted for the northern coast\n"
        "\n"
        "Updated 4 March 2025 10:30 GMT\n"
        "\n"
        "The weather service lifted its storm warning for the northern coast on Tuesday morning "
        "after winds eased overnight.\n"
    ),
}


@pytest.fixture
def fx(tmp_path: Path) -> Path:
    """A folder holding the articles above (the name shadows the shared fixture-folder fixture)."""
    folder = tmp_path / "text_meta"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return tmp_path


def _meta(fx: Path, name: str) -> Article:
    [a] = load_file(fx / "text_meta" / name)
    return a


@pytest.mark.parametrize(
    ("name", "title", "byline", "published", "first_words"),
    [
        ("by_pipe_date.txt", "Town council agrees to rebuild flooded footbridge", "Mara Lind", "2025-03-03",
         "The town council voted"),
        ("place_date.txt", "Fishing cooperative opens cold store in coastal village", "Kwabena Asante-Mensah",
         "2025-09-03", "A fishing cooperative"),
        ("staff_two_names.txt", "Rail operator promises new timetable after weeks of cancellations",
         "Jane Doe, John Roe", "2025-03-03", "The regional rail operator"),
        ("name_pipe_weekday.txt", "Library extends opening hours during exam season", "Sofia Almeida", "2025-03-03",
         "The central library"),
        ("date_alone_iso.txt", "Cycle lane on the harbour road opens early", "", "2025-03-03", "The two-kilometre"),
        ("updated_only.txt", "Storm warning lifted for the northern coast", "", "2025-03-04T10:30:00+00:00",
         "The weather service"),
        ("no_front_matter.md", "Ferry company orders two electric boats", "Mara Lind", "2025-03-03",
         "The island ferry company"),
    ],
)
def test_byline_and_date_line_become_metadata(
    fx: Path, name: str, title: str, byline: str, published: str, first_words: str
) -> None:
    a = _meta(fx, name)
    assert a.title == title
    assert a.byline == byline
    assert a.published == published
    assert a.paragraphs[0].startswith(first_words)  # the byline line left the body
    assert a.language == "en"


def test_source_and_blurb_still_removed_with_byline(fx: Path) -> None:
    a = _meta(fx, "by_pipe_date.txt")
    assert a.source == "The Ellwater Gazette"
    assert a.paragraphs[-1].startswith("Work is expected")
    assert len(a.blocks) == 2


def test_first_paragraph_starting_with_by_is_kept(fx: Path) -> None:
    a = _meta(fx, "by_the_end.txt")
    assert a.byline == "" and a.published == ""
    assert a.paragraphs[0].startswith("By the end of the week, most of the traders")
    assert len(a.blocks) == 2


def test_arabic_byline_levantine_month_indic_digits_and_source(fx: Path) -> None:
    a = _meta(fx, "arabic_levantine.txt")
    assert a.title == "افتتاح مكتبة عامة جديدة في وسط المدينة"
    assert a.byline == "سامر الخطيب"
    assert a.published == "2025-03-03"
    assert a.source == "صحيفة الوادي"
    assert a.language == "ar"
    assert a.paragraphs[0].startswith("افتتحت البلدية")
    assert a.paragraphs[-1].startswith("وقال رئيس البلدية")  # source line and publisher blurb gone
    assert "بقلم" not in a.text and "مستقلة" not in a.text


def test_french_source_label_with_space_and_language(fx: Path) -> None:
    a = _meta(fx, "french_source.txt")
    assert a.source == "Le Courrier du Littoral"
    assert a.language == "fr"
    assert a.paragraphs[-1].startswith("Il permettra")
    assert "quotidien régional" not in a.text


def test_persian_source_label_and_language(fx: Path) -> None:
    a = _meta(fx, "persian_source.txt")
    assert a.source == "روزنامه شهر ما"
    assert a.language == "fa"
    assert "منبع" not in a.text


def test_sample_arabic_article_from_resources_shape(tmp_path: Path) -> None:
    # The same shape as the shipped Arabic sample: Gulf month name, Arabic comma after the place.
    f = tmp_path / "ar.txt"
    f.write_text(
        "عنوان الخبر عن افتتاح محطة جديدة\n\nبقلم ليلى العبري | صور، 11 فبراير 2026\n\n"
        "افتتح الوزير يوم الثلاثاء محطة جديدة لتحلية مياه البحر في المدينة بتكلفة كبيرة.\n\n"
        "المصدر: صحيفة الساحل اليومية\n\nصحيفة الساحل اليومية صحيفة مستقلة تصدر في مسقط.\n",
        encoding="utf-8",
    )
    [a] = load_file(f)
    assert (a.byline, a.published, a.source) == ("ليلى العبري", "2026-02-11", "صحيفة الساحل اليومية")
    assert len(a.blocks) == 1


@pytest.mark.parametrize(
    ("line", "byline", "published", "updated"),
    [
        ("By Mara Lind", "Mara Lind", "", ""),
        ("By Mara Lind | 3 March 2025", "Mara Lind", "2025-03-03", ""),
        ("By Jane Doe and John Roe, Staff", "Jane Doe, John Roe", "", ""),
        ("By Jane Doe, ACCRA, 3 Sept 2025", "Jane Doe", "2025-09-03", ""),
        ("By Anne-Marie O'Neil, Business Editor", "Anne-Marie O'Neil", "", ""),
        ("Mara Lind | 3 March 2025", "Mara Lind", "2025-03-03", ""),
        ("March 3, 2025", "", "2025-03-03", ""),
        ("Saskatoon, 24 September 2026", "", "2026-09-24", ""),
        ("Published: Tuesday 3 March 2025 at 10:00", "", "2025-03-03T10:00:00", ""),
        ("Published 3 March 2025 | Updated 4 March 2025", "", "2025-03-03", "2025-03-04"),
        ("بقلم ليلى العبري | صور، 11 فبراير 2026", "ليلى العبري", "2026-02-11", ""),
        ("٣ كانون الثاني ٢٠٢٥", "", "2025-01-03", ""),
    ],
)
def test_parse_byline_line_forms(line: str, byline: str, published: str, updated: str) -> None:
    found = parse_byline_line(line)
    assert found is not None
    assert (found.byline, found.published, found.updated) == (byline, published, updated)


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the week, the council had agreed.",
        "By Friday, the council had agreed to the plan",
        "By Friday",
        "The meeting is on 3 March 2025",
        "Thousands marched in the capital | 3 March 2025",
        "By Mara Lind | " + "a very long line " * 8,
    ],
)
def test_parse_byline_line_refuses_prose(line: str) -> None:
    assert parse_byline_line(line) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("11 فبراير 2026", "2026-02-11"),
        ("11 شباط 2026", "2026-02-11"),
        ("11 فبراير/شباط 2026", "2026-02-11"),
        ("1 تشرين الأول 2024", "2024-10-01"),
        ("9 آب 2024", "2024-08-09"),
        ("٢٠٢٥-٠٣-٠٣", "2025-03-03"),
        ("Monday, 3 March 2025", "2025-03-03"),
    ],
)
def test_dates_in_arabic_and_with_weekday(raw: str, expected: str) -> None:
    assert normalise_date(raw) == expected


def test_find_date_gives_span() -> None:
    text = "ACCRA, 3 September 2025"
    iso, start, end = find_date(text)
    assert iso == "2025-09-03"
    assert text[start:end] == "3 September 2025"
    assert find_date("no date here") == ("", -1, -1)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The council approved a budget on Tuesday for the renovation of schools, which must be finished "
         "before the autumn, the mayor said.", "en"),
        ("Le conseil municipal a voté mardi un budget de rénovation des écoles, qui doit être achevé avant "
         "la rentrée, selon le maire.", "fr"),
        ("قالت الوزارة إن المدارس ستفتح أبوابها الأسبوع المقبل بعد انتهاء أعمال الصيانة", "ar"),
        ("کتابخانه مرکزی شهر پس از دو سال بازسازی روز دوشنبه دوباره بازگشایی شد", "fa"),
    ],
)
def test_guess_language(text: str, lang: str) -> None:
    assert guess_language(text) == lang


def test_declared_markdown_language_wins_and_is_normalised(tmp_path: Path) -> None:
    f = tmp_path / "story.md"
    f.write_text(
        "---\ntitle: Bridge\nlang: fr_ca\n---\n\nThe bridge will close for six weeks while the deck is replaced, "
        "the roads department said.\n",
        encoding="utf-8",
    )
    [a] = load_file(f)
    assert a.language == "fr-CA"


def test_byline_line_above_the_title(tmp_path: Path) -> None:
    f = tmp_path / "story.txt"
    f.write_text(
        "By Jane Doe | 3 March 2025\n\nBridge closes\n\nThe old bridge will close for six weeks while the deck "
        "is replaced.\n",
        encoding="utf-8",
    )
    [a] = load_file(f)
    assert (a.title, a.byline, a.published) == ("Bridge closes", "Jane Doe", "2025-03-03")
    assert a.paragraphs == ["The old bridge will close for six weeks while the deck is replaced."]


def test_lone_date_line_stays_the_title(tmp_path: Path) -> None:
    f = tmp_path / "note.txt"
    f.write_text("3 March 2025\n", encoding="utf-8")
    [a] = load_file(f)
    assert a.title == "3 March 2025"
