"""Peak memory of entity tagging on big and pathological texts, each measured in a fresh process.

    python benchmarks/tagging_memory.py lines 2      # 2 MB of one-letter lines
    python benchmarks/tagging_memory.py prose 20     # 20 MB of news prose (the fixture texts, varied)
    python benchmarks/tagging_memory.py prose 20 --bounded 60   # tag_bounded with a 60 s CPU budget

Prints the peak RSS (VmHWM) in MB, the CPU seconds and the number of spans.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "library"


def _peak_mb() -> float:
    """This process's peak resident size (VmHWM: ru_maxrss would carry a parent's peak across vfork and exec)."""
    status = Path("/proc/self/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024  # type: ignore[union-attr]


def make_text(kind: str, megabytes: float) -> str:
    """A pathological text (one-letter lines) or realistic prose of about `megabytes` MB."""
    size = int(megabytes * 1_000_000)
    if kind == "lines":
        return "Title\n" + "l\n" * (size // 2)
    base = "\n\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(FIXTURES.glob("*.txt")))
    parts, total, n = [], 0, 0
    while total < size:
        n += 1
        part = base.replace("nine", f"{n} nine").replace("Monday", f"Monday {n} March")
        parts.append(part)
        total += len(part) + 2
    return "\n\n".join(parts)[:size]


def measure(kind: str, megabytes: float, budget: float | None) -> dict[str, float]:
    """Tag in this process and report; run it through `main` so each measure has a fresh process."""
    from reader.core.entities import load_model

    load_model()
    text = make_text(kind, megabytes)
    started = time.process_time()
    if budget is None:
        from reader.core.entities import tag

        spans, complete = tag(text), True
    else:
        from reader.core.entities import tag_bounded

        result = tag_bounded(text, budget_s=budget)
        spans, complete = result.spans, result.complete
    return {
        "peak_rss_mb": _peak_mb(),
        "cpu_s": round(time.process_time() - started, 1),
        "spans": len(spans),
        "complete": complete,
    }


def _run(kind: str, megabytes: float, bounded: float | None) -> dict:
    cmd = [sys.executable, __file__, kind, str(megabytes), "--in-process"]
    if bounded is not None:
        cmd += ["--bounded", str(bounded)]
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)


DEFAULT_RUNS = (("lines", 0.0, None), ("lines", 2.0, 10.0), ("prose", 2.0, 30.0))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", nargs="?", choices=("lines", "prose"))
    parser.add_argument("megabytes", nargs="?", type=float)
    parser.add_argument("--bounded", type=float, default=None, metavar="BUDGET_S")
    parser.add_argument("--in-process", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.in_process:
        print(json.dumps(measure(args.kind, args.megabytes, args.bounded)))
        return
    if args.kind is not None:
        print(f"{args.kind} {args.megabytes} MB: {json.dumps(_run(args.kind, args.megabytes or 0.0, args.bounded))}")
        return
    # `make bench`: a 0 MB run (the model alone) is the reference, measured in the same run.
    print(f"{'text':<22} {'budget s':>8} {'peak MB':>8} {'x model':>8} {'CPU s':>7} {'spans':>7} complete")
    base = None
    for kind, mb, budget in DEFAULT_RUNS:
        r = _run(kind, mb, budget)
        base = base or r["peak_rss_mb"]
        print(f"{kind + f' {mb:g} MB':<22} {budget or '-':>8} {r['peak_rss_mb']:>8.0f} "
              f"{r['peak_rss_mb'] / base:>8.2f} {r['cpu_s']:>7} {r['spans']:>7} {r['complete']}")


if __name__ == "__main__":
    main()
