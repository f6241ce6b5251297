"""The language the charter rules look for: per element, heading words, weighted content cues and
concreteness markers; and, for every element, the markers of vague or placeholder text.

Cues are ordinary coalition-charter vocabulary (a decision rule talks of consensus, votes and
quorum; a dispute clause of mediation), not phrases lifted from any one charter. A heading only
tells the rules where to look: content decides whether an element is there at all, and the
concreteness markers (numbers, frequencies, deadlines, thresholds, named bodies and roles, a
procedure) decide whether it is usable or only gestured at.

The vocabulary is data, in `cues.yaml` beside this module, one element per block, so it can be
read and extended without touching the rules; it is validated when loaded (every element has a
block, every key is known, every regex compiles).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import BaseModel

from advisor.capabilities.charter.elements import ELEMENTS
from advisor.text.lexicon import Regex, keys_exactly, load_lexicon

Pattern = re.Pattern[str]


@dataclass(frozen=True)
class ElementCues:
    """What identifies one element in a charter, and what makes it concrete."""

    heading: Pattern
    cues: tuple[tuple[Pattern, float], ...]
    concrete: tuple[Pattern, ...] = ()


def words(regex: str, *, case: bool = False) -> Pattern:
    """`regex` (alternatives) matched as whole words (also when they start with `$`)."""
    return re.compile(r"(?<!\w)(?:" + regex + r")(?!\w)", 0 if case else re.IGNORECASE)


def parse_block(block: str, substitutions: dict[str, str]) -> list[tuple[str, str]]:
    """`key: regex` lines (indented lines continue) as (key, regex) pairs; `{NAME}` is substituted."""
    entries: list[tuple[str, str]] = []
    for raw in block.strip("\n").splitlines():
        line = raw.strip()
        if raw[:1].isspace() and entries:
            entries[-1] = (entries[-1][0], entries[-1][1] + line)
        elif line:
            key, _, regex = line.partition(": ")
            entries.append((key.strip(), regex.strip()))
    return [(key, regex.format(**substitutions)) for key, regex in entries]


def compile_element(block: str, substitutions: dict[str, str]) -> ElementCues:
    heading = words("(?!)")
    cues: list[tuple[Pattern, float]] = []
    concrete: list[Pattern] = []
    for key, regex in parse_block(block, substitutions):
        if key == "heading":
            heading = words(regex)
        elif key.startswith("concrete"):
            concrete.append(words(regex, case=key.endswith("/cs")))
        else:
            cues.append((words(regex), float(key)))
    return ElementCues(heading, tuple(cues), tuple(concrete))


class CueLexicon(BaseModel, extra="forbid"):
    """The contents of `cues.yaml`."""

    substitutions: dict[str, Regex]
    general: str
    vague: str
    placeholder: Regex
    elements: Annotated[dict[str, str], keys_exactly(ELEMENTS)]

    def compiled(self) -> tuple[ElementCues, Pattern, Pattern, dict[str, ElementCues]]:
        """(general concreteness, vague, placeholder, cues per element); ValueError on a bad block."""
        for name, block in [("general", self.general), ("vague", self.vague), *self.elements.items()]:
            for key, regex in parse_block(block, self.substitutions):
                if key not in _KEYS and not _WEIGHT.fullmatch(key):
                    raise ValueError(f"{name}: unknown key {key!r} (use {', '.join(_KEYS)} or a weight)")
                _compiles(f"{name}: {key}", regex)
        vague = words("|".join(regex for _, regex in parse_block(self.vague, self.substitutions)))
        elements = {e: compile_element(block, self.substitutions) for e, block in self.elements.items()}
        general = compile_element(self.general, self.substitutions)
        return general, vague, re.compile(self.placeholder, re.IGNORECASE), elements


_KEYS = ("heading", "concrete", "concrete/cs", "vague")
_WEIGHT = re.compile(r"\d+(?:\.\d+)?")


def _compiles(where: str, regex: str) -> None:
    try:
        re.compile(regex)
    except re.error as exc:
        raise ValueError(f"{where}: {exc}") from None


_general, VAGUE, PLACEHOLDER, ELEMENT_CUES = load_lexicon(
    __package__ or "", "cues.yaml", CueLexicon
).compiled()
CONCRETE: tuple[Pattern, ...] = _general.concrete
