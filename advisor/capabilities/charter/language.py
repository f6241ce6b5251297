"""Whether a charter reads as English prose: the review learned from English charters only.

A share of common English words (`language.yaml`) rather than a language-identification library:
the review needs one yes/no, and this one is exact on the labelled corpus (every English document at
5% or more, every other document under 3%) with no model data to ship.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from advisor.text.lexicon import load_lexicon


class LanguageCues(BaseModel, extra="forbid"):
    """`language.yaml`: the words and the share that make a text read as English."""

    common_words: list[str] = Field(description="Words frequent in any English prose.")
    share: float = Field(gt=0, lt=1, description="The least share of them in an English text.")
    minimum_words: int = Field(gt=0, description="Shorter texts are never flagged.")


_CUES = load_lexicon("advisor.capabilities.charter", "language.yaml", LanguageCues)
_COMMON = frozenset(_CUES.common_words)
_WORD = re.compile(r"[^\W\d_]+")

NOT_ENGLISH = (
    "This document does not read as English prose: the review learned from English charters, so "
    "read its calls and quotes as hints only."
)


def reads_as_english(text: str) -> bool:
    """Whether `text` reads as English prose (a short text always does: too little to tell)."""
    words = _WORD.findall(text.lower())
    if len(words) < _CUES.minimum_words:
        return True
    return sum(word in _COMMON for word in words) / len(words) >= _CUES.share
