"""The sentence and the paragraph around a place in an article's text, for keyboard selection.

Offsets are indices into `Article.text`, whose blocks (paragraphs) are joined by a blank line.
Sentences come from the tagger's own splitter (`core.entities.tokenize`), so "Mr. Smith" or
"U.S." never end one; a sentence never runs over a paragraph's edge.
"""

from __future__ import annotations

from reader.core.entities.tokenize import split_sentences, tokenize

PARAGRAPH_BREAK = "\n\n"


def paragraph_at(text: str, offset: int) -> tuple[int, int]:
    """(start, end) of the paragraph holding `offset`; between two paragraphs, the next one."""
    offset = max(0, min(offset, len(text)))
    if offset > 0 and text.startswith(PARAGRAPH_BREAK, offset - 1):  # inside the break itself
        offset += 1
    start = text.rfind(PARAGRAPH_BREAK, 0, offset)
    start = 0 if start < 0 else start + len(PARAGRAPH_BREAK)
    end = text.find(PARAGRAPH_BREAK, start)
    end = len(text) if end < 0 else end
    return _trimmed(text, start, end)


def sentence_at(text: str, offset: int) -> tuple[int, int]:
    """(start, end) of the sentence holding `offset`, from its first character through its final mark.

    In the space between two sentences, the next one is taken (the caret sits before it).
    """
    p_start, p_end = paragraph_at(text, offset)
    paragraph = text[p_start:p_end]
    tokens = tokenize(paragraph)
    if not tokens:
        return p_start, p_end
    where = offset - p_start
    for first, last in split_sentences(paragraph, tokens):
        s_end = tokens[last - 1][1]
        if where < s_end:
            return p_start + tokens[first][0], p_start + s_end
    first, last = split_sentences(paragraph, tokens)[-1]
    return p_start + tokens[first][0], p_start + tokens[last - 1][1]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
