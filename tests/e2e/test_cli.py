"""The command line front door run as a real program: global options anywhere, output into a closed pipe."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.store.user_data import UserStore
from reader.paths import resolve_paths

REPO = Path(__file__).resolve().parents[2]
ARTICLE = "Harbour council votes to rebuild the old pier\n\nThe council of Westport voted on Tuesday to rebuild it.\n"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A private home, so the platform's default data folder is inside the test and can be checked."""
    h = tmp_path / "home"
    h.mkdir()
    return h


def run(home: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, env=env,
                          cwd=cwd or home, timeout=120)  # fmt: skip


def default_data(home: Path) -> list[Path]:
    """Every file the program left in the default per-user folders of `home`."""
    return [p for p in home.rglob("*") if p.is_file()]


def make_user_db(root: Path, note: str, profile: str | None = None) -> Path:
    db = resolve_paths(root, profile).user_db
    with UserStore(db) as store:
        store.set_note("a", note)
    return db


def note_in(db: Path) -> str:
    with UserStore(db) as store:
        return store.note("a")


def test_data_dir_before_extract_is_an_option_not_the_command(tmp_path: Path, home: Path) -> None:
    article = tmp_path / "pier.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    done = run(home, "--data-dir", str(tmp_path / "nr"), "extract", str(article))
    assert done.returncode == 0, done.stderr
    assert "Title: Harbour council votes to rebuild the old pier" in done.stdout
    assert "no such file or folder" not in done.stderr


def test_data_dir_before_export_runs_the_export(tmp_path: Path, home: Path) -> None:
    article = tmp_path / "pier.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.md"
    done = run(home, "--data-dir", str(tmp_path / "nr"), "export", str(article), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "# Harbour council votes to rebuild the old pier" in out.read_text(encoding="utf-8")
    assert "--screenshot" not in done.stdout + done.stderr  # not the window's usage


@pytest.mark.parametrize("form", ["--data-dir DIR restore", "--data-dir=DIR restore", "restore --data-dir=DIR",
                                  "restore --data-dir DIR"])  # fmt: skip
def test_restore_goes_into_the_data_dir_wherever_the_option_stands(tmp_path: Path, home: Path, form: str) -> None:
    root = tmp_path / "nr"
    db = make_user_db(root, "current")
    backup = tmp_path / "backup.sqlite3"
    make_user_db(tmp_path / "other", "from the backup")
    (tmp_path / "other" / "data" / "user.sqlite3").rename(backup)
    words = [w.replace("DIR", str(root)) for w in form.split()]
    done = run(home, *words, str(backup))
    assert done.returncode == 0, done.stderr
    assert f"into {db}" in done.stdout
    assert note_in(db) == "from the backup"
    assert default_data(home) == []


@pytest.mark.parametrize("before", [True, False])
def test_profile_before_or_after_the_command(tmp_path: Path, home: Path, before: bool) -> None:
    root = tmp_path / "nr"
    db = make_user_db(root, "work notes", profile="work")
    options = ["--data-dir", str(root), "--profile", "work"]
    words = [*options, "backup"] if before else ["backup", *options]
    done = run(home, *words)
    assert done.returncode == 0, done.stderr
    [written] = resolve_paths(root, "work").backups.glob("backup-*.sqlite3")
    assert f"Backed up {db} to {written}" in done.stdout
    assert default_data(home) == []


def test_extract_into_a_pipe_closed_early_ends_quietly(tmp_path: Path, home: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    body = "The council of Westport met again on Tuesday and talked about the pier. " * 40
    for i in range(120):  # far more than a pipe holds, so the writer meets the closed end
        (folder / f"a{i:03}.txt").write_text(f"Article {i}\n\n{body}\n", encoding="utf-8")
    env = {**os.environ, "HOME": str(home), "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-m", "reader", "extract", str(folder)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, cwd=home)  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # what `| head -1` does after its line
    err = proc.stderr.read().decode()
    status = proc.wait(timeout=120)
    assert first.startswith(b"== ")
    assert "Traceback" not in err and "BrokenPipeError" not in err, err
    assert err == ""
    assert status in (0, 141)


def test_a_global_option_without_its_value_is_reported_once(home: Path) -> None:
    done = run(home, "--data-dir")
    assert done.returncode == 2
    assert done.stderr.count("usage:") == 1
    assert done.stderr.rstrip().endswith("error: argument --data-dir: expected one argument")
