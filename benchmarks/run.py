"""Run every benchmark in this folder, one after another (`make bench`).

A benchmark whose outside data is missing is skipped with a note on where to get it (see _data.py);
the exit status is 1 only when a benchmark that ran failed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _data import data_root, skip_message  # noqa: E402


def benchmarks(only: list[str] | None = None) -> list[Path]:
    """The benchmark scripts of this folder (helpers and this runner excluded), optionally only some by name."""
    scripts = [
        s for s in sorted(HERE.glob("*.py"))
        if s.name not in ("run.py", "__init__.py", "make_library.py") and not s.name.startswith("_")
    ]  # fmt: skip
    return [s for s in scripts if only is None or s.stem in only]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks named in argv (all when none are named); 1 if any that ran failed."""
    names = argv if argv else None
    root = data_root()
    failed = skipped = 0
    for script in benchmarks(names):
        print(f"\n## {script.stem}\n", flush=True)
        reason = skip_message(script.stem, root)
        if reason:
            print(reason, flush=True)
            skipped += 1
            continue
        failed += subprocess.call([sys.executable, str(script)]) != 0
    if skipped:
        print(f"\n{skipped} benchmark(s) skipped for missing data (see above).", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
