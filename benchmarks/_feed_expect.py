"""A small, safe reader of feedparser's `Expect:` lines, judged against what our articles show.

The expressions are parsed with `ast` and walked by hand: only comparisons of `entries[i][...]`
with literals (strings, numbers, None, `+` of strings, lists), `and`, `not` and `ord()` are known.
Nothing is evaluated by Python itself, so a test file cannot run code here.

feedparser's expected values are its own output: HTML when its `*_detail` type says so. A reader
shows HTML as text, so an expected HTML value is turned into the text a browser would show
(tags dropped, entities decoded, white space collapsed) before it is compared; a plain-text value
is compared as it is (white space collapsed).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

KINDS = ("link", "title", "content", "summary", "nothing")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li "
    "main nav ol p pre section table td th tr ul".split()
)


class Unsupported(Exception):
    """An expression this reader does not understand (left out of the counts)."""


class _TextOf(HTMLParser):
    """The text an HTML fragment shows: data only, scripts and styles dropped, blocks spaced."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._hidden += 1
        elif tag in _BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def shown(value: str, content_type: str) -> str:
    """`value` as a reader shows it, given feedparser's type for it."""
    if content_type in _HTML_TYPES:
        parser = _TextOf()
        parser.feed(value)
        parser.close()
        value = "".join(parser.parts)
    return " ".join(value.split())


@dataclass(frozen=True)
class Path_:
    """A subscript chain like entries[0]['content'][0]['value'], as its keys."""

    keys: tuple[str | int, ...]

    @property
    def kind(self) -> str:
        """link, title, content or summary; "" for anything else (not judged here)."""
        if len(self.keys) < 3 or self.keys[0] != "entries" or not isinstance(self.keys[1], int):
            return ""
        key = self.keys[2]
        if key in ("link", "title") and len(self.keys) == 3:
            return str(key)
        if key in ("summary", "description") and len(self.keys) == 3:
            return "summary"
        if key == "content" and len(self.keys) == 5 and self.keys[4] == "value":
            return "content"
        return ""


@dataclass
class Check:
    """One judged clause: its kind and whether our articles show what feedparser expects."""

    kind: str
    right: bool
    text: str


Ours = Callable[[Path_], Sequence[str] | None]  # what our articles show at a path (None: no such entry)
TypeOf = Callable[[Path_], str]  # feedparser's content type at a path


def checks(expression: str, ours: Ours, type_of: TypeOf) -> list[Check]:
    """The clauses of an Expect expression that check an entry's link, title or content, judged."""
    try:
        tree = ast.parse(expression.strip(), mode="eval").body
    except SyntaxError:
        return []
    clauses = tree.values if isinstance(tree, ast.BoolOp) and isinstance(tree.op, ast.And) else [tree]
    out = []
    for clause in clauses:
        paths = [p for p in (_path(n) for n in ast.walk(clause)) if p is not None and p.kind]
        if not paths:
            continue
        try:
            right, nothing = _judge(clause, ours, type_of)
        except Unsupported:
            continue
        out.append(Check("nothing" if nothing else paths[0].kind, right, ast.unparse(clause)))
    return out


def _path(node: ast.AST) -> Path_ | None:
    keys: list[str | int] = []
    while isinstance(node, ast.Subscript):
        index = node.slice
        if not isinstance(index, ast.Constant) or not isinstance(index.value, (str, int)):
            return None
        keys.append(index.value)
        node = node.value
    if not keys or not isinstance(node, ast.Name):
        return None
    return Path_((node.id, *reversed(keys)))


def _judge(clause: ast.AST, ours: Ours, type_of: TypeOf) -> tuple[bool, bool]:
    """(right, whether feedparser expects nothing shown there).

    An entry whose expected value shows nothing (`<abbr></abbr>`, an image alone) may be left out
    of our list; such checks are right when we list nothing for it, or show nothing.
    """
    if isinstance(clause, ast.UnaryOp) and isinstance(clause.op, ast.Not):
        right, nothing = _judge(clause.operand, ours, type_of)
        return not right, nothing
    if not isinstance(clause, ast.Compare) or not all(isinstance(op, ast.Eq) for op in clause.ops):
        raise Unsupported(ast.unparse(clause))
    operands = [clause.left, *clause.comparators]
    paths = [p for p in (_operand_path(n) for n in operands) if p is not None]
    if not paths:
        raise Unsupported(ast.unparse(clause))
    content_type = type_of(paths[0])
    literals = [_value(n, ours, content_type) for n in operands if _operand_path(n) is None]
    nothing = bool(literals) and all(v == frozenset({""}) for v in literals)
    if nothing and all(ours(p) is None for p in paths):
        return True, True
    values = [_value(n, ours, content_type) for n in operands]
    return all(_equal(a, b) for a, b in zip(values, values[1:], strict=False)), nothing


def _operand_path(node: ast.AST) -> Path_ | None:
    if isinstance(node, ast.Call) and len(node.args) == 1:
        return _operand_path(node.args[0])
    path = _path(node)
    return path if path is not None and path.kind else None


def _equal(a: frozenset[Any], b: frozenset[Any]) -> bool:
    return bool(a & b)


def _value(node: ast.AST, ours: Ours, content_type: str) -> frozenset[Any]:
    """The values an operand may show (ours: title, body or description), as a set to intersect."""
    path = _path(node)
    if path is not None:
        got = ours(path)
        return frozenset(" ".join(v.split()) for v in got) if got is not None else frozenset()
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "ord":
        inner = _value(node.args[0], ours, content_type)
        return frozenset(ord(v) for v in inner if isinstance(v, str) and len(v) == 1)
    literal = _literal(node)
    if literal is None:
        return frozenset({""})  # feedparser's None: nothing to show
    if isinstance(literal, str):
        return frozenset({shown(literal, content_type)})
    if isinstance(literal, (int, float)):
        return frozenset({literal})
    raise Unsupported(ast.unparse(node))


def _literal(node: ast.AST) -> object:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left), _literal(node.right)
        if isinstance(left, str) and isinstance(right, str):
            return left + right
    raise Unsupported(ast.unparse(node))
