"""Find an HTML page's main article text: drop page furniture, pick the densest prose subtree.

General rules only: semantic tags, class/id hints, link density and the amount of sentence-like
text. No rule knows about any particular site.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

from reader.core.extract.blocks import RawBlock, collect_blocks
from reader.core.extract.dom import BLOCK_TAGS, element_class_id, remove_keep_tail, tag_of, text_of

FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "header", "menu"})
_FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "menu", "dialog"})

# Sub-words of class/id values that mark page furniture rather than article text.
_NEGATIVE = frozenset(
    """
    ad ads adv advert adverts advertisement advertising adslot adunit sponsor sponsored promo promotion promoted
    share shares sharing sharebar social socials comment comments disqus reply replies respond
    related recommended recommendations recirc trending popular mostread outbrain taboola
    newsletter signup cookie cookies consent gdpr
    popup modal overlay banner sidebar widget footer nav navbar navigation menu breadcrumb breadcrumbs
    masthead toolbar pagination pager byline author authors dateline timestamp tags tag keywords topics
    sronly srt visuallyhidden gallery slideshow carousel lightbox
    """.split()
)
# Weak marks: furniture on their own, but not on a box that also says it is the content
# ("subscriber-content", "hidden-print article-body").
_WEAK_NEGATIVE = frozenset("subscribe subscription subscriber premium paywall skip print hidden".split())
_POSITIVE = frozenset("article articlebody story storybody content entry post body text main prose".split())
_HINT_NAMES = frozenset({"role", "class", "id"})  # the attributes that can make an element furniture
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SPLIT = re.compile(r"[^a-z0-9]+")
_SENTENCE_END = re.compile(r"[.!?…:;)\"'”’»。！？」]\s*$")
_COMMAS = re.compile(r"[,，、،]")
_NUMBERED = re.compile(r"^\s*(?:#|no\.?\s*)?\d{1,3}\s*[.):]\s", re.I)


# What a class or id token says about its element, as bits: furniture, furniture unless also marked as content
# (weak), content. A class list's words are the union of its tokens' words, so each token is judged once
# (pages share their tokens, "container", "col-md-8", far more than whole class lists) and the bits are or-ed.
_FURNITURE_BIT, _WEAK_BIT, _CONTENT_BIT = 1, 2, 4


@lru_cache(maxsize=8192)
def _token_bits(token: str) -> int:
    words = {w for w in _SPLIT.split(token) if w}
    words.add(token.replace("-", "").replace("_", ""))
    bits = 0
    if words & _NEGATIVE or any(_NEGATIVE_PARTS.search(w) for w in words):
        bits |= _FURNITURE_BIT
    if words & _WEAK_NEGATIVE:
        bits |= _WEAK_BIT
    if words & _POSITIVE:
        bits |= _CONTENT_BIT
    return bits


def _hint_bits(class_id: str) -> int:
    bits = 0
    for token in class_id.split():
        bits |= _token_bits(token)
    return bits


def _is_negative(bits: int) -> bool:
    return bool(bits & _FURNITURE_BIT) or (bool(bits & _WEAK_BIT) and not bits & _CONTENT_BIT)


# Parts of class/id values that mark furniture even inside longer names ("relatedpoststitle").
_NEGATIVE_PARTS = re.compile(
    r"related|recommend|trending|mostread|mostpopular|newsletter|comment(?!ary)|sharing|sharebar|social|sidebar|"
    r"advert|promo|cookie|breadcrumb|taboola|outbrain"
)


def has_negative_hint(el: etree._Element) -> bool:
    cls, ident = el.get("class"), el.get("id")
    if cls is None and ident is None:
        return False
    # the two values read once (every element of the page is asked)
    return _is_negative(_hint_bits(f"{'' if cls is None else cls} {'' if ident is None else ident}".lower()))


def has_positive_hint(el: etree._Element) -> bool:
    if (el.get("itemprop") or "").lower() == "articlebody":
        return True
    return bool(_hint_bits(element_class_id(el)) & _CONTENT_BIT) and not has_negative_hint(el)


def _text_len(el: etree._Element) -> int:
    return len(text_of(el).split())


def strip_furniture(body: etree._Element) -> None:
    """Remove navigation, asides, footers, share bars, comments... unless they hold most of the page."""
    total = max(1, _text_len(body))
    doomed: list[tuple[etree._Element, bool]] = []
    stack = list(reversed(body))
    while stack:
        el = stack.pop()
        tag = tag_of(el)
        if not tag:
            continue
        names = el.keys()  # one call: most elements have no role, class or id, and are looked inside at once
        if tag not in FURNITURE_TAGS and (not names or _HINT_NAMES.isdisjoint(names)):
            stack.extend(reversed(el))
            continue
        if tag in FURNITURE_TAGS or (el.get("role") or "").lower() in _FURNITURE_ROLES:
            furniture = True
        else:
            furniture = has_negative_hint(el) and (el.get("itemprop") or "").lower() != "articlebody"
        if not furniture:
            stack.extend(reversed(el))
            continue
        parent = el.getparent()
        if tag not in FURNITURE_TAGS and _holds_the_article(el):
            # A layout box named after what sits beside the article ("layout-with-sidebar"): look inside.
            stack.extend(reversed(el))
        elif tag in _HEADING_TAGS and parent is not None and parent is not body and _starts_with(parent, el):
            # A box that opens with a headline marked as furniture ("Related stories") goes whole.
            doomed.append((parent, True))
        elif _text_len(el) < 0.4 * total:
            doomed.append((el, False))
        else:
            # A wrapper named after furniture that holds most of the page is a layout box: look inside.
            stack.extend(reversed(el))
    for el, _labelled in doomed:
        if el.getparent() is not None:
            remove_keep_tail(el)


def _holds_the_article(el: etree._Element) -> bool:
    """True when the box holds the page's headline, its <main> or its marked article body."""
    for x in el.iter("h1", "main", "div", "section", "article"):
        tag = tag_of(x)
        if tag in ("h1", "main") or (x.get("itemprop") or "").lower() == "articlebody":
            return True
    return False


def _starts_with(box: etree._Element, heading: etree._Element) -> bool:
    """True when the heading is the first text inside the box."""
    first = "".join(text_of(box).split())[:40]
    head = "".join(text_of(heading).split())[:40]
    return bool(head) and first.startswith(head)


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


def teaser_cards(body: etree._Element, title: str) -> set[etree._Element]:
    """Small boxes built around a linked headline: teasers for other stories, not this one."""
    norm_title = _norm(title)
    cards: set[etree._Element] = set()
    sizes: dict[etree._Element, int] = {}  # the same wrappers are climbed through from many titles
    for h in body.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        text = " ".join(text_of(h).split())
        if not text or (norm_title and _norm(text) == norm_title):
            continue
        linked = sum(len(" ".join(text_of(a).split())) for a in h.iter("a"))
        inside_link = any(tag_of(x) == "a" for x in h.iterancestors())
        if (linked < 0.8 * len(text) and not inside_link) or _NUMBERED.match(text):
            continue  # a numbered heading is an item of this article's own list ("3. A concrete deck")
        box = _card_box(h, len(text), body, sizes)
        if box is not None:
            cards.add(box)
    return cards


def _card_box(
    title: etree._Element, size: int, body: etree._Element, sizes: dict[etree._Element, int]
) -> etree._Element | None:
    """The small box a teaser's title sits in, or None when it is no small box."""

    def chars(el: etree._Element) -> int:
        if el not in sizes:
            sizes[el] = _text_chars(el)
        return sizes[el]

    box = title.getparent()
    # Climb out of thin wrappers (a <header> or <div> holding just the headline).
    while box is not None and box is not body and (chars(box) < size + 40 or tag_of(box) in ("header", "hgroup", "a")):
        box = box.getparent()
    return box if box is not None and box is not body and chars(box) < 1200 else None


def linked_title_lists(body: etree._Element) -> set[etree._Element]:
    """Teasers without heading tags: three or more sibling boxes, each led by a link on a line of its own."""
    sizes: dict[etree._Element, int] = {}
    by_parent: dict[etree._Element, set[etree._Element]] = {}
    for a in body.iter("a"):
        if not _alone_on_its_line(a):
            continue
        text = " ".join(text_of(a).split())
        if not 15 <= len(text) <= 200 or text.count(" ") < 2:
            continue
        box = _card_box(a, len(text), body, sizes)
        parent = box.getparent() if box is not None else None
        if box is not None and parent is not None:
            by_parent.setdefault(parent, set()).add(box)
    return {box for boxes in by_parent.values() if len(boxes) >= 3 for box in boxes}


def _alone_on_its_line(a: etree._Element) -> bool:
    """True when nothing but white space or block boundaries sits beside the link."""
    if (a.tail or "").strip():
        return False
    prev = a.getprevious()
    before = (prev.tail if prev is not None else (a.getparent().text if a.getparent() is not None else "")) or ""
    if before.strip() or (prev is not None and tag_of(prev) not in BLOCK_TAGS):
        return False
    nxt = a.getnext()
    return nxt is None or tag_of(nxt) in BLOCK_TAGS


def _norm(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


def _text_chars(el: etree._Element) -> int:
    return len(" ".join(text_of(el).split()))


def choose_container(
    body: etree._Element, blocks: list[RawBlock], teasers: set[int]
) -> etree._Element:
    """The element whose subtree holds the most prose and the least link-heavy or teaser debris."""
    scores: dict[etree._Element, float] = {}
    for i, b in enumerate(blocks):
        n = len(b.text)
        if i in teasers:
            value = -0.5 * n
        elif is_prose(b):
            value = n + 20 * len(_COMMAS.findall(b.text))
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
    if b.links and len(b.text) < 200 and _script_link_chars(b) >= 0.3 * len(b.text):
        return False  # a button drawn as a link ("Give us feedback.", "Load more"): page controls, not text
    if b.kind == "h":
        # A numbered heading is an item of the article's own list, even when its name links to the thing.
        return b.link_density < 0.6 or bool(_NUMBERED.match(b.text))
    if b.link_density > 0.9 and b.kind != "table":
        return False  # a paragraph that is one big link is a pitch for something else, however long
    if b.link_density > 0.5 and len(b.text) < 300 and b.kind != "table":
        # A sentence whose names are linked is still prose; a list of links is not.
        sentence = bool(_SENTENCE_END.search(b.text)) and len(b.text.split()) >= 6
        return sentence and b.link_density < 0.8
    return True


def _script_link_chars(b: RawBlock) -> int:
    return sum(k.end - k.start for k in b.links if k.href.strip().lower().startswith("javascript:"))


def _in_card(el: etree._Element, cards: set[etree._Element], stop: etree._Element) -> bool:
    for anc in _ancestors(el, stop):
        if anc in cards:
            return True
    return False


def strip_link_clusters(body: etree._Element) -> None:
    """Remove pop-up boxes of links nested inside paragraphs (hover cards, inline link lists).

    The innermost box that is all links goes, so a linked name in the sentence itself stays.
    """
    found: list[etree._Element] = []
    for p in body.iter("p", "li", "blockquote"):
        count = sum(1 for _ in p.iter("a"))
        if count < 3 or count > 200:
            continue  # few links: nothing to do; hundreds: a link farm the density rule drops anyway
        for el in p.iterdescendants():
            if tag_of(el) in ("a", ""):
                continue
            links = list(el.iter("a"))
            if len(links) < 3:
                continue
            text = _text_chars(el)
            linked = sum(_text_chars(a) for a in links)
            if text > 40 and linked >= 0.85 * text:
                found.append(el)
    chosen = set(found)
    for el in found:
        # Keep only the deepest: drop any found box that has a found box inside it.
        for anc in el.iterancestors():
            chosen.discard(anc)
    for el in found:
        if el in chosen and el.getparent() is not None:
            remove_keep_tail(el)


def main_blocks(body: etree._Element, title: str = "") -> list[RawBlock]:
    """The article's blocks: furniture removed, densest container chosen, debris dropped."""
    cards = teaser_cards(body, title)  # before furniture goes: teaser headlines often sit in <header>
    strip_furniture(body)
    strip_link_clusters(body)
    cards |= linked_title_lists(body)  # after furniture goes: menus are lists of lone links too
    blocks = collect_blocks(body)
    teasers = {i for i, b in enumerate(blocks) if cards and _in_card(b.element, cards, body)}
    container = choose_container(body, blocks, teasers)
    container_in_card = bool(cards) and _in_card(container, cards, body)
    kept = [
        b for i, b in enumerate(blocks)
        if _is_within(b.element, container) and keep_block(b) and (container_in_card or i not in teasers)
    ]
    mark_alt_captions(container, kept)
    return kept


def mark_alt_captions(container: etree._Element, blocks: list[RawBlock]) -> None:
    """A line that repeats an image's description (its alt text) is that image's caption, not prose."""
    alts = {_norm(alt) for img in container.iter("img") if len(alt := img.get("alt") or "") >= 15}
    alts.discard("")
    for b in blocks:
        if alts and b.kind == "p" and len(b.text) < 300 and _norm(b.text) in alts:
            b.kind = "caption"


def _is_within(el: etree._Element, container: etree._Element) -> bool:
    node: etree._Element | None = el
    while node is not None:
        if node is container:
            return True
        node = node.getparent()
    return False
