"""Which texts the name model (PER, ORG, LOC, MISC) reads: apart from the tagger, so the reading pane can ask
for every article it shows without importing the tagger and its model code."""

from __future__ import annotations


def reads_names(language: str, text: str = "") -> bool:
    """Whether the model's names (PER, ORG, LOC, MISC) are looked for in `text` of `language` (a
    code such as "en" or "de-AT"; "" when not known).

    The model learnt English news; in other languages its guesses are mostly noise (every German
    noun is capitalised, "Sejmie" is not a person). A known language must be English; an unknown
    one is judged from the text (`may_hold_english_names`: too short to tell, or English-looking).
    """
    if language:
        return language.lower().split("-")[0] == "en"
    # Imported here: CLD2 is needed only for a text of unknown language, and `entities --conll` never needs it.
    from reader.core.extract.language import may_hold_english_names

    return may_hold_english_names(text)
