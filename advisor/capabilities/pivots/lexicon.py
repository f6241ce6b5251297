"""The vocabulary of the pivots capability, loaded from `lexicon.yaml` beside this module: signal
prototypes and cues, the approaches a coalition may bet on, and the needs behind a shortfall.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, Field, model_validator

from advisor.text.lexicon import Regex, load_lexicon


class SignalVocabulary(BaseModel, extra="forbid"):
    """Sentences typical of each kind of signal, and the cues that score a sentence."""

    prototypes: dict[str, list[str]] = Field(description="Per kind (and `neutral`), typical sentences.")
    guide_examples: dict[str, list[str]] = Field(
        description="Per kind, the labelling guide's examples (the trained reader's extra prototypes)."
    )
    strong_cues: dict[str, list[str]] = Field(description="Per kind, cues worth 2 points.")
    weak_cues: dict[str, list[str]] = Field(description="Per kind, cues worth 1 point.")
    heading_cues: dict[str, Regex] = Field(description="Per kind, heading words worth a bonus point.")


class ApproachWords(BaseModel, extra="forbid"):
    label: str = Field(description="The approach as advice names it.")
    words: Regex = Field(description="The words that name it.")


class NeedWords(BaseModel, extra="forbid"):
    cues: Regex = Field(description="Words of a shortfall that show this need.")
    words: str = Field(description="How advice names the shortfall.")


class PivotLexicon(BaseModel, extra="forbid"):
    """The contents of `lexicon.yaml`."""

    negators: Regex = Field(description="Words that turn off a cue that follows within a few words.")
    substitutions: dict[str, Regex]
    signals: SignalVocabulary
    approaches: dict[str, ApproachWords]
    metric_stopwords: str
    needs: dict[str, NeedWords]
    inflows: Regex = Field(description="Words of a metric that counts money or support coming in.")

    @model_validator(mode="after")
    def _cues_compile(self) -> PivotLexicon:
        for strength, cues in (("strong", self.signals.strong_cues), ("weak", self.signals.weak_cues)):
            for kind, templates in cues.items():
                for template in templates:
                    try:
                        re.compile(self.cue(template))
                    except (re.error, KeyError, IndexError) as exc:
                        raise ValueError(f"signals.{strength}_cues.{kind}: {template!r}: {exc}") from None
        return self

    def cue(self, template: str) -> str:
        """A cue with its {W}/{PEOPLE} substitutions filled in."""
        return template.format(**self.substitutions)


LEXICON = load_lexicon("advisor.capabilities.pivots", "lexicon.yaml", PivotLexicon)
