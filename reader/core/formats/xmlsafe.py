"""Parse untrusted XML without expanding entities or fetching anything (billion laughs, XXE)."""

from __future__ import annotations

import html.entities
import re

from lxml import etree

from reader.core.extract.repair import MAX_DEPTH, flatten_deep, nesting_depth

# A whole DOCTYPE, including an internal subset where entity tricks live.
_DOCTYPE = re.compile(r"<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>", re.S | re.I)
_NAMED_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]{1,31});")
_XML_ENTITIES = frozenset({"amp", "lt", "gt", "quot", "apos"})
_UPPER_HEX_REF = re.compile(r"&#X([0-9A-Fa-f]{1,6});")


def _numeric_entities(text: str) -> str:
    """Turn HTML named entities (&nbsp; &eacute;), common in feeds, into numeric references."""

    def repl(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in _XML_ENTITIES:
            return m.group(0)
        code = html.entities.name2codepoint.get(name)
        return f"&#{code};" if code else ""  # unknown (possibly attacker-declared) entity: drop

    return _NAMED_ENTITY.sub(repl, text)


def parse_xml(text: str) -> etree._Element | None:
    """The root element of an XML document, or None when nothing can be recovered."""
    text = text.lstrip("\ufeff")
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str input with an encoding declaration
    text = _DOCTYPE.sub("", text, count=1)
    text = _numeric_entities(text)
    text = _UPPER_HEX_REF.sub(r"&#x\1;", text)  # HTML's &#X41; is no XML: the parser would drop it
    if nesting_depth(text, xml=True) > MAX_DEPTH:  # libxml2 drops whatever lies deeper than 256 levels
        text = flatten_deep(text, MAX_DEPTH, xml=True)
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        recover=True,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(text.encode("utf-8"), parser=parser)
    except (etree.XMLSyntaxError, ValueError):
        return None
    return root


def local_name(el: etree._Element) -> str:
    """An element's tag without its namespace, lower-cased ("" for comments)."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def children(el: etree._Element, name: str) -> list[etree._Element]:
    """Direct children with the given local name (any namespace)."""
    return [c for c in el if local_name(c) == name]


def child(el: etree._Element, *names: str) -> etree._Element | None:
    """The first direct child with one of the local names, in order of preference."""
    for name in names:
        for c in el:
            if local_name(c) == name:
                return c
    return None


def child_text(el: etree._Element, *names: str) -> str:
    """Text of the first matching child (all its text, tags dropped), stripped."""
    found = child(el, *names)
    if found is None:
        return ""
    return "".join(t for t in found.itertext() if isinstance(t, str)).strip()
