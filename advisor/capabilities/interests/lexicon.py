"""The domain vocabulary of the interests matcher, loaded from `lexicon.yaml` beside this module:
concept families (phrasings for one need or one group), the concepts that name people rather than
needs, the concepts that name a means a member may ask for, and the words that carry no need.
"""

from __future__ import annotations

from pydantic import BaseModel, Field, model_validator

from advisor.text.lexicon import Regex, load_lexicon


class InterestLexicon(BaseModel, extra="forbid"):
    """The contents of `lexicon.yaml`."""

    concepts: dict[str, list[Regex]] = Field(description="Concept name -> regexes of its phrasings.")
    population_concepts: list[str] = Field(description="Concepts that say who rather than what.")
    means_concepts: list[str] = Field(
        description="Concepts that name a means (money, visibility, a post): only an objective that names "
        "the same means serves an interest that asks for one."
    )
    stopwords: str = Field(description="Words that carry no need, separated by white space.")
    sector_names: list[tuple[str, Regex]] = Field(
        description="(sector, regex of the words of a body's name that tell its sector), first match wins: "
        "how a member with no `sector` is placed ('Harlan County Health Department' is government)."
    )

    @model_validator(mode="after")
    def _named_concepts(self) -> InterestLexicon:
        unknown = sorted({*self.population_concepts, *self.means_concepts} - set(self.concepts))
        if unknown:
            raise ValueError(f"population_concepts or means_concepts name no concept: {', '.join(unknown)}")
        return self


_LEXICON = load_lexicon("advisor.capabilities.interests", "lexicon.yaml", InterestLexicon)
CONCEPTS: dict[str, tuple[str, ...]] = {name: tuple(p) for name, p in _LEXICON.concepts.items()}
POPULATION_CONCEPTS = frozenset(_LEXICON.population_concepts)
MEANS_CONCEPTS = frozenset(_LEXICON.means_concepts)
STOPWORDS = frozenset(_LEXICON.stopwords.split())
SECTOR_NAMES: tuple[tuple[str, str], ...] = tuple(_LEXICON.sector_names)
