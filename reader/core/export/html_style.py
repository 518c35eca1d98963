"""Colours and the inline style sheet of HTML exports: light pastels with dark text, legible on paper too.

The same markup is drawn by browsers and by Qt's QTextDocument (for PDF), so the rules rely on simple class
selectors Qt understands; layout extras (notes beside their passage, print rules) are ignored by Qt.
"""

from __future__ import annotations

from reader.core.annotation import HIGHLIGHT_COLORS
from reader.core.styles import HIGHLIGHT_STYLES, entity_style

# colour name -> (background of the mark, accent for underlines and note edges), as on the light page
HIGHLIGHT_PALETTE: dict[str, tuple[str, str]] = {name: (st.light, st.accent) for name, st in HIGHLIGHT_STYLES.items()}
NOTE_BACKGROUND: dict[str, str] = {name: st.note for name, st in HIGHLIGHT_STYLES.items()}
TEXT_COLOR = "#1b1b1b"


def color_name(color: str) -> str:
    """A known highlight colour name, yellow for anything unknown (so old or foreign data still shows)."""
    return color if color in HIGHLIGHT_PALETTE else "yellow"


def entity_class(entity_type: str) -> str:
    key = "".join(ch for ch in entity_type.lower() if ch.isalnum()) or "other"
    return f"ent-{key}"


def _highlight_rules() -> list[str]:
    rules = []
    for name in HIGHLIGHT_COLORS:
        bg, accent = HIGHLIGHT_PALETTE[name]
        rules.append(f".hl-{name} {{ background-color: {bg}; color: {TEXT_COLOR}; }}")
        rules.append(f".note-{name} {{ background-color: {NOTE_BACKGROUND[name]}; border-left-color: {accent}; }}")
    return rules


def _print_highlight_rules() -> str:
    # On paper a highlight is also underlined in a darker shade, for printers that drop backgrounds.
    rules = [f"  mark.hl.hl-{c} {{ border-bottom-color: {HIGHLIGHT_PALETTE[c][1]}; }}" for c in HIGHLIGHT_COLORS]
    return "@media print {\n" + "\n".join(rules) + "\n}\n"


def _entity_rules(types: list[str]) -> list[str]:
    rules = []
    for t in types:
        color = entity_style(t).light
        rules.append(f".{entity_class(t)} {{ text-decoration: underline; text-decoration-color: {color}; }}")
        rules.append(f".key-{entity_class(t)} {{ color: {color}; font-weight: bold; }}")
    return rules


BASE_CSS = """
:root { color-scheme: light; }
body { font-family: Georgia, "Times New Roman", serif; font-size: 17px; line-height: 1.55; color: #1b1b1b;
       background: #ffffff; margin: 0 auto; padding: 2em 1.2em; max-width: 62em; }
h1, h2, h3, h4, h5, h6 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.25; }
h1.title { font-size: 32px; margin-bottom: 0.2em; }  /* px: Qt honours px on headings (see export_pdf) */
h2 { font-size: 23px; } h3 { font-size: 20px; } h4, h5, h6 { font-size: 18px; }
.meta { color: #555555; font-size: 0.9em; margin: 0.2em 0; }
.meta a { color: #2a5b8f; }
.tag { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 0.8em; color: #444444;
       background-color: #eeeeee; padding: 0.1em 0.5em; border-radius: 0.8em; }
.body { margin-top: 1.5em; }
/* A link keeps the text's colour: coloured text is an entity here (people are blue and underlined). */
.body a { color: #1b1b1b; text-decoration: underline; text-decoration-color: #2a5b8f; }
.passage { margin: 0; }
.notes { margin: 0.2em 0 1em 1.2em; }
mark.hl { padding: 0.05em 0; border-radius: 0.15em; border-bottom: 2px solid transparent; }
sup.ref { font-family: Arial, sans-serif; font-size: 0.7em; font-weight: bold; }
sup.ref a { color: #333333; text-decoration: none; }
.hl-note { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 0.85em; line-height: 1.4; color: #222222;
           border-left: 4px solid #999999; padding: 0.4em 0.7em; margin: 0.3em 0; }
.note-label { font-weight: bold; color: #333333; }
.quote-cite { color: #555555; font-style: italic; }
blockquote { margin-left: 1.2em; padding-left: 0.8em; border-left: 3px solid #cccccc; color: #333333; }
pre { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 0.85em; background-color: #f5f5f5;
      padding: 0.6em; white-space: pre-wrap; }
.caption { font-style: italic; color: #555555; }
.article-note, .unplaced, .entities { margin-top: 2em; }
.article-note .text { background-color: #f6f6f6; padding: 0.6em 0.9em; }
.toc { margin-bottom: 2em; }
.footer { color: #777777; font-size: 0.8em; margin-top: 3em; }
"""

# Media queries come last: Qt's rich text CSS parser drops every rule after a query with a feature such as
# (min-width: ...), and the PDF is drawn by Qt from this same style sheet.
MEDIA_CSS = """
@media (min-width: 70em) {
  .passage.with-notes { display: grid; grid-template-columns: minmax(0, 1fr) 17em; column-gap: 2em; }
  .passage.with-notes > .notes { margin: 0.9em 0 0 0; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  mark.hl, .hl-note, .tag, pre, .article-note .text { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  mark.hl { border-bottom-style: solid; border-bottom-width: 1.5pt; }
  .passage.with-notes { display: block; }
  .hl-note, blockquote, pre, .passage { break-inside: avoid; }
  .article + .article { break-before: page; }
  .meta a { color: #1b1b1b; text-decoration: none; }
  .toc { display: none; }
}
"""


# The PDF is drawn by Qt, which knows neither @media print nor font sizes in em: these rules, in points, come
# after the base rules and replace their screen sizes. Qt lays the PDF out at the writer's resolution, where a
# CSS pixel is a device pixel (1/1200 inch), so nothing here may be sized in px.
PDF_CSS = """
body { font-size: 11pt; background: #ffffff; }
p, li { line-height: 135%; }
h1.title { font-size: 20pt; margin-bottom: 4pt; }
h1 { font-size: 20pt; } h2 { font-size: 15pt; } h3 { font-size: 13pt; } h4, h5, h6 { font-size: 12pt; }
.meta { font-size: 9.5pt; margin: 2pt 0; }
.tag { font-size: 8.5pt; }
.body { margin-top: 12pt; }
.notes { margin: 2pt 0 8pt 14pt; }
sup.ref { font-size: 10.5pt; font-weight: bold; }  /* Qt draws superscripts at about two thirds */
.hl-note { font-size: 9.5pt; padding: 4pt 6pt; margin: 2pt 0; }
.hl-note p { line-height: 125%; margin: 0 0 3pt 0; }
.note-label { font-size: 9.5pt; }
blockquote { margin-left: 14pt; }
pre { font-size: 9pt; padding: 5pt; }
.article-note, .unplaced, .entities { margin-top: 16pt; }
.article-note .text { padding: 5pt 8pt; }
.footer { font-size: 8pt; margin-top: 24pt; }
"""


def style_sheet(entity_types: list[str], *, for_pdf: bool = False) -> str:
    """The complete inline style sheet, with rules for the given entity types (for Qt's PDF: sizes in points)."""
    rules = "\n".join(_highlight_rules() + _entity_rules(entity_types))
    if for_pdf:
        return BASE_CSS + rules + "\n" + PDF_CSS
    return BASE_CSS + rules + "\n" + MEDIA_CSS + _print_highlight_rules()
