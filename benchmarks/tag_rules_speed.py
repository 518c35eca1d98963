"""CPU per article of the tagger's stages around the model (tokenising, news rules and modern names,
document rules, spans, rule patterns), of the whole `tagger.tag` and of the mention rows an import worker makes
of its spans (`group_for_store`), beside a plain-Python reference
measured in the same run.

    python benchmarks/tag_rules_speed.py [--n 1000] [--repeat 5] [--text conll|generated|pages]

The articles are `import_stages.py`'s (about 300 words of `$NEWS_READER_DATA/conll2003/train.txt` each, or
the generated ones when the data is missing; `pages`: the English articles of the saved news pages of
`$NEWS_READER_DATA/extraction/html`, whatever `--n`), read as an import reads them. Each stage is timed with
`time.process_time` over all the articles, `--repeat` times, and the fastest pass is kept (a busy machine
only ever adds time). The stages get the inputs the tagger gives them: the model's tags are computed once
beforehand. `tagger.tag` starts each pass with empty word caches, as a new import does. The reference
splits each text into words and counts them in a dict: a stage's "x ref" column is what to compare
between machines or between runs on a busy one. To compare two versions of the code, run this file
with the other checkout first on PYTHONPATH, one run after the other.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import data_root  # noqa: E402
from import_stages import names_of, sentence_ranges, write_conll_files, write_page_files  # noqa: E402
from make_library import write_text_files  # noqa: E402

from reader.core.entities import tagger  # noqa: E402
from reader.core.entities import tokenize as _tokenize_module  # noqa: E402
from reader.core.entities.docrules import apply_document_rules  # noqa: E402
from reader.core.entities.model import StackedModel  # noqa: E402
from reader.core.entities.modern import apply_modern_names  # noqa: E402
from reader.core.entities.newsrules import apply_news_rules  # noqa: E402
from reader.core.entities.tokenize import tokenize  # noqa: E402
from reader.core.library_sync.pool import read_file  # noqa: E402
from reader.core.store.mention_batch import group_for_store  # noqa: E402


def tokens_and_words(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """The tokens and their texts as the tagger makes them (`tokenize.tokens_and_words`; code before 2026-11-30
    had none: then tokenize and a cut per token, as that tagger did, so an older checkout is measured too)."""
    make = getattr(_tokenize_module, "tokens_and_words", None)
    if make is not None:
        return make(text)  # type: ignore[no-any-return]
    tokens = tokenize(text)
    return tokens, [text[s:e] for s, e in tokens]


def read_articles(n: int, text: str) -> list[str]:
    """The texts of `n` articles as an import reads them (`import_stages.py`'s files); for `pages`, the
    saved pages' articles the tagger reads names in (each page once)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "news"
        if text == "conll":
            write_conll_files(folder, n)
        elif text == "pages":
            write_page_files(folder, len(list((data_root() / "extraction" / "html").glob("*.html.gz"))))
        else:
            write_text_files(folder, n)
        texts = []
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            st = path.stat()
            texts.extend(a.text for a in read_file(str(path), st.st_mtime, st.st_size, max_bytes=None).articles
                         if text != "pages" or tagger.reads_names(a.language, a.text))
    return texts


def best_of(repeat: int, run: Callable[[], object], before: Callable[[], None] | None = None) -> float:
    """The fewest CPU seconds of `repeat` passes of `run` (`before` is called, untimed, before each)."""
    best = float("inf")
    for _ in range(repeat):
        if before is not None:
            before()
        t0 = time.process_time()
        run()
        best = min(best, time.process_time() - t0)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="articles (default 1,000)")
    parser.add_argument("--repeat", type=int, default=5, help="passes per stage; the fastest is kept (default 5)")
    has_conll = (data_root() / "conll2003" / "train.txt").exists()
    parser.add_argument("--text", choices=("generated", "conll", "pages"),
                        default="conll" if has_conll else "generated")
    args = parser.parse_args()
    texts = read_articles(args.n, args.text)
    tagger.load_model()
    model = tagger._get_model()
    known = tagger._known_orgs(model)
    first = model.first if isinstance(model, StackedModel) else model
    knowledge, phrases = first.features.knowledge, first.phrases

    tokenised = []
    for text in texts:
        tokens, words = tokens_and_words(text)
        ranges = sentence_ranges(text, tokens, words)
        tokenised.append((text, tokens, ranges, [words[a:b] for a, b in ranges]))
    modelled = [model.tag_document(sents) for _text, _tokens, _ranges, sents in tokenised]
    ruled = [[apply_news_rules(s, apply_modern_names(s, t), known) for s, t in zip(sents, tags, strict=True)]
             for (_t, _k, _r, sents), tags in zip(tokenised, modelled, strict=True)]
    final = [apply_document_rules(sents, tags, knowledge, phrases=phrases)
             for (_t, _k, _r, sents), tags in zip(tokenised, ruled, strict=True)]
    # the model's names each text's rule matches give way to, and the article's spans the worker groups after
    named = [names_of(text, tokens, ranges, tags) for (text, tokens, ranges, _s), tags in zip(tokenised, final,
                                                                                              strict=True)]
    tagged = [tagger.tag(text, "en") for text in texts]

    def reference() -> None:
        for text in texts:
            counts: dict[str, int] = {}
            for word in text.split():
                counts[word] = counts.get(word, 0) + 1

    def tokenise() -> None:
        for text in texts:
            tokens, words = tokens_and_words(text)
            ranges = sentence_ranges(text, tokens, words)
            [words[a:b] for a, b in ranges]

    def news_rules() -> None:
        for (_t, _k, _r, sents), tags in zip(tokenised, modelled, strict=True):
            [apply_news_rules(s, apply_modern_names(s, t), known) for s, t in zip(sents, tags, strict=True)]

    def document_rules() -> None:
        for (_t, _k, _r, sents), tags in zip(tokenised, ruled, strict=True):
            apply_document_rules(sents, tags, knowledge, phrases=phrases)

    def spans() -> None:
        for (text, tokens, ranges, _s), tags in zip(tokenised, final, strict=True):
            names_of(text, tokens, ranges, tags)

    def patterns() -> None:
        for text, names in zip(texts, named, strict=True):
            tagger._rule_spans(text, names)

    def mention_rows() -> None:
        for text, found in zip(texts, tagged, strict=True):
            group_for_store(found, text)

    def whole() -> None:
        for text in texts:
            tagger.tag(text, "en")

    rows = [("reference: split + count words (plain Python)", best_of(args.repeat, reference)),
            ("tokenise + sentences", best_of(args.repeat, tokenise)),
            ("news rules + modern names", best_of(args.repeat, news_rules)),
            ("document rules (docrules)", best_of(args.repeat, document_rules)),
            ("spans (iob_spans, trim_span, EntitySpan)", best_of(args.repeat, spans)),
            ("rule patterns (dates, money...)", best_of(args.repeat, patterns)),
            ("tagger.tag, whole (cold word caches)", best_of(args.repeat, whole, tagger.clear_caches)),
            ("a worker's mention rows (group_for_store)", best_of(args.repeat, mention_rows))]
    n, ref = len(texts), rows[0][1]
    words = sum(len(t.split()) for t in texts) / n
    print(f"CPU per article, fastest of {args.repeat} passes: {n:,} {args.text} articles, {words:.0f} words each\n")
    print(f"| {'stage':<46} | ms / article | x ref |")
    print(f"|{'-' * 48}|-------------:|------:|")
    for name, sec in rows[:-1]:
        print(f"| {name:<46} | {sec * 1000 / n:>12.3f} | {sec / ref:>5.1f} |")
    stages = sum(sec for _name, sec in rows[1:6])
    print(f"| {'the five stages':<46} | {stages * 1000 / n:>12.3f} | {stages / ref:>5.1f} |")
    name, sec = rows[-1]
    print(f"| {name:<46} | {sec * 1000 / n:>12.3f} | {sec / ref:>5.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
