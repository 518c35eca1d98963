"""Where an import's CPU goes, per article and stage: the worker's path (read and extract, tokenise, the
tagger's features and decoding, the rules after it) and the writer's (`Library.store_batch`).

    python benchmarks/import_stages.py [--n 1000] [--text generated|conll|pages]

`generated` is `make_library.write_text_files` (a 26-word vocabulary plus a few names: the tagger's
per-word caches flatter it); `conll` builds articles of about 300 words from the sentences of
`$NEWS_READER_DATA/conll2003/train.txt` (real news words, so the caches meet new words as in real use);
`pages` is the saved news pages of `$NEWS_READER_DATA/extraction/html` (unpacked into a temporary folder)
repeated to `--n` files: what a user imports, in the language the import gives each article, a long text
tagged in the pieces `tag_bounded` uses; `bodies` is the hand-marked article bodies of those pages
(`ground-truth.json`) as plain text files, today's news in words the model never trained on, and
`bodies-md`, `bodies-json`, `bodies-mail`, `bodies-rss` the same bodies as Markdown, JSON, e-mail and RSS
files (`_body_files.py`): what tagging costs beside each format's parsing. There are 96 bodies: a larger
`--n` repeats them, and the repeats meet warm word caches.
The stages are `tagger.tag`'s calls in its order (the document rules included); the last line is the
tagger's model (features and decoding) against parsing (reading, extraction, tokenising).
Every stage is timed with `time.process_time` in this one process, warm model, cold word caches (with
`--warm`, every article is tagged once before: every word has been met, a floor for the model's cost).
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _body_files import FORMATS, write_body_files  # noqa: E402
from _data import data_root  # noqa: E402
from make_library import write_text_files  # noqa: E402

from reader.core.entities import tagger  # noqa: E402
from reader.core.entities.chunks import chunk_bounds  # noqa: E402
from reader.core.entities.conll import iob_spans, read_conll  # noqa: E402
from reader.core.entities.docrules import apply_document_rules  # noqa: E402
from reader.core.entities.model import StackedModel, TaggerModel  # noqa: E402
from reader.core.entities.modern import apply_modern_names  # noqa: E402
from reader.core.entities.newsrules import apply_news_rules  # noqa: E402
from reader.core.entities.span import EntitySpan  # noqa: E402
from reader.core.entities.tokenize import split_sentences, tokenize  # noqa: E402
from reader.core.library_sync.pool import read_file  # noqa: E402
from reader.core.store.library import FileRecord, Library  # noqa: E402

READ, TOKENISE = "read + decode + extract + language id", "tokenise + sentences"
FEATURES, DECODE = "features (pads, document view, per-token)", "decode (_tag_sentences)"


def sentence_ranges(text: str, tokens: list[tuple[int, int]], words: list[str]) -> list[tuple[int, int]]:
    """`split_sentences` as the tagger calls it, given the words (code before 2026-11-30 took no words: then
    as that tagger called it, so the file measures an older checkout first on PYTHONPATH too)."""
    try:
        return split_sentences(text, tokens, words)  # type: ignore[call-arg, unused-ignore]
    except TypeError:
        return split_sentences(text, tokens)


def names_of(text: str, tokens: list[tuple[int, int]], ranges: list[tuple[int, int]],
             tags: list[list[str]]) -> list[EntitySpan]:
    """The model's names as the tagger makes them spans (`tagger.name_spans_of`; in older code, its loop)."""
    make = getattr(tagger, "name_spans_of", None)
    if make is not None:
        return make(text, tokens, ranges, tags)  # type: ignore[no-any-return]
    spans = []
    for (a, _b), sent_tags in zip(ranges, tags, strict=True):
        for first, last, typ in iob_spans(sent_tags):
            trimmed = tagger.trim_span(text, tokens[a + first : a + last])
            if trimmed is not None:
                spans.append(EntitySpan(trimmed[0], trimmed[1], typ, text[trimmed[0] : trimmed[1]]))
    return spans


def write_conll_files(folder: Path, n: int, words: int = 300) -> None:
    """`n` articles of about `words` words, consecutive train.txt sentences (tokens joined by spaces)."""
    docs = read_conll(data_root() / "conll2003" / "train.txt")
    sents = [" ".join(s) for d in docs for s in d.sentences if len(s) > 4]
    folder.mkdir(parents=True)
    k = 0
    for i in range(n):
        paras, count = [], 0
        while count < words:
            para = " ".join(sents[(k + j) % len(sents)] for j in range(4))
            k += 4
            paras.append(para)
            count += len(para.split())
        (folder / f"article-{i:06d}.txt").write_text(f"Article {i}\n\n" + "\n\n".join(paras) + "\n", "utf-8")


def write_page_files(folder: Path, n: int) -> None:
    """`n` files from the saved pages (`*.html.gz`, unpacked), the pages repeated in order."""
    pages = sorted((data_root() / "extraction" / "html").glob("*.html.gz"))
    if not pages:
        raise SystemExit(f"no saved pages (*.html.gz) in {data_root() / 'extraction' / 'html'}")
    folder.mkdir(parents=True)
    for i in range(n):
        (folder / f"page-{i:06d}.html").write_bytes(gzip.decompress(pages[i % len(pages)].read_bytes()))


def tag_in_stages(text: str, language: str, cost: dict[str, float], whole: str | None = None) -> list[EntitySpan]:
    """`tagger.tag` for one short text (a piece of `whole`, whose language decides), each step timed into
    `cost` (the same calls, in the same order)."""
    clock = time.process_time
    t0 = clock()
    names = tagger.reads_names(language, text if whole is None else whole)
    t1 = clock()
    cost["language check (reads_names)"] += t1 - t0
    if not names:
        return []
    tokens = tokenize(text)
    words = [text[s:e] for s, e in tokens]
    ranges = sentence_ranges(text, tokens, words)
    sentences = [words[a:b] for a, b in ranges]
    t2 = clock()
    cost[TOKENISE] += t2 - t1
    model = tagger._get_model()
    if isinstance(model, TaggerModel):
        prepared = model.prepare(sentences)
        t3 = clock()
        cost[FEATURES] += t3 - t2
        tags = model.decode(sentences, prepared)
    else:
        tags, t3 = model.tag_document(sentences), t2
    t4 = clock()
    cost[DECODE] += t4 - t3
    known = tagger._known_orgs(model)
    tags = [apply_news_rules(s, apply_modern_names(s, t), known) for s, t in zip(sentences, tags, strict=True)]
    t45 = clock()
    cost["news rules + modern names"] += t45 - t4
    first = model.first if isinstance(model, StackedModel) else model
    tags = apply_document_rules(sentences, tags, first.features.knowledge, phrases=first.phrases)
    t5 = clock()
    cost["document rules (docrules)"] += t5 - t45
    spans = names_of(text, tokens, ranges, tags)
    t6 = clock()
    cost["spans (iob_spans, trim)"] += t6 - t5
    spans.extend(tagger._rule_spans(text, spans))
    spans.sort(key=lambda sp: sp.start)
    cost["rule patterns (dates, money)"] += clock() - t6
    return spans


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="articles (default 1,000)")
    texts = ("generated", "conll", "pages", "bodies", *(f"bodies-{f}" for f in FORMATS[1:]))
    parser.add_argument("--text", choices=texts, default="generated")
    parser.add_argument("--warm", action="store_true",
                        help="tag every article once before the timed pass: the word caches warm, a floor no "
                             "import of new text reaches (every word met before)")
    args = parser.parse_args()
    tagger.load_model()
    tagger.clear_caches()
    cost: dict[str, float] = defaultdict(float)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "news"
        if args.text == "conll":
            write_conll_files(folder, args.n)
        elif args.text == "pages":
            write_page_files(folder, args.n)
        elif args.text.startswith("bodies"):
            write_body_files(folder, args.n, args.text.partition("-")[2] or "txt")
        else:
            write_text_files(folder, args.n)
        files = sorted(p for p in folder.rglob("*") if p.is_file())
        if args.warm:
            for path in files:
                st = path.stat()
                for a in read_file(str(path), st.st_mtime, st.st_size, max_bytes=None).articles:
                    tagger.tag(a.text, a.language)
        records, articles, words = [], 0, 0
        for path in files:
            st = path.stat()
            t0 = time.process_time()
            rec = read_file(str(path), st.st_mtime, st.st_size, max_bytes=None)
            cost[READ] += time.process_time() - t0
            mentions = []
            for a in rec.articles:
                found: list[EntitySpan] = []
                for start, end in chunk_bounds(a.text):  # as `tag_bounded` does: long texts in pieces
                    found += [EntitySpan(sp.start + start, sp.end + start, sp.type, sp.text)
                              for sp in tag_in_stages(a.text[start:end], a.language, cost, a.text)]
                mentions.append(tuple(found))
                articles += 1
                words += a.word_count
            records.append(FileRecord(rec.path, rec.mtime, rec.size, rec.articles, tuple(mentions)))
        lib = Library(Path(tmp) / "cache.sqlite3")
        t0 = time.process_time()
        for k in range(0, len(records), 100):
            lib.store_batch(records[k : k + 100])
        cost["writer: store_batch (articles, FTS, mentions)"] += time.process_time() - t0
        lib.close()
    worker = sum(v for k, v in cost.items() if not k.startswith("writer"))
    print(f"CPU per article by stage: {articles:,} {args.text} articles, {words / articles:.0f} words each\n")
    print(f"| {'stage':<46} | ms / article | share |")
    print(f"|{'-' * 48}|-------------:|------:|")
    total = sum(cost.values())
    for name, sec in cost.items():
        print(f"| {name:<46} | {sec * 1000 / articles:>12.2f} | {sec / total:>5.0%} |")
    print(f"| {'worker total':<46} | {worker * 1000 / articles:>12.2f} | {worker / total:>5.0%} |")
    print(f"| {'all':<46} | {total * 1000 / articles:>12.2f} | {1:>5.0%} |")
    model_ms = sum(cost[k] for k in (FEATURES, DECODE))
    parse_ms = sum(cost[k] for k in (READ, TOKENISE))
    print(f"\nThe tagger's model (features + decode) over parsing (read and extract + tokenise): "
          f"{model_ms * 1000 / articles:.2f} / {parse_ms * 1000 / articles:.2f} ms = {model_ms / parse_ms:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
