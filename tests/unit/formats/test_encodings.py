"""Byte-order marks, declared charsets and detection among the supported encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.formats import load_file
from reader.core.formats.encoding import decode_bytes

FRENCH = ("Le café du marché fête ses cent ans", "Le café « Chez Hélène » a fêté dimanche")
ARABIC = ("افتتاح مكتبة جديدة في وسط المدينة", "افتتحت البلدية يوم الأحد مكتبة عامة جديدة")
RUSSIAN = ("В городе открылся новый каток", "В субботу в центральном парке открылся новый каток")
JAPANESE = ("駅前に新しい図書館が開館", "市は二十日、駅前に新しい図書館を開館したと発表した。")
ENGLISH = ("Rowing club celebrates its centenary", "The rowing club marked one hundred years on the river")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("enc_cp1252.txt", FRENCH),
        ("enc_utf8_bom.txt", FRENCH),
        ("enc_declared_wrong.html", FRENCH),
        ("enc_cp1256.txt", ARABIC),
        ("enc_iso8859_6.html", ARABIC),
        ("enc_iso8859_6_undeclared.txt", ARABIC),
        ("enc_koi8r.txt", RUSSIAN),
        ("enc_utf16le_bom.txt", RUSSIAN),
        ("enc_shift_jis.html", JAPANESE),
        ("enc_shift_jis_undeclared.txt", JAPANESE),
        ("enc_utf32_bom.txt", JAPANESE),
        ("enc_utf16be_bom.html", ENGLISH),
        ("enc_utf16le_nobom.txt", ENGLISH),
    ],
)
def test_encoded_fixture(fx: Path, name: str, expected: tuple[str, str]) -> None:
    [a] = load_file(fx / name)
    title, start = expected
    assert a.title == title
    assert a.text.startswith(start)
    assert "\ufffd" not in a.text and "\ufeff" not in a.title
    assert a.source == "Kiosk Wire"
    assert a.published == "2020-04-01"


def test_html_language_from_markup_and_script(fx: Path) -> None:
    assert load_file(fx / "enc_iso8859_6.html")[0].language == "ar"
    assert load_file(fx / "enc_shift_jis.html")[0].language == "ja"


@pytest.mark.parametrize("codec", ["cp1252", "cp1256", "iso8859-6", "koi8-r", "shift_jis", "utf-8"])
def test_short_samples_decode_right(codec: str) -> None:
    samples = {
        "cp1252": "Äußerst schöne Grüße aus München, sagte die Bürgermeisterin.",
        "cp1256": "قالت الوزارة إن المدارس ستفتح أبوابها الأسبوع المقبل",
        "iso8859-6": "قالت الوزارة إن المدارس ستفتح أبوابها الأسبوع المقبل",
        "koi8-r": "Министерство сообщило, что школы откроются на следующей неделе",
        "shift_jis": "文部科学省は来週から学校を再開すると発表した。",
        "utf-8": "Zoë and Ødegaard met in Kraków — “finally”.",
    }
    text, name = decode_bytes(samples[codec].encode(codec))
    assert text == samples[codec]


def test_utf8_bytes_win_over_a_stale_legacy_label() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Zoë’s café — naïve</p></body></html>'
    text, name = decode_bytes(page.encode("utf-8"))
    assert name == "utf-8" and "Zoë’s café — naïve" in text
    text, name = decode_bytes("<meta charset='koi8-r'><p>Привет</p>".encode("koi8-r"))
    assert name == "koi8-r" and "Привет" in text
