"""Just enough PDF reading for tests: page count, text shown through ToUnicode maps, fill colours used.

Handles what Qt's QPdfWriter writes (Type0 fonts with Identity-H encoding, Flate streams); not a general reader.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

_OBJ = re.compile(rb"(\d+) 0 obj\s*(.*?)endobj", re.S)
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


@dataclass
class PdfInfo:
    """What the tests look at in a PDF file."""

    pages: int
    text: str
    fill_colors: list[tuple[float, float, float]]


def _objects(data: bytes) -> dict[int, tuple[bytes, bytes | None]]:
    out: dict[int, tuple[bytes, bytes | None]] = {}
    for m in _OBJ.finditer(data):
        body = m.group(2)
        stream = _STREAM.search(body)
        head = body[: stream.start()] if stream else body
        content = None
        if stream:
            content = stream.group(1)
            if b"/FlateDecode" in head:
                content = zlib.decompressobj().decompress(content)
        out[int(m.group(1))] = (head, content)
    return out


def _cmap(data: bytes) -> dict[int, str]:
    table: dict[int, str] = {}
    text = data.decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            table[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, rest in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)", block):
            lo_i, hi_i = int(lo, 16), int(hi, 16)
            if rest.startswith("["):
                for i, dst in enumerate(re.findall(r"<([0-9A-Fa-f]+)>", rest)):
                    table[lo_i + i] = bytes.fromhex(dst).decode("utf-16-be")
            else:
                first = int(rest[1:-1], 16)
                for i in range(hi_i - lo_i + 1):
                    table[lo_i + i] = chr(first + i)
    return table


def read_pdf(data: bytes) -> PdfInfo:
    objs = _objects(data)
    font_maps: dict[int, dict[int, str]] = {}
    for num, (head, _) in objs.items():
        m = re.search(rb"/ToUnicode (\d+) 0 R", head)
        if b"/Type /Font" in head and m:
            stream = objs[int(m.group(1))][1] or b""
            font_maps[num] = _cmap(stream)
    names: dict[str, int] = {}
    for head, _ in objs.values():
        for name, ref in re.findall(rb"/(F\d+) (\d+) 0 R", head):
            names[name.decode()] = int(ref)
    pages = sum(1 for head, _ in objs.values() if re.search(rb"/Type /Page\b(?!s)", head))
    texts: list[str] = []
    colors: list[tuple[float, float, float]] = []
    for _head, content in objs.values():
        if content is None or b"BT" not in content and b" scn" not in content:
            continue
        font: dict[int, str] = {}
        for line in content.decode("latin-1").splitlines():
            tf = re.match(r"/(F\d+) [\d.]+ Tf", line)
            if tf:
                font = font_maps.get(names.get(tf.group(1), -1), {})
            color = re.fullmatch(r"([\d.]+) ([\d.]+) ([\d.]+) scn", line.strip())
            if color:
                colors.append((float(color.group(1)), float(color.group(2)), float(color.group(3))))
            if line.endswith("Tj") or line.endswith("TJ"):
                for hexcode in _HEX.findall(line.encode("latin-1")):
                    for i in range(0, len(hexcode), 4):
                        texts.append(font.get(int(hexcode[i:i + 4], 16), "\ufffd"))
            elif line == "ET":
                texts.append(" ")
    return PdfInfo(pages, "".join(texts), colors)


def squeeze(text: str) -> str:
    """Text without white space: Qt places words one by one, so spaces are not in the stream."""
    return "".join(text.split())
