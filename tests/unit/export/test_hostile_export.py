"""Exports of hostile articles: content stays inside its escaping, controls never reach the file, no leaked paths."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

from reader.core.annotation import Highlight, TextQuote
from reader.core.article import Block, make_article
from reader.core.export import ExportItem, ExportOptions, export_items, render, render_combined
from reader.core.export.filenames import safe_stem

EXPORTED = "2026-11-26T12:00:00Z"
OPTIONS = ExportOptions(exported=EXPORTED)


def _item(**meta: object) -> ExportItem:
    blocks = meta.pop("blocks", [Block("An ordinary paragraph of the story.")])
    title = str(meta.pop("title", "Hostile story"))
    return ExportItem(make_article(title=title, blocks=blocks, path="/home/ann/news/hostile.html", **meta))


def test_four_backticks_in_pre_cannot_close_the_markdown_fence() -> None:
    code = "before\n````\n![x](http://127.0.0.1:8000/pre)\n`````\nafter"
    md = render(_item(blocks=[Block(code, "pre"), Block("Closing paragraph.")]), "md", OPTIONS)
    fence = "``````"  # one longer than the longest run (five) inside
    assert f"{fence}\n{code}\n{fence}\n\nClosing paragraph." in md


def test_feed_tags_become_plain_tags_not_images_in_combined_markdown() -> None:
    item = _item(tags=("![t](http://127.0.0.1:8000/tag)", "[x](javascript:alert(1))", "<img src=x>", "Local news"))
    md = render_combined([item, _item(title="Second")], "md", OPTIONS)
    tag_line = next(line for line in md.splitlines() if "#Local-news" in line)
    assert tag_line == "#t-http-//127-0-0-1-8000/tag #x-javascript-alert-1 #img-src-x #Local-news"


def test_only_web_and_mail_urls_become_markdown_links() -> None:
    web = render_combined([_item(url="https://example.org/a?b=1"), _item(title="B")], "md", OPTIONS)
    assert "<https://example.org/a?b=1>" in web
    mail = render_combined([_item(url="mailto:desk@example.org"), _item(title="B")], "md", OPTIONS)
    assert "<mailto:desk@example.org>" in mail
    bad = render_combined([_item(url="javascript:alert(1)//[x](y)"), _item(title="B")], "md", OPTIONS)
    assert r"javascript:alert(1)//\[x\](y)" in bad and "<javascript:" not in bad
    odd = render_combined([_item(url="http://a.org/<img>"), _item(title="B")], "md", OPTIONS)
    assert r"http://a.org/\<img>" in odd and "<http://a.org" not in odd


def test_html_export_escapes_tags_and_never_links_javascript_urls() -> None:
    item = _item(title='<img src="http://127.0.0.1:8000/t">', url="javascript:alert(1)",
                 tags=('"><script>alert(1)</script>',), byline="<b>Ann</b>")
    html = render(item, "html", OPTIONS)
    assert "<img" not in html and "<script>" not in html and "<b>Ann" not in html
    assert '<p class="meta">javascript:alert(1)</p>' in html
    assert 'href="javascript' not in html
    assert '<span class="tag">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</span>' in html


HOSTILE = "Alpha\x1b[2J\x1b]0;owned\x07 beta\u202egnp.exe gamma\x85delta\x9b31m"


def test_text_and_markdown_exports_hold_no_control_characters() -> None:
    item = _item(title=f"Title {HOSTILE}", blocks=[Block(f"Body {HOSTILE} end.")], byline="By\x1bMe")
    for fmt in ("txt", "md", "html"):
        out = render(item, fmt, OPTIONS)
        assert not re.search("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out), fmt
        # NEL (U+0085) is white space to the article cleaner, so it became a plain space already.
        assert "2J]0;owned betagnp.exe gamma delta31m" in out.replace("\\", ""), fmt


def test_persian_zwnj_and_emoji_zwj_survive_export() -> None:
    word = "می\u200cخواهم \U0001F469\u200d\U0001F4BB"
    out = render(_item(blocks=[Block(f"{word} in a sentence.")]), "txt", OPTIONS)
    assert word in out


def test_json_export_keeps_controls_only_as_visible_escapes() -> None:
    item = _item(title="Invoice \u202egpj.exe \x1b[2J")
    out = render(item, "json", OPTIONS)
    assert "\u202e" not in out and "\x1b" not in out and "\\u202e" in out
    # Lossless: the value read back is the article's own title, so quotes still match on re-import.
    assert json.loads(out)["articles"][0]["title"] == "Invoice \u202egpj.exe \x1b[2J"


def test_rlo_cannot_spoof_an_export_file_name() -> None:
    assert safe_stem("Invoice \u202egpj.exe") == "Invoice gpj.exe"
    assert safe_stem("\x1b[31mRed\x07") == "[31mRed"


def test_json_export_targets_only_http_https_or_file() -> None:
    item = _item(url="javascript:alert(1)")
    quote = TextQuote("ordinary", "An ", " paragraph")
    mark = Highlight(id="0b7e7f0e-5a55-4a1c-9f4e-2d5c3b1a0f9e", article_id=item.article.id, start=3, end=11,
                     quote=quote, color="yellow", note="", path=item.article.path, created=EXPORTED,
                     modified=EXPORTED, orphan=False)
    out = json.loads(render(replace(item, highlights=(mark,)), "json", OPTIONS))
    assert out["first"]["items"][0]["target"]["source"] == "file:///home/ann/news/hostile.html"
    assert out["articles"][0]["id"] == "file:///home/ann/news/hostile.html"
    assert out["articles"][0]["url"] == "javascript:alert(1)"  # kept only as a plain property
    web = json.loads(render(_item(url="https://example.org/story"), "json", OPTIONS))
    assert web["articles"][0]["id"] == "https://example.org/story"


def test_json_export_without_paths_leaves_no_local_path(tmp_path: Path) -> None:
    item = _item(url="")
    written = export_items([item], fmt="json", out=tmp_path / "shared.json",
                           options=ExportOptions(exported=EXPORTED, include_paths=False))
    text = written[0].read_text(encoding="utf-8")
    assert "/home/ann" not in text and "hostile.html" not in text
    assert json.loads(text)["articles"][0]["id"] == f"urn:news-reader:article:{item.article.id}"
    own = json.loads(render(item, "json", OPTIONS))
    assert own["articles"][0]["path"] == "/home/ann/news/hostile.html"  # the default keeps it (own backup)
