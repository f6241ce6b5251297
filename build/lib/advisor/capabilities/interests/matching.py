"""Judging whether two short statements are about the same need, by meaning and by words.

Used by the interests capability to decide whether an objective serves a member's interest and
whether a member speaks for an affected group. Each judgement is `Evidence`: the cosine
similarity of the two texts' embeddings (when an embedding model is given), the content words
(stems) they share, and the domain concepts they share. Concepts are small families of
coalition-work phrasings that mean the same need ("stay in the neighbourhood", "displacement",
"eviction"): explicit knowledge for links an embedding model of this size misses.

The rule (`Evidence.supported`): close meaning alone is enough; a related meaning needs a shared
content word (or a shared population concept: "kids" and "students"); a shared need concept needs
only a meaning that is not unrelated. Without embeddings, shared words or concepts decide.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from advisor.capabilities.interests.lexicon import CONCEPTS, POPULATION_CONCEPTS, STOPWORDS
from advisor.text.stemming import stem_words

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

# all-MiniLM-L6-v2 cosines between short statements. A need and the action that serves it, or two
# names for one group, said alike: ~0.55 and above. Pairs on a related topic: ~0.35-0.55, where only
# a shared content word tells "serves" from "is merely related". Unrelated pairs: below ~0.15, so a
# shared domain concept asks no more than that. Checked on evals/data/rosters (tests/test_interests.py).
STRONG_SIMILARITY = 0.55
WORD_SUPPORTED_SIMILARITY = 0.40
CONCEPT_SUPPORTED_SIMILARITY = 0.15

_CONCEPTS = {name: [re.compile(p, re.IGNORECASE) for p in patterns] for name, patterns in CONCEPTS.items()}

_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Keys:
    """The content-word stems and concepts of one text."""

    stems: frozenset[str]
    concepts: frozenset[str]


@dataclass(frozen=True)
class Evidence:
    """How closely two texts match: by meaning (when embedded) and by shared words and concepts."""

    similarity: float | None
    shared_words: tuple[str, ...]
    shared_concepts: tuple[str, ...]

    @property
    def supported(self) -> bool:
        """Whether the match is strong enough to count (see the module docstring)."""
        if self.similarity is None:
            return bool(self.shared_words or self.shared_concepts)
        needs = set(self.shared_concepts) - POPULATION_CONCEPTS
        words = bool(self.shared_words) or len(needs) < len(self.shared_concepts)
        return (
            self.similarity >= STRONG_SIMILARITY
            or (words and self.similarity >= WORD_SUPPORTED_SIMILARITY)
            or (bool(needs) and self.similarity >= CONCEPT_SUPPORTED_SIMILARITY)
        )

    @property
    def strength(self) -> float:
        """A number to rank candidates by: the similarity, or the count of shared keys."""
        if self.similarity is not None:
            return self.similarity
        return float(len(self.shared_words) + len(self.shared_concepts))

    def describe(self) -> str:
        """Short evidence for a report, e.g. "similarity 0.35; shared words: school"."""
        parts = [] if self.similarity is None else [f"similarity {self.similarity:.2f}"]
        if self.shared_words:
            parts.append("shared words: " + ", ".join(self.shared_words))
        if self.shared_concepts:
            parts.append("shared concepts: " + ", ".join(self.shared_concepts))
        return "; ".join(parts) or "nothing in common"


def place_words(names: Iterable[str]) -> frozenset[str]:
    """Capitalised words that many member names share ("Riverside", "Harbor County"): the locale.

    They say where members are, not whom they speak for, and would make every text look alike.
    """
    names = list(names)
    if len(names) < 3:
        return frozenset()
    counts = Counter(w.lower() for name in names for w in set(re.findall(r"\b[A-Z][\w'-]*", name)))
    return frozenset(w for w, n in counts.items() if n >= 0.4 * len(names))


class Matcher:
    """Judges pairs of texts from one roster; embeds each distinct text once."""

    def __init__(
        self, texts: Iterable[str], *, places: frozenset[str], embeddings: Embeddings | None = None
    ) -> None:
        self.places = places
        self._keys: dict[str, Keys] = {}
        self._vectors: dict[str, Any] = {}
        unique = list(dict.fromkeys(t for t in texts if t.strip()))
        for text in unique:
            self._keys[text] = self._extract(text)
        if embeddings is not None and unique:
            matrix = np.asarray(embeddings.embed_documents([self.neutral(t) for t in unique]), dtype=float)
            norms = np.linalg.norm(matrix, axis=1, keepdims=True)
            matrix = matrix / np.where(norms == 0, 1.0, norms)
            self._vectors = dict(zip(unique, matrix, strict=True))

    def neutral(self, text: str) -> str:
        """The text without its place words, which would make every text of a roster look alike."""
        kept = [w for w in text.split() if w.strip(".,;:()'\"").lower() not in self.places]
        return " ".join(kept) or text

    def keys(self, text: str) -> Keys:
        if text not in self._keys:
            self._keys[text] = self._extract(text)
        return self._keys[text]

    def evidence(self, a: str, b: str, *, extra_words: Sequence[str] = ()) -> Evidence:
        """How closely `a` matches `b` (`extra_words`: more words that count as part of `b`)."""
        keys_a, keys_b = self.keys(a), self.keys(b)
        stems_b = keys_b.stems | self._extract(" ".join(extra_words)).stems
        similarity = None
        if a in self._vectors and b in self._vectors:
            similarity = round(float(self._vectors[a] @ self._vectors[b]), 4)
        return Evidence(
            similarity=similarity,
            shared_words=tuple(sorted(keys_a.stems & stems_b)),
            shared_concepts=tuple(sorted(keys_a.concepts & keys_b.concepts)),
        )

    def best(self, text: str, candidates: Sequence[str]) -> tuple[int, Evidence] | None:
        """The candidate that supports `text` best (supported ones first), or None with no candidates."""
        scored = [(i, self.evidence(text, c)) for i, c in enumerate(candidates)]
        if not scored:
            return None
        return max(scored, key=lambda item: (item[1].supported, item[1].strength))

    def _extract(self, text: str) -> Keys:
        lowered = text.lower()
        concepts = frozenset(
            name for name, patterns in _CONCEPTS.items() if any(p.search(lowered) for p in patterns)
        )
        words = [
            w for w in _WORD.findall(lowered) if len(w) > 2 and w not in STOPWORDS and w not in self.places
        ]
        return Keys(stems=frozenset(stem_words(words)), concepts=concepts)
