"""Everything the tagger outputs for a fixed set of texts, one line per token tag or span, to compare two
versions of the code: the output must not change when only its speed does (a tool: `make bench` skips it).

    python benchmarks/_tag_dump.py > new.txt
    PYTHONPATH=OTHER_CHECKOUT python benchmarks/_tag_dump.py > old.txt && diff old.txt new.txt

Tags of every sentence of `$NEWS_READER_DATA/conll2003/dev.txt` (the model with the news-page rules,
document by document, as `benchmarks/ner.py` scores it), then the spans `tagger.tag` finds in articles made
from its sentences joined into paragraphs (tokenizing, sentence splitting and the rule patterns included)
in the generated articles of `make_library.write_text_files`, and in the saved news pages of
`$NEWS_READER_DATA/extraction/html` (each page's articles as the importer reads them, tagged in the language
the import gives them; `--no-pages` leaves them out).
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
from pathlib import Path
from typing import TextIO

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import data_root  # noqa: E402
from make_library import write_text_files  # noqa: E402

from reader.core.entities import tagger  # noqa: E402
from reader.core.entities.conll import read_conll  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=data_root() / "conll2003" / "dev.txt")
    parser.add_argument("--generated", type=int, default=200, help="generated articles (default 200)")
    parser.add_argument("--pages", type=Path, default=data_root() / "extraction" / "html",
                        help="folder of saved news pages (*.html.gz)")
    parser.add_argument("--no-pages", dest="use_pages", action="store_false", help="leave the saved pages out")
    args = parser.parse_args()
    out = sys.stdout
    docs = read_conll(args.dev)
    for d in docs:
        for sent, tags in zip(d.sentences, tagger.tag_sentences(d.sentences), strict=True):
            out.write(" ".join(f"{tok}/{tag}" for tok, tag in zip(sent, tags, strict=True)) + "\n")
    texts = ["\n\n".join(" ".join(" ".join(s) for s in d.sentences[k : k + 4])
                         for k in range(0, len(d.sentences), 4)) for d in docs]  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        texts += [p.read_text("utf-8") for p in write_text_files(Path(tmp), args.generated)]
    for n, text in enumerate(texts):
        for sp in tagger.tag(text, "en"):
            out.write(f"{n} {sp.start} {sp.end} {sp.type} {sp.text!r}\n")
    if args.use_pages:
        _dump_pages(args.pages, out)
    return 0


def _dump_pages(folder: Path, out: TextIO) -> None:
    """The spans of every article of the saved pages, as an import tags them (its language decides)."""
    from reader.core.formats import load_file

    with tempfile.TemporaryDirectory() as tmp:
        for page in sorted(folder.glob("*.html.gz")):
            path = Path(tmp) / page.name[: -len(".gz")]
            path.write_bytes(gzip.decompress(page.read_bytes()))
            for k, article in enumerate(load_file(path)):
                for sp in tagger.tag(article.text, article.language):
                    out.write(f"{page.name} {k} {sp.start} {sp.end} {sp.type} {sp.text!r}\n")
            path.unlink()


if __name__ == "__main__":
    sys.exit(main())
