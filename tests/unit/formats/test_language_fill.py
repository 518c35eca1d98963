"""Every loader's articles get a language: declared, or guessed from the text."""

from __future__ import annotations

import json
from pathlib import Path

from reader.core.formats import load_file


def test_undeclared_language_is_guessed_for_json(tmp_path: Path) -> None:
    p = tmp_path / "a.json"
    p.write_text(json.dumps({
        "title": "Le conseil municipal reporte le vote du budget",
        "text": "Le conseil a reporté jeudi le vote du budget, faute d'accord sur le financement des bibliothèques. "
                "La maire a dit que le nouveau plan serait publié dans les trois semaines qui viennent.",
    }), encoding="utf-8")  # fmt: skip
    [article] = load_file(p)
    assert article.language == "fr"


def test_declared_language_is_kept(tmp_path: Path) -> None:
    p = tmp_path / "a.json"
    p.write_text(json.dumps({"title": "Ferry fares", "text": "The fares rose by four percent this spring.",
                             "language": "en-GB"}), encoding="utf-8")  # fmt: skip
    [article] = load_file(p)
    assert article.language.lower() == "en-gb"
