"""Find an HTML page's main article text: drop page furniture, pick the densest prose subtree.

General rules only: semantic tags, class/id hints, link density and the amount of sentence-like
text. No rule knows about any particular site.
"""

from __future__ import annotations

import re

from lxml import etree

from reader.core.extract.blocks import RawBlock, collect_blocks
from reader.core.extract.dom import element_class_id, remove_keep_tail, tag_of

FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "header", "menu"})
_FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "menu", "dialog"})

# Sub-words of class/id values that mark page furniture rather than article text.
_NEGATIVE = frozenset(
    """
    ad ads adv advert adverts advertisement advertising adslot adunit sponsor sponsored promo promotion promoted
    share shares sharing sharebar social socials comment comments disqus reply replies respond
    related recommended recommendations recirc trending popular mostread outbrain taboola
    newsletter subscribe subscription signup paywall cookie cookies consent gdpr
    popup modal overlay banner sidebar widget footer nav navbar navigation menu breadcrumb breadcrumbs
    masthead toolbar pagination pager byline author authors dateline timestamp tags tag keywords topics
    skip sronly srt visuallyhidden print hidden
    """.split()
)
_POSITIVE = frozenset("article articlebody story storybody content entry post body text main prose".split())
_SPLIT = re.compile(r"[^a-z0-9]+")
_SENTENCE_END = re.compile(r"[.!?…:;)\"'”’»]\s*$")


def _hint_words(el: etree._Element) -> set[str]:
    words = set()
    for token in element_class_id(el).split():
        words.update(w for w in _SPLIT.split(token) if w)
        words.add(token.replace("-", "").replace("_", ""))
    return words


def has_negative_hint(el: etree._Element) -> bool:
    return bool(_hint_words(el) & _NEGATIVE)


def has_positive_hint(el: etree._Element) -> bool:
    if (el.get("itemprop") or "").lower() == "articlebody":
        return True
    return bool(_hint_words(el) & _POSITIVE) and not has_negative_hint(el)


def _text_len(el: etree._Element) -> int:
    return len("".join(el.itertext()).split())


def strip_furniture(body: etree._Element) -> None:
    """Remove navigation, asides, footers, share bars, comments... unless they hold most of the page."""
    total = max(1, _text_len(body))
    doomed = []
    for el in body.iter():
        tag = tag_of(el)
        if not tag or el is body:
            continue
        if tag in FURNITURE_TAGS or (el.get("role") or "").lower() in _FURNITURE_ROLES:
            furniture = True
        else:
            furniture = has_negative_hint(el) and (el.get("itemprop") or "").lower() != "articlebody"
        if furniture:
            doomed.append(el)
    for el in doomed:
        # A wrapper named after furniture that holds most of the page is a layout box, not furniture.
        if el.getparent() is not None and _text_len(el) < 0.4 * total:
            remove_keep_tail(el)


def is_prose(block: RawBlock) -> bool:
    """A block that reads like article prose: long enough, few links, sentence punctuation."""
    if block.kind in ("h", "table", "caption") or block.link_density > 0.3:
        return False
    n = len(block.text)
    return n >= 80 or (n >= 40 and bool(_SENTENCE_END.search(block.text)))


def _ancestors(el: etree._Element, stop: etree._Element) -> list[etree._Element]:
    chain = []
    node: etree._Element | None = el
    while node is not None:
        chain.append(node)
        if node is stop:
            break
        node = node.getparent()
    return chain


def choose_container(body: etree._Element, blocks: list[RawBlock]) -> etree._Element:
    """The element whose subtree holds the most prose and the least link-heavy debris."""
    scores: dict[etree._Element, float] = {}
    for b in blocks:
        n = len(b.text)
        if is_prose(b):
            value = n + 20 * b.text.count(",")
        elif b.link_density > 0.5:
            value = -0.8 * n
        else:
            value = -0.15 * n
        for anc in _ancestors(b.element, body):
            scores[anc] = scores.get(anc, 0.0) + value
    if not scores:
        return body
    best, best_score = body, float("-inf")
    for el, score in scores.items():
        if score > 0 and (tag_of(el) in ("article", "main") or has_positive_hint(el)):
            score *= 1.1
        if score > best_score:
            best, best_score = el, score
    return best


def keep_block(b: RawBlock) -> bool:
    """Drop link lists and one-line debris inside the chosen container."""
    if b.kind == "h":
        return b.link_density < 0.6
    if b.link_density > 0.5 and len(b.text) < 300:
        return False
    return True


def main_blocks(body: etree._Element) -> list[RawBlock]:
    """The article's blocks: furniture removed, densest container chosen, debris dropped."""
    strip_furniture(body)
    blocks = collect_blocks(body)
    container = choose_container(body, blocks)
    inside = [b for b in blocks if _is_within(b.element, container)]
    return [b for b in inside if keep_block(b)]


def _is_within(el: etree._Element, container: etree._Element) -> bool:
    node: etree._Element | None = el
    while node is not None:
        if node is container:
            return True
        node = node.getparent()
    return False
