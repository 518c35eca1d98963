"""The tokenizer keeps exact offsets into the text and follows the CoNLL token conventions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.entities.tokenize import normalize_token, split_sentences, tokenize, tokens_and_words

# Text made of the pieces that stress the tokenizer: words, clitics, abbreviations, numbers, quotes.
_PIECES = st.sampled_from([
    "Putin", "’s", "'s", "don't", "U.S.", "Mr.", "J.", "Inc.", "3.5", "1,000", "1996-08-22", "“", "”", "—",
    "...", "O'Brien", "AT&T", "e-mail", "?", "!", ".", ",", "(", ")", " ", "  ", "\n", "\n\n", "\t", "é", "Ünal",
    "https://example.org/a.", "x@y.org", "_", "日本", "🙂",
])
_TEXT = st.one_of(st.lists(_PIECES, max_size=40).map("".join), st.text(max_size=80))


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_offsets_cover_every_non_space_character_exactly_once(text: str) -> None:
    tokens = tokenize(text)
    covered = [False] * len(text)
    last_end = 0
    for start, end in tokens:
        assert last_end <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]  # no token holds white space at its edges
        for k in range(start, end):
            covered[k] = True
        last_end = end
    assert all(covered[k] or text[k].isspace() for k in range(len(text)))


@settings(max_examples=100, deadline=None)
@given(_TEXT)
def test_sentences_partition_the_tokens_in_order(text: str) -> None:
    tokens = tokenize(text)
    sentences = split_sentences(text, tokens)
    flat = [k for a, b in sentences for k in range(a, b)]
    assert flat == list(range(len(tokens)))
    assert all(a < b for a, b in sentences)


def _words(text: str) -> list[str]:
    return [text[s:e] for s, e in tokenize(text)]


def test_conll_conventions() -> None:
    assert _words("Mr. Putin's U.S. trip didn't cost $3.5 billion.") == [
        "Mr.", "Putin", "'s", "U.S.", "trip", "did", "n't", "cost", "$", "3.5", "billion", ".",
    ]
    assert _words("O'Brien of AT&T Inc. met J. Smith on 1996-08-22") == [
        "O'Brien", "of", "AT&T", "Inc.", "met", "J.", "Smith", "on", "1996-08-22",
    ]


def test_curly_quotes_split_and_normalise() -> None:
    text = "“Putin’s plan,” he said."
    words = _words(text)
    assert words == ["“", "Putin", "’s", "plan", ",", "”", "he", "said", "."]
    assert [normalize_token(w) for w in words[:3]] == ['"', "Putin", "'s"]


def test_sentence_split_at_end_marks_and_lines_but_not_abbreviations() -> None:
    text = "Mr. Smith met Dr. Jones in the U.S. on Friday. They talked.\nA headline\n“Quote?” He left."
    tokens = tokenize(text)
    sents = [" ".join(text[s:e] for s, e in tokens[a:b]) for a, b in split_sentences(text, tokens)]
    assert sents == [
        "Mr. Smith met Dr. Jones in the U.S. on Friday .",
        "They talked .",
        "A headline",
        "“ Quote ? ”",
        "He left .",
    ]


def _pattern_tokens(text: str) -> list[tuple[int, int]]:
    """The tokens as the pattern finds them over the whole text, clitics split: what `tokenize` must give."""
    from reader.core.entities import tokenize as module

    rx = module._TOKEN_RE if ("@" in text or "://" in text) else module._PLAIN_TOKEN_RE
    out: list[tuple[int, int]] = []
    for m in rx.finditer(text):
        word = m.group()
        if ("'" in word or "’" in word) and word[0].isalnum():
            out.extend(module._split_clitics(word, m.start()))
        else:
            out.append(m.span())
    return out


_RUNS = st.lists(st.sampled_from([
    "Keller", "said,", "Paris)", "Gov.", "Mr,", "Inc.", "J.", "Smith;", "yes!", "why?", "quote\"", "end”", "don't,",
    "1990s,", "U.S.,", "O'Brien:", "e-mail,", "(AP)", "x@y.org,", "https://a.b/c’s", "’s", "é,", "日本,", " ", "\n",
    # a word and its period: the period alone unless the word is an abbreviation (in any case, "ſt" too)
    "said.", "MRS.", "Sept.", "ſt.", "Über.", "ab.", "x.", "...", "?", "!",
]), max_size=30).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_RUNS, _TEXT))
def test_tokens_are_the_patterns_tokens_over_the_whole_text(text: str) -> None:
    # tokenize reads each run between spaces on its own, plain words and "word," without the pattern
    assert tokenize(text) == _pattern_tokens(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_RUNS, _TEXT))
def test_the_words_made_with_the_tokens_are_the_tokens_texts(text: str) -> None:
    # the tagger takes its words from tokens_and_words instead of cutting each token out of the text again
    tokens, words = tokens_and_words(text)
    assert tokens == _pattern_tokens(text)
    assert words == [text[s:e] for s, e in tokens]


def test_the_words_of_each_kind_of_run_are_cut_where_the_tokens_are() -> None:
    # a plain word, "word," split without the pattern, a clitic, and a run read by the pattern
    tokens, words = tokens_and_words("Keller said, Putin's U.S.-based (AP) 3.5%")
    assert words == ["Keller", "said", ",", "Putin", "'s", "U.S.", "-", "based", "(", "AP", ")", "3.5", "%"]
    assert tokens == tokenize("Keller said, Putin's U.S.-based (AP) 3.5%")


def test_a_mark_after_a_word_is_a_token_but_an_abbreviations_period_stays() -> None:
    assert _words('Keller said, (in Paris) Gov. Smith; "yes!" Inc. J. Doe, Mr, fine.') == [
        "Keller", "said", ",", "(", "in", "Paris", ")", "Gov.", "Smith", ";", '"', "yes", "!", '"', "Inc.", "J.",
        "Doe", ",", "Mr", ",", "fine", ".",
    ]


@pytest.mark.parametrize(("text", "expected"), [
    # blank lines, an ellipsis, a closing quote and bracket taken into the sentence they end, a title
    ('He left.\n\nShe stayed... Then "Go." He went!  (Really?) yes. Mr. Smith came.\nEnd',
     ["He left .", "She stayed ...", 'Then " Go . "', "He went !", "( Really ? ) yes .", "Mr. Smith came .", "End"]),
    ("\nFirst line\nsecond . third\n\n\nlast .", ["First line", "second . third", "last ."]),  # "." before lower case
    ("One . Two", ["One .", "Two"]),
    ("Ends here.", ["Ends here ."]),
    ("", []),
])
def test_sentences_end_only_at_line_breaks_and_end_marks(text: str, expected: list[str]) -> None:
    tokens = tokenize(text)
    words = [text[s:e] for s, e in tokens]
    for ranges in (split_sentences(text, tokens), split_sentences(text, tokens, words)):
        assert [" ".join(words[a:b]) for a, b in ranges] == expected


@settings(max_examples=300, deadline=None)
@given(st.one_of(_RUNS, _TEXT))
def test_sentences_found_from_the_words_are_those_found_from_the_text(text: str) -> None:
    tokens = tokenize(text)
    assert split_sentences(text, tokens, [text[s:e] for s, e in tokens]) == split_sentences(text, tokens)


def test_a_period_after_a_word_is_its_own_token_unless_the_word_is_an_abbreviation_in_any_case() -> None:
    # "ſ" is an "s" to the pattern's case-blind abbreviations: "ſt." is "St."
    assert _words("ſt. MRS. said. Über. ab. x. Co.") == [
        "ſt.", "MRS.", "said", ".", "Über", ".", "ab", ".", "x.", "Co."]


def test_a_lone_character_and_a_number_alone_are_one_token_each() -> None:
    text = "( 1996 ) , 12 ² ½ x"
    assert [text[s:e] for s, e in tokenize(text)] == ["(", "1996", ")", ",", "12", "²", "½", "x"]


def test_every_unicode_space_separates_tokens() -> None:
    text = "Oslo\u2003Bergen\x1cTromsø\u00a0Bodø\u2028Alta\u3000Moss,\u205fVoss"
    assert [text[s:e] for s, e in tokenize(text)] == ["Oslo", "Bergen", "Tromsø", "Bodø", "Alta", "Moss", ",", "Voss"]
