"""`news-reader extract` on a file whose name is not UTF-8 (issue 11, item 1): valid UTF-8 out, always."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def _latin1_file(folder: Path) -> bytes:
    name = os.fsencode(folder) + b"/caf\xe9.txt"  # a Latin-1 name: 0xE9 alone is not UTF-8
    with open(name, "wb") as f:
        f.write(b"Cafe opens\n\nThe new cafe on the square opened on Monday.\n")
    return name


def _extract(*args: str) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "reader", "extract", *args], capture_output=True, env=env,
                          timeout=120, check=False)  # fmt: skip


def test_extract_json_of_a_latin1_file_name_is_valid_utf8(tmp_path: Path) -> None:
    raw = _latin1_file(tmp_path)
    (tmp_path / "plain.txt").write_text("Plain one\n\nAn ordinary article.\n", encoding="utf-8")
    proc = _extract("--json", str(tmp_path))
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    records = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]  # strict: raises on bad bytes
    by_title = {r["title"]: r for r in records}
    assert set(by_title) == {"Cafe opens", "Plain one"}
    cafe = by_title["Cafe opens"]
    assert cafe["path"] == str(tmp_path) + "/caf\ufffd.txt"
    assert bytes.fromhex(cafe["path_bytes"]) == raw  # a script can still open that very file
    assert "path_bytes" not in by_title["Plain one"]  # only a name that is not UTF-8 carries it


def test_extract_text_of_a_latin1_file_name_is_valid_utf8(tmp_path: Path) -> None:
    _latin1_file(tmp_path)
    proc = _extract(str(tmp_path))
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    shown = proc.stdout.decode("utf-8")
    assert f"== {tmp_path}/caf\ufffd.txt (text)" in shown
    assert "The new cafe on the square opened on Monday." in shown


def test_a_refused_latin1_file_is_named_in_valid_utf8(tmp_path: Path) -> None:
    with open(os.fsencode(tmp_path) + b"/bad\xff.json", "wb") as f:
        f.write(b"{not json")
    proc = _extract("--json", str(tmp_path / os.fsdecode(b"bad\xff.json")))
    assert proc.returncode == 1
    [record] = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert record["path"].endswith("/bad\ufffd.json") and record["error"]
