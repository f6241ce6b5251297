"""The purpose check's vocabularies, loaded once and validated: `lexicon.yaml` (verbs, artefacts,
groups, cues) and `places.yaml` (a gazetteer). Tuned on the dev statements only."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import BaseModel, Field

from advisor.text.lexicon import Regex, load_lexicon


class PurposeLexicon(BaseModel, extra="forbid"):
    """The contents of `lexicon.yaml`."""

    vague_verbs: list[str] = Field(description="Activities, not results.")
    concrete_verbs: list[str] = Field(description="Verbs of an observable result.")
    place_suffixes: Regex = Field(description="Words that end a place name.")
    vague_groups: Regex = Field(description="Groups too broad to be a population.")
    end_states: Regex = Field(description="Verbs that name a result without a number ('end hunger').")
    deliverable_verbs: list[str] = Field(description="Verbs that make one artefact ('publish').")
    activity_verbs: list[str] = Field(
        description="Other verbs that open a goal ('Identify ...'): never a name's first word."
    )
    artefacts: list[str] = Field(description="Artefacts a reader can point at ('registry').")
    not_targets: Regex = Field(description="'all'/'every' phrases that count nothing ('all members').")
    identifiers: list[str] = Field(description="Words before a number that make it a name.")
    name_words: list[str] = Field(description="Words that end a body's or a document's name.")
    situation_groups: list[str] = Field(description="Groups defined by age or situation that count alone.")
    public_bodies: list[str] = Field(description="Kinds of public body that count after a level.")
    technologies: list[str] = Field(description="Languages and platforms, never places ('in Python').")
    languages: list[str] = Field(description="Spoken languages, never places ('in English and French').")
    named_groups: list[str] = Field(description="Groups a draft needs no [group] slot after ('citizens').")
    harms: list[str] = Field(
        description="What a coalition wants fewer of ('deaths'): a draft aims below its count."
    )
    seats: Regex = Field(description="Words before a place that make it the body's seat ('based in').")
    events: Regex = Field(description="Words before a place that make it a past event's venue.")
    past_cues: Regex = Field(description="Words of a sentence about the past.")
    future_cues: Regex = Field(description="Words of a sentence about a plan.")


class Places(BaseModel, extra="forbid"):
    """The contents of `places.yaml`."""

    places: list[str] = Field(description="Countries, states, provinces and regions.")
    demonyms: list[str] = Field(description="Words for a place's people ('Canadians').")
    cities: list[str] = Field(description="Cities of 100,000 people or more (GeoNames).")
    with_the: list[str] = Field(
        default_factory=list, description="Places a sentence always names with 'the' ('the UK')."
    )


LEXICON = load_lexicon("advisor.capabilities.purpose", "lexicon.yaml", PurposeLexicon)
GAZETTEER = load_lexicon("advisor.capabilities.purpose", "places.yaml", Places)


def alternatives(words: Iterable[str]) -> str:
    """A regex group body matching any of `words` literally, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def inflected(verbs: Iterable[str]) -> str:
    """A regex group body matching each verb (or phrasal verb, "set aside") in its inflections:
    "reduce" → reduces, reduced, reducing; "cut" → cuts, cutting; "halve" → halving."""
    forms = []
    for verb in sorted(verbs, key=len, reverse=True):
        first, _, rest = verb.partition(" ")
        if first.endswith("e"):
            head = rf"{re.escape(first[:-1])}(?:e|es|ed|ing)"
        else:
            head = rf"{re.escape(first)}(?:s|es|ed|ing|{re.escape(first[-1])}(?:ed|ing))?"
        forms.append(head + (rf"\s+{re.escape(rest)}" if rest else ""))
    return "|".join(forms)
