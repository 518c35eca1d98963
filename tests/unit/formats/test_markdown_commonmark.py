"""Markdown bodies read by CommonMark rules (issue 13): escapes, code, reference links, raw HTML, links."""

from __future__ import annotations

from pathlib import Path

from reader.core.article import Article, Link, article_id
from reader.core.formats import load_file
from reader.core.formats.markdown_inline import kept_href


def _load(tmp_path: Path, text: str, name: str = "story.md") -> Article:
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    [article] = load_file(f)
    return article


def _linked(article: Article) -> list[tuple[str, str]]:
    """Each link of the article as (the text it covers, its address)."""
    return [(article.text[k.start:k.end], k.href) for k in article.links]


def test_a_windows_path_keeps_its_backslashes_and_the_id_follows_that_text(tmp_path: Path) -> None:
    a = _load(tmp_path, "# Where the backups go\n\nCopy C:\\Users\\me\\Documents to the shared drive every Friday.\n")
    assert a.text == "Copy C:\\Users\\me\\Documents to the shared drive every Friday."
    assert a.id == article_id("Where the backups go", "Copy C:\\Users\\me\\Documents to the shared drive every Friday.")


def test_backslash_escapes_follow_commonmark(tmp_path: Path) -> None:
    a = _load(tmp_path, "# Escapes\n\nA \\*starred\\* word, a doubled \\\\ backslash and \\# a hash.\n")
    assert a.text == "A *starred* word, a doubled \\ backslash and # a hash."


def test_inline_markup_leaves_the_words_a_reader_sees(tmp_path: Path) -> None:
    a = _load(
        tmp_path,
        "# Inline\n\nThe **council** _voted_ ~~twice~~ on `rate = 2 * base` &amp; more&nbsp;news.  \n"
        "Second line\nthird line. ![A map of the river](map.png)\n",
    )
    assert a.text == "The council voted twice on rate = 2 * base & more news. Second line third line."


def test_indented_code_is_one_pre_block_with_its_lines(tmp_path: Path) -> None:
    a = _load(
        tmp_path,
        "# Copying\n\nRun this:\n\n    robocopy C:\\src D:\\dst /MIR\n      /LOG:backup.txt\n\n    done\n\n"
        "Then wait.\n",
    )
    assert [(b.kind, b.text) for b in a.blocks] == [
        ("p", "Run this:"),
        ("pre", "robocopy C:\\src D:\\dst /MIR\n  /LOG:backup.txt\n\ndone"),
        ("p", "Then wait."),
    ]


def test_a_reference_definition_is_not_text_and_resolves_its_link(tmp_path: Path) -> None:
    a = _load(
        tmp_path,
        "# Sources\n\nThe figures come from the [annual report][1] and the [harbour office].\n\n"
        '[1]: https://example.org/report-2024.pdf "Annual report"\n'
        "[harbour office]: <https://example.org/harbour>\n",
    )
    assert a.text == "The figures come from the annual report and the harbour office."
    assert a.links == (
        Link(26, 39, "https://example.org/report-2024.pdf"),
        Link(48, 62, "https://example.org/harbour"),
    )


def test_links_have_exact_offsets_in_the_block_and_the_article(tmp_path: Path) -> None:
    a = _load(
        tmp_path,
        "# Links\n\nFirst paragraph.\n\nSee [the *new* plan](https://example.org/plan), "
        "<https://example.org/faq> or write to <desk@example.org>.\n",
    )
    block = a.blocks[1]
    assert block.text == "See the new plan, https://example.org/faq or write to desk@example.org."
    assert block.links == (
        Link(4, 16, "https://example.org/plan"),
        Link(18, 41, "https://example.org/faq"),
        Link(54, 70, "mailto:desk@example.org"),
    )
    assert _linked(a) == [
        ("the new plan", "https://example.org/plan"),
        ("https://example.org/faq", "https://example.org/faq"),
        ("desk@example.org", "mailto:desk@example.org"),
    ]


def test_links_in_list_items_quotes_and_table_cells(tmp_path: Path) -> None:
    a = _load(
        tmp_path,
        "# Places\n\n- Read [the map](maps/river.html)\n\n> Quoted [source](https://example.org/q)\n\n"
        "| Town | Page |\n|---|---|\n| Ely | [Ely page](https://example.org/ely) |\n",
    )
    assert [(b.kind, b.text, b.links) for b in a.blocks] == [
        ("li", "Read the map", (Link(5, 12, "maps/river.html"),)),
        ("quote", "Quoted source", (Link(7, 13, "https://example.org/q"),)),
        ("table", "Town | Page", ()),
        ("table", "Ely | Ely page", (Link(6, 14, "https://example.org/ely"),)),
    ]


def test_unsafe_link_schemes_are_dropped_but_their_text_stays(tmp_path: Path) -> None:
    a = _load(
        tmp_path,
        "# Schemes\n\n[one](javascript:alert(1)) [two](data:text/html,hi) [three](vbscript:x) "
        "[four](file:///home/me/a.html) [five](../other.md#part) [six](http://example.org/six)\n",
    )
    assert a.text == "one two three four five six"
    assert _linked(a) == [
        ("four", "file:///home/me/a.html"),
        ("five", "../other.md#part"),
        ("six", "http://example.org/six"),
    ]


def test_kept_href_judges_the_scheme_as_a_browser_would() -> None:
    assert kept_href("HTTPS://example.org") == "HTTPS://example.org"
    assert kept_href("mailto:desk@example.org") == "mailto:desk@example.org"
    assert kept_href("C:/Users/me/a.html") == "C:/Users/me/a.html"
    assert kept_href("#notes") == "#notes"
    assert kept_href("page?at=10:30") == "page?at=10:30"
    assert kept_href(" java\tscript:alert(1)") is None
    assert kept_href("ftp://example.org/f") is None
    assert kept_href("") is None


def test_raw_html_table_and_list_keep_their_structure(tmp_path: Path) -> None:
    a = _load(
        tmp_path,
        "# Results\n\nThe count finished at midnight.\n\n"
        "<table>\n<tr><th>Ward</th><th>Turnout</th></tr>\n\n<tr><td>North</td><td>61%</td></tr>\n"
        "<tr><td>Harbour</td><td>58%</td></tr>\n</table>\n\n"
        "<ul>\n<li>Recount in the <b>East</b> ward</li>\n<li>Result due on Monday</li>\n</ul>\n\n"
        "<script>document.title = 'gone';</script>\n\n<style>p { color: red; }</style>\n\nThe end.\n",
    )
    assert [(b.kind, b.text) for b in a.blocks] == [
        ("p", "The count finished at midnight."),
        ("table", "Ward | Turnout"),
        ("table", "North | 61%"),
        ("table", "Harbour | 58%"),
        ("li", "Recount in the East ward"),
        ("li", "Result due on Monday"),
        ("p", "The end."),
    ]


def test_lists_keep_their_nesting_and_item_paragraphs(tmp_path: Path) -> None:
    a = _load(
        tmp_path,
        "# Plan\n\n1. Close the road\n   - from Monday\n     and Tuesday\n\n   Buses take the bridge.\n"
        "2. Reopen it\n   > as promised\n",
    )
    assert [(b.kind, b.level, b.text) for b in a.blocks] == [
        ("li", 0, "Close the road"),
        ("li", 1, "from Monday and Tuesday"),
        ("li", 0, "Buses take the bridge."),
        ("li", 0, "Reopen it"),
        ("quote", 0, "as promised"),
    ]


def test_fenced_code_and_setext_headings(tmp_path: Path) -> None:
    a = _load(tmp_path, "Tide tables\n===========\n\nIntro.\n\nDetails\n-------\n\n~~~python\nx = 1\n\ny = 2\n~~~\n")
    assert a.title == "Tide tables"
    assert [(b.kind, b.level, b.text) for b in a.blocks] == [
        ("p", 0, "Intro."),
        ("h", 2, "Details"),
        ("pre", 0, "x = 1\n\ny = 2"),
    ]


def test_lists_nested_deeper_than_the_parsers_first_limit_keep_every_item(tmp_path: Path) -> None:
    items = "".join("  " * depth + f"- item at depth {depth}\n" for depth in range(14))
    a = _load(tmp_path, "# Outline\n\n" + items)
    assert [(b.kind, b.level, b.text) for b in a.blocks] == [("li", d, f"item at depth {d}") for d in range(14)]


def test_inline_html_tags_go_breaks_part_words_and_inline_scripts_are_not_text(tmp_path: Path) -> None:
    a = _load(
        tmp_path,
        "# Inline HTML\n\nFirst line<br>second line with <span class=\"x\">a span</span> and "
        "<script>alert('no')</script>the end.\n",
    )
    assert a.text == "First line second line with a span and the end."


def test_windows_line_endings_and_a_byte_order_mark(tmp_path: Path) -> None:
    f = tmp_path / "story.md"
    f.write_bytes(
        b"\xef\xbb\xbf---\r\ntitle: Tides\r\ndescription: >\r\n  High water\r\n  at noon.\r\n---\r\n\r\n"
        b"| Port | Time |\r\n|---|---|\r\n| Ely | | \r\n\r\nThe end.\r\n"
    )
    [a] = load_file(f)
    assert (a.title, a.description) == ("Tides", "High water at noon.")
    assert a.paragraphs == ["Port | Time", "Ely |", "The end."]
