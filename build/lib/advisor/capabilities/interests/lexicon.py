"""The domain vocabulary of the interests matcher, loaded from `lexicon.yaml` beside this module:
concept families (phrasings for one need or one group), the concepts that name people rather than
needs, and the words that carry no need.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from advisor.text.lexicon import Regex, load_lexicon


class InterestLexicon(BaseModel, extra="forbid"):
    """The contents of `lexicon.yaml`."""

    concepts: dict[str, list[Regex]] = Field(description="Concept name -> regexes of its phrasings.")
    population_concepts: list[str] = Field(description="Concepts that say who rather than what.")
    stopwords: str = Field(description="Words that carry no need, separated by white space.")


_LEXICON = load_lexicon("advisor.capabilities.interests", "lexicon.yaml", InterestLexicon)
CONCEPTS: dict[str, tuple[str, ...]] = {name: tuple(p) for name, p in _LEXICON.concepts.items()}
POPULATION_CONCEPTS = frozenset(_LEXICON.population_concepts)
STOPWORDS = frozenset(_LEXICON.stopwords.split())
