"""Profiles (data folders) for the start-up, memory and stall benchmarks: N plain-text files on disk,
already imported and tagged, in a library folder of the user's.

    python benchmarks/_profiles.py DIR 100000     # build (or reuse) DIR/profile-100000

The files are real files (so a start-up rescan walks and compares them) made by
`make_library.write_text_files`; each is read by the import's own `read_file` and stored in batches.
They are stored as tagged with no mentions: tagging 100,000 articles would take an hour, and a
library the import finished tagging is the everyday case these benchmarks are about.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_library import write_text_files  # noqa: E402

from reader.core.entities import TAGGER_VERSION  # noqa: E402
from reader.core.library_sync import LibrarySync  # noqa: E402
from reader.core.library_sync.pool import read_file  # noqa: E402
from reader.core.library_sync.walk import walk  # noqa: E402
from reader.core.session import Session  # noqa: E402
from reader.core.store.library import Library  # noqa: E402
from reader.core.store.library_entities import GROUPING_VERSION  # noqa: E402
from reader.core.store.library_schema import SCHEMA_VERSION  # noqa: E402
from reader.paths import resolve_paths  # noqa: E402

BATCH = 1000
# A profile built by older code is built again: a window that finds another tagger version or grouping
# would tag or re-key every article at start, and measure that instead of the start it is there for.
MADE_BY = f"cache schema {SCHEMA_VERSION}, tagger {TAGGER_VERSION}, grouping {GROUPING_VERSION}"


def articles_folder(root: Path, n: int) -> Path:
    """Where the `n` article files of `profile(root, n)` are written (reused when already there)."""
    folder = root / f"articles-{n}"
    done = folder / ".written"
    if not done.exists():
        write_text_files(folder, n)
        done.touch()
    return folder.resolve()


def profile(root: Path, n: int) -> Path:
    """A data folder (for `--data-dir`) whose library holds the `n` files as imported and tagged; `n` = 0: empty."""
    data = root / f"profile-{n}"
    ready = data / "ready"
    if ready.exists() and ready.read_text("utf-8") == MADE_BY:
        return data
    shutil.rmtree(data, ignore_errors=True)
    paths = resolve_paths(data).ensure()
    settings = paths.settings_file
    if n == 0:  # an empty profile: no folders, and no samples either (started with --no-samples)
        ready.write_text(MADE_BY, "utf-8")
        return data
    folder = articles_folder(root, n)
    lib = Library(paths.library_db)
    LibrarySync(lib)  # records the tagger's version, so the window does not tag everything again
    batch = []
    for entry in walk(str(folder)):
        record = read_file(entry.path, entry.mtime, entry.size, max_bytes=None)
        batch.append(replace(record, mentions=tuple(() for _ in record.articles)))
        if len(batch) >= BATCH:
            lib.store_batch(batch)
            batch = []
    lib.store_batch(batch)
    assert lib.untagged_count() == 0 and lib.count() == n, (lib.untagged_count(), lib.count())
    lib.close()
    session = Session(paths.user_db)
    session.add_folder(str(folder))
    session.close()
    settings.parent.mkdir(parents=True, exist_ok=True)
    ready.write_text(MADE_BY, "utf-8")
    return data


def fresh_profile(root: Path, n: int) -> Path:
    """A data folder with the `n` files' folder in the library and an empty cache (emptied on every call),
    so the window's start-up scan imports them all."""
    data = root / f"import-{n}"
    shutil.rmtree(data, ignore_errors=True)
    paths = resolve_paths(data).ensure()
    session = Session(paths.user_db)
    session.add_folder(str(articles_folder(root, n)))
    session.close()
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("n", type=int)
    args = parser.parse_args()
    print(profile(args.root, args.n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
