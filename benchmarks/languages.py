"""Language identification: our old guesser, CLD2 as the app uses it, and the candidates not chosen.

    .venv/bin/python benchmarks/languages.py

Texts: benchmarks/_language_samples.py (written for this project; one ~12-word sentence and one
~60-word paragraph in each of 22 languages, and short or mixed texts that have no one language).
"right" is the code the app would store: for CLD2 `guess_language` with its confidence rule; for
py3langid and lingua (run only when installed: `pip install py3langid lingua-language-detector`)
their top answer, lingua restricted to the 22 languages plus their close neighbours. Load time is a
fresh interpreter importing the package and identifying one sentence; per-article time is the mean
over the 22 paragraphs; size is what the installed package and its own dependencies take on disk.
No outside data is needed.
"""

from __future__ import annotations

import importlib.metadata as md
import importlib.util
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import _old_language  # noqa: E402
from _language_samples import SAMPLES, UNCLEAR, is_right  # noqa: E402

from reader.core.extract.language import guess_language  # noqa: E402

Identify = Callable[[str], str]
# lingua is told the languages that matter, and the ones each is most often taken for.
_LINGUA_LANGUAGES = (
    "POLISH SWEDISH TURKISH INDONESIAN DANISH ROMANIAN BOKMAL NYNORSK CZECH DUTCH PORTUGUESE ENGLISH FRENCH "
    "GERMAN SPANISH ITALIAN FINNISH RUSSIAN GREEK ARABIC CHINESE JAPANESE KOREAN MALAY SLOVAK CATALAN "
    "AZERBAIJANI UKRAINIAN BULGARIAN PERSIAN AFRIKAANS"
).split()


def _py3langid() -> Identify | None:
    if importlib.util.find_spec("py3langid") is None:
        return None
    import py3langid

    return lambda text: str(py3langid.classify(text)[0])


def _lingua() -> Identify | None:
    if importlib.util.find_spec("lingua") is None:
        return None
    from lingua import Language, LanguageDetectorBuilder

    detector = LanguageDetectorBuilder.from_languages(*(Language.from_str(n) for n in _LINGUA_LANGUAGES)).build()

    def identify(text: str) -> str:
        found = detector.detect_language_of(text)
        return found.iso_code_639_1.name.lower() if found is not None else ""

    return identify


# name -> (distribution, the statement a fresh interpreter times, how to build the identifier)
CANDIDATES: dict[str, tuple[str, str, Callable[[], Identify | None]]] = {
    "old": ("", "import _old_language as m; m.guess_language('Le conseil a voté mardi')",
            lambda: _old_language.guess_language),
    "CLD2 (ours)": ("pycld2", "import pycld2; pycld2.detect('Le conseil a voté mardi')", lambda: guess_language),
    "py3langid": ("py3langid", "import py3langid; py3langid.classify('Le conseil a voté mardi')", _py3langid),
    "lingua": ("lingua-language-detector", "", _lingua),
}  # fmt: skip


def load_seconds(statement: str) -> float:
    """Wall time of a fresh interpreter running `statement`, less that of an empty one."""
    def run(code: str) -> float:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", f"import sys; sys.path[:0] = {[str(HERE.parent), str(HERE)]!r}; {code}"],
                       check=True)  # fmt: skip
        return time.perf_counter() - started

    return max(0.0, run(statement) - run("pass"))


def installed_mb(dist: str) -> float:
    """Disk taken by a distribution and the ones it requires (numpy for py3langid), in MB."""
    if not dist:
        return 0.0
    seen: set[str] = set()
    total = 0
    todo = [dist]
    while todo:
        name = todo.pop()
        if name.lower() in seen:
            continue
        seen.add(name.lower())
        try:
            d = md.distribution(name)
        except md.PackageNotFoundError:
            continue
        paths = [Path(str(d.locate_file(f))) for f in d.files or []]
        total += sum(p.stat().st_size for p in paths if p.exists())
        todo += [re.split(r"[\s;<>=!~\[(]", r, maxsplit=1)[0] for r in d.requires or [] if "extra ==" not in r]
    return total / 1e6


def main() -> None:
    """Print right/wrong per language and length, the unclear texts, then load time, speed and size."""
    built = {name: build() for name, (_d, _s, build) in CANDIDATES.items()}
    ready = {name: f for name, f in built.items() if f is not None}
    header = f"{'language':<10}" + "".join(f"{name:>22}" for name in ready)
    print(header + "\n" + " " * 10 + "".join(f"{'sentence  paragraph':>22}" for _ in ready))
    right = {name: [0, 0] for name in ready}
    for language, texts in SAMPLES.items():
        row = f"{language:<10}"
        for name, identify in ready.items():
            cells = []
            for k, text in enumerate(texts):
                got = identify(text)
                ok = is_right(language, got)
                right[name][k] += ok
                cells.append("right" if ok else f"{got or '?'}")
            row += f"{cells[0]:>13}{cells[1]:>9}"
        print(row)
    n = len(SAMPLES)
    print(f"{'right':<10}" + "".join(f"{f'{r[0]}/{n}':>13}{f'{r[1]}/{n}':>9}" for r in right.values()))
    unclear = {name: sum(not f(t) for t in UNCLEAR) for name, f in ready.items()}
    print(f"{'unknown':<10}" + "".join(f"{f'{u}/{len(UNCLEAR)}':>22}" for u in unclear.values())
          + "   (short or mixed texts answered with no language)")  # fmt: skip
    paragraphs = [p for _s, p in SAMPLES.values()]
    print(f"\n{'identifier':<14}{'load s':>9}{'ms/article':>12}{'installed MB':>14}")
    for name, identify in ready.items():
        dist, statement, _build = CANDIDATES[name]
        if not statement:  # lingua's models load on first use: time the building and one call
            statement = ("from lingua import Language as L, LanguageDetectorBuilder as B; "
                         f"B.from_languages(*(L.from_str(n) for n in {_LINGUA_LANGUAGES!r})).build()"
                         ".detect_language_of('Le conseil a voté mardi')")  # fmt: skip
        started = time.perf_counter()
        for _ in range(5):
            for text in paragraphs:
                identify(text)
        per_article = (time.perf_counter() - started) / (5 * len(paragraphs)) * 1000
        print(f"{name:<14}{load_seconds(statement):>9.2f}{per_article:>12.2f}{installed_mb(dist):>14.1f}")


if __name__ == "__main__":
    main()
