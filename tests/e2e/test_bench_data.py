"""`make bench` without the outside data sets: the benchmarks that need them are skipped with a way to get them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


def _run(script: str, *args: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEWS_READER_DATA": str(data)}
    return subprocess.run([sys.executable, str(BENCH / script), *args], capture_output=True, text=True,
                          timeout=120, env=env)  # fmt: skip


def test_runner_skips_benchmarks_whose_data_is_missing_and_exits_0(tmp_path: Path) -> None:
    missing = tmp_path / "no-data-here"
    proc = _run("run.py", "extraction", "ner", data=missing)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    out = proc.stdout
    truth = missing / "extraction" / "ground-truth.json"
    assert f"skipped: extraction needs outside data that is not here: {truth}" in out
    assert f"skipped: ner needs outside data that is not here: {missing / 'conll2003' / 'train.txt'}" in out
    assert "https://www.clips.uantwerpen.be/conll2003/ner/" in out
    assert f"put it under {missing} or point NEWS_READER_DATA at the folder that holds it." in out
    assert "2 benchmark(s) skipped for missing data" in out


def test_ner_benchmark_run_alone_says_what_is_missing(tmp_path: Path) -> None:
    proc = _run("ner.py", data=tmp_path)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert f"No CoNLL-2003 data at {tmp_path / 'conll2003' / 'dev.txt'}" in proc.stderr
