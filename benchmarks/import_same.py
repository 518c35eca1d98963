"""Does an import store the same as another version of the code? Dump the cache built from folders, compare two dumps.

    python benchmarks/import_same.py dump OUT.json FOLDER... [--workers N] [--headless]
    python benchmarks/import_same.py compare A.json B.json

`dump` imports the folders into a fresh cache with tagging (`--workers 0`: the one-thread path, else the
process pool with N workers) and writes every stored fact keyed by article id, not by rowid (the pool
stores files in the order they come back): the files and their problems, each article's columns and
locations, its mentions (with their keys), learned acronyms and person rows, the sidebar's counts, the
surname joins and every term of the full-text index with its article, column and offset. Run it once
with the old code first on `PYTHONPATH` (from outside the worktree) and once with the new, then
`compare`: it prints the first differences of each table and exits 1 when any table differs.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
from pathlib import Path

from reader.core.library_sync import LibrarySync
from reader.core.store.library import Library

# Each table's rows as the dump holds them: SQL with the rowids replaced by article ids.
QUERIES = {
    "files": "SELECT hex(path), mtime, size, ok, reason, advice FROM files",
    # the path shown is one of the article's files: which one, when several hold it, is the order they came back
    "articles": "SELECT id, EXISTS (SELECT 1 FROM locations l WHERE l.article_rowid = a.rowid AND l.path = a.path),"
                " format, title, byline, published, source, url, language, description,"
                " image, tags, words, body, structure, tagged FROM articles a",
    "locations": "SELECT a.id, hex(l.path), l.idx FROM locations l JOIN articles a ON a.rowid = l.article_rowid",
    "mentions": "SELECT a.id, m.start, m.end, m.type, m.key, m.text, m.short, m.name, m.etype FROM mentions m"
                " JOIN articles a ON a.rowid = m.article_rowid",
    "learned_aliases": "SELECT a.id, x.alias, x.key, x.etype FROM learned_aliases x"
                       " JOIN articles a ON a.rowid = x.article_rowid",
    "person_names": "SELECT a.id, p.surname, p.key, p.mentions FROM person_names p"
                    " JOIN articles a ON a.rowid = p.article_rowid",
    "person_counts": "SELECT surname, key, mentions, articles FROM person_counts",
    "source_counts": "SELECT source, n, unread FROM source_counts",
    "meta": "SELECT key, value FROM meta WHERE key != 'people'",  # 'people' counts writes, not what is stored
    "fts": "SELECT v.term, a.id, v.col, v.offset FROM temp.fts_terms v JOIN articles a ON a.rowid = v.doc",
    # every table, index and trigger as made (an index built after the rows, `--headless`, is the same index)
    "schema": "SELECT type, name, tbl_name, sql FROM main.sqlite_master WHERE name NOT LIKE 'sqlite_autoindex%'",
}


def dump(db_path: Path) -> dict[str, list[list[object]]]:
    """Every table of the cache as sorted rows of JSON values."""
    db = sqlite3.connect(db_path)
    db.execute("CREATE VIRTUAL TABLE temp.fts_terms USING fts5vocab(main, articles_fts, instance)")
    db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")  # raises when damaged
    problems = [r[0] for r in db.execute("PRAGMA integrity_check")]  # each index against its table, among others
    if problems != ["ok"]:
        raise SystemExit(f"{db_path}: {problems[:5]}")
    out = {}
    for name, sql in QUERIES.items():
        out[name] = sorted((list(r) for r in db.execute(sql)), key=lambda r: json.dumps(r, ensure_ascii=False))
    db.close()
    return out


def build(folders: list[Path], workers: int, cache: Path, headless: bool = False) -> None:
    lib = Library(cache)
    alone = {"alone": True} if headless else {}  # the headless command's way (the code before it had no such way)
    sync = LibrarySync(lib, workers=workers, pool_min_files=0 if workers else 10**9, **alone)
    sync.scan(folders)
    sync.tag_pending()
    out = lib.surname_joins()
    lib.close()
    print(f"{len(out)} surname joins", file=sys.stderr)


def compare(a: dict[str, list[list[object]]], b: dict[str, list[list[object]]]) -> int:
    differ = 0
    for name in sorted(set(a) | set(b)):
        ra = {json.dumps(r, ensure_ascii=False) for r in a.get(name, [])}
        rb = {json.dumps(r, ensure_ascii=False) for r in b.get(name, [])}
        if ra == rb:
            print(f"{name}: {len(ra):,} rows, the same")
            continue
        differ += 1
        print(f"{name}: {len(ra):,} vs {len(rb):,} rows, {len(ra - rb):,} only in A, {len(rb - ra):,} only in B")
        for row in sorted(ra - rb)[:3]:
            print(f"  A: {row[:300]}")
        for row in sorted(rb - ra)[:3]:
            print(f"  B: {row[:300]}")
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("folders", type=Path, nargs="+")
    d.add_argument("--workers", type=int, default=2)
    d.add_argument("--headless", action="store_true",
                   help="import as `news-reader import` does (alone: a first import builds its indexes after)")
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = parser.parse_args()
    if args.command == "compare":
        return compare(json.loads(args.a.read_text("utf-8")), json.loads(args.b.read_text("utf-8")))
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache.sqlite3"
        build([f.resolve() for f in args.folders], args.workers, cache, args.headless)
        args.out.write_text(json.dumps(dump(cache), ensure_ascii=False), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
