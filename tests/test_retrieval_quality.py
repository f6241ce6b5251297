"""Retrieval quality on the labelled question set: hit@3 must stay at or above 0.9, in the embedded
store and on a `chroma run` server (see conftest)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from advisor.retrieval.passages import Passage
from advisor.service.runtime import Runtime

QUESTIONS = Path(__file__).resolve().parents[1] / "evals" / "retrieval" / "questions.yaml"


@pytest.fixture
def runtime(backend_runtime: Runtime) -> Runtime:
    return backend_runtime


def topic(passage: Passage) -> str:
    return passage.source.removeprefix("knowledge/").removesuffix(".md")


def test_question_set_is_large_enough_and_points_at_real_topics() -> None:
    questions = yaml.safe_load(QUESTIONS.read_text())
    topics = {p.stem for p in (QUESTIONS.parents[2] / "knowledge").glob("*.md")}
    assert len(questions) >= 40 and len(topics) >= 24
    assert all(set(q["expected"]) <= topics for q in questions)


def test_hit_at_3_and_mrr(runtime: Runtime) -> None:
    questions = yaml.safe_load(QUESTIONS.read_text())
    hits, reciprocal, misses = 0, 0.0, []
    for q in questions:
        ranked = [topic(p) for p in runtime.retriever.search(q["question"], k=3)]
        rank = next((i for i, t in enumerate(ranked) if t in q["expected"]), None)
        hits += rank is not None
        reciprocal += 0.0 if rank is None else 1 / (rank + 1)
        if rank is None:
            misses.append(f"{q['question']} -> {ranked} (want {q['expected']})")
    hit_at_3, mrr = hits / len(questions), reciprocal / len(questions)
    print(f"\nretrieval ({runtime.store.mode}): {len(questions)} questions,", end=" ")
    print(f"hit@3 {hit_at_3:.3f}, MRR@3 {mrr:.3f}")
    assert hit_at_3 >= 0.9, "\n".join(misses)
    assert mrr >= 0.7


def test_guidance_served_spans_several_topics_unless_the_caller_asks_for_depth(runtime: Runtime) -> None:
    question = "How should we take decisions, and what happens when a vote is tied?"
    served = [topic(p) for p in runtime.retriever.search(question, k=6)]
    assert len(set(served)) == len(served) == 6, served
    deep = [topic(p) for p in runtime.retriever.search(question, k=6, per_source=3)]
    assert max(deep.count(t) for t in deep) > 1, deep
