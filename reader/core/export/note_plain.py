"""A Markdown note as plain text, for places that show it in one line or a list (the highlights list).

The note is parsed by the same CommonMark parser as the exports (`note_markdown`), raw HTML off, and only
its words are kept: `**bold**` becomes "bold", a link shows its text, a list item starts with "• ",
blocks are separated by a line break. Nothing is interpreted as markup in the result.
"""

from __future__ import annotations

from markdown_it.token import Token

from reader.core.export.note_markdown import _parser

BULLET = "• "


def note_plain_text(markdown: str) -> str:
    """The note's words without Markdown markup; paragraphs, items and headings on lines of their own."""
    lines: list[str] = []
    prefix = ""
    ordered: list[int | None] = []  # the next number of each open list (None: a bullet list)
    for token in _parser().parse(markdown.strip()):
        if token.type == "bullet_list_open":
            ordered.append(None)
        elif token.type == "ordered_list_open":
            ordered.append(int(token.attrGet("start") or 1))
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            ordered.pop()
        elif token.type == "list_item_open":
            number = ordered[-1] if ordered else None
            prefix = "  " * (len(ordered) - 1) + (BULLET if number is None else f"{number}. ")
            if number is not None:
                ordered[-1] = number + 1
        elif token.type == "inline":
            lines.append(prefix + _inline_text(token.children or []))
            prefix = ""
        elif token.type in ("fence", "code_block"):
            lines.append(prefix + token.content.rstrip("\n"))
            prefix = ""
    return "\n".join(line for line in lines if line.strip())


def _inline_text(children: list[Token]) -> str:
    out: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline", "html_inline"):
            out.append(child.content)
        elif child.type == "softbreak":
            out.append(" ")
        elif child.type == "hardbreak":
            out.append("\n")
        elif child.type == "image":
            out.append(f"[{child.content or 'image'}]")
    return "".join(out)
