"""Chunks respect the token budget and headings, and their ids are stable for unchanged files."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from advisor.documents.chunking import chunk_document, split_sentences
from advisor.documents.read import read_document
from advisor.text.tokens import count_tokens
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


@pytest.mark.parametrize("unit", ["Dr. X ", "e.g. ", "Hi! ", "a.b.c ", "word ", "x" * 64])
def test_a_pathological_long_line_is_chunked_in_linear_time(tmp_path: Path, unit: str) -> None:
    def seconds(chars: int) -> float:
        path = tmp_path / "line.md"
        path.write_text("# One line\n\n" + unit * (chars // len(unit)), encoding="utf-8")
        started = time.perf_counter()
        chunk_document(read_document(path, max_bytes=2**25))
        return time.perf_counter() - started

    seconds(50_000)  # warm the tokenizer
    small, large = seconds(250_000), seconds(1_000_000)
    print(f"\n{unit[:8]!r}: 1 MiB line in {large:.2f} s ({large / max(small, 1e-3):.1f}x the time of 1/4)")
    assert large < 10
    assert large < 8 * max(small, 0.02)  # 4x the text: about 4x the time, not 16x
