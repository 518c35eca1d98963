"""Document-level rules: the names of one article agree with each other (label consistency).

The tagger decides each sentence alone; these rules read the whole document's IOB2 tags after the
sentence rules (modern names, news-page rules), as the non-local "label consistency" features of the
NER literature do:
- short forms: a one-word name that begins or ends a longer person's name of the same document is
  that person ("Epstein" tagged as a place where the article says "Jeffrey Epstein"), unless the
  document calls it the other type more often than it names the person, or it is a listed modern name
  ("Stadia");
- a one-word place or organisation just before a person's name is the first word of that name
  ("Hunter" + "Biden"): in news a place or company is not written against a person's name without a
  word or a comma between them;
- common words: a one-word name whose lower-case form is a very common English word ("Plan",
  "Earth", "Red", "West") is no name when nothing in the document says it is one: it is never a word
  of a longer name, no title stands before it ("Mr.") nor a company word after it ("Inc."), and
  neither the model's place and given-name lists ("Nice", "James"), the alias table ("US") nor the
  modern names ("Apple") know it.
Every setting was chosen on held-out folds of CoNLL train.txt (`benchmarks/ner_doc_rules.py`), and
what they change in real pages read by eye (`benchmarks/top_entities.py --changes`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat

from reader.core.entities.aliases import AliasTable, builtin_table
from reader.core.entities.conll import iob_spans
from reader.core.entities.knowledge import Knowledge
from reader.core.entities.lexicon import ORG_WORDS, TITLES
from reader.core.entities.modern import ModernNames, builtin_names
from reader.core.entities.namerules import institutions, join_name_tails, persons_by_names, product_words, products

_TITLES = frozenset(TITLES)
_ORG_WORDS = frozenset(ORG_WORDS)
Spans = list[list[tuple[int, int, str]]]


@dataclass(frozen=True)
class DocRules:
    """The rules' settings (the defaults are the chosen ones)."""

    short_form_types: tuple[str, ...] = ("PER",)  # the types of long names whose words take their type
    short_form_vote: bool = True  # only where the long names mention the word at least as often
    join_person: tuple[str, ...] = ("LOC", "ORG")  # one-word names of these types join a person's name after them
    common_zipf: int = 5  # a word at least this common (wordfreq's Zipf, rounded down) is no name alone; 0: off
    common_types: tuple[str, ...] = ("PER", "ORG", "LOC", "MISC")  # the types the common-word rule looks at
    # The model's word lists that make a common word a name word ("Nice" the city, "James"): kept.
    name_lists: tuple[str, ...] = ("CTRY", "CITY", "REGION", "CTRYP", "NAT", "GIVEN")
    # namerules.py: a person's name continued by a capitalised word, names made of person words, products
    name_tails: bool = True
    person_words: bool = True
    products: bool = True
    # Common words kept as institutions: "the" before them mid-sentence and/or an institution word.
    institutions_the: bool = True
    institutions_list: bool = True


DEFAULT_RULES = DocRules()


@lru_cache(maxsize=4096)  # asked for every word at the edge of a name: the same words again and again
def _is_word(token: str) -> bool:
    """A capitalised word (not "'s", "of", "U.S." or a number): only such words stand for a longer name."""
    return token[:1].isupper() and token.replace("-", "").isalpha()


def _word_spans(sent: list[str], tags: list[str]) -> list[tuple[int, int, str]]:
    """The sentence's names without punctuation at their edges ("Plan &" is the one word "Plan"),
    as the tagger keeps them (`tagger.trim_span`); names of punctuation alone are left out."""
    spans = iob_spans(tags)
    for a, b, _typ in spans:
        if not (sent[a][:1].isalnum() and sent[b - 1][:1].isalnum()):
            break
    else:
        return spans  # most names begin and end with a letter: nothing to trim
    out = []
    for a, b, typ in spans:
        if not (sent[a][:1].isalnum() and sent[b - 1][:1].isalnum()):
            while a < b and not any(ch.isalnum() for ch in sent[a]):
                a += 1
            while b > a and not any(ch.isalnum() for ch in sent[b - 1]):
                b -= 1
        if a < b:
            out.append((a, b, typ))
    return out


def _listed(token: str, modern: ModernNames) -> bool:
    names = modern.by_first.get(token)
    return names is not None and any(len(n.tokens) == 1 for n in names)


def apply_document_rules(sentences: list[list[str]], tags: list[list[str]], knowledge: Knowledge,
                         rules: DocRules = DEFAULT_RULES,
                         modern: ModernNames | None = None, aliases: AliasTable | None = None,
                         phrases: Mapping[str, str] | None = None) -> list[list[str]]:
    """The document's IOB2 tags after the rules (the input is not changed).

    `knowledge` is the model's (word frequencies from wordfreq, word lists), `phrases` its training names
    (lower case -> type); `modern` and `aliases` default to the shipped lists.
    """
    spans: Spans = [[] if t.count("O") == len(t) else _word_spans(s, t) for s, t in zip(sentences, tags, strict=True)]
    if not any(spans):
        return tags
    modern = modern if modern is not None else builtin_names()
    aliases = aliases or builtin_table()
    phrases = phrases or {}
    out = [list(t) for t in tags]
    known_org = lambda tok: _listed(tok, modern) or aliases.entity(tok, "ORG") is not None  # noqa: E731
    made = product_words(sentences, spans, phrases, known_org) if rules.products else set()
    listed = lambda words: any(n.tokens == words for n in modern.by_first.get(words[0], ()))  # noqa: E731
    seen: dict[tuple[str, ...], bool] = {}  # persons_by_names's answer for each name of the document
    for k, (sent, found, new) in enumerate(zip(sentences, spans, out, strict=True)):
        if found and _sentence_rules(sent, found, new, rules, knowledge, modern, listed, phrases, made, seen):
            spans[k] = _word_spans(sent, new)
    dropped, kept = _common_words(sentences, spans, knowledge, rules, modern, aliases, phrases)
    retyped = _short_forms(sentences, spans, rules, modern)
    retyped.update((tok, "ORG") for tok in kept)  # "the Times" read as a misc name is the newspaper
    if not dropped and not retyped:
        return out
    for sent, found, new in zip(sentences, spans, out, strict=True):
        for a, b, typ in found:
            if b - a != 1:
                continue
            tok = sent[a]
            # The whole name goes or changes, with any punctuation the tagger had put at its edges.
            if (tok, typ) in dropped:
                start, end = _name_at(new, a)
                new[start:end] = ["O"] * (end - start)
            elif tok in retyped and typ != retyped[tok]:
                start, end = _name_at(new, a)
                new[start:end] = ["B-" + retyped[tok]] + ["I-" + retyped[tok]] * (end - start - 1)
    return out


def _sentence_rules(sent: list[str], found: list[tuple[int, int, str]], new: list[str], rules: DocRules,
                    knowledge: Knowledge, modern: ModernNames, listed: Callable[[tuple[str, ...]], bool],
                    phrases: Mapping[str, str], made: set[str],
                    seen: dict[tuple[str, ...], bool] | None = None) -> bool:
    """The rules that read one sentence's names (joins and retypes, in `new`); whether any changed it.
    `listed` says whether words are a modern name; `seen` is `persons_by_names`'s memory for the document."""
    changed = False
    # Both joins need two names side by side: most sentences have none.
    touching = len(found) > 1 and any(b == c for (_a, b, _t), (c, _d, _n) in zip(found, found[1:], strict=False))
    if rules.join_person and touching:
        changed = _join_persons(sent, found, new, rules, knowledge, modern)
    if rules.name_tails and touching:
        found = _word_spans(sent, new) if changed else found
        changed = join_name_tails(sent, found, new, knowledge) or changed
    if rules.person_words:
        found = _word_spans(sent, new) if changed else found
        changed = persons_by_names(sent, found, new, knowledge, phrases, listed, seen) or changed
    if made and not made.isdisjoint(sent):
        found = _word_spans(sent, new) if changed else found
        changed = products(sent, found, new, made) or changed
    return changed


def _name_at(tags: list[str], k: int) -> tuple[int, int]:
    """The tokens of the name that token k is part of."""
    start, end = k, k + 1
    while tags[start].startswith("I-") and start > 0:
        start -= 1
    while end < len(tags) and tags[end].startswith("I-"):
        end += 1
    return start, end


def _join_persons(sent: list[str], found: list[tuple[int, int, str]], new: list[str], rules: DocRules,
                  knowledge: Knowledge, modern: ModernNames) -> bool:
    """"Hunter"(place) "Biden"(person) -> "Hunter Biden"(person), in `new`; whether any was joined.

    Only a one-word person (a family name alone: "Ukraine Kurt Volker" is two names) after a word
    the model's lists do not hold as a place ("Hawaii Rep. Gabbard").
    """
    lists = set(rules.name_lists)
    joined = False
    for (a, b, typ), (c, d, nxt) in zip(found, found[1:], strict=False):
        if b == c and b - a == 1 and d - c == 1 and typ in rules.join_person and nxt == "PER" and \
                _is_word(sent[a]) and _is_word(sent[c]) and len(sent[c]) > 1 and \
                not sent[a].isupper() and not _listed(sent[a], modern) and \
                lists.isdisjoint(knowledge.memberships(sent[a].lower())):
            start, end = _name_at(new, a)[0], _name_at(new, d - 1)[1]
            new[start:end] = ["B-PER"] + ["I-PER"] * (end - start - 1)
            joined = True
    return joined


def _short_forms(sentences: list[list[str]], spans: Spans, rules: DocRules, modern: ModernNames) -> dict[str, str]:
    """Word -> the type of the longer names it begins or ends, for the one-word names that take it.

    Only the words the document also names alone are answered: no other name is given a type by it.
    """
    alone: set[str] = set()  # the words of one-word names
    edges: set[tuple[str, str]] = set()  # (word, type) of the first and last words of longer names
    for sent, found in zip(sentences, spans, strict=True):
        for a, b, typ in found:
            if b - a == 1:
                alone.add(sent[a])
            else:
                edges.add((sent[a], typ))
                edges.add((sent[b - 1], typ))
    long_types: dict[str, set[str]] = {}
    for tok, typ in edges:
        if tok in alone and _is_word(tok):
            long_types.setdefault(tok, set()).add(typ)
    if not long_types:
        return {}
    votes: Counter[tuple[str, str]] = Counter()  # (word, type) -> mentions of that type (a long name's edge or alone)
    for sent, found in zip(sentences, spans, strict=True):
        for a, b, typ in found:
            first = sent[a]
            if first in long_types:
                votes[first, typ] += 1
            if b - a > 1 and (last := sent[b - 1]) != first and last in long_types:
                votes[last, typ] += 1
    types = {typ for _tok, typ in votes}
    out = {}
    for tok, found_types in long_types.items():
        if len(found_types) != 1:
            continue
        (long_type,) = found_types
        if long_type not in rules.short_form_types or _listed(tok, modern):
            continue
        if rules.short_form_vote:
            mine = votes[(tok, long_type)]
            # Not where the document calls the word another type more often (a loop: the few types of a model).
            for typ in types:
                if typ != long_type and votes.get((tok, typ), 0) > mine:
                    break
            else:
                out[tok] = long_type
            continue
        out[tok] = long_type
    return out


def _common(word: str, knowledge: Knowledge, rules: DocRules) -> bool:
    """Whether a capitalised word is a very common English word and no word of the model's name lists."""
    return word.isalpha() and int(knowledge.freq.get(word.lower(), "0")) >= rules.common_zipf and \
        set(rules.name_lists).isdisjoint(knowledge.memberships(word.lower()))


_common_memo: tuple[Knowledge, DocRules, dict[str, bool]] | None = None
_MAX_MEMO = 8192  # about 1 MB at most: the common words of news come back within a few articles


def _common_cache(knowledge: Knowledge, rules: DocRules) -> dict[str, bool]:
    """`_common` of the words met so far with this model's knowledge and these rules (a new model or new
    settings start an empty one): the same capitalised words come back in article after article."""
    global _common_memo
    memo = _common_memo
    if memo is None or memo[0] is not knowledge or memo[1] is not rules or len(memo[2]) >= _MAX_MEMO:
        memo = _common_memo = (knowledge, rules, {})
    return memo[2]


def _common_words(sentences: list[list[str]], spans: Spans, knowledge: Knowledge, rules: DocRules,
                  modern: ModernNames, aliases: AliasTable,
                  phrases: Mapping[str, str]) -> tuple[set[tuple[str, str]], set[str]]:
    """(word, type) of the one-word names of the document that are common words with nothing making them names;
    and the common words kept as institutions (`namerules.institutions`), which are organisations."""
    if not rules.common_zipf:
        return set(), set()
    cache = _common_cache(knowledge, rules)
    longer: list[tuple[list[str], str]] = []  # the names of two words or more
    candidates = set()
    for sent, found in zip(sentences, spans, strict=True):
        for a, b, typ in found:
            tok = sent[a]
            if b - a > 1:
                longer.append((sent[a:b], typ))
            elif typ in rules.common_types and tok[:1].isupper():
                common = cache.get(tok)
                if common is None:
                    common = cache[tok] = _common(tok, knowledge, rules)
                # Not "OH", "CO" or "La.": abbreviations of names, whatever the word they spell.
                if common and not (tok.isupper() and len(tok) <= 3) and not (b < len(sent) - 1 and sent[b] == "."):
                    candidates.add((tok, typ))
    candidates = {(tok, typ) for tok, typ in candidates
                  if not _listed(tok, modern) and aliases.entity(tok, "ORG") is None}
    if candidates:
        # A longer name with a word that is no common word makes its words names of its type ("Summit Inc."
        # makes "Summit" a company; a heading's "The Plan Stage" says nothing); only those holding a
        # candidate can take one away.
        alone = {tok for tok, _typ in candidates}
        in_longer: set[tuple[str, str]] = set()
        for name, typ in longer:
            if alone.isdisjoint(name):
                continue
            for w in name:
                if w[:1].isupper():
                    common = cache.get(w)
                    if common is None:
                        common = cache[w] = _common(w, knowledge, rules)
                    if not common:
                        in_longer.update(zip(name, repeat(typ)))
                        break
        candidates -= in_longer
    if not candidates:
        return candidates, set()
    words = {tok for tok, _typ in candidates}
    named = set()
    for sent in sentences:
        if words.isdisjoint(sent):
            continue
        for k, tok in enumerate(sent):
            if tok in words:
                before = sent[k - 1].lower() if k else ""
                after = sent[k + 1].lower() if k + 1 < len(sent) else ""
                # Named with a title or a company word somewhere: a name all through the document.
                if before in _TITLES or after in _ORG_WORDS:
                    named.add(tok)
    # "the House", "the Army": an institution the article names with "the"
    kept = institutions(sentences, words - named, knowledge, phrases, rules.institutions_the, rules.institutions_list)
    return {(tok, typ) for tok, typ in candidates if tok not in named | kept}, kept
