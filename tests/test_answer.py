"""Offline answers are extractive, cited, grounded in retrieved chunks, and honest when nothing fits."""

from __future__ import annotations

from pathlib import Path

from advisor.capabilities.ask.offline import answer_question
from advisor.service.runtime import Runtime
from advisor.store.ingest import ingest_paths
from tests.conftest import write


def test_conflict_question_gets_cited_points_from_the_conflict_guidance(runtime: Runtime) -> None:
    answer = answer_question("How do we handle conflict between members?", retriever=runtime.retriever)
    assert answer.mode == "offline"
    assert 2 <= len(answer.citations) <= 5
    assert "knowledge/managing-conflict.md" in {c.source for c in answer.citations}
    for number in range(1, len(answer.citations) + 1):
        assert f"[{number}]" in answer.answer
    assert len(answer.answer) < 2000  # sentences, not whole chunks pasted


def test_every_quote_is_verbatim_from_a_retrieved_chunk(runtime: Runtime) -> None:
    question = "How should we share money between partners?"
    retrieved = {p.chunk_id: p.text for p in runtime.retriever.search(question)}
    answer = answer_question(question, retriever=runtime.retriever)
    assert answer.citations
    for citation in answer.citations:
        assert citation.chunk_id in retrieved
        for part in citation.quote.split(" … "):
            assert part in retrieved[citation.chunk_id]


def test_workspace_documents_are_used_and_cited(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    write(
        tmp_path / "charter.md",
        "# Riverside Safe Streets Charter\n\n## Purpose\nCut traffic deaths in Riverside to zero by 2030.\n",
    )
    ingest_paths(
        [tmp_path / "charter.md"],
        workspace_name,
        settings=runtime.settings,
        store=runtime.store,
        embeddings=runtime.embeddings,
    )
    answer = answer_question("What is our purpose?", retriever=runtime.retriever, workspace=workspace_name)
    assert answer.citations[0].source == "charter.md"
    assert "zero by 2030" in answer.answer


def test_unrelated_question_says_nothing_was_found(runtime: Runtime) -> None:
    answer = answer_question("qwertyuiop zxcvbnm", retriever=runtime.retriever)
    assert answer.citations == [] and "nothing" in answer.answer
