"""Parse HTML into an lxml tree and strip what is never article text (scripts, forms, hidden)."""

from __future__ import annotations

import re
from typing import NamedTuple

from lxml import etree

from reader.core.extract.repair import close_void_elements, flatten_deep

# Elements whose content is never part of an article's readable text.
DROP_TAGS = frozenset(
    "script style noscript template svg math canvas iframe object embed video audio source track map "
    "button input select textarea option label dialog head link meta base".split()
)
BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dialog div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody thead tfoot tr td th ul "
    "br html".split()
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


_NOT_XML_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NOT_XML_BYTES = bytes(range(0x20)).translate(None, b"\t\n\r")  # the control codes of _NOT_XML_TEXT


def has_not_xml_text(html: str) -> bool:
    """Whether `html` holds a character `_NOT_XML_TEXT` matches.

    Why not the regex: it tests each character of a whole page (about 1 ms for 180,000); its UTF-8 bytes with the
    control codes deleted (one C loop over bytes) and two searches for U+FFFE and U+FFFF take about a third of that.
    """
    if "\ufffe" in html or "\uffff" in html:
        return True
    raw = html.encode("utf-8", "surrogatepass")  # a lone surrogate (from a JSON escape) is no control code
    return len(raw.translate(None, _NOT_XML_BYTES)) != len(raw)


def parse_html(html: str) -> etree._Element | None:
    """An lxml HTML tree (never fetches anything), or None when there is no markup at all."""
    # lxml refuses str input that carries an XML encoding declaration.
    html = re.sub(r"^\s*<\?xml[^>]*>", "", html[:500]) + html[500:] if html.lstrip().startswith("<?xml") else html
    # Characters XML cannot hold: the parser lets some through, but lxml then refuses to set them as text.
    if has_not_xml_text(html):
        html = _NOT_XML_TEXT.sub("", html)
    if not html or html.isspace():
        return None
    html = close_void_elements(html)
    root, too_deep = _parse(html)
    if too_deep:  # libxml2 dropped everything below 256 levels: parse again with the deep tags flattened
        root, _ = _parse(flatten_deep(html))
    return root


def _parse(html: str) -> tuple[etree._Element | None, bool]:
    """(tree or None, whether libxml2 hit its nesting limit)."""
    # Plain lxml elements (not lxml.html's classes) are much faster to walk.
    # No table of id attributes (collect_ids): nothing here looks an element up by its id; parsing is ~10 % cheaper.
    parser = etree.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, huge_tree=False, collect_ids=False
    )
    try:
        root = etree.fromstring(html, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    too_deep = any(e.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for e in parser.error_log)
    return root, too_deep


def text_of(el: etree._Element) -> str:
    """All text inside an element (comments excluded), of a tree `parse_html` made.

    libxml2 writes it out as text in one call, about 5 times faster than joining `itertext()`'s pieces in
    Python. The two differ only at an unexpanded entity reference of an XML tree, which the HTML parser never
    leaves (it expands them), and at comments and processing instructions, which `parse_html` removes.
    """
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


def element_class_id(el: etree._Element) -> str:
    """The element's class and id, lower-cased, for hint matching."""
    return f"{el.get('class', '')} {el.get('id', '')}".lower()


def is_hidden(el: etree._Element) -> bool:
    """True for elements a browser would not show."""
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


_MARK_NAMES = frozenset({"hidden", "aria-hidden", "style", "itemprop", "rel"})  # what is_hidden and page_marks read


class PageMarks(NamedTuple):
    """What one walk of a whole page found: what is never text, and the elements marked as its author or headline."""

    never_text: list[etree._Element]  # what `strip_never_text` removes, in document order
    authors: list[etree._Element]  # rel or itemprop "author" (any case), in document order
    headline: etree._Element | None  # the first itemprop "headline" that is no <meta>
    dated: list[etree._Element]  # itemprop "datePublished" (any case), in document order


def page_marks(root: etree._Element) -> PageMarks:
    """Walk the page once for `strip_never_text` and the metadata's author, headline and date marks.

    Why one walk: lxml makes an object for each element it hands out, and a page has hundreds; three walks were
    about a tenth of reading a page.
    """
    doomed: list[etree._Element] = []
    authors: list[etree._Element] = []
    headline: etree._Element | None = None
    dated: list[etree._Element] = []
    for el in root.iter():
        tag = el.tag  # read once: lxml makes a new string for each read
        if not isinstance(tag, str) or not tag:
            doomed.append(el)
            continue
        names = el.keys()  # one call; most elements have none of the attributes asked about below
        if tag in DROP_TAGS:
            doomed.append(el)
        if not names or _MARK_NAMES.isdisjoint(names):
            continue
        if tag not in DROP_TAGS and tag not in ("html", "body") and is_hidden(el):
            doomed.append(el)
        prop = el.get("itemprop")
        prop = prop.lower() if prop else ""
        if prop == "author" or el.get("rel") == "author":
            authors.append(el)
        if prop == "headline" and headline is None and tag != "meta":
            headline = el
        elif prop == "datepublished":
            dated.append(el)
    return PageMarks(doomed, authors, headline, dated)


def strip_never_text(root: etree._Element, never_text: list[etree._Element] | None = None) -> None:
    """Remove scripts, styles, form controls and hidden elements in place (`never_text`: `page_marks` found them
    in the tree as it is now).

    Nesting depth needs no guard here: parse_html flattens anything deeper than libxml2's 256 levels.
    """
    doomed = page_marks(root).never_text if never_text is None else never_text
    for el in doomed:
        remove_keep_tail(el)


def remove_keep_tail(el: etree._Element) -> None:
    """Remove an element but keep the text that follows it inside its parent."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:  # white space too: "safe<embed> <b>news</b>" must not read "safenews"
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def tag_of(el: etree._Element) -> str:
    """The element's tag name in lower case ("" for comments and entities)."""
    tag = el.tag  # read once: lxml makes a new string for each read
    return tag.lower() if isinstance(tag, str) else ""
