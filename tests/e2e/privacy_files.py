"""Saved articles that reference a server in every way an article can: for the privacy test.

Every reference points at `BASE/<kind>`, so a request the server sees names the kind that leaked.
"""

from __future__ import annotations

import json
from pathlib import Path

PARAS = "".join(
    f"<p>Paragraph {n}: the harbour strike in Tallinn ended on Monday after nine days of talks.</p>\n"
    for n in range(4)
)
TEXT = "The harbour strike in Tallinn ended on Monday after nine days of talks between the union and owners."


def _html(base: str) -> str:
    refs = [
        f'<base href="{base}/base/">',
        f'<link rel="stylesheet" href="{base}/link-css">',
        f'<link rel="icon" href="{base}/icon"><link rel="preload" href="{base}/preload">',
        f'<meta http-equiv="refresh" content="0; url={base}/refresh">',
        f'<style>@import url("{base}/import"); body {{ background: url({base}/style-url) }}'
        f' @font-face {{ font-family: x; src: url({base}/font) }}</style>',
        f'<script src="{base}/script"></script>',
    ]
    body = [
        f'<img src="{base}/img" alt="photo">',
        f'<img srcset="{base}/srcset-1 1x, {base}/srcset-2 2x" src="{base}/img-srcset">',
        f'<picture><source srcset="{base}/picture-source"><img src="{base}/picture-img"></picture>',
        f'<p style="background-image: url({base}/style-attr)">Styled paragraph about the strike.</p>',
        f'<iframe src="{base}/iframe"></iframe>',
        f'<object data="{base}/object"></object><embed src="{base}/embed">',
        f'<video poster="{base}/poster" src="{base}/video"><track src="{base}/track"></video>',
        f'<audio src="{base}/audio"></audio>',
        f'<svg><image href="{base}/svg-href"/><image xlink:href="{base}/svg-xlink"/></svg>',
        f'<a href="{base}/link">a plain link</a>',
        '<img src="relative-to-base.png">',
    ]
    page = (
        "<!DOCTYPE html><html><head><title>Hostile page</title>" + "".join(refs) + "</head><body><article>"
        "<h1>Hostile page</h1>" + PARAS + "".join(body) + PARAS + "</article></body></html>"
    )
    return page


def _feed(base: str) -> str:
    return f"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY ext SYSTEM "{base}/xxe"> <!ENTITY % dtd SYSTEM "{base}/dtd"> %dtd;]>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:xi="http://www.w3.org/2001/XInclude">
<channel><title>Hostile feed</title><link>{base}/channel</link>
<image><url>{base}/feed-image</url><title>x</title><link>{base}/x</link></image>
<item><title>Feed item &ext;</title><link>{base}/item</link>
<enclosure url="{base}/enclosure" type="image/jpeg" length="1"/>
<media:content url="{base}/media-content" medium="image"/><media:thumbnail url="{base}/thumb"/>
<xi:include href="{base}/xinclude"/>
<description><![CDATA[<p>{TEXT}</p><img src="{base}/feed-html-img">]]></description></item>
</channel></rss>
"""


def _eml(base: str) -> str:
    return f"""From: a@example.org
To: b@example.org
Subject: Hostile mail
MIME-Version: 1.0
Content-Type: multipart/related; boundary="B"

--B
Content-Type: text/html; charset=utf-8
Content-Location: {base}/content-location

<html><body><p>{TEXT}</p><img src="{base}/mail-img"><img src="cid:x"></body></html>
--B--
"""


def _mhtml(base: str) -> str:
    return f"""From: <Saved by Blink>
Snapshot-Content-Location: {base}/snapshot
Subject: Hostile archive
MIME-Version: 1.0
Content-Type: multipart/related; type="text/html"; boundary="M"

--M
Content-Type: text/html; charset=utf-8
Content-Location: {base}/mhtml-page

<html><head><title>Hostile archive</title><link rel=stylesheet href="{base}/mhtml-css"></head>
<body><article><h1>Hostile archive</h1>{PARAS}<img src="{base}/mhtml-remote-part">
<img src="{base}/mhtml-img"></article></body></html>
--M
Content-Type: image/png
Content-Location: {base}/mhtml-img
Content-Transfer-Encoding: base64

iVBORw0KGgo=
--M--
"""


def write_referencing_files(folder: Path, base: str) -> int:
    """Write one file of each kind into `folder`; return how many references to `base` they hold."""
    files = {
        "page.html": _html(base),
        "feed.rss": _feed(base),
        "mail.eml": _eml(base),
        "archive.mht": _mhtml(base),
        "note.md": f"# Hostile note\n\n{TEXT}\n\n![x]({base}/md-image)\n\n![y][ref]\n\n"
        f'<img src="{base}/md-html-img">\n\n[ref]: {base}/md-ref-image\n',
        "item.json": json.dumps(
            {"title": "Hostile JSON", "url": f"{base}/json-url", "image": f"{base}/json-image", "text": TEXT}
        ),
        "drawing.svg.html": f"<html><body><article><h1>SVG page</h1>{PARAS}"
        f'<svg xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="{base}/svg2"/>'
        f'<use href="{base}/use#x"/></svg></article></body></html>',
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return sum(text.count(base) for text in files.values())
