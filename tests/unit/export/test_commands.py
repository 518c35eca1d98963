"""The `export` and `import-annotations` commands, run through the CLI front door with a temporary data dir."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.annotation import TextQuote
from reader.core.entities import EntitySpan
from reader.core.formats import load_file
from reader.core.store.user_data import UserStore
from reader.paths import resolve_paths

ARTICLE = Path(__file__).resolve().parents[2] / "fixtures" / "export" / "ferry-fares.html"


def _annotate(data_dir: Path) -> str:
    article = load_file(ARTICLE)[0]
    paths = resolve_paths(data_dir).ensure()
    with UserStore(paths.user_db) as store:
        start = article.text.index("raise ferry fares")
        end = start + len("raise ferry fares by 12%")
        store.add_highlight(article.id, start, end, TextQuote(article.text[start:end]), color="green",
                            note="Compare with 2024.")
        store.set_note(article.id, "Call the Authority.")
        store.set_bookmark_tags(article.id, ["transport"])
    return article.id


def test_export_a_file_then_refuse_to_overwrite_without_force(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.core.entities

    def fake_tag(text: str, language: str = "") -> list[EntitySpan]:
        start = text.index("Ines Duarte")
        return [EntitySpan(start, start + len("Ines Duarte"), "PER", "Ines Duarte")]

    monkeypatch.setattr(reader.core.entities, "tag", fake_tag)
    _annotate(data_dir)
    out = tmp_path / "out"
    assert main(["export", str(ARTICLE), "--data-dir", str(data_dir), "-o", str(out), "--entities"]) == 0
    written = out / "Harbour ferry fares rise again.md"
    assert capsys.readouterr().out.strip() == str(written)
    md = written.read_text(encoding="utf-8")
    assert "==raise ferry fares by 12%==[^1]" in md and "[^1]: Compare with 2024." in md
    assert "## Note\n\nCall the Authority." in md and '  - "transport"' in md
    assert "- **People**: Ines Duarte" in md  # tagged on the spot: the cache had no entity mentions yet
    assert main(["export", str(ARTICLE), "--data-dir", str(data_dir), "-o", str(out)]) == 1
    assert "would be overwritten" in capsys.readouterr().err
    assert main(["export", str(ARTICLE), "--data-dir", str(data_dir), "-o", str(out), "--force", "-f", "txt"]) == 0


def test_json_export_of_the_annotated_then_import_into_another_profile(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article_id = _annotate(data_dir)
    common = ["--data-dir", str(data_dir)]
    assert main(["export", str(ARTICLE), *common, "-o", str(tmp_path / "seed")]) == 0  # puts it in the cache
    out = tmp_path / "annotations.json"
    assert main(["export", "--annotated", *common, "-f", "json", "--combined", "-o", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [a["motivation"] for a in doc["first"]["items"]] == ["bookmarking", "commenting", "highlighting"]
    capsys.readouterr()
    assert main(["import-annotations", str(out), *common, "--profile", "other"]) == 0
    assert capsys.readouterr().out.strip() == f"{out}: 3 added, 0 updated, 0 unchanged (older or equal)"
    with UserStore(resolve_paths(data_dir, "other").user_db) as other:
        [h] = other.highlights(article_id)
        assert (h.note, h.color, h.quote.exact) == ("Compare with 2024.", "green", "raise ferry fares by 12%")
        assert other.note(article_id) == "Call the Authority."
        assert other.bookmark(article_id).tags == ("transport",)


def test_ids_by_prefix_and_clear_errors(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article_id = _annotate(data_dir)
    common = ["--data-dir", str(data_dir)]
    assert main(["export", *common]) == 2
    assert "say what to export" in capsys.readouterr().err
    assert main(["export", str(ARTICLE), *common, "-o", str(tmp_path / "seed")]) == 0
    assert main(["export", article_id[:8], *common, "-f", "html", "-o", str(tmp_path / "one.html")]) == 0
    assert "<mark" in (tmp_path / "one.html").read_text(encoding="utf-8")
    assert main(["export", "nosuchid", *common, "-o", str(tmp_path)]) == 1
    assert "neither a file nor an article id" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    assert main(["import-annotations", str(bad), *common]) == 1
    assert "no W3C Web Annotations" in capsys.readouterr().err
