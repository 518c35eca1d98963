"""Markdown loading speed: the CommonMark reader against the plain-text loader on the same bytes.

    .venv/bin/python benchmarks/markdown.py

The bundled Markdown samples (resources/samples/*.md, about 4 KB each) are read one by one, then
joined into longer documents (x10, x100). "markdown" is `load_markdown` (markdown-it-py, front
matter, blocks, links, language guess); "parse only" is markdown-it-py's token stream alone; the
reference is `load_text` on the same bytes, measured in the same run. The last rows are hostile
inputs (a line of brackets, a long table) to show where the cost grows. No outside data is needed.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.core.formats.markdown import load_markdown  # noqa: E402
from reader.core.formats.markdown_blocks import _tokens  # noqa: E402
from reader.core.formats.text import load_text  # noqa: E402

REPEATS = 5


def _best_ms(call: Callable[[], object]) -> float:
    """The fastest of a few runs, in milliseconds (the least disturbed by other work on the machine)."""
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def _inputs() -> list[tuple[str, bytes]]:
    samples = sorted((REPO / "resources" / "samples").glob("*.md"))
    bodies = [p.read_bytes() for p in samples]
    joined = b"\n\n".join(b.split(b"\n---\n", 1)[-1] for b in bodies)  # bodies without their front matter
    rows = [(p.name[:40], b) for p, b in zip(samples, bodies, strict=True)]
    rows.append(("samples joined x10", bodies[0] + b"\n\n" + joined * 10))
    rows.append(("samples joined x100", bodies[0] + b"\n\n" + joined * 100))
    rows.append(("hostile: 5,000 '['", b"# Brackets\n\n" + b"[" * 5000 + b"\n"))
    rows.append(("hostile: 5,000 table rows", b"# Table\n\n| a | b |\n|---|---|\n" + b"| x | y |\n" * 5000))
    return rows


def main() -> None:
    """Print one row per input: size, times, and markdown's cost over the plain-text reference."""
    print(f"{'input':<42}{'KB':>8}{'markdown ms':>13}{'parse only':>12}{'text ms (ref)':>15}{'x ref':>7}")
    for name, data in _inputs():
        path = Path(name)
        text = data.decode("utf-8")
        md = _best_ms(partial(load_markdown, data, path))
        parse = _best_ms(partial(_tokens, text))
        ref = _best_ms(partial(load_text, data, path))
        print(f"{name:<42}{len(data) / 1024:>8.1f}{md:>13.1f}{parse:>12.1f}{ref:>15.1f}{md / ref:>7.1f}")


if __name__ == "__main__":
    main()
