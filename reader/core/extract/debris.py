"""Recognise page debris among extracted blocks: bylines, datelines, ad labels, credits, pitches."""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

from reader.core.extract.blocks import RawBlock
from reader.core.extract.dates import normalise_date
from reader.core.extract.metadata import PageMetadata

_LABELS = re.compile(
    r"^(?:advertisement|advertising|advert|ads?|sponsored(?: content| links| stories| posts)?|"
    r"share( this( article| story| page)?)?|"
    r"share on \w+|tweet|e-?mail|print|read more|continue reading.*|see also|"
    r"related(?: articles| stories| news| content| posts| coverage)?|"
    r"click here.*|sign up.*|subscribe.*|(?:image|photo|picture|video|media)( credit| caption)?:?.*|credit:?.*|"
    r"loading\W*|close|menu|skip to .*|back to top|follow us.*|comments?|\d+ comments?|"
    r"(?:post|leave|add|write|show) (?:a |your )?comments?.*|(?:related )?(?:tags|topics|keywords)|more|"
    r"the post .+ appeared first on .+|text size|explore further|trending(?: now| news| stories)?|"
    r"filed under\b.*|posted in\b.*|categor(?:y|ies)\s*:.*|"
    r"(?:\d+\s*min(?:ute)?s?\s*read|reading time|tempo de leitura|temps de lecture|lesezeit|tiempo de lectura)\b.*|"
    r".*requires javascript.*|.*enable javascript.*|.*(?:playback|video) is (?:not supported|unsupported).*|"
    r"(?:your )?(?:video|ad|advertisement) will (?:play|begin|start|end|resume) in\b.*|skip (?:this )?ad\b.*|"
    r"(?:ad|advertisement|sponsored)?\s*[-:|·]?\s*(?:powered|presented|brought to you) by(?: \S+){1,4}|"
    r"ad choices|adchoices|(?:replay|mute|unmute|fullscreen|autoplay|up next)(?: video)?|"
    r"(?:just|must) watch(?:ed)?|now playing|watch(?: now| next| more)?)$",
    re.I,
)
_NOT_WORD = re.compile(r"\W+")
_MARKUP = re.compile(r"^<[a-zA-Z!/][^>]*>|^\[(\w+)[^\]]*\].*\[/\1\]$")
_COOKIES = re.compile(
    r"\b(?:uses?|accept|allow)\s+(?:of\s+)?cookies\b|\bcookie\s+(?:settings|policy|preferences)\b", re.I
)
# Photo credits left as their own line: "Kathrin Ziegler/Getty", "Al Goldis / Associated Press".
_CREDIT = re.compile(
    r"(?:^|/|\||\()\s*(?:getty(?: images)?|associated press|ap photo|reuters|afp|epa|shutterstock|"
    r"istock(?:photo)?|alamy|file photo)\)?\.?$|^(?:фото|foto|photo|bild|image|crédit|credit)\s*:|"
    r"\(\s*(?:photo\s+|image\s+)?credits?\s*:[^)]*\)\.?$",
    re.I,
)
_CREDIT_LOOSE = re.compile(
    r"\b(?:getty(?: images)?|associated press|ap|reuters|afp|epa|shutterstock|istock(?:photo)?|alamy)\)?\.?$", re.I
)
_DISCLOSURE = re.compile(
    r"\baffiliate (?:links?|commission)|\bmay earn (?:a|an)\b.*\bcommission|\breferral links\b", re.I
)
# The wire services' closing credit: "Reporting by A; additional reporting by B; Editing by C".
_CONTRIBUTORS = re.compile(
    r"^\(?(?:additional |further )?(?:reporting|writing|editing|compiled|research|graphics)(?: and \w+)? by\s", re.I
)
_BYLINE = re.compile(r"^(?:by|written by|posted by|words by)\s+\S", re.I)
# "By Ann Lee on Monday..." / "By Ann Lee, AP": a name of capitalised words, then a break.
_BYLINE_NAME = re.compile(
    r"^(?:[Bb]y|[Ww]ritten by|[Pp]osted by)\s+(?:[A-Z][\w.'’-]*\s*){1,4}(?:,|\bon\b|\band\b|\||·|-|—|$)"
)
# "Copyright" as a notice ("Copyright 2019 ...", "Copyright © ..."), not the word in a sentence about copyright.
_COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|\ball rights reserved\b|^\W*copyright\b|\bcopyright\s*(?:\(c\)|\d{4})", re.I
)
_DATE_WORDS = re.compile(
    r"\b(?:updated|published|posted|first|last|modified|on|at|am|pm|a\.m|p\.m|gmt|utc|[ecmp][sd]?t|bst|cet|"
    r"mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|"
    r"september|october|november|december|hours?|minutes?|mins?|ago|read|time)\b",
    re.I,
)
# Closing lines that pitch newsletters or give the writer's contact, seen at the end of articles.
_TAIL_PITCH = re.compile(
    r"\b(?:subscribe|newsletters?|sign up|follow (?:us|him|her|them|\w+(?: \w+)?) on|"
    r"may be reached|can be reached|reach (?:him|her|them) at|get the latest\b.*\binbox|"
    r"download (?:the|our) app|have a (?:news )?tip|click here|contributed (?:to )?(?:this )?report(?:ing)?)\b"
    r"|^source:\s",
    re.I,
)


def _same_text(a: str, b: str) -> bool:
    return bool(a) and _squashed(a) == _squashed(b)


@lru_cache(maxsize=256)
def _squashed(text: str) -> str:
    """The text's letters and digits, lower-cased; kept because each block is compared with the same few texts
    (the page's title, its first heading, its byline) and the block itself with up to four of them."""
    return _NOT_WORD.sub("", text).lower()


def _has_date(text: str) -> bool:
    return bool(normalise_date(text))


def is_date_line(text: str) -> bool:
    """A line that is only a date/time stamp ("Nov 18, 2019 @17:19 PM · Updated ...")."""
    if len(text) > 90 or not re.search(r"\d", text):
        return False
    rest = _DATE_WORDS.sub("", text)
    return len(re.findall(r"[^\W\d_]", rest)) <= 4


def is_debris(b: RawBlock, meta: PageMetadata, title: str) -> bool:
    """True for a short block that is page furniture rather than article text."""
    text = b.text.strip()
    if b.kind in ("table", "pre"):
        return False
    if _MARKUP.match(text):
        return True
    if len(text) > 200:
        return False
    if len(text) <= 1:
        return True  # a lone "X" close button, a bullet
    if not re.search(r"[^\W\d_]", text):
        # No letters: counters, gallery numbers, rules. A "___" separator is kept: it is part of
        # the text as wire services publish it.
        return not re.fullmatch(r"_{3,}", text)
    if len(text) <= 120:
        if _same_text(text, title) or _same_text(text, meta.h1):
            return True
        if meta.byline and (_same_text(text, meta.byline) or _same_text(text, "by " + meta.byline)):
            return True
        if _BYLINE.match(text) and len(text) < 100 and (
            not text.endswith((".", "!", "?")) or (_has_date(text) and _BYLINE_NAME.match(text))
        ):
            return True
        if _CREDIT.search(text) and len(text) < 100:
            return True
        if _CREDIT_LOOSE.search(text) and len(text) < 60 and not re.search(r"\b[a-z]{4,}\b", text):
            return True  # "Kathrin Ziegler, Getty Images": names only, no running words
        if text.isupper() and "CLICK HERE" in text:
            return True
        if is_date_line(text):
            return True
        if _LABELS.match(text.strip(" .:|•·-—")):
            return True
    if _COOKIES.search(text) or _DISCLOSURE.search(text) or _CONTRIBUTORS.match(text):
        return True
    return bool(_COPYRIGHT.search(text)) and len(text) < 160


# A heading over teasers for other articles: whatever follows it is not this article.
_TEASER_HEADING = re.compile(
    r"^(?:(?:other|more)\b.{0,40}\b(?:columns?|stories|articles|news|opinions?|reads|videos|posts)|more from\b.{1,60}|"
    r"related(?: \w+){0,2}|(?:you|we think you) (?:may|might|will|could) (?:also )?(?:like|enjoy)|"
    r"recommended(?: for you| stories| reading)?|(?:read|up|what to read) next|also read|"
    r"(?:most|more) (?:read|popular)|"
    r"elsewhere on\b.{1,40}|latest (?:news|stories|articles|headlines)|don'?t miss|trending(?: now| stories)?)\W*$",
    re.I,
)


def cut_after_end(blocks: list[RawBlock]) -> list[RawBlock]:
    """Drop a teaser heading ("Other opinion columns", "More from ...") in the article's last half and all after it.

    A heading that opens a box of its own (a "Related" box set inside the story) takes only that box.
    """
    total = sum(len(b.text) for b in blocks)
    seen = 0
    for i, b in enumerate(blocks):
        if seen >= 0.5 * total and len(b.text) <= 60 and b.kind in ("h", "p") and _TEASER_HEADING.match(b.text):
            box = b.element.getparent()
            if box is None or i == 0 or _inside(blocks[i - 1].element, box) or box.getparent() is None:
                return blocks[:i]
            return blocks[:i] + [x for x in blocks[i + 1:] if not _inside(x.element, box)]
        seen += len(b.text)
    return blocks


def _inside(el: etree._Element, box: etree._Element) -> bool:
    return any(x is box for x in el.iterancestors()) or el is box


def drop_tail_pitches(blocks: list[RawBlock]) -> list[RawBlock]:
    """Remove newsletter pitches, contact lines and headings with nothing under them from the end."""
    end = len(blocks)
    while end > 0:
        last = blocks[end - 1]
        if last.kind == "h" or (len(last.text) < 250 and _TAIL_PITCH.search(last.text)):
            end -= 1
        else:
            break
    return blocks[:end]
