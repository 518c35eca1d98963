"""`news-reader --self-test`: prove an installed (or frozen) app works, offscreen, in a throwaway profile.

It opens the bundled sample library in the real window, tags entities, shows an article with its
entity marks and a highlight, and writes an export of every format through the code the window's
Export command uses. Each step that fails is named; the exit code is 0 only when all passed.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import zlib
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TextIO

FORMATS = ("md", "html", "txt", "json", "pdf")
BODY_POINTS = 11.0  # the PDF style sheet's body size (reader.ui.export_pdf)


class SelfTestFailure(Exception):
    """One step of the self-test did not give what a user would get."""


def run_self_test(out: TextIO | None = None) -> int:
    """Run every step; print one line per step and return 0 when all passed, 1 otherwise."""
    stream = out or sys.stdout
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any QApplication: no display is needed or touched
    with tempfile.TemporaryDirectory(prefix="news-reader-self-test-") as tmp:
        try:
            failures = _run(Path(tmp), lambda line: print(line, file=stream, flush=True))
        except Exception as exc:  # noqa: BLE001 - any crash is a failed self-test, said in words
            failures = [f"the self-test stopped: {type(exc).__name__}: {exc}"]
    if failures:
        print(f"self-test FAILED ({len(failures)}): " + "; ".join(failures), file=stream, flush=True)
        return 1
    print("self-test passed", file=stream, flush=True)
    return 0


def _run(tmp: Path, say: Callable[[str], None]) -> list[str]:
    from PySide6.QtWidgets import QApplication

    from reader.paths import resolve_paths
    from reader.settings import Settings
    from reader.ui.main_window import MainWindow
    from reader.ui.workers import tag_library

    failures: list[str] = []
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    paths = resolve_paths(tmp / "profile").ensure()
    window = MainWindow(paths, Settings(paths.settings_file))
    try:
        window.resize(1000, 700)
        window.show()
        window.rescan(wait=True)
        count = window.library.count()
        if count == 0:
            return ["the sample library is empty (resources/samples missing from the bundle?)"]
        say(f"ok   sample library: {count} articles")
        _step(failures, say, "language identified", _language)
        _step(failures, say, "time zone database", _time_zones)
        tagged = tag_library(window.library, lambda: False)
        article_id = next((i for i in window.model.ids if window.library.entity_spans(i)), None)
        if article_id is None:
            return [f"no article got entities (tagged {tagged}; is resources/models/ner-model.bin bundled?)"]
        window.select_article(article_id)
        app.processEvents()
        article = window.library.article(article_id)
        if window.current_id != article_id or article is None:
            return [f"the article {article_id} was not shown"]
        _step(failures, say, "entities drawn in the reading pane", lambda: _marks(window, "entities"))
        start, end = _first_word(article.text)
        window.operations.run(lambda: window.session.add_highlight(article_id, article.text, start, end))
        app.processEvents()
        _step(failures, say, "highlight drawn in the reading pane", lambda: _marks(window, "highlights"))
        quote = article.text[start:end]
        for fmt in FORMATS:
            _step(failures, say, f"export {fmt}", partial(_export, window, article_id, fmt, tmp / "out", quote))
        _step(failures, say, "import in a worker process", partial(_pool_import, tmp))
    finally:
        window.close()
    return failures


def _step(failures: list[str], say: Callable[[str], None], name: str, check: Callable[[], str]) -> None:
    try:
        detail = check()
    except SelfTestFailure as exc:
        failures.append(f"{name}: {exc}")
        say(f"FAIL {name}: {exc}")
        return
    say(f"ok   {name}" + (f" ({detail})" if detail else ""))


# Written for the self-test: Swedish, which the old guesser could not tell, in the identifier's model.
_SWEDISH = "Kommunen meddelade på tisdagen att den nya bron över älven öppnar för trafik först i höst."


def _language() -> str:
    """The language identifier and its model are in the bundle: a Swedish sentence reads as Swedish."""
    try:
        from reader.core.extract.language import guess_language
    except ImportError as exc:  # the identifier left out of the bundle
        raise SelfTestFailure(f"the language identifier is missing ({exc})") from exc
    got = guess_language(_SWEDISH)
    if got != "sv":
        raise SelfTestFailure(f"a Swedish sentence read as {got or 'no language'}")
    return "Swedish"


def _time_zones() -> str:
    """The zone database (tzdata) is in the bundle: a US Eastern time in July is four hours behind UTC."""
    from reader.core.extract.dates import normalise_date

    got = normalise_date("July 4, 2019 9:00 a.m. ET")
    if not got.endswith("-04:00"):
        raise SelfTestFailure(f"'9:00 a.m. ET' read as {got!r}: the time zone database is missing")
    return "ET in July is UTC-04:00"


def _pool_import(tmp: Path) -> str:
    """Two sample files read and tagged in a spawned worker: a frozen app needs freeze_support() for that."""
    from reader.core.library_sync import walk
    from reader.core.library_sync.importer import import_in_pool
    from reader.core.store.library import Library
    from reader.paths import resources_dir

    entries = [e for e in walk(str(resources_dir() / "samples")) if e.ok][:2]
    lib = Library(tmp / "pool-check.sqlite3")
    try:
        run = import_in_pool(lib, entries, workers=1, max_bytes=None, tag=True)
        tagged = sum(1 for i in lib.all_ids() if lib.entity_spans(i))
    finally:
        lib.close()
    if run.left or not tagged:
        raise SelfTestFailure("the import worker process did not start, or found no entities")
    return f"{len(entries)} files, {tagged} articles tagged in a worker"


def _marks(window: object, layer: str) -> str:
    marks = window.reading_pane.layer(layer)  # type: ignore[attr-defined]
    if not marks:
        raise SelfTestFailure(f"the '{layer}' layer of the reading pane is empty")
    return f"{len(marks)} marks"


def _first_word(text: str) -> tuple[int, int]:
    """The first word of five letters or more: a highlight every format must carry."""
    m = re.search(r"\w{5,}", text)
    if m is None:
        raise SelfTestFailure("the article has no word to highlight")
    return m.start(), m.end()


def _export(window: object, article_id: str, fmt: str, folder: Path, quote: str) -> str:
    from reader.core.errors import ReaderError
    from reader.core.export import ExportOptions, export_items
    from reader.core.export.collect import items_for_ids
    from reader.core.export.entity_source import CorrectedEntities
    from reader.ui.export_pdf import write_pdf

    w: object = window
    source = CorrectedEntities(w.library, w.session.prefs)  # type: ignore[attr-defined]
    items, _missing = items_for_ids(source, w.store, [article_id], with_entities=True)  # type: ignore[attr-defined]
    try:
        [path] = export_items(items, fmt=fmt, out=folder / fmt, options=ExportOptions(include_entities=True),
                              pdf_writer=write_pdf)  # fmt: skip
    except (ReaderError, OSError, ValueError) as exc:
        raise SelfTestFailure(f"could not be written: {exc}") from exc
    if fmt == "pdf":
        return check_pdf(path.read_bytes())
    text = path.read_text(encoding="utf-8")
    title = items[0].article.title
    if fmt == "json":
        _check_json(text, quote)
    elif quote not in text:
        raise SelfTestFailure(f"the highlighted word {quote!r} is missing from {path.name}")
    if fmt != "json" and title.split()[0] not in text:
        raise SelfTestFailure(f"the title {title!r} is missing from {path.name}")
    return f"{path.stat().st_size:,} bytes"


def _check_json(text: str, quote: str) -> None:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise SelfTestFailure(f"not valid JSON: {exc}") from exc
    if quote not in json.dumps(data, ensure_ascii=False):
        raise SelfTestFailure(f"no annotation quotes the highlighted word {quote!r}")


_STREAM = re.compile(rb"stream\r?\n")
_PAGE_SCALE = re.compile(rb"([-\d.]+) [-\d.]+ [-\d.]+ ([-\d.]+) [-\d.]+ [-\d.]+ cm")
_TEXT_RUN = re.compile(rb"BT\s+/\w+ ([-\d.]+) Tf [-\d.]+ [-\d.]+ [-\d.]+ ([-\d.]+) [-\d.]+ [-\d.]+ Tm(.*?)ET", re.S)


def check_pdf(data: bytes) -> str:
    """Page count and body font size of a PDF written by Qt, read without a PDF library."""
    if not data.startswith(b"%PDF-"):
        raise SelfTestFailure("not a PDF file")
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
    if pages < 1:
        raise SelfTestFailure("the PDF has no pages")
    sizes = pdf_font_sizes(data)
    if not sizes:
        raise SelfTestFailure("no text found in the PDF")
    body = max(set(sizes), key=sizes.count)
    if abs(body - BODY_POINTS) > 0.6:
        raise SelfTestFailure(f"the body text is {body:g} pt, not {BODY_POINTS:g} pt")
    return f"{pages} page(s), body {body:g} pt"


def pdf_font_sizes(data: bytes) -> list[float]:
    """The size in points of every glyph run Qt's PDF writer drew, one entry per `Tj`.

    Qt scales each page once (`s 0 0 -s x y cm`, device units to points) and sets every text
    object as `/F n size Tf 1 0 0 -1 0 0 Tm`, so a glyph's size is size x |Tm d| x |cm d|.
    """
    sizes: list[float] = []
    for m in _STREAM.finditer(data):
        end = data.find(b"endstream", m.end())
        try:
            stream = zlib.decompressobj().decompress(data[m.end(): end])
        except zlib.error:
            continue
        page = _PAGE_SCALE.search(stream)
        if page is None:
            continue
        scale = abs(float(page.group(2)))
        for run in _TEXT_RUN.finditer(stream):
            size = round(float(run.group(1)) * abs(float(run.group(2))) * scale, 1)
            sizes += [size] * run.group(3).count(b"Tj")
    return sizes
