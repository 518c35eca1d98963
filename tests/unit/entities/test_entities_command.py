"""`news-reader entities`: the CoNLL round trip and the article listing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.formats import load_file


def test_conll_round_trip(fixtures_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = fixtures_dir / "entities" / "tiny.conll"
    assert main(["entities", "--conll", str(src)]) == 0
    out = capsys.readouterr().out.splitlines()
    lines = src.read_text(encoding="utf-8").splitlines()
    assert len(out) == len(lines)
    gold, pred = [], []
    for given, got in zip(lines, out, strict=True):
        if not given.strip() or given.startswith("-DOCSTART-"):
            assert got == given
            continue
        token, tag = got.split("\t")
        assert token == given.split()[0]
        gold.append(given.split()[-1])
        pred.append(tag)
    for prev, tag in zip(["O", *pred], pred, strict=False):
        assert tag == "O" or tag[:2] == "B-" or (tag[:2] == "I-" and prev[2:] == tag[2:])
    # Every entity of this small file is an easy one.
    assert pred == gold


def test_article_json_offsets_index_the_article_text(fixtures_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = fixtures_dir / "entities" / "article.txt"
    assert main(["entities", str(src), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    text = load_file(src)[0].text
    assert rows and all(text[r["start"] : r["end"]] == r["text"] for r in rows)
    found = {(r["text"], r["type"]) for r in rows}
    assert {("John Carter", "PER"), ("United Nations", "ORG"), ("Nairobi", "LOC"), ("$2.5 billion", "MONEY"),
            ("3%", "PERCENT"), ("120 km", "QUANTITY")} <= found


def test_article_plain_listing(fixtures_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["entities", str(fixtures_dir / "entities" / "article.txt")]) == 0
    first = capsys.readouterr().out.splitlines()[0].split("\t")
    assert len(first) == 4 and first[0].isdigit() and first[1].isdigit()


def test_missing_file_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["entities", str(tmp_path / "nope.txt")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_conll_without_docstart_keeps_every_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "plain.conll"
    src.write_text("Paris\nis\nbig\n\n\nBerlin\ntoo\n", encoding="utf-8")
    assert main(["entities", "--conll", str(src)]) == 0
    assert capsys.readouterr().out.splitlines() == ["Paris\tB-LOC", "is\tO", "big\tO", "", "", "Berlin\tB-LOC",
                                                     "too\tO"]


def test_conll_output_is_the_taggers_tags_document_by_document(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    from reader.core.entities import tag_sentences

    docs = [[["Maria", "Keller", "flew", "from", "Oslo", "to", "Lisbon", "on", "Tuesday", "."],
             ["Keller", "said", "the", "Northwind", "Bank", "would", "pay", "."]],
            [["GERMANY", "BEAT", "SPAIN", "2-1"], ["Munich", "3", "1", "0", "2", "5"]],
            [["The", "talks", "in", "Geneva", "ended", "."]]]
    lines = []
    for doc in docs:
        lines += ["-DOCSTART- -X- -X- O", ""]
        for sent in doc:
            lines += [f"{tok}\tNNP O" if k == 1 else f"{tok} X O" for k, tok in enumerate(sent)] + ["   "]
    src = tmp_path / "three.conll"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["entities", "--conll", str(src)]) == 0
    out = capsys.readouterr().out.splitlines()
    expected = []
    for doc in docs:
        expected += ["-DOCSTART- -X- -X- O", ""]
        for sent, tags in zip(doc, tag_sentences(doc), strict=True):
            expected += [f"{tok}\t{tag}" for tok, tag in zip(sent, tags, strict=True)] + [""]
    assert out == expected
    assert "Oslo\tB-LOC" in out and "Maria\tB-PER" in out  # the tags are the model's, not all O


def test_conll_batch_puts_the_collector_settings_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import gc

    src = tmp_path / "one.conll"
    src.write_text("Paris X O\nis X O\n", encoding="utf-8")
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)  # Python's defaults, whatever an earlier run left
    try:
        assert main(["entities", "--conll", str(src)]) == 0
        assert capsys.readouterr().out == "Paris\tB-LOC\nis\tO\n"
        # A caller that goes on (the window's process, these tests) keeps its own collection thresholds.
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*before)
