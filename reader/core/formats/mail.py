"""E-mail newsletters: single `.eml` messages and `.mbox` mailboxes."""

from __future__ import annotations

import email
import email.policy
import logging
import re
from email.header import decode_header, make_header
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from reader.core.article import Article, make_article
from reader.core.errors import ImportProblem
from reader.core.extract import extract_html, html_fragment_blocks
from reader.core.formats.common import title_from_path
from reader.core.formats.encoding import decode_bytes
from reader.core.formats.feeds import text_blocks

_MBOX_SEPARATOR = re.compile(rb"(?:^|\n)From [^\n]*\n")
# decode_header is quadratic in the number of encoded words (1.4 MB took 39 s): a real subject, sender or
# date is far shorter than this, so longer values are cut before decoding and marked as cut.
MAX_HEADER_CHARS = 4096
CUT_MARK = " [cut: the header was too long]"

_log = logging.getLogger(__name__)


def _bounded(raw: str) -> tuple[str, bool]:
    """The header value cut to MAX_HEADER_CHARS at a space (never inside an encoded word), and whether it was."""
    if len(raw) <= MAX_HEADER_CHARS:
        return raw, False
    cut = raw[:MAX_HEADER_CHARS]
    space = cut.rfind(" ")
    return (cut[:space] if space > 0 else cut), True


def _header(msg: Message, name: str) -> str:
    """A header's value with RFC 2047 encoded words (=?utf-8?q?...?=) decoded; overlong values are cut."""
    raw = msg.get(name)
    if raw is None:
        return ""
    text, was_cut = _bounded(str(raw))
    try:
        value = str(make_header(decode_header(text)))
    except (ValueError, TypeError, IndexError, LookupError, UnicodeError):
        value = text
    value = re.sub(r"\s+", " ", value).strip()
    return value + CUT_MARK if was_cut else value


def _sender(msg: Message) -> str:
    raw = _header(msg, "From")
    try:
        pairs = getaddresses([raw])
    except (ValueError, TypeError, IndexError):
        return raw
    for name, addr in pairs:
        if name or addr:
            return name or addr
    return raw


def _date(msg: Message) -> str:
    raw = _header(msg, "Date")
    try:
        return parsedate_to_datetime(raw).isoformat() if raw else ""
    except (TypeError, ValueError, IndexError):
        return ""


def _part_text(part: Message) -> str:
    try:
        payload = part.get_payload(decode=True)
    except (ValueError, TypeError, LookupError):
        return ""
    if not isinstance(payload, bytes):
        return ""
    text, _ = decode_bytes(payload, part.get_content_charset())
    return text


def _parts(msg: Message) -> tuple[str, str]:
    """The first HTML part and the first plain-text part of a message (attachments skipped)."""
    html = plain = ""
    for part in msg.walk():
        if part.is_multipart():
            continue
        if str(part.get("Content-Disposition") or "").lower().startswith("attachment"):  # may be a Header
            continue
        kind = part.get_content_type()
        if kind == "text/html" and not html:
            html = _part_text(part)
        elif kind == "text/plain" and not plain:
            plain = _part_text(part)
    return html, plain


def message_article(msg: Message, path: Path, fmt: str) -> Article | None:
    """One e-mail message as an article: subject, sender, date, HTML through extraction."""
    html, plain = _parts(msg)
    blocks = []
    if html:
        page = extract_html(html)
        blocks = page.blocks if page is not None else []
        if sum(len(b.text) for b in blocks) < 200:
            # Newsletters are tables of short pieces; when extraction keeps little, take the part whole.
            whole = html_fragment_blocks(html)
            if sum(len(b.text) for b in whole) > sum(len(b.text) for b in blocks):
                blocks = whole
    if not blocks and plain:
        blocks = text_blocks(plain)
    subject = _header(msg, "Subject")
    if not subject and not blocks:
        return None
    return make_article(
        title=subject or title_from_path(path),
        blocks=blocks,
        path=str(path),
        format=fmt,
        source=_sender(msg),
        published=_date(msg),
        url=_header(msg, "List-Post").strip("<>") if _header(msg, "List-Post").startswith("<http") else "",
    )


def _parse(data: bytes) -> Message:
    return email.message_from_bytes(data, policy=email.policy.compat32)


def load_eml(data: bytes, path: Path) -> list[Article]:
    """Load a single e-mail message."""
    article = message_article(_parse(data), path, "eml")
    if article is None:
        raise ImportProblem(str(path), "The e-mail has no subject and no text.", "Check that it is a saved message.")
    return [article]


def split_mbox(data: bytes) -> list[bytes]:
    """The raw messages of an mbox file (separated by `From ` lines)."""
    data = data.replace(b"\r\n", b"\n")
    starts = [m.end() for m in _MBOX_SEPARATOR.finditer(data)]
    bounds = [m.start() for m in _MBOX_SEPARATOR.finditer(data)]
    messages = []
    for i, start in enumerate(starts):
        end = bounds[i + 1] if i + 1 < len(bounds) else len(data)
        raw = data[start:end]
        # mboxrd escapes body lines beginning with "From " as ">From ".
        raw = re.sub(rb"(?m)^>(>*From )", rb"\1", raw)
        if raw.strip():
            messages.append(raw)
    return messages


def load_mbox(data: bytes, path: Path) -> list[Article]:
    """Load every message of an mbox mailbox; a message that cannot be read is skipped, not the mailbox."""
    articles = []
    failed: list[str] = []
    for number, raw in enumerate(split_mbox(data), start=1):
        try:
            article = message_article(_parse(raw), path, "mbox")
        except RecursionError:
            failed.append(f"message {number} (nested too deeply)")
            continue
        except Exception as exc:  # noqa: BLE001 - one damaged message must not cost the others
            failed.append(f"message {number} ({type(exc).__name__})")
            continue
        if article is not None:
            articles.append(article)
    if failed and not articles:
        raise ImportProblem(
            str(path),
            f"No message of this mailbox could be read: {', '.join(failed[:5])}{' ...' if len(failed) > 5 else ''}.",
            "Check that the mailbox is complete; export it again from the mail program.",
        )
    if failed:
        _log.warning("%s: skipped unreadable %s", path, ", ".join(failed))
    return articles
