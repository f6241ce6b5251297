"""The regular expressions of the defect detectors, read from `patterns.yaml` beside this module.

The patterns are data so they can be read and extended without touching the detectors' logic; the
file is validated when first read (known families and flags, every regex compiles), and a broken
entry is reported by family and name.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from pydantic import BaseModel

from advisor.errors import ConfigError
from advisor.text.lexicon import load_lexicon

Pattern = re.Pattern[str]
Family = Literal["placeholders", "power", "references", "structure"]
_FLAGS = {"ignorecase": re.IGNORECASE, "multiline": re.MULTILINE, "dotall": re.DOTALL}


class PatternEntry(BaseModel, extra="forbid"):
    regex: list[str]
    flags: list[Literal["ignorecase", "multiline", "dotall"]] = []


class PatternFile(BaseModel, extra="forbid"):
    placeholders: dict[str, PatternEntry]
    power: dict[str, PatternEntry]
    references: dict[str, PatternEntry]
    structure: dict[str, PatternEntry]


@cache
def patterns(family: Family) -> dict[str, Pattern]:
    """The compiled patterns of one detector family, by name."""
    entries: dict[str, PatternEntry] = getattr(
        load_lexicon("advisor.capabilities.charter.defects", "patterns.yaml", PatternFile), family
    )
    compiled: dict[str, Pattern] = {}
    for name, entry in entries.items():
        flags = 0
        for flag in entry.flags:
            flags |= _FLAGS[flag]
        try:
            compiled[name] = re.compile("".join(entry.regex), flags)
        except re.error as exc:
            raise ConfigError(
                f"patterns.yaml: {family}.{name} is not a valid regular expression ({exc})",
                hint="fix that entry",
            ) from None
    return compiled
