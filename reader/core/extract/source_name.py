"""Which publication a page comes from: the names it declares, checked, then its address.

Order: JSON-LD `publisher.name`, `og:site_name`, `application-name`; then names that match the
page's domain (the `<title>` suffix "- The New York Times", the publication's own social handle
"@Reuters", a news agency named in the dateline "(Reuters) -"); then the domain itself
("nytimes.com"); then an agency that does not match the domain; a handle that does not match the
domain (a section's or a writer's account) only when there is nothing else.

A declared name is refused when it is not a publication: a section or dateline place ("U.S.",
"World"), a generic word ("Hosted", "Home"), a blogging platform ("Blogger", "WordPress"). A bare
URL becomes its domain; a handle is shown without its "@".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

# Exact values (compared lower-cased) that name a section, a place, a platform or nothing at all.
_NOT_PUBLICATIONS = frozenset({
    "hosted", "home", "homepage", "home page", "index", "default", "untitled", "website", "web site", "site",
    "blog", "news", "article", "articles", "story", "stories", "latest", "latest news", "top stories",
    "breaking news", "main", "null", "none", "undefined", "page", "en", "english",
    "blogger", "blogspot", "wordpress", "wordpress.com", "tumblr", "squarespace", "wix", "ghost", "typepad",
    "us", "uk", "usa", "world", "national", "local", "europe", "asia", "africa", "americas", "middle east",
    "business", "politics", "sports", "sport", "opinion", "technology", "tech", "entertainment", "health",
    "science", "markets", "money", "lifestyle", "culture", "travel", "weather", "video", "videos", "live",
})
_DOTTED_ABBREVIATION = re.compile(r"^(?:[A-Za-z]\.){1,4}$")  # "U.S.", "U.K.": places, not papers
_SEPARATOR = re.compile(r"\s+[|\-–—:·•»]\s+")
_COMMON_SLD = frozenset({"co", "com", "net", "org", "gov", "ac", "edu", "or", "ne", "go", "gob", "nic"})
_HOST_PREFIXES = ("www.", "www2.", "m.", "amp.", "mobile.")

# News agencies as written in a dateline "(Reuters) -" or a byline "By AP", and the name shown.
_AGENCIES = {
    "reuters": "Reuters", "ap": "Associated Press", "associated press": "Associated Press", "afp": "AFP",
    "agence france-presse": "AFP", "upi": "UPI", "dpa": "dpa", "pa": "PA Media", "ansa": "ANSA", "efe": "EFE",
    "xinhua": "Xinhua", "tass": "TASS", "kyodo": "Kyodo", "ani": "ANI", "pti": "PTI", "ians": "IANS",
    "bloomberg": "Bloomberg", "yonhap": "Yonhap", "anadolu": "Anadolu", "cnn": "CNN",
}
_AGENCY = "|".join(sorted((re.escape(a) for a in _AGENCIES), key=len, reverse=True))
_DATELINE = re.compile(rf"^[^()]{{0,80}}\((?P<agency>{_AGENCY})\)\s*[-–—:]", re.I)
_BYLINE_AGENCY = re.compile(rf"^\s*(?:by\s+)?(?P<agency>{_AGENCY})\s*$", re.I)


def domain_of(url: str) -> str:
    """"https://www.nytimes.com/2019/..." -> "nytimes.com"; "" for anything that is not a web address."""
    text = url.strip()
    if not re.match(r"^[a-z][a-z0-9+.-]*://", text, re.I):
        if not re.match(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/|$)", text) or " " in text:
            return ""
        text = "http://" + text
    try:
        host = (urlsplit(text).hostname or "").lower()
    except ValueError:
        return ""
    if "." not in host:
        return ""
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix):]
            break
    return host


def _domain_labels(domain: str) -> list[str]:
    """The labels of a domain that can name a publication: "hosted.ap.org" -> ["hosted", "ap"]."""
    labels = domain.split(".")[:-1]  # the top-level domain names no one
    return [lab for lab in labels if lab not in _COMMON_SLD]


def _compact(text: str) -> str:
    return re.sub(r"[\W_]+", "", re.sub(r"^the\s+", "", text.strip(), flags=re.I)).lower()


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def matches_domain(name: str, domain: str) -> bool:
    """Whether `name` reads as the publication at `domain`: "The New York Times" ~ nytimes.com, "AP" ~ ap.org."""
    compact = _compact(name)
    if not compact or not domain:
        return False
    initials = "".join(w[0] for w in re.findall(r"[^\W_]+", name.lower()) if w != "the")
    for label in _domain_labels(domain):
        label = label.replace("-", "")
        if compact == label or initials == label:
            return True
        if len(label) < 3 or len(compact) > 2.5 * len(label):
            continue  # "comwrap at the fair 2018" holds "comwrap" but is a headline, not a name
        if label in compact or (len(compact) >= 3 and compact in label):
            return True
        if label[0] == compact[0] and _subsequence(label, compact):
            return True
    return False


def is_publication_name(name: str) -> bool:
    """False for values that cannot be a publication's name (sections, places, platforms, blanks)."""
    text = name.strip()
    if not text or len(text) > 80 or len(text.split()) > 8 or not re.search(r"[^\W\d_]", text):
        return False  # a sentence (a headline put in application-name) is not a name either
    return text.lower() not in _NOT_PUBLICATIONS and not _DOTTED_ABBREVIATION.match(text)


def _tidy(name: str, domain: str) -> str:
    """A declared site name as shown: a URL becomes its domain; "Site | tagline" keeps the site."""
    text = re.sub(r"\s+", " ", name).strip()
    as_domain = domain_of(text) if re.match(r"^(?:https?://|www\.)", text, re.I) else ""
    if as_domain:
        return as_domain
    parts = [p.strip() for p in _SEPARATOR.split(text) if p.strip()]
    if len(parts) > 1:
        for part in parts:
            if matches_domain(part, domain) and is_publication_name(part):
                return part
        if len(" ".join(parts[1:]).split()) >= 3:
            return parts[0]  # "LinkNaija | Nigeria's popular news platform": the rest is a tagline
    return text


def handle_name(handle: str) -> str:
    """"@SpaceNews_Inc" -> "SpaceNews Inc"; "" when the value is not a handle."""
    text = handle.strip()
    if not re.match(r"^@?[A-Za-z0-9_]{2,30}$", text):
        return ""
    return re.sub(r"_+", " ", text.lstrip("@")).strip()


def agency_in(lines: Iterable[str]) -> str:
    """A news agency named in a dateline "WASHINGTON (Reuters) -" or a byline "By AP", or ""."""
    for line in lines:
        m = _DATELINE.match(line.strip()) or _BYLINE_AGENCY.match(line.strip())
        if m:
            return _AGENCIES[m["agency"].lower()]
    return ""


@dataclass
class SourceClues:
    """What a page says about where it comes from, each list best first."""

    declared: list[str] = field(default_factory=list)  # publisher, og:site_name, application-name
    title_suffixes: list[str] = field(default_factory=list)  # the parts around a title's separators
    handles: list[str] = field(default_factory=list)  # twitter:site, an "@name" given as site name
    url: str = ""  # canonical URL or og:url
    agency: str = ""  # from the dateline or byline


def choose_source(clues: SourceClues) -> str:
    """The publication's name for a page, or "" when it gives no clue (see the module docstring)."""
    domain = domain_of(clues.url)
    handles = [h for h in (handle_name(v) for v in clues.handles) if h]
    for value in clues.declared:
        if value.strip().startswith("@"):
            handles.insert(0, handle_name(value))
            continue
        name = _tidy(value, domain)
        if is_publication_name(name):
            return name
    handles = [_AGENCIES.get(h.lower(), h) for h in handles]  # "@AP" is the agency's own account
    matching = [
        *(s for s in clues.title_suffixes if is_publication_name(s)), *([clues.agency] if clues.agency else []),
        *handles,
    ]
    for name in matching:
        if name and matches_domain(name, domain):
            return domain_of(name) or name
    return domain or clues.agency or next((h for h in handles if h), "")


def tidy_source(value: str) -> str:
    """A source written by hand or in data (a text file's "Source:" line, a JSON field) as shown.

    A bare URL becomes its domain, a handle loses its "@", and a value that names no publication
    ("Home", "U.S.") is dropped.
    """
    text = re.sub(r"\s+", " ", value).strip()
    if text.startswith("@"):
        return handle_name(text) or text
    name = _tidy(text, "")
    return name if is_publication_name(name) else ""
