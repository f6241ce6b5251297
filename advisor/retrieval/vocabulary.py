"""Query expansion for the keyword side of search: a question in everyday words also looks for the
words governance documents use for the same thing (`vocabulary.yaml`). Only BM25 sees the expansion;
the question's embedding is of the question as asked."""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel, Field

from advisor.text.lexicon import load_lexicon


class Vocabulary(BaseModel, extra="forbid"):
    groups: list[list[str]] = Field(description="Phrases with one meaning, everyday and formal.")


@cache
def _groups() -> list[tuple[re.Pattern[str], str]]:
    vocabulary = load_lexicon("advisor.retrieval", "vocabulary.yaml", Vocabulary)
    return [
        (re.compile(r"\b(?:" + "|".join(re.escape(p) for p in group) + r")\b", re.I), " ".join(group))
        for group in vocabulary.groups
    ]


def expand_query(question: str) -> str:
    """`question` followed by the phrases of every group it uses a phrase of. The question's own
    words are given twice: BM25 sums over query words, so they weigh double the added ones."""
    extra = [phrases for pattern, phrases in _groups() if pattern.search(question)]
    return " ".join([question, question, *extra]) if extra else question
