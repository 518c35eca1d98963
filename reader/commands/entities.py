"""`news-reader entities`: the named entities of an article file, or IOB2 tags for a CoNLL file."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import groupby
from pathlib import Path

from reader.core.entities.conll import DOCSTART

NAME = "entities"
HELP = "list the people, places, organisations, dates... of an article (or tag a CoNLL file)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("article", nargs="?", metavar="ARTICLE",
                        help="article file (any format the reader imports; '-' reads plain text from stdin)")
    parser.add_argument("--json", action="store_true", help="print a JSON list of {start, end, type, text}")
    parser.add_argument("--conll", metavar="IN.txt",
                        help="tag a CoNLL file (first column = token) and print 'token<TAB>tag' lines in IOB2")


def run(args: argparse.Namespace) -> int:
    if args.conll:
        try:
            with open(args.conll, encoding="utf-8") as fh:
                lines = fh.read().splitlines()
        except OSError as exc:
            print(f"news-reader entities: cannot read {args.conll}: {exc.strerror}", file=sys.stderr)
            return 1
        write = sys.stdout.write
        with _batch_gc():
            for block in tag_conll_blocks(lines):
                if block:  # one write per document, not one per line
                    write("\n".join(block) + "\n")
        return 0
    if not args.article:
        print("news-reader entities: give an ARTICLE file or --conll IN.txt", file=sys.stderr)
        return 2
    texts = _article_texts(args.article)
    if texts is None:
        return 1
    return _print_entities(texts, as_json=args.json)


@contextmanager
def _batch_gc() -> Iterator[None]:
    """Make the cyclic garbage collector nearly free for a batch run.

    Tagging makes hundreds of thousands of small lists and no reference cycles (refcounting frees
    them): over 180,000 tokens, collections every 35,000 new objects still took 2-3% of the run and
    found 58 objects. The loaded model is frozen out of the collector's sight and a collection waits
    for a million more live objects than the last one left, so cycles, if a change ever makes them,
    are still collected, with memory bounded. After the batch, what is alive (the word caches, the
    file's lines) is frozen too: the process ends, and the collections the interpreter runs at exit
    walked all of it (0.2 CPU s over 180,000 tokens). Refcounting still frees every object. The
    thresholds are put back for a caller that goes on (the tests run the command in their process).
    """
    import gc

    from reader.core.entities import load_model

    load_model()
    gc.freeze()
    thresholds = gc.get_threshold()
    gc.set_threshold(1_000_000, 50, 50)
    try:
        yield
    finally:
        gc.freeze()
        gc.set_threshold(*thresholds)


def tag_conll_blocks(lines: list[str]) -> Iterator[list[str]]:
    """The output lines of a CoNLL file, a document (or a -DOCSTART- line) at a time: blank and
    -DOCSTART- lines kept, tokens tagged per document."""
    from reader.core.entities import tag_sentences

    def tagged(doc_lines: list[str]) -> list[str]:
        # Each line split once: the first column is the token, a blank line ends a sentence.
        words = [ln.split(None, 1)[0] if ln and not ln.isspace() else "" for ln in doc_lines]
        sentences = [list(run) for is_word, run in groupby(words, bool) if is_word]
        tags = iter([t for tagged in tag_sentences(sentences) for t in tagged])
        return [w + "\t" + next(tags) if w else "" for w in words]

    doc: list[str] = []
    for line in lines:
        if line.startswith(DOCSTART) and line.split(None, 1)[0] == DOCSTART:
            yield tagged(doc) if doc else []
            doc = []
            yield [line]
        else:
            doc.append(line)
    yield tagged(doc) if doc else []


def _article_texts(arg: str) -> list[tuple[str, str]] | None:
    """The body texts of the articles in the file (one for most files) with their languages, or None
    after an error."""
    if arg == "-":
        from reader.core.extract.language import guess_language

        text = sys.stdin.read()
        return [(text, guess_language(text))]
    path = Path(arg)
    if not path.is_file():
        print(f"news-reader entities: no such file: {arg}", file=sys.stderr)
        return None
    from reader.core.errors import ImportProblem
    from reader.core.formats import load_file

    try:
        return [(a.text, a.language) for a in load_file(path)]
    except ImportProblem as exc:
        print(f"news-reader entities: {exc}", file=sys.stderr)
        return None


def _print_entities(texts: list[tuple[str, str]], *, as_json: bool) -> int:
    from reader.core.entities import tag

    rows = []
    for n, (text, language) in enumerate(texts):
        for sp in tag(text, language):
            row: dict[str, object] = {"start": sp.start, "end": sp.end, "type": sp.type, "text": sp.text}
            if len(texts) > 1:
                row["article"] = n
            rows.append(row)
    if as_json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for row in rows:
            prefix = f"{row['article']}\t" if "article" in row else ""
            print(f"{prefix}{row['start']}\t{row['end']}\t{row['type']}\t{row['text']}")
    return 0
