"""Whether a text reads as English: the charter review and the purpose check learned from English only.

A share of common English words and a count of other languages' function words (`language.yaml`)
rather than a language-identification library: the capabilities need one yes/no, and these cues are
exact on the labelled sets (the charter corpus: every English document at 5% common words or more,
every other under 3%; the purpose set: every statement in another language, and no English one,
flagged) with no model data to ship.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field

from advisor.text.lexicon import load_lexicon


class LanguageCues(BaseModel, extra="forbid"):
    """`language.yaml`: the words and the share that make a text read as English."""

    common_words: list[str] = Field(description="Words frequent in any English prose.")
    share: float = Field(gt=0, lt=1, description="The least share of them in a long English text.")
    minimum_words: int = Field(gt=0, description="Texts this long or longer are judged by the share.")
    other_words: list[str] = Field(description="Function words of other European languages, none English.")
    latin_share: float = Field(gt=0, lt=1, description="The least share of Latin letters in English text.")


_CUES = load_lexicon("advisor.text", "language.yaml", LanguageCues)
_COMMON = frozenset(_CUES.common_words)
_OTHER = frozenset(_CUES.other_words)
_WORD = re.compile(r"[^\W\d_]+")

NOT_ENGLISH = (
    "This document does not read as English prose: the review learned from English charters, so "
    "read its calls and quotes as hints only."
)
NOT_ENGLISH_STATEMENT = (
    "This statement does not read as English: the check reads English wording only, so its calls "
    "and suggestions are hints at best."
)


def reads_as_english(text: str) -> bool:
    """Whether `text` reads as English: mostly Latin letters, and common English words in a long text
    (or, in a short one, no more function words of another language than English ones)."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c < "\u0250" for c in letters) / len(letters) < _CUES.latin_share:
        return False
    words = _WORD.findall(text.lower())
    if len(words) >= _CUES.minimum_words:
        return sum(word in _COMMON for word in words) / len(words) >= _CUES.share
    other = sum(word in _OTHER for word in words)
    return other == 0 or other <= sum(word in _COMMON for word in words)
