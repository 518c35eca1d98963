"""Article metadata (title, source, date) on the saved news pages, for one or more checkouts.

Reads ../shared/data/extraction/html/*.html.gz (their URLs are in ground-truth.json) and counts the
pages that get a title, a source and a date, with checks that need no hand labels: a title that is
only the site name or the page's description, a source that does not name the URL's publication, a
date that is not the one in the URL. The pages are split in halves by the first byte of sha1(id):
even = "tune" (rules were tuned on it), odd = "check" (never looked at while tuning).

Run: `.venv/bin/python benchmarks/metadata.py [--repo /work/main] [--repo .] [--list]`. Each
`--repo` is a checkout whose `reader` package is measured (read only: no bytecode is written there);
the default is this one. `--list` prints, for the last checkout, every page whose source is not the
URL's publication (to check by eye) and every title or date flagged, and with two checkouts or more,
what changed from the first to the last.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from _data import data_root, skip_message  # noqa: E402  (this folder is on sys.path when run as a script)

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = data_root() / "extraction"
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d\d|[a-z]{3})[/-](\d\d)(?:/|-|\b)", re.I)
_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()


def half(page_id: str) -> str:
    """"tune" or "check": the first byte of sha1(id) even or odd (the split every extraction task uses)."""
    return "tune" if hashlib.sha1(page_id.encode()).digest()[0] % 2 == 0 else "check"


def worker(repo: Path, data: Path) -> None:
    """Print (as JSON) what the checkout at `repo` reads from every page: runs in its own process."""
    sys.dont_write_bytecode = True
    sys.path.insert(0, str(repo))
    from reader.core import extract  # noqa: PLC0415  (imported from the checkout chosen above)

    if not Path(extract.__file__).resolve().is_relative_to(repo.resolve()):
        raise SystemExit(f"reader was imported from {extract.__file__}, not from {repo}")
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for key in sorted(truth):
        f = data / "html" / f"{key}.html.gz"
        if not f.exists():
            continue
        page = extract.extract_html(gzip.decompress(f.read_bytes()).decode("utf-8", "replace"))
        m = page.meta if page else None
        out.append({
            "id": key, "url": truth[key].get("url", ""), "title": page.title if page else "",
            "source": m.source if m else "", "published": m.published if m else "",
            "description": m.description if m else "",
        })
    json.dump(out, sys.stdout)


def read_checkout(repo: Path, data: Path) -> list[dict[str, str]]:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", str(repo), "--data", str(data)]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"reading pages with {repo} failed:\n{done.stderr[-2000:]}")
    return list(json.loads(done.stdout))


def _compact(text: str) -> str:
    return re.sub(r"[\W_]+", "", re.sub(r"^the\s+", "", text.strip(), flags=re.I)).lower()


def names_publication(source: str, url: str) -> bool:
    """Whether `source` reads as the publication at `url` (a rough check: letters of the domain in order)."""
    host = (urlsplit(url).hostname or "").lower()
    labels = [x for x in host.split(".")[:-1] if x not in ("www", "co", "com", "org", "net", "m")]
    name = _compact(source)
    initials = "".join(w[0] for w in re.findall(r"[^\W_]+", source.lower()) if w != "the")
    for label in labels:
        label = label.replace("-", "")
        if not name:
            return False
        if label in (name, initials) or (len(label) >= 3 and (label in name or name in label)):
            return True
        it = iter(name)
        if len(label) >= 3 and label[0] == name[0] and all(ch in it for ch in label):
            return True
    return False


def url_date(url: str) -> date | None:
    m = _URL_DATE.search(url)
    if not m:
        return None
    month = int(m[2]) if m[2].isdigit() else (_MONTHS.index(m[2].lower()) + 1 if m[2].lower() in _MONTHS else 0)
    try:
        return date(int(m[1]), month, int(m[3]))
    except ValueError:
        return None


def flags(row: dict[str, str]) -> dict[str, bool]:
    """Per page: what it got, and what looks wrong."""
    title, source, published = row["title"], row["source"], row["published"]
    in_url = url_date(row["url"])
    got = date.fromisoformat(published[:10]) if published else None
    return {
        "title": bool(title),
        "title is the site name": bool(title) and _compact(title) == _compact(source),
        "title is the description": bool(title) and _compact(title) == _compact(row["description"]),
        "source": bool(source),
        "source names the URL's publication": names_publication(source, row["url"]),
        "date": bool(published),
        "URL has a date": in_url is not None,
        "date within a day of the URL's": bool(in_url and got and abs((got - in_url).days) <= 1),
        "date in the future or before 1900": bool(got and (got > date.today() or got.year < 1900)),
    }


def table(columns: dict[str, list[dict[str, str]]]) -> str:
    names = list(next(iter(columns.values())) and flags(next(iter(columns.values()))[0]))
    width = max(len(n) for n in names) + 2
    head = "".ljust(width) + "".join(c.rjust(18) for c in columns)
    lines = [head, "-" * len(head)]
    for name in names:
        cells = []
        for rows in columns.values():
            cells.append(f"{sum(flags(r)[name] for r in rows)}/{len(rows)}".rjust(18))
        lines.append(name.ljust(width) + "".join(cells))
    return "\n".join(lines)


def listing(rows: list[dict[str, str]]) -> str:
    out = ["", "Pages whose source does not name the URL's publication (check by eye):"]
    for r in rows:
        f = flags(r)
        if not f["source names the URL's publication"]:
            out.append(f"  {half(r['id']):5} {r['id'][:8]} {urlsplit(r['url']).hostname:32} source={r['source']!r}")
    out.append("\nTitles flagged, missing dates, dates that disagree with the URL:")
    for r in rows:
        f = flags(r)
        bad = [k for k in ("title is the site name", "title is the description") if f[k]]
        if not f["title"]:
            bad.append("no title")
        if not f["date"]:
            bad.append("no date")
        elif f["URL has a date"] and not f["date within a day of the URL's"]:
            bad.append(f"date {r['published']} vs URL {url_date(r['url'])}")
        if bad:
            out.append(f"  {half(r['id']):5} {r['id'][:8]} {'; '.join(bad)}  title={r['title'][:60]!r}")
    return "\n".join(out)


def changes(before: list[dict[str, str]], after: list[dict[str, str]]) -> str:
    """Every title, source and date that differs between two checkouts, page by page."""
    old = {r["id"]: r for r in before}
    out = ["", "Changed from the first checkout to the last:"]
    for r in after:
        was = old.get(r["id"])
        for key in ("title", "source", "published"):
            if was is not None and was[key] != r[key]:
                out.append(f"  {half(r['id']):5} {r['id'][:8]} {key:9} {was[key][:60]!r} -> {r[key][:60]!r}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the extraction data folder")
    parser.add_argument("--repo", type=Path, action="append", help="a checkout to measure (repeatable)")
    parser.add_argument("--list", action="store_true", help="list flagged pages for the last checkout")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker, args.data)
        return 0
    if not (args.data / "ground-truth.json").exists() or not (args.data / "html").is_dir():
        print(skip_message("metadata", args.data.parent) or f"skipped: no ground-truth.json and html/ in {args.data}")
        return 0
    repos = args.repo or [REPO]
    columns: dict[str, list[dict[str, str]]] = {}
    rows: list[dict[str, str]] = []
    first: list[dict[str, str]] = []
    for repo in repos:
        rows = read_checkout(repo, args.data)
        first = first or rows
        label = repo.resolve().name
        for part in ("tune", "check"):
            columns[f"{label} {part}"] = [r for r in rows if half(r["id"]) == part]
    print(f"Metadata on {len(rows)} saved pages ({args.data}); tune = sha1(id)[0] even, check = odd\n")
    print(table(columns))
    if args.list:
        print(listing(rows))
        if len(repos) > 1:
            print(changes(first, rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
