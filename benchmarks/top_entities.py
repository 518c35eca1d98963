"""The library's top people, organisations and places, as the Top Entities view shows them, over real pages.

The saved pages (`extraction/html/*.html.gz`) are unzipped into a temporary folder and imported with
the app's own path (`LibrarySync.sync`, then `tag_pending`, as the window's scan worker does), into a
throwaway cache. Each row: articles, mentions, the name shown, the other spellings merged into it, and
the first sentence it appears in (cut short), so a reader can judge each row by eye.
It also lists every acronym the articles spelled out (`entities/acronyms.py`): the pair, the articles that
joined it within themselves, the mentions keyed under the long form there, and the mentions of articles
that give only the acronym, joined through the library's learned aliases; then every bare surname
joined to the one full name the library gives it (`store/surname_join.py`), and those left alone; then every
one-word person left out of that join as cut from a longer name ("Hill" of "Forest Hill police").
With `--changes`, also what the document rules (`entities/docrules.py`) change: every article is
tagged again with and without them, and each mention they drop or retype is counted and shown in
its sentence, so a reader can check by eye that the changed mentions were wrong.
Run: `.venv/bin/python benchmarks/top_entities.py [--data DIR] [--top N] [--changes]`.
With `--data-dir DIR`, the same report on the library `news-reader --data-dir DIR import FOLDER` made (the user's
rules in it applied), instead of a throwaway import.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from _data import data_root, skip_message  # noqa: E402  (this folder is on sys.path when run as a script)

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.core.entities import tagger  # noqa: E402
from reader.core.entities.mentions import in_longer_name  # noqa: E402
from reader.core.entities.span import EntitySpan  # noqa: E402
from reader.core.library_sync import LibrarySync  # noqa: E402
from reader.core.store.library import Library  # noqa: E402
from reader.core.text_units import sentence_at  # noqa: E402
from reader.paths import resolve_paths  # noqa: E402

TYPES = (("PER", "people"), ("ORG", "organisations"), ("LOC", "places"))
CONTEXT = 90  # characters of the first sentence shown


def unzip_pages(source: Path, target: Path) -> int:
    """Write each `*.html.gz` of `source` into `target` as `.html`; how many."""
    count = 0
    for page in sorted(source.glob("*.html.gz")):
        (target / page.name[: -len(".gz")]).write_bytes(gzip.decompress(page.read_bytes()))
        count += 1
    return count


def first_sentence(library: Library, key: str, entity_type: str) -> str:
    """The sentence of the entity's first mention (first imported article), at most CONTEXT characters of it.

    The benchmark has no user rules, so the stored key is the key the view groups by.
    """
    row = library.db.execute(
        "SELECT a.id, m.start FROM mentions m JOIN articles a ON a.rowid = m.article_rowid"
        " WHERE m.key = ? AND m.etype = ? ORDER BY a.rowid, m.start LIMIT 1", (key, entity_type)).fetchone()
    article = library.article(row[0]) if row else None
    if article is None:
        return ""
    start, end = sentence_at(article.text, row[1])
    words = " ".join(article.text[start:end].split())
    if len(words) <= CONTEXT:
        return words
    # a long sentence: whole words around the mention
    at = len(" ".join(article.text[start : row[1]].split()))
    first = max(0, min(at - CONTEXT // 3, len(words) - CONTEXT))
    part = words[first : first + CONTEXT]
    if first:
        part = "…" + part.split(" ", 1)[-1]
    if first + CONTEXT < len(words):
        part = part.rsplit(" ", 1)[0] + "…"
    return part


def _in_sentence(text: str, sp: EntitySpan) -> str:
    start, end = sentence_at(text, sp.start)
    words = " ".join((text[start : sp.start] + "[" + sp.text + "]" + text[sp.end : end]).split())
    at = words.index("[")
    return ("…" if at > 60 else "") + words[max(0, at - 60) : at + 60] + ("…" if at + 60 < len(words) else "")


def acronym_joins(library: Library) -> None:
    """Every acronym joined to a long form: within the articles that spell it out, and across the library."""
    learned = library.learned_aliases()
    print(f"### Acronyms joined to their long forms: {len(learned)} pairs\n")
    print(f"{'acronym':<8} {'long form':<44} {'art':>4} {'within':>6} {'across':>6}")
    within_total = across_total = 0
    for alias, key, etype in learned:
        spelled, within = library.db.execute(
            "SELECT count(DISTINCT l.article_rowid), (SELECT count(*) FROM mentions m WHERE m.name = ?1 AND m.key = ?2)"
            " FROM learned_aliases l WHERE l.alias = ?1 AND l.key = ?2", (alias, key)).fetchone()
        across = library.db.execute("SELECT count(*) FROM mentions WHERE key = ?", (alias,)).fetchone()[0]
        within_total, across_total = within_total + within, across_total + across
        name = library.entity_name(key, etype)
        print(f"{alias.upper():<8} {(name + ' (' + etype + ')')[:44]:<44} {spelled:>4} {within:>6} {across:>6}")
    # the rows the view would have without the rule: each acronym keyed by its own name again
    plain = ("SELECT count(DISTINCT (CASE WHEN name IN (SELECT alias FROM learned_aliases) THEN name ELSE key END)"
             " || '|' || etype) FROM mentions WHERE etype IN ('PER', 'ORG', 'LOC', 'MISC')")
    without = library.db.execute(plain).fetchone()[0]
    rows = sum(len(library.top_entities(t, 1_000_000)) for t in ("PER", "ORG", "LOC", "MISC"))
    print(f"\n{within_total} mentions joined within their articles, {across_total} across the library; "
          f"name rows in the view: {without} without the rule -> {rows} with it\n")


def surname_joins(library: Library) -> None:
    """Every bare surname joined to a full name across the library (`store/surname_join.py`), and those left alone."""
    joins = dict(library.surname_joins())
    bare = library.db.execute("SELECT surname, mentions, articles FROM person_counts WHERE key = '' AND surname IN"
                              " (SELECT surname FROM person_counts WHERE key != '') ORDER BY mentions DESC").fetchall()
    print(f"### Bare surnames joined to a full name: {len(joins)} of {len(bare)} that some full name ends with\n")
    print(f"{'surname':<16} {'bare':>5} {'art':>4}  joined to (or the full names, when left alone)")
    for surname, mentions, articles in bare:
        names = library.db.execute("SELECT key, mentions, articles FROM person_counts WHERE surname = ? AND key != ''"
                                   " ORDER BY mentions DESC", (surname,)).fetchall()
        told = joins[surname] if surname in joins else "alone: " + ", ".join(f"{k} ({m}, {a} art)" for k, m, a in names)
        print(f"{surname:<16} {mentions:>5} {articles:>4}  {told}")
    print()


def cut_surnames(library: Library) -> None:
    """Every one-word person the join leaves alone as cut from a longer name (`mentions.in_longer_name`), in its
    sentence, so a reader can check that each was cut from a longer name."""
    rows = library.db.execute(
        "SELECT a.id, m.start, m.end, m.text FROM mentions m JOIN articles a ON a.rowid = m.article_rowid"
        " WHERE m.etype = 'PER' AND m.short = m.key AND instr(m.key, ' ') = 0 ORDER BY a.rowid, m.start").fetchall()
    found = []
    for article_id, start, end, text in rows:
        article = library.article(article_id)
        if article is not None and in_longer_name(article.text, start, end):
            found.append(f"{text!r:<16} {_in_sentence(article.text, EntitySpan(start, end, 'PER', text))}")
    print(f"### One-word persons cut from a longer name, left out of the surname join: {len(found)}\n")
    print("\n".join(found) + "\n")


def rule_changes(library: Library, shown: int) -> None:
    """Tag every article with and without the document rules; count and show the mentions that differ."""
    keep = tagger.apply_document_rules

    def spans_of(text: str, language: str, rules: bool) -> set[EntitySpan]:
        tagger.apply_document_rules = keep if rules else (lambda _s, tags, *_a, **_k: tags)  # type: ignore[assignment]
        try:
            return {sp for sp in tagger.tag(text, language) if sp.type in ("PER", "ORG", "LOC", "MISC")}
        finally:
            tagger.apply_document_rules = keep

    kinds: Counter[str] = Counter()
    examples: list[str] = []
    articles = total = 0
    for aid in library.all_ids():
        article = library.article(aid)
        if article is None:
            continue
        before, after = spans_of(article.text, article.language, False), spans_of(article.text, article.language, True)
        total += len(before)
        gone = sorted(before - after, key=lambda sp: sp.start)
        new = {(sp.start, sp.end): sp for sp in after - before}
        articles += bool(gone or new)
        for sp in gone:
            other = new.pop((sp.start, sp.end), None)
            kind = f"{sp.type} -> {other.type if other else 'none'}"
            kinds[kind] += 1
            examples.append(f"{kind:<12} {sp.text!r:<18} {_in_sentence(article.text, sp)}")
        for sp in new.values():
            kinds[f"new {sp.type}"] += 1
            examples.append(f"{'new ' + sp.type:<12} {sp.text!r:<18} {_in_sentence(article.text, sp)}")
    print(f"### What the document rules change: {sum(kinds.values())} of {total} name mentions, in {articles} of "
          f"{library.count()} articles\n")
    for kind, n in kinds.most_common():
        print(f"{n:>5}  {kind}")
    print(f"\nThe changed mentions (the first {shown}, in [brackets]):\n")
    for line in examples[:shown]:
        print(line)
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=data_root(), help="folder holding extraction/html")
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--changes", type=int, nargs="?", const=80, default=0, metavar="N",
                        help="also count what the document rules change and show N changed mentions (80)")
    parser.add_argument("--data-dir", type=Path, help="report on the library of this news-reader --data-dir")
    args = parser.parse_args(argv)
    if args.data_dir is not None:
        paths = resolve_paths(args.data_dir)
        if not paths.library_db.is_file():
            print(f"No library at {paths.library_db}: run news-reader --data-dir {args.data_dir} import FOLDER first.")
            return 2
        library = Library(paths.library_db, user_db=paths.user_db if paths.user_db.is_file() else None)
        print(f"{library.count()} articles in {paths.library_db}, {library.untagged_count()} not tagged yet\n")
        report(library, args)
        library.close()
        return 0
    reason = skip_message("top_entities", args.data)
    if reason:
        print(reason)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp) / "pages"
        pages.mkdir()
        n = unzip_pages(args.data / "extraction" / "html", pages)
        library = Library(Path(tmp) / "cache.sqlite3")
        sync = LibrarySync(library)
        t0 = time.perf_counter()
        sync.sync([str(pages)], [])
        t1 = time.perf_counter()
        tagged = sync.tag_pending()
        t2 = time.perf_counter()
        print(f"{n} pages -> {library.count()} articles ({t1 - t0:.1f} s), {tagged} tagged ({t2 - t1:.1f} s)\n")
        report(library, args)
        library.close()
    return 0


def report(library: Library, args: argparse.Namespace) -> None:
    """The top rows of each type, the acronyms and surnames joined, the cut surnames (and the rules' changes)."""
    for entity_type, label in TYPES:
        print(f"### Top {args.top} {label}\n")
        print(f"{'#':>3} {'art':>4} {'ment':>5}  {'name':<28} {'also written as':<44} first sentence")
        for i, row in enumerate(library.top_entities(entity_type, args.top), 1):
            spelled = library.spellings(row.key, row.type)
            name = library.entity_name(row.key, row.type, spelled)
            others = ", ".join(f"{s} ({c})" for s, c in spelled if s != name)
            print(f"{i:>3} {row.articles:>4} {row.mentions:>5}  {name[:28]:<28} {others[:44]:<44} "
                  f"{first_sentence(library, row.key, row.type)}")
        print()
    acronym_joins(library)
    surname_joins(library)
    cut_surnames(library)
    if args.changes:
        rule_changes(library, args.changes)


if __name__ == "__main__":
    sys.exit(main())
