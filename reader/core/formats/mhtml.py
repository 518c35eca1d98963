"""MHTML web archives (`.mht`, `.mhtml`): the saved page's HTML part goes through extraction."""

from __future__ import annotations

import email
import email.policy
from email.message import Message
from pathlib import Path

from reader.core.article import Article
from reader.core.errors import ImportProblem
from reader.core.formats.encoding import decode_bytes
from reader.core.formats.html import html_to_article


def _text_header(msg: Message, name: str) -> str:
    # compat32 hands back an email.header.Header, not a str, for a value holding non-ASCII bytes.
    value = msg.get(name)
    return str(value).strip() if value is not None else ""


def load_mhtml(data: bytes, path: Path) -> list[Article]:
    """Load the main HTML document of a web archive."""
    msg = email.message_from_bytes(data, policy=email.policy.compat32)
    wanted = _text_header(msg, "Snapshot-Content-Location")
    chosen = None
    for part in msg.walk():
        if part.is_multipart() or part.get_content_type() != "text/html":
            continue
        if chosen is None or (wanted and _text_header(part, "Content-Location") == wanted):
            chosen = part
    if chosen is None:
        raise ImportProblem(
            str(path),
            "The web archive holds no HTML page.",
            "Save the page again as a complete web archive or as HTML.",
        )
    payload = chosen.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload.strip():
        raise ImportProblem(str(path), "The web archive's page is empty.", "Save the page again.")
    text, _ = decode_bytes(payload, chosen.get_content_charset())
    url = _text_header(chosen, "Content-Location") or wanted
    return [html_to_article(text, path, fmt="mhtml", url=url)]
