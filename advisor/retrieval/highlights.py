"""The sentences of retrieved passages that answer a query best: scored by embedding similarity
to the query (plus a little for the passage's rank), kept diverse, each with its verbatim quote.
Used by grounded answers and by the pivots' citations.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass

from langchain_core.embeddings import Embeddings

from advisor.retrieval.passages import Passage
from advisor.text.sentences import split_sentences
from advisor.text.vectors import cosine

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


def embed_cached(embeddings: Embeddings, texts: list[str]) -> list[list[float]]:
    """Vectors of passage texts (sentences, units), kept between questions."""
    return _SENTENCE_VECTORS.embed(embeddings, texts)


@dataclass(frozen=True)
class _Candidate:
    passage_rank: int
    passage: Passage
    sentence: str
    quote: str
    vector: list[float]
    score: float


def select_sentences(
    question: str, passages: list[Passage], embeddings: Embeddings
) -> list[tuple[Passage, list[tuple[str, str]]]]:
    """The most relevant, mutually different (sentence, verbatim quote) pairs, grouped by passage."""
    pool = [
        (rank, passage, _clean(quote), quote)
        for rank, passage in enumerate(passages)
        for quote in _quotes(passage.text)
    ]
    if not pool:
        return [(p, [(_clean(p.text), p.text)]) for p in passages[:1]]
    vectors = _SENTENCE_VECTORS.embed(
        embeddings, [_sentence_text(p.heading, p.title, clean) for _, p, clean, _ in pool]
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


def sentence_texts(heading: str, title: str, text: str) -> list[str]:
    """What is embedded of each sentence of a passage when an answer weighs them."""
    return [_sentence_text(heading, title, _clean(quote)) for quote in _quotes(text)]


def _quotes(text: str) -> list[str]:
    # (never a lead-in, "Set expectations before a large partner joins, in writing:": alone it says
    # nothing; what it introduces is quoted instead)
    quotes = (_LIST_MARKER.sub("", s) for s in split_sentences(text))
    return [quote for quote in quotes if 5 <= len(quote.split()) <= 70 and not quote.rstrip().endswith(":")]


def _sentence_text(heading: str, title: str, clean: str) -> str:
    # A sentence is judged with its heading ("Purpose: Cut traffic deaths…"), which often names its topic.
    return f"{heading or title}: {clean}"


def _clean(sentence: str) -> str:
    return _MARKUP.sub("", sentence).strip()
