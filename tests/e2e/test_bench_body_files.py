"""The benchmark files of `benchmarks/_body_files.py`: every format gives back each article's words through the
app's own reading, so `import_stages.py --text bodies-*` sets the same text's tagging beside each format's parsing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"

BODIES = {
    "a1": "Mayor Ines Okafor opened the Riverside bridge on Tuesday.\nTraffic in Lindford eased by noon, "
          "the council said.",
    "b2": "Harbour Freight Lines will cut 40 jobs in Portvale.\nThe union asked for talks before March.",
    "c3": "A short note with one paragraph about the weather in Eastmoor.",
}

# Read in a child process: the benchmark folder's modules are not imported into the test process.
CHILD = """
import json, sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from _body_files import write_body_files
from reader.core.library_sync.pool import read_file
folder = Path(sys.argv[2])
write_body_files(folder, int(sys.argv[4]), sys.argv[3])
out = []
for path in sorted(folder.iterdir()):
    st = path.stat()
    out += [[a.title, a.text] for a in read_file(str(path), st.st_mtime, st.st_size, max_bytes=None).articles]
print(json.dumps({"files": len(list(folder.iterdir())), "articles": out}))
"""


@pytest.mark.parametrize(("fmt", "files"), [("txt", 5), ("md", 5), ("json", 5), ("mail", 5), ("rss", 1)])
def test_each_format_reads_back_every_body(tmp_path: Path, fmt: str, files: int) -> None:
    data = tmp_path / "data"
    (data / "extraction").mkdir(parents=True)
    truth = {k: {"articleBody": v, "url": f"https://news.example.org/{k}"} for k, v in BODIES.items()}
    (data / "extraction" / "ground-truth.json").write_text(json.dumps(truth), "utf-8")
    env = {"NEWS_READER_DATA": str(data), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run([sys.executable, "-c", CHILD, str(BENCH), str(tmp_path / fmt), fmt, "5"],
                          capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    assert got["files"] == files
    articles = got["articles"]
    assert len(articles) == 5  # the three bodies, then the first two again
    order = [BODIES[k] for k in sorted(BODIES)]
    for (title, text), body in zip(articles, order + order[:2], strict=True):
        assert title == body.split("\n")[0]  # each first paragraph here is under 70 characters: the whole title
        for paragraph in body.split("\n"):
            assert paragraph in text
