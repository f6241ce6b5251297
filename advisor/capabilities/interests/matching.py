"""Judging whether two short statements are about the same need, by meaning and by words.

Used by the interests capability to decide whether an objective serves a member's interest and
whether a member speaks for an affected group. Each judgement is `Evidence`: the cosine
similarity of the two texts' embeddings (when an embedding model is given), the content words
(stems) they share, and the domain concepts they share. Concepts are small families of
coalition-work phrasings that mean the same need ("stay in the neighbourhood", "displacement",
"eviction"): explicit knowledge for links an embedding model of this size misses.

The rule (`Evidence.supported`): close meaning alone is enough; a related meaning needs a shared
content word; a shared need concept needs only a meaning that is not unrelated. Without embeddings,
shared words or concepts decide.

Whether an objective serves an interest (`Matcher.serves`) is judged by what the interest asks for,
not by whom it is for: words that only say who (an affected group's head noun, "contributors",
"families", or a population concept, "kids" and "students") show no service, and an interest that
asks for a means (money, visibility, a post: `means_concepts` in the lexicon) is served only by an
objective that names the same means. Whether a member speaks for a group (`Matcher.evidence`) is
about who, so there every shared word counts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from advisor.capabilities.interests.lexicon import CONCEPTS, MEANS_CONCEPTS, POPULATION_CONCEPTS, STOPWORDS
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
# Where a group's head noun ends: "contributors | in the Asia-Pacific region", "youth | aging out of…".
_AFTER_HEAD = re.compile(
    r"\s(?:of|in|from|with|who|whose|that|which|across|under|over|aged|for|on|at|to|using)\b|\s\w+ing\b|[,;(]"
)


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
    shared_people: tuple[str, ...] = ()  # shared words that only say who (`Matcher.serves`)
    missing_means: tuple[str, ...] = ()  # means the first text asks for and the second does not name
    who_only: bool = False  # population concepts say who only (`Matcher.serves`)

    @property
    def supported(self) -> bool:
        """Whether the match is strong enough to count (see the module docstring)."""
        if self.missing_means:
            return False
        if self.similarity is None:
            return bool(self.shared_words or self.shared_people or self.shared_concepts)
        # a shared means is no evidence by itself: money for one cause is not money for another
        needs = set(self.shared_concepts) - POPULATION_CONCEPTS - MEANS_CONCEPTS
        people = bool(set(self.shared_concepts) & POPULATION_CONCEPTS)
        words = bool(self.shared_words) or (people and not self.who_only)
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
        if self.shared_people:
            parts.append("shared words for who: " + ", ".join(self.shared_people))
        if self.shared_concepts:
            parts.append("shared concepts: " + ", ".join(self.shared_concepts))
        if self.missing_means:
            parts.append("asks for " + ", ".join(self.missing_means) + ", which it does not name")
        return "; ".join(parts) or "nothing in common"


# two or more capitalised words in a row: a name ("Kettle River Band")
_PROPER_NAME = re.compile(r"\b[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)+")
# "Kettle County Farm Bureau": the capitalised words before a place word name a place
_NAMED_PLACE = re.compile(
    r"\b((?:[A-Z][\w'-]*\s+){1,3})(?:County|City|Township|Parish|District|Borough|Region|Province|State)\b"
)


def place_words(names: Iterable[str]) -> frozenset[str]:
    """Capitalised words that many member names share ("Riverside", "Harbor County"), and the name of
    a county, city or district in any of them ("Kettle County Farm Bureau"): the locale.

    They say where members are, not whom they speak for, and would make every text look alike
    (a "Kettle County" bureau does not speak for the "Kettle River Band").
    """
    names = list(names)
    named = {w.lower() for name in names for m in _NAMED_PLACE.finditer(name) for w in m.group(1).split()}
    if len(names) < 3:
        return frozenset(named)
    counts = Counter(w.lower() for name in names for w in set(re.findall(r"\b[A-Z][\w'-]*", name)))
    return frozenset(w for w, n in counts.items() if n >= 0.4 * len(names)) | named


def group_heads(groups: Iterable[str]) -> list[str]:
    """The head nouns of affected groups, the words that say who ("new contributors from X" ->
    "contributors"; "students and new developers" -> "students", "developers")."""
    heads = []
    for group in groups:
        lead = _AFTER_HEAD.split(f" {group.strip()}", maxsplit=1)[0]
        heads += [words[-1] for part in re.split(r"\s(?:and|or)\s|/", lead) if (words := part.split())]
    return heads


class Matcher:
    """Judges pairs of texts from one roster; embeds each distinct text once."""

    def __init__(
        self,
        texts: Iterable[str],
        *,
        places: frozenset[str],
        embeddings: Embeddings | None = None,
        people: Iterable[str] = (),
    ) -> None:
        self.places = places
        self.people = self._extract(" ".join(people)).stems
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
        """How closely `a` matches `b` (`extra_words`: more words that count as part of `b`). A word of
        a name in `a` ("Kettle River Band") is shared only when `b` holds the whole name: the "River
        Trust" does not speak for the Kettle River Band."""
        keys_a, keys_b = self.keys(a), self.keys(b)
        stems_b = keys_b.stems | self._extract(" ".join(extra_words)).stems
        stems_b -= self._names_missing_from(a, b)
        similarity = None
        if a in self._vectors and b in self._vectors:
            similarity = round(float(self._vectors[a] @ self._vectors[b]), 4)
        return Evidence(
            similarity=similarity,
            shared_words=tuple(sorted(keys_a.stems & stems_b)),
            shared_concepts=tuple(sorted(keys_a.concepts & keys_b.concepts)),
        )

    def _names_missing_from(self, a: str, b: str) -> frozenset[str]:
        """The stems of the words of `a`'s multi-word names that `b` does not hold whole."""
        missing = [n.group(0) for n in _PROPER_NAME.finditer(a) if n.group(0).lower() not in b.lower()]
        return self._extract(" ".join(missing)).stems - self._extract(_PROPER_NAME.sub(" ", a)).stems

    def serves(self, interest: str, objective: str) -> Evidence:
        """How closely `objective` serves `interest`: by what the interest asks for (module docstring)."""
        evidence = self.evidence(interest, objective)
        means = self.keys(interest).concepts & MEANS_CONCEPTS
        means_words = self._means_stems(interest)
        return Evidence(
            similarity=evidence.similarity,
            shared_words=tuple(w for w in evidence.shared_words if w not in self.people | means_words),
            shared_concepts=evidence.shared_concepts,
            shared_people=tuple(w for w in evidence.shared_words if w in self.people),
            missing_means=tuple(sorted(means - self.keys(objective).concepts)),
            who_only=True,
        )

    def best(self, text: str, candidates: Sequence[str]) -> tuple[int, Evidence] | None:
        """The objective that serves interest `text` best (supported ones first), or None with none."""
        scored = [(i, self.serves(text, c)) for i, c in enumerate(candidates)]
        if not scored:
            return None
        return max(scored, key=lambda item: (item[1].supported, item[1].strength))

    def _means_stems(self, text: str) -> frozenset[str]:
        """The stems of the words that name a means in `text` ("fund" in "steady funding for staff")."""
        spans = [m.group(0) for name in MEANS_CONCEPTS for p in _CONCEPTS[name] for m in p.finditer(text)]
        return self._extract(" ".join(spans)).stems

    def _extract(self, text: str) -> Keys:
        lowered = text.lower()
        concepts = frozenset(
            name for name, patterns in _CONCEPTS.items() if any(p.search(lowered) for p in patterns)
        )
        words = [
            w for w in _WORD.findall(lowered) if len(w) > 2 and w not in STOPWORDS and w not in self.places
        ]
        return Keys(stems=frozenset(stem_words(words)), concepts=concepts)
