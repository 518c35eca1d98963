"""Hostile files: text is never lost to odd markup or charsets, nothing hangs, every refusal says why."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import reader.core.formats.mail as mail
from reader.cli import main
from reader.core.errors import ImportProblem
from reader.core.formats import load_file

PARA = "The council met on Tuesday evening to agree the harbour budget for the coming year. "


def _page(body: str) -> str:
    return f"<html><head><title>Harbour budget</title></head><body>{body}</body></html>"


@pytest.mark.parametrize("tag", ["embed src=x", "source src='a>b'", "track src=t.vtt", "wbr"])
def test_an_unclosed_html5_void_element_does_not_swallow_the_page(tmp_path: Path, tag: str) -> None:
    f = tmp_path / "page.html"
    f.write_text(_page(f"<article><{tag}><p>{PARA * 3}</p><p>Second paragraph: {PARA * 2}</p></article>"))
    [article] = load_file(f)
    assert article.paragraphs == [(PARA * 3).strip(), f"Second paragraph: {PARA * 2}".strip()]


def test_ten_thousand_levels_of_nesting_still_yield_the_text(tmp_path: Path) -> None:
    f = tmp_path / "deep.html"
    f.write_text(_page("<div>" * 10_000 + f"<p>{PARA * 3}</p>" + "</div>" * 10_000))
    [article] = load_file(f)
    assert article.title == "Harbour budget"
    assert article.text == (PARA * 3).strip()


def test_deep_valid_json_is_called_deep_not_invalid(tmp_path: Path) -> None:
    f = tmp_path / "deep.json"
    f.write_text('{"items": ' + "[" * 100_000 + "]" * 100_000 + "}")
    with pytest.raises(ImportProblem) as info:
        load_file(f)
    assert info.value.reason == "The file is nested too deeply to read: 100,001 levels."


@pytest.mark.parametrize("label", ["rot13", "zlib", "base64", "hex", "uu", "idna"])
def test_a_charset_that_is_not_a_text_encoding_falls_back_to_detection(tmp_path: Path, label: str) -> None:
    f = tmp_path / "page.html"
    # ASCII only: multibyte UTF-8 would win over any label and hide the bad label.
    f.write_bytes(_page(f'<meta charset="{label}"><p>Cafe owners {PARA * 3}</p>').encode("ascii"))
    [article] = load_file(f)
    assert article.text == f"Cafe owners {PARA * 3}".strip()


def test_one_bad_message_does_not_cost_the_rest_of_the_mailbox(tmp_path: Path) -> None:
    def message(subject: str, charset: str) -> str:
        return (f"From a@b.c Mon Jan  9 07:00:00 2023\nFrom: Desk <a@b.c>\nSubject: {subject}\n"
                f"Content-Type: text/plain; charset={charset}\n\n{PARA * 2}\n\n")
    f = tmp_path / "box.mbox"
    f.write_text(message("First", "utf-8") + message("Rotten", "rot13") + message("Third", "zlib"))
    assert [a.title for a in load_file(f)] == ["First", "Rotten", "Third"]


def test_mbox_keeps_good_messages_when_one_cannot_be_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = mail.message_article

    def flaky(msg: object, path: Path, fmt: str) -> object:
        if "Broken" in str(msg.get("Subject")):  # type: ignore[attr-defined]
            raise MemoryError("stands in for any failure inside one message")
        return real(msg, path, fmt)  # type: ignore[arg-type]

    monkeypatch.setattr(mail, "message_article", flaky)
    box = "".join(f"From a@b.c Mon Jan  9 07:00:00 2023\nSubject: {s}\n\n{PARA}\n\n" for s in ("One", "Broken", "Two"))
    f = tmp_path / "box.mbox"
    f.write_text(box)
    assert [a.title for a in load_file(f)] == ["One", "Two"]
    f.write_text(f"From a@b.c Mon Jan  9 07:00:00 2023\nSubject: Broken\n\n{PARA}\n")
    with pytest.raises(ImportProblem, match=r"No message of this mailbox could be read: message 1 \(MemoryError\)"):
        load_file(f)


def test_an_overlong_subject_is_cut_before_decoding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    real = mail.decode_header

    def spy(value: str) -> list[tuple[bytes | str, str | None]]:
        seen.append(len(value))
        return real(value)

    monkeypatch.setattr(mail, "decode_header", spy)
    f = tmp_path / "long.eml"
    f.write_text("From: a@b.c\nSubject: " + "=?utf-8?q?a?= " * 3000 + "\n\nbody text of the message\n")
    [article] = load_file(f)
    assert max(seen) <= mail.MAX_HEADER_CHARS
    assert article.title.endswith("aaa [cut: the header was too long]")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX feature")
def test_extract_refuses_a_fifo_instead_of_waiting_forever(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "p.txt"
    os.mkfifo(fifo)
    # Before the fix this call blocked forever in open(); a refusal returns at once.
    assert main(["extract", "--json", str(fifo)]) == 1
    [line] = capsys.readouterr().out.splitlines()
    assert json.loads(line)["error"].startswith("This is not a regular file (it is a pipe, socket or device)")


def test_extract_prints_no_terminal_escapes_or_bidi_overrides(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "story.txt"
    f.write_text(f"Title \x1b]0;owned\x07here\u202e\n\nBody \x1b[2Jtext. {PARA}\n", encoding="utf-8")
    assert main(["extract", str(f)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "Body [2Jtext." in out
    assert main(["extract", "--json", str(f)]) == 0
    line = capsys.readouterr().out
    assert "\x1b" not in line and "\\u001b[2J" in line


def test_a_non_ascii_byte_in_an_mhtml_header_is_read_not_a_crash(fx: Path, tmp_path: Path) -> None:
    """Found by tests/fuzz: compat32 returns a Header object there, which has no .strip()."""
    data = (fx / "page.mht").read_bytes()
    f = tmp_path / "page.mht"
    f.write_bytes(data[:57] + b"\x80" + data[57:])  # inside the Snapshot-Content-Location value
    [article] = load_file(f)
    # The damaged location names no part any more, so the archive's first page is the one read.
    assert article.title == "Staudamm besteht Sicherheitsprüfung"
    assert article.format == "mhtml"


def test_a_non_ascii_byte_in_a_content_disposition_is_read_not_a_crash(tmp_path: Path) -> None:
    """Same trap as the MHTML one, in e-mail parts: Header.lower() does not exist."""
    f = tmp_path / "a.eml"
    f.write_bytes(b"From: a@b.c\nSubject: Hi\nContent-Type: multipart/mixed; boundary=XX\n\n--XX\n"
                  b"Content-Type: text/plain\nContent-Disposition: inline; filename=\x80x\n\n"
                  b"Hello there, this is the body.\n--XX--\n")
    [article] = load_file(f)
    assert (article.title, article.text) == ("Hi", "Hello there, this is the body.")
