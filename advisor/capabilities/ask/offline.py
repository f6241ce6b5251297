"""Grounded answers to free questions (`advisor ask`).

Offline, the answer is extractive: the retrieved passages are split into sentences, each sentence
is scored by its embedding similarity to the question (plus a little for its passage's rank), and
the best few, kept diverse, become cited bullet points. Every citation points at a chunk that was
retrieved for this question, quoting the sentence used.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Literal

from langchain_core.embeddings import Embeddings
from pydantic import BaseModel, Field

from advisor.retrieval.hybrid import Citation, Passage, Retriever
from advisor.text.sentences import split_sentences
from advisor.text.vectors import cosine

# Below this cosine similarity between the question and the best passage, we say we found nothing.
MIN_RELEVANCE = 0.25
MAX_POINTS = 5
MAX_PER_PASSAGE = 2
_MARKUP = re.compile(r"(\*\*|__|`)")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
# Sentences that lean on the one before ("This means…", "If you see these…") read badly on their own.
_DEPENDENT_OPENER = re.compile(r"^(this|these|that|those|it|they|such|only|also|if you see these)\b", re.I)
DEPENDENT_PENALTY = 0.06


class _SentenceVectors:
    """Vectors of passage sentences, kept between questions: the same guidance passages come back
    for many questions, and embedding their sentences is most of an answer's cost."""

    def __init__(self, size: int = 50_000) -> None:
        self._vectors: OrderedDict[tuple[int, str], list[float]] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def embed(self, embeddings: Embeddings, texts: list[str]) -> list[list[float]]:
        model = id(embeddings)
        with self._lock:
            missing = list(dict.fromkeys(t for t in texts if (model, t) not in self._vectors))
        fresh = dict(zip(missing, embeddings.embed_documents(missing), strict=True)) if missing else {}
        with self._lock:
            for text, vector in fresh.items():
                self._vectors[(model, text)] = vector
            found = [fresh.get(t) or self._vectors[(model, t)] for t in texts]
            for text in texts:
                self._vectors.move_to_end((model, text))
            while len(self._vectors) > self._size:
                self._vectors.popitem(last=False)
        return found


_SENTENCE_VECTORS = _SentenceVectors()


class Answer(BaseModel):
    """An answer with the passages it rests on."""

    answer: str = Field(description="The answer, in markdown, with [n] markers pointing into citations.")
    mode: Literal["offline", "llm"] = Field(description="offline: extractive; llm: written by a model.")
    citations: list[Citation] = Field(description="Citation n is the [n] marker in the answer.")
    warnings: list[str] = Field(
        default_factory=list, exclude=True, description="Notes for the user (e.g. a model fallback)."
    )


@dataclass(frozen=True)
class _Candidate:
    passage_rank: int
    passage: Passage
    sentence: str
    quote: str
    vector: list[float]
    score: float


def answer_question(
    question: str,
    *,
    retriever: Retriever,
    workspace: str | None = None,
    k: int | None = None,
) -> Answer:
    """Answer `question` from the knowledge base and, if given, the workspace's documents."""
    question = question.strip()
    passages = retriever.search(question, workspace=workspace, k=k)
    if not passages or max((p.similarity or 0.0) for p in passages) < MIN_RELEVANCE:
        where = "the knowledge base" + (f" or the {workspace!r} workspace" if workspace else "")
        return Answer(
            answer=f"I found nothing in {where} that answers this. Try rephrasing with the coalition "
            "situation you face (for example: members, purpose, charter, funding, conflict, measurement).",
            mode="offline",
            citations=[],
        )
    points = select_sentences(question, passages, retriever.embeddings)
    answer = compose_answer(points, workspace)
    return answer.model_copy(update={"warnings": injection_warnings([p for p, _ in points])})


def injection_warnings(passages: list[Passage]) -> list[str]:
    """A warning per source whose passages try to instruct an AI (they are still only data)."""
    from advisor.documents.injection import find_injections, injection_warning

    warnings: dict[str, str] = {}
    for passage in passages:
        findings = find_injections(passage.text)
        if findings and passage.source not in warnings:
            warnings[passage.source] = injection_warning(passage.source, findings)
    return list(warnings.values())


def select_sentences(
    question: str, passages: list[Passage], embeddings: Embeddings
) -> list[tuple[Passage, list[tuple[str, str]]]]:
    """The most relevant, mutually different (sentence, verbatim quote) pairs, grouped by passage."""
    pool = [
        (rank, passage, _clean(quote), quote)
        for rank, passage in enumerate(passages)
        for quote in (_LIST_MARKER.sub("", s) for s in split_sentences(passage.text))
        if 5 <= len(quote.split()) <= 70
    ]
    if not pool:
        return [(p, [(_clean(p.text), p.text)]) for p in passages[:1]]
    # A sentence is judged with its heading ("Purpose: Cut traffic deaths…"), which often names its topic.
    vectors = _SENTENCE_VECTORS.embed(
        embeddings, [f"{p.heading or p.title}: {clean}" for _, p, clean, _ in pool]
    )
    query = embeddings.embed_query(question)
    candidates = sorted(
        (
            _Candidate(
                rank,
                passage,
                clean,
                quote,
                vector,
                cosine(query, vector)
                + 0.1 / (1 + rank)
                - DEPENDENT_PENALTY * bool(_DEPENDENT_OPENER.match(clean)),
            )
            for (rank, passage, clean, quote), vector in zip(pool, vectors, strict=True)
        ),
        key=lambda c: c.score,
        reverse=True,
    )
    chosen: list[_Candidate] = []
    # The user's own documents come first when they hold something relevant: one point is reserved
    # for the best sentence from the workspace.
    own = next((c for c in candidates if c.passage.scope != "knowledge" and c.passage_rank < 3), None)
    if own is not None:
        chosen.append(own)
    for candidate in candidates:
        if candidate in chosen:
            continue
        if len(chosen) == MAX_POINTS:
            break
        same_passage = sum(1 for c in chosen if c.passage.chunk_id == candidate.passage.chunk_id)
        redundant = any(cosine(candidate.vector, c.vector) > 0.85 for c in chosen)
        if same_passage < MAX_PER_PASSAGE and not redundant:
            chosen.append(candidate)
    grouped: dict[str, tuple[Passage, list[_Candidate]]] = {}
    for candidate in chosen:
        grouped.setdefault(candidate.passage.chunk_id, (candidate.passage, []))[1].append(candidate)
    # Within a passage keep reading order, so two sentences from one chunk read naturally.
    return [
        (passage, [(c.sentence, c.quote) for c in sorted(items, key=lambda c: passage.text.find(c.quote))])
        for passage, items in grouped.values()
    ]


def compose_answer(points: list[tuple[Passage, list[tuple[str, str]]]], workspace: str | None) -> Answer:
    """Cited markdown bullets, one per passage used."""
    used_workspace = any(p.scope != "knowledge" for p, _ in points)
    intro = "From your coalition's documents and the guidance:" if used_workspace else "From the guidance:"
    lines = [intro, ""]
    citations: list[Citation] = []
    for number, (passage, sentences) in enumerate(points, 1):
        label = passage.heading or passage.title
        lines.append(f"- **{label}**: {' '.join(s for s, _ in sentences)} [{number}]")
        citations.append(passage.citation(quote=" … ".join(q for _, q in sentences)))
    return Answer(answer="\n".join(lines), mode="offline", citations=citations)


def _clean(sentence: str) -> str:
    return _MARKUP.sub("", sentence).strip()
