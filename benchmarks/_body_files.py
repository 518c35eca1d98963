"""The hand-marked article bodies of the saved pages (`extraction/ground-truth.json`) written as the files
users import: plain text, Markdown with front matter, JSON, e-mail and RSS. The same words in every
format, so what each format's parsing costs can be set beside what tagging those words costs.

Each body gets a title (its first sentence, cut), a byline, a date and its page's address, as such files
carry them; nothing is taken from the pages' own markup. An RSS file holds `FEED_ITEMS` articles.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from html import escape
from pathlib import Path

from _data import data_root

FORMATS = ("txt", "md", "json", "mail", "rss")
FEED_ITEMS = 8


def bodies() -> list[tuple[str, str]]:
    """(address, body) of every saved page, in id order."""
    truth = json.loads((data_root() / "extraction" / "ground-truth.json").read_text("utf-8"))
    return [(truth[k].get("url", ""), truth[k]["articleBody"]) for k in sorted(truth)]


def _title(body: str) -> str:
    first = body.strip().split("\n", 1)[0]
    return first[:70].rsplit(" ", 1)[0] if len(first) > 70 else first


def _paragraphs(body: str) -> list[str]:
    return [p.strip() for p in body.split("\n") if p.strip()]


def write_body_files(folder: Path, n: int, fmt: str = "txt") -> None:
    """`n` articles of the bodies (repeated in order when `n` is larger: the repeats meet warm word caches)
    in files of format `fmt` (one of `FORMATS`) in `folder`."""
    items = bodies()
    folder.mkdir(parents=True)
    when = datetime(2019, 11, 18, 9, 30, tzinfo=UTC)
    chosen = [(i, *items[i % len(items)]) for i in range(n)]
    if fmt == "rss":
        for start in range(0, n, FEED_ITEMS):
            entries = "".join(
                f"<item><title>{escape(_title(body))}</title><link>{escape(url)}</link>"
                f"<pubDate>{format_datetime(when)}</pubDate><author>desk@example.org (News Desk)</author>"
                f"<description>{escape(''.join(f'<p>{escape(p)}</p>' for p in _paragraphs(body)))}</description>"
                f"</item>\n"
                for _i, url, body in chosen[start : start + FEED_ITEMS])
            (folder / f"feed-{start:06d}.xml").write_text(
                '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Saved news</title>'
                f"<link>https://example.org/</link><description>Saved articles</description>\n{entries}"
                "</channel></rss>\n", "utf-8")
        return
    for i, url, body in chosen:
        title, paras = _title(body), _paragraphs(body)
        if fmt == "txt":
            (folder / f"body-{i:06d}.txt").write_text(f"{title}\n\n" + "\n\n".join(paras) + "\n", "utf-8")
        elif fmt == "md":
            front = f"---\ntitle: {json.dumps(title)}\nauthor: News Desk\ndate: 2019-11-18\nurl: {url}\n---\n\n"
            (folder / f"body-{i:06d}.md").write_text(front + f"# {title}\n\n" + "\n\n".join(paras) + "\n", "utf-8")
        elif fmt == "json":
            item = {"headline": title, "author": "News Desk", "datePublished": when.isoformat(), "url": url,
                    "articleBody": "\n\n".join(paras)}
            (folder / f"body-{i:06d}.json").write_text(json.dumps(item, ensure_ascii=False), "utf-8")
        elif fmt == "mail":
            msg = EmailMessage()
            msg["Subject"], msg["From"], msg["Date"] = title, "News Desk <desk@example.org>", format_datetime(when)
            msg.set_content("\n\n".join(paras) + f"\n\n{url}\n")
            (folder / f"body-{i:06d}.eml").write_bytes(bytes(msg))
        else:
            raise ValueError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
