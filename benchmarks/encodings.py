"""Legacy encodings: our reader against charset-normalizer alone on the same 28 files.

    .venv/bin/python benchmarks/encodings.py

Each of the 14 news texts of tests/unit/formats/test_legacy_encodings.py is saved in its legacy
code page, with no BOM and no charset label, as .txt and as .html. "ours" is what `load_file`
shows (title and body exactly right); "charset-normalizer" is its best guess decoding the same
bytes (the whole file exactly right). No outside data is needed.
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from charset_normalizer import from_bytes  # noqa: E402

from reader.core.errors import ImportProblem  # noqa: E402
from reader.core.formats import load_file  # noqa: E402


def _samples() -> ModuleType:
    """The test module holding the texts (tests are not a package, so load it by path)."""
    path = REPO / "tests" / "unit" / "formats" / "test_legacy_encodings.py"
    spec = importlib.util.spec_from_file_location("legacy_encoding_samples", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _ours_right(path: Path, title: str, body: str) -> bool:
    try:
        [article] = load_file(path)
    except ImportProblem:
        return False
    return article.title == title and article.text == body


def _normalizer_right(data: bytes, page: str) -> bool:
    best = from_bytes(data).best()
    return best is not None and str(best) == page


def main() -> None:
    """Print one row per file and the totals."""
    mod = _samples()
    ours = alone = 0
    print(f"{'file':<22}{'ours':>6}{'charset-normalizer':>20}")
    with tempfile.TemporaryDirectory() as tmp:
        for codec, (title, body) in mod.SAMPLES.items():
            for ext, page in (("txt", mod.as_text_file(title, body)), ("html", mod.as_html_page(title, body))):
                data = page.encode(codec)
                path = Path(tmp) / f"{codec}.{ext}"
                path.write_bytes(data)
                a, b = _ours_right(path, title, body), _normalizer_right(data, page)
                ours += a
                alone += b
                print(f"{codec + '.' + ext:<22}{'ok' if a else 'WRONG':>6}{'ok' if b else 'WRONG':>20}")
    total = 2 * len(mod.SAMPLES)
    print(f"{'right':<22}{f'{ours}/{total}':>6}{f'{alone}/{total}':>20}")


if __name__ == "__main__":
    main()
