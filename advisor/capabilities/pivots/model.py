"""The model chain of the pivots capability: the model improves the rule-based pivot options.

The model sees the metrics against pace, the signals from the notes (untrusted), the rules' options
and guidance passages (untrusted, with ids). Its options are kept only if they address metrics that
exist in the table; their citations only if they point at the passages retrieved for it. Rule
options still cover any lagging metric the model's options leave out.
"""

from __future__ import annotations

import json
import textwrap
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from advisor.capabilities.pattern import ModelStep, with_warning
from advisor.capabilities.pivots.models import PivotAnalysis, PivotOption
from advisor.llm.prompts import untrusted
from advisor.llm.structured import Name, PassageId, Sentence, keep_retrieved

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from advisor.config import Settings
    from advisor.retrieval.hybrid import Retriever
    from advisor.retrieval.passages import Passage

MAX_OPTIONS = 5
MODEL_OPTIONS = 3  # at most 3 bounded options fit `llm.max_tokens` (1024) even from a small model


class ModelPivot(BaseModel):
    """One option as the model proposes it."""

    title: Name = Field(description="The move, in a few words.")
    rationale: Sentence = Field(description="Why: the numbers against pace and the signals.")
    addresses: list[Name] = Field(description="Exact names of the metrics it is meant to move.", max_length=4)
    passage_ids: list[PassageId] = Field(
        default_factory=list, description="Ids of the guidance passages used.", max_length=3
    )


class ModelPivots(BaseModel):
    """What the model is asked to return."""

    pivots: list[ModelPivot] = Field(
        description="2 or 3 options, most decisive first.", max_length=MODEL_OPTIONS
    )


PIVOTS_REVIEW = ModelStep("pivots_review", ModelPivots)


def review_pivots_with_model(
    rules: PivotAnalysis,
    llm: BaseChatModel | None,
    *,
    retriever: Retriever | None = None,
    settings: Settings | None = None,
) -> PivotAnalysis:
    """The rules' analysis with the model's options first; the rules' with a warning on failure."""
    if llm is None:
        return rules  # no retrieval for a model that is not there
    lagging = [m.metric for m in rules.metrics if m.status == "off_track"]
    query = "change strategy when results are off track: " + "; ".join(lagging or ["progress review"])
    passages: list[Passage] = retriever.search(query, k=6) if retriever is not None else []
    ids = {f"p{n}": p for n, p in enumerate(passages, 1)}
    variables = {
        "metrics": untrusted(
            json.dumps([m.model_dump() for m in rules.metrics], ensure_ascii=False, indent=1), "metrics"
        ),
        "signals": untrusted("\n".join(f"- ({s.kind}) {s.text}" for s in rules.signals) or "(none)", "notes"),
        "rule_pivots": untrusted(
            json.dumps(
                [
                    {"title": p.title, "rationale": _gist(p.rationale), "addresses": p.addresses}
                    for p in rules.pivots
                ],
                ensure_ascii=False,
                indent=1,
            ),
            "rule-based options",
        ),
        "passages": "\n\n".join(untrusted(p.text, f"{pid} {p.title}") for pid, p in ids.items()) or "(none)",
    }
    return PIVOTS_REVIEW.refine(
        rules, llm, settings, lambda reply: merge_model_pivots(rules, reply, ids), variables
    )


def merge_model_pivots(rules: PivotAnalysis, reply: ModelPivots, ids: dict[str, Passage]) -> PivotAnalysis:
    """The model's options that move measured metrics, citing retrieved passages only; then the
    rules' options for metrics the model left uncovered."""
    passages = list(ids.values())
    names = {m.metric for m in rules.metrics}
    options: list[PivotOption] = []
    for proposed in reply.pivots:
        addresses = [name for name in proposed.addresses if name in names]
        if not addresses or not proposed.title.strip():
            continue  # an option must move a metric the coalition actually measures
        cited = [ids[i].citation() for i in proposed.passage_ids if i in ids]
        options.append(
            PivotOption(
                title=proposed.title.strip(),
                rationale=proposed.rationale.strip(),
                addresses=addresses,
                citations=keep_retrieved(cited, passages),
            )
        )
    if not options:
        return with_warning(
            rules, "The model's options named no metric of the table; showing the rule-based options."
        )
    covered = {name for option in options for name in option.addresses}
    options += [p for p in rules.pivots if not set(p.addresses) <= covered]
    return rules.model_copy(update={"pivots": options[:MAX_OPTIONS]})


def _gist(rationale: str) -> str:
    """A rule option's rationale short enough that a model copying it stays inside its own bound."""
    return textwrap.shorten(rationale, 240, placeholder="…")
