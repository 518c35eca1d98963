"""File names safe on Windows, macOS and Linux."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.export.filenames import MAX_NAME_BYTES, MAX_STEM_CHARS, NamePicker, safe_stem

FORBIDDEN = set('<>:"/\\|?*') | {chr(c) for c in range(32)}


def test_forbidden_characters_reserved_names_and_trailing_dots() -> None:
    assert safe_stem('What? "Fares": up/down\\ <again>|*') == "What Fares up down again"
    assert safe_stem("CON") == "CON_" and safe_stem("nul.txt") == "nul_.txt" and safe_stem("com1") == "com1_"
    assert safe_stem("Lpt9 ") == "Lpt9_" and safe_stem("CONSOLE") == "CONSOLE"
    assert safe_stem("The end... ") == "The end" and safe_stem(" ..hidden") == "hidden"
    assert safe_stem("?*?") == "article" and safe_stem("", fallback="x") == "x"
    assert safe_stem("--force") == "force" and safe_stem("-.x") == "x"


def test_long_titles_are_cut_on_a_word_boundary() -> None:
    stem = safe_stem("word " * 40)
    assert len(stem) <= MAX_STEM_CHARS and stem.endswith("word")


def test_names_are_unique_even_on_case_insensitive_systems() -> None:
    picker = NamePicker()
    names = [picker.pick(t, ".md") for t in ("Fares", "fares", "FARES", "Fares (2)")]
    assert names == ["Fares.md", "fares (2).md", "FARES (3).md", "Fares (2) (2).md"]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_title_gives_a_portable_name(title: str) -> None:
    stem = safe_stem(title)
    assert stem and not (set(stem) & FORBIDDEN)
    assert stem == stem.rstrip(" .") and not stem.startswith((".", "-"))
    assert len(stem) <= MAX_STEM_CHARS and len(stem.encode("utf-8")) <= MAX_NAME_BYTES
    assert stem.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL", "COM1", "LPT1"}
