"""Main-content extraction and metadata for HTML pages (Qt-free, never fetches anything).

`extract_html(html, url=)` and `html_fragment_blocks(html)` (in `page.py`) are given on first use
(PEP 562): importing a light submodule such as `extract.language` or `extract.dates` must not load
lxml and the whole extraction chain, which the window needs only when it reads an HTML file.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.core.extract.page import ExtractedPage, extract_html, html_fragment_blocks, to_blocks

_PAGE_NAMES = frozenset({"ExtractedPage", "extract_html", "html_fragment_blocks", "to_blocks"})


def __getattr__(name: str) -> Any:
    """The page extraction's names, imported when first asked for."""
    if name in _PAGE_NAMES:
        from reader.core.extract import page

        return getattr(page, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["ExtractedPage", "extract_html", "html_fragment_blocks", "to_blocks"]
