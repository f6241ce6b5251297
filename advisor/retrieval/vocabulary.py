"""Query expansion for the keyword side of search: a question in everyday words also looks for the
words governance documents use for the same thing (`vocabulary.yaml`). Only BM25 sees the expansion;
the question's embedding is of the question as asked.

A phrase's words match their regular inflections too ("quit" matches "quits", "quitting"), not
their stems: a stem would let "reporters" match "report" and "leads" match "lead". A word written
`=word` matches only as written; a `*` stands for up to two words ("pull * out" matches "pull our
agency out"): leaders split their verbs around what they are talking about.
"""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel, Field

from advisor.text.lexicon import load_lexicon

GAP = "*"
EXACT = "="
_GAP_PATTERN = r"(?:\W+\w+){0,2}\W+"  # up to two words between their neighbours


class Vocabulary(BaseModel, extra="forbid"):
    groups: list[list[str]] = Field(
        description="Phrases with one meaning, everyday and formal; a word matches its inflections "
        "unless written `=word`; `*` stands for up to two words."
    )


def _forms(word: str) -> list[str]:
    """`word` and its regular inflections (-s, -es, -ed, -ing, a final e dropped, a final
    consonant doubled, a final y turned to i)."""
    if word.startswith(EXACT):
        return [word[1:]]
    forms = [word, word + "s", word + "es", word + "ed", word + "ing"]
    if word.endswith("e"):
        forms += [word + "d", word[:-1] + "ing"]
    if len(word) > 2 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou":  # quit: quitting
        forms += [word + word[-1] + "ed", word + word[-1] + "ing"]
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms += [word[:-1] + "ies", word[:-1] + "ied"]
    return forms


def _phrase_pattern(phrase: str) -> str:
    pattern = ""
    for i, word in enumerate(phrase.split()):
        if word == GAP:
            pattern += _GAP_PATTERN
            continue
        if i and not pattern.endswith(_GAP_PATTERN):
            pattern += r"\s+"
        forms = sorted(set(_forms(word)), key=len, reverse=True)  # the longest first
        pattern += "(?:" + "|".join(re.escape(f) for f in forms) + ")"
    return pattern


@cache
def _groups() -> list[tuple[re.Pattern[str], str]]:
    vocabulary = load_lexicon("advisor.retrieval", "vocabulary.yaml", Vocabulary)
    return [
        (
            re.compile(r"\b(?:" + "|".join(_phrase_pattern(p) for p in group) + r")\b", re.I),
            " ".join(w.removeprefix(EXACT) for p in group for w in p.split() if w != GAP),
        )
        for group in vocabulary.groups
    ]


def related_phrases(question: str) -> str:
    """The phrases of every group `question` uses a phrase of ("leaving" -> "... withdraw withdrawal
    resign ..."): what a heading may call the thing asked about."""
    return " ".join(phrases for pattern, phrases in _groups() if pattern.search(question))


def expand_query(question: str) -> str:
    """`question` followed by the phrases of every group it uses a phrase of. The question's own
    words are given twice: BM25 sums over query words, so they weigh double the added ones."""
    extra = [phrases for pattern, phrases in _groups() if pattern.search(question)]
    return " ".join([question, question, *extra]) if extra else question
