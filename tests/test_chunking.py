"""Chunks respect the token budget and headings, and their ids are stable for unchanged files."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.documents import chunking
from advisor.documents.chunking import chunk_document, split_sentences
from advisor.documents.read import read_document
from advisor.text import sentences
from advisor.text.sentences import _ends_in_abbreviation as ends_in_abbreviation
from advisor.text.tokens import count_tokens, encode
from tests.conftest import write

LONG = " ".join(f"Members agree on rule number {i} about meetings and money." for i in range(120))


def test_chunks_stay_within_budget_and_keep_their_heading(tmp_path: Path) -> None:
    doc = read_document(
        write(tmp_path / "c.md", f"# Charter\n\n## Governance\n\n{LONG}\n\n## Roles\n\nShort.")
    )
    chunks = chunk_document(doc, max_tokens=120, overlap_tokens=20)
    assert len(chunks) > 5
    assert all(count_tokens(c.text) <= 120 + 2 for c in chunks)  # +2: joining newlines
    assert {c.heading for c in chunks} == {"Governance", "Roles"}
    assert chunks[-1].text == "Short." and chunks[-1].heading == "Roles"


def test_neighbouring_chunks_overlap_by_whole_sentences(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "c.md", LONG))
    first, second = chunk_document(doc, max_tokens=120, overlap_tokens=30)[:2]
    first_sentences, second_sentences = split_sentences(first.text), split_sentences(second.text)
    shared = [s for s in second_sentences if s in first_sentences]
    assert shared and shared == first_sentences[-len(shared) :] == second_sentences[: len(shared)]
    assert sum(count_tokens(s) for s in shared) <= 30


def test_ids_are_deterministic_and_change_with_content(tmp_path: Path) -> None:
    path = write(tmp_path / "c.md", f"# Charter\n\n{LONG}")
    ids = [c.id for c in chunk_document(read_document(path))]
    assert ids == [c.id for c in chunk_document(read_document(path))]
    assert len(set(ids)) == len(ids)
    write(path, f"# Charter\n\n{LONG} One more rule.")
    assert set(ids).isdisjoint(c.id for c in chunk_document(read_document(path)))


def test_sentence_splitting_keeps_list_numbers_and_bold_leads() -> None:
    assert split_sentences("1. **Talk first.** Then escalate. By 2030. Done!") == [
        "1. **Talk first.** Then escalate.",
        "By 2030.",
        "Done!",
    ]


def test_a_title_before_a_name_ends_no_sentence() -> None:
    """A new user's notes said "Rev. Porter emailed Dana ... Fr. Michael said ...": the pivots reader got
    "Porter emailed Dana" and "Rev." as two sentences."""
    assert split_sentences("Rev. Porter emailed Dana. Fr. Michael said he would not. Cllr. Ames agreed.") == [
        "Rev. Porter emailed Dana.",
        "Fr. Michael said he would not.",
        "Cllr. Ames agreed.",
    ]


@pytest.mark.parametrize("unit", ["Dr. X ", "e.g. ", "Hi! ", "a.b.c ", "word ", "x" * 64])
def test_a_pathological_long_line_is_chunked_with_bounded_work_per_character(
    tmp_path: Path, unit: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 1 MiB line of abbreviations or one unbroken word is chunked whole, and no step rescans the line.

    Work is counted, not timed (the timings are in `python benchmarks/chunking.py`): every abbreviation
    check looks back a bounded stretch, and the tokenizer, whose merging is superlinear within one
    word, is handed bounded windows that together hold the text once.
    """
    encoded: list[int] = []
    looked_back: list[int] = []

    def counting_encode(text: str) -> list[int]:
        encoded.append(len(text))
        return encode(text)

    def counting_look_back(before: str) -> bool:
        looked_back.append(len(before))
        return ends_in_abbreviation(before)

    monkeypatch.setattr(chunking, "encode", counting_encode)
    monkeypatch.setattr(sentences, "_ends_in_abbreviation", counting_look_back)
    line = unit * (1_000_000 // len(unit))
    path = write(tmp_path / "line.md", "# One line\n\n" + line)

    chunks = chunk_document(read_document(path, max_bytes=2**25), max_tokens=200, overlap_tokens=0)

    assert "".join(c.text.replace("\n", " ") for c in chunks).replace(" ", "") == line.replace(" ", "")
    assert all(count_tokens(c.text) <= 200 + 2 for c in chunks)
    assert max(encoded) <= 200 * 16 and sum(encoded) <= len(line) * 1.01
    assert max(looked_back, default=0) <= 40


def test_a_lists_last_item_never_runs_into_the_paragraph_after_it(tmp_path: Path) -> None:
    from advisor.capabilities.charter.clauses import split_clauses

    doc = read_document(
        write(
            tmp_path / "c.md",
            "# Charter\n\n## Plays\n\nThe network reads:\n\n- new plays by local writers\n"
            "- the classics of the stage\n\nThe network holds an annual festival in Leeds.\n",
        )
    )
    (chunk,) = chunk_document(doc)
    clauses = [c.text for c in split_clauses(chunk.text)]  # what a draft or an answer quotes
    assert "the classics of the stage" in clauses, clauses
    assert "The network holds an annual festival in Leeds." in clauses, clauses
