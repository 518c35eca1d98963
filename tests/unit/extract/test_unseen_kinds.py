"""Pages we write in the shapes extraction failed on outside the benchmark set (issue 13).

Each page is small and made up; each test asserts the exact blocks a reader would get.
"""

from __future__ import annotations

from reader.core.extract import extract_html

P1 = ("The harbour board of Eastmere voted on Tuesday to keep the old ferry pier open for another "
      "three winters, after fishermen and shop owners asked for more time to find a new landing.")
P2 = ("Repairs to the timber piles will cost about two hundred thousand pounds, the board said, and "
      "will be paid from the fund that was set aside when the lighthouse was sold to a trust.")
P3 = ("Several members warned that the pier could not be patched for ever, and asked engineers to "
      "report by the spring on whether a concrete deck would last longer than another round of timber.")
P4 = ("The chair, Ruth Okafor, said the vote gave the town a breathing space rather than an answer, "
      "and promised a public meeting in the town hall before any decision on a new landing is made.")
NAV = "".join(f'<li><a href="/section/{i}">Section name number {i}</a></li>' for i in range(40))
FOOTER = "".join(f'<li><a href="/about/{i}">About page link {i} of the footer menu</a></li>' for i in range(40))


def _texts(html: str) -> list[str]:
    page = extract_html(html)
    assert page is not None
    return [b.text for b in page.blocks]


def _blocks(html: str) -> list[tuple[str, str]]:
    page = extract_html(html)
    assert page is not None
    return [(b.kind, b.text) for b in page.blocks]


def test_a_lone_short_article_in_a_box_named_after_its_sidebar_is_found() -> None:
    # About 150 words, in a layout box whose class mentions the sidebar it sits beside, on a page whose
    # menus hold far more words than the article.
    html = (
        f"<html><body><nav><ul>{NAV}</ul></nav>"
        f"<div class='layout-with-sidebar'><div class='story'><h1>Pier stays open</h1>"
        f"<p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P4}</p></div></div>"
        f"<footer><ul>{FOOTER}</ul></footer></body></html>"
    )
    assert _texts(html) == [P1, P2, P3, P4]


def _item(n: int, name: str, prose: str) -> str:
    return (f"<div class='item'><h2>{n}. <a href='https://shop.example.com/{n}'>{name}</a></h2>"
            f"<p>{prose}</p></div>")


def test_a_numbered_list_article_keeps_every_item() -> None:
    items = [("A lantern for the pier", P1), ("A new coat of paint", P2), ("A concrete deck", P3),
             ("A public meeting", P4)]
    body = "".join(_item(i + 1, name, prose) for i, (name, prose) in enumerate(items))
    html = (f"<html><body><h1>Four things the pier needs</h1><p>{P1} Intro.</p>"
            f"<div class='list'>{body}</div></body></html>")
    assert _texts(html) == [
        f"{P1} Intro.",
        "1. A lantern for the pier", P1, "2. A new coat of paint", P2, "3. A concrete deck", P3,
        "4. A public meeting", P4,
    ]


def test_a_short_article_beats_a_tall_sidebar_of_teasers() -> None:
    teaser = ("<li><a href='/story/{i}'>Another headline about the town council, number {i}</a>"
              "<p>A short summary of that other story that reads like a sentence, written to fill space {i}.</p></li>")
    sidebar = "<ul class='rail'>" + "".join(teaser.format(i=i) for i in range(12)) + "</ul>"
    html = (f"<html><body><div class='wrap'><div class='col'><h1>Pier stays open</h1><p>{P1}</p><p>{P2}</p></div>"
            f"<div class='col2'>{sidebar}</div></div></body></html>")
    assert _texts(html) == [P1, P2]


def test_player_ad_labels_and_teaser_blocks_after_the_end_are_dropped() -> None:
    html = (
        "<html><body><article><h1>Pier stays open</h1>"
        "<div><p>Your video will play in 00:25</p><p>Skip ad</p><h3>JUST WATCHED</h3><p>Now playing</p></div>"
        f"<p>{P1}</p><p>Powered by Adnetwork</p><p>Advertisement</p><p>{P2}</p><p>Sponsored links</p><p>{P3}</p>"
        "<h3>Other opinion columns</h3>"
        f"<p>{P4} Another writer's column.</p><p>{P2} A third column.</p>"
        "</article></body></html>"
    )
    assert _texts(html) == [P1, P2, P3]


def test_more_from_and_related_headings_end_the_article() -> None:
    for heading in ("More from Eastmere Gazette", "Related", "You may also like"):
        html = (f"<html><body><article><p>{P1}</p><p>{P2}</p><p>{P3}</p><h2>{heading}</h2>"
                f"<p>{P4} Teaser.</p></article></body></html>")
        assert _texts(html) == [P1, P2, P3], heading


def test_infobox_label_value_pairs_are_table_rows_not_paragraphs() -> None:
    box = ("<div class='facts'>"
           "<div><span>Built</span><span>1887</span></div>"
           "<div><span>Length</span><span>240 metres</span></div>"
           "<div><span>Owner</span><span>Eastmere Harbour Board</span></div></div>")
    dl = "<dl><dt>Opened</dt><dd>1888</dd><dt>Rebuilt</dt><dd>1952</dd><dt>Listed</dt><dd>Grade II</dd></dl>"
    html = f"<html><body><article><p>{P1}</p>{box}<p>{P2}</p>{dl}<p>{P3}</p></article></body></html>"
    assert _blocks(html) == [
        ("p", P1), ("table", "Built | 1887"), ("table", "Length | 240 metres"),
        ("table", "Owner | Eastmere Harbour Board"), ("p", P2), ("table", "Opened | 1888"),
        ("table", "Rebuilt | 1952"), ("table", "Listed | Grade II"), ("p", P3),
    ]


def test_a_caption_and_its_credit_are_not_glued() -> None:
    html = (f"<html><body><article><p>{P1}</p><figure><img src='pier.jpg'>"
            "<figcaption>Fishermen mend nets beside the pier on Thursday.<span class='credit'>Dana Lee / Eastmere "
            f"Gazette</span></figcaption></figure><p>{P2}</p></article></body></html>")
    assert _blocks(html) == [
        ("p", P1),
        ("caption", "Fishermen mend nets beside the pier on Thursday. Dana Lee / Eastmere Gazette"),
        ("p", P2),
    ]


def test_code_blocks_keep_their_lines() -> None:
    html = (
        f"<html><body><article><p>{P1}</p>"
        "<pre><code>def depth(pile):<br>    return pile.length - 2</code></pre>"
        "<pre><div class='line'>x = 1</div><div class='line'>y = x + 1</div></pre>"
        "<pre>a = [\n    1,\n]</pre>"
        f"<p>{P2}</p></article></body></html>"
    )
    assert _blocks(html) == [
        ("p", P1), ("pre", "def depth(pile):\n    return pile.length - 2"), ("pre", "x = 1\ny = x + 1"),
        ("pre", "a = [\n    1,\n]"), ("p", P2),
    ]


def test_heading_permalink_anchors_are_not_heading_text() -> None:
    marks = ["#", "¶", "🔗", ""]
    heads = "".join(
        f"<h2 id='s{i}'>Section {i} <a class='anchor' href='#s{i}'>{m}</a></h2><p>{p}</p>"
        for i, (m, p) in enumerate(zip(marks, (P1, P2, P3, P4), strict=True))
    )
    html = f"<html><body><article>{heads}</article></body></html>"
    assert _texts(html) == ["Section 0", P1, "Section 1", P2, "Section 2", P3, "Section 3", P4]


def test_links_drawn_as_buttons_and_paragraphs_that_are_one_link_are_dropped() -> None:
    promo = ("Get the Eastmere Gazette delivered to your door every morning for half the price of a coffee, with "
             "the crossword, the tide tables and the weekend magazine included at no extra cost to you")
    html = (
        f"<html><body><article><p>{P1}</p><p>{P2}</p><p>{P3}</p>"
        "<div>Have your say.<a href='javascript:openForm()'>Give us your view on this.</a></div>"
        f"<p><a href='https://shop.example.com/subscribe'>{promo}</a></p></article></body></html>"
    )
    assert _texts(html) == [P1, P2, P3]


def test_a_line_repeating_an_images_description_is_its_caption() -> None:
    html = (f"<html><body><article><p>{P1}</p><div><img src='p.jpg' alt='Fishermen on the old pier at dawn'><br>"
            f"<span class='small'>Fishermen on the old pier at dawn</span></div><p>{P2}</p></article></body></html>")
    assert _blocks(html) == [("p", P1), ("caption", "Fishermen on the old pier at dawn"), ("p", P2)]


def test_related_labels_and_wire_contributor_credits_are_not_text() -> None:
    html = (f"<html><body><article><p>{P1}</p><p>{P2}</p><div><h4>Related news</h4></div><p>{P3}</p>"
            "<p>Reporting by Ann Lee; additional reporting by Sam Hill; Editing by Jo Park</p>"
            "<p>(Additional reporting by Ruth Okafor)</p></article></body></html>")
    assert _texts(html) == [P1, P2, P3]


def test_a_short_article_about_copyright_keeps_its_sentences() -> None:
    lines = ["The court ruled on Monday that the copyright on the harbour song had expired.",
             "Its writer's family had claimed the copyright for another ten years.",
             "Copyright 2024 Eastmere Gazette"]
    html = "<html><body><article>" + "".join(f"<p>{x}</p>" for x in lines) + f"<p>{P1}</p></article></body></html>"
    assert _texts(html) == [lines[0], lines[1], P1]
