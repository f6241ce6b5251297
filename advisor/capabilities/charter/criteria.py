"""The parts a reviewer checks before calling an element present, read from `criteria.yaml`.

The labelling guide's tests are conjunctions ("membership: who may belong AND a route in with its
decider"; "decision making: consensus AND a fallback, or a threshold"), and "parts may be
combined" from different clauses. Each part is a pattern; `clause_criteria` says which parts a
clause states, and the classifier's element features record how surely the clauses about an
element state each part, so the status model can learn that one part alone is weak.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel

from advisor.capabilities.charter.cues import words
from advisor.capabilities.charter.elements import ELEMENTS
from advisor.text.lexicon import keys_exactly, load_lexicon


class CriteriaLexicon(BaseModel, extra="forbid"):
    """The contents of `criteria.yaml`: per element, part name -> regex (with `{NAME}` substitutions)."""

    substitutions: dict[str, str]
    elements: Annotated[dict[str, dict[str, str]], keys_exactly(ELEMENTS)]

    def compiled(self) -> dict[str, dict[str, re.Pattern[str]]]:
        """Each element's parts, compiled; ValueError naming the part whose regex does not compile."""
        compiled: dict[str, dict[str, re.Pattern[str]]] = {}
        for element, parts in self.elements.items():
            compiled[element] = {}
            for part, regex in parts.items():
                try:
                    compiled[element][part] = words(_substitute(regex, self.substitutions))
                except (re.error, KeyError) as exc:
                    raise ValueError(f"{element}.{part}: {exc}") from None
        return compiled


def _substitute(regex: str, substitutions: dict[str, str]) -> str:
    return re.sub(r"\{([A-Z]+)\}", lambda m: "(?:" + substitutions[m.group(1)] + ")", regex)


CRITERIA = load_lexicon(__package__ or "", "criteria.yaml", CriteriaLexicon).compiled()


def clause_criteria(text: str) -> list[tuple[str, str]]:
    """The (element, part) pairs `text` states."""
    return [
        (element, part)
        for element, parts in CRITERIA.items()
        for part, pattern in parts.items()
        if pattern.search(text)
    ]
