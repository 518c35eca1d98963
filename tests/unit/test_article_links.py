"""Link spans survive the white-space cleaning every loader's blocks go through."""

from reader.core.article import Block, Link, clean_block, make_article


def _shown(block: Block) -> list[tuple[str, str]]:
    return [(block.text[k.start : k.end], k.href) for k in block.links]


def test_links_follow_collapsed_white_space() -> None:
    raw = Block("  Hello   <big>  world\n of  links  ", links=(Link(10, 21, "a"), Link(2, 7, "b"), Link(26, 33, "c")))
    cleaned = clean_block(raw)
    assert cleaned.text == "Hello <big> world of links"
    assert _shown(cleaned) == [("<big> worl", "a"), ("Hello", "b"), ("links", "c")]


def test_a_link_over_white_space_only_is_dropped() -> None:
    assert clean_block(Block("a    b", links=(Link(1, 5, "x"),))).links == ()


def test_preformatted_links_keep_their_text() -> None:
    cleaned = clean_block(Block("\n\nrun  it\n", "pre", links=(Link(2, 5, "x"),)))
    assert _shown(cleaned) == [("run", "x")]


def test_article_links_are_offsets_into_the_whole_text() -> None:
    art = make_article(title="T", blocks=[Block("First para."), Block("See  the report.", links=(Link(5, 15, "https://e.org/r"),))])
    assert [(art.text[k.start : k.end], k.href) for k in art.links] == [("the report", "https://e.org/r")]
