"""MHTML web archives (`.mht`, `.mhtml`): the saved page's HTML part goes through extraction."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

from reader.core.article import Article
from reader.core.errors import ImportProblem
from reader.core.formats.encoding import decode_bytes
from reader.core.formats.html import html_to_article


def load_mhtml(data: bytes, path: Path) -> list[Article]:
    """Load the main HTML document of a web archive."""
    msg = email.message_from_bytes(data, policy=email.policy.compat32)
    wanted = (msg.get("Snapshot-Content-Location") or "").strip()
    chosen = None
    for part in msg.walk():
        if part.is_multipart() or part.get_content_type() != "text/html":
            continue
        if chosen is None or (wanted and (part.get("Content-Location") or "").strip() == wanted):
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
    url = (chosen.get("Content-Location") or wanted or "").strip()
    return [html_to_article(text, path, fmt="mhtml", url=url)]
