"""Purpose drafting (`advisor purpose draft`): three candidate purpose statements from a goal in the
user's words and/or a workspace's own documents.

Offline, every draft is one clause in its author's words: the goal's (its numbers, places and dates
verbatim), else a goal the documents state ("Our goal is to…", a listed objective). Missing criteria
are filled with facts the goal or the documents state, else [slots] (compose.py); the other drafts
re-order the same words. With a model, the model drafts from the same passages and candidates;
every draft is then judged by the rule-based check, and citations are kept only for retrieved chunks.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from advisor.capabilities.pattern import ModelStep
from advisor.capabilities.purpose.check import check_purpose_rules
from advisor.capabilities.purpose.compose import (
    OUTCOME_SLOT,
    complete,
    facts_of,
    goal_clauses,
    opens_with_verb,
    place_first,
    shorten,
    strip_lead,
    timeframe_first,
    with_focus,
)
from advisor.capabilities.purpose.models import PurposeDraft, PurposeDrafts
from advisor.config import Settings
from advisor.errors import AdvisorError
from advisor.llm.prompts import untrusted
from advisor.llm.structured import PassageId, Sentence, keep_retrieved
from advisor.retrieval.passages import Citation, Passage
from advisor.text.sentences import split_sentences

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from advisor.retrieval.hybrid import Retriever

DRAFTS = 3
PURPOSE_QUERY = "our purpose goal: the result we will achieve, for whom, by when"
NO_GOAL_IN_DOCUMENTS = (
    "No sentence of the workspace's documents states a goal (a result to reach): the drafts are "
    "slots to fill; give a goal in your own words to draft from."
)
# In notes a deadline is often told, not phrased as one: "the target date is the end of 2027".
_DEADLINE = re.compile(r"\b(?:the\s+)?(?:end|close)\s+of\s+(?:20\d\d)\b|\b(?:in|for)\s+(?:20\d\d)\b", re.I)
_TOLD_DEADLINE = re.compile(r"\b(?:target|deadline|goal|due|aim|by when)\b", re.I)
_MARKUP = re.compile(r"^\s*(?:[-*•]|\d+[.)]|[A-Z][.)])\s+|\*\*|__")
_YAML_KEY = re.compile(r"\s+[a-z_]+:\s*$")  # a roster's next key run into a flattened list item
_STATED = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")


class ModelDrafts(BaseModel):
    """What the model is asked to return."""

    statements: list[Sentence] = Field(description="Three purpose statements.", min_length=1, max_length=3)
    passage_ids: list[PassageId] = Field(
        default_factory=list, description="Ids of the passages drawn on.", max_length=6
    )


PURPOSE_DRAFT = ModelStep("purpose_draft", ModelDrafts)


@dataclass(frozen=True)
class _Clause:
    """A goal clause of the workspace: its words, where it came from, how it was stated."""

    text: str
    passage: Passage
    sentence: str
    rank: tuple[int, int, int]


def draft_purpose(
    *,
    goal: str | None = None,
    workspace: str | None = None,
    retriever: Retriever | None = None,
    settings: Settings | None = None,
    llm: BaseChatModel | None = None,
) -> PurposeDrafts:
    """Three purpose statements drawn from `goal` and the `workspace` documents."""
    goal = " ".join((goal or "").split())
    if not goal and not workspace:
        raise AdvisorError("Nothing to draft from", hint='give --goal "..." or --workspace NAME (or both)')
    passages: list[Passage] = []
    if workspace:
        if retriever is None:
            raise AdvisorError("Drafting from a workspace needs the retriever")
        passages = retriever.search(goal or PURPOSE_QUERY, workspace=workspace, knowledge=False, k=8)
    rules = _draft_with_rules(goal, passages)
    if llm is None:
        return rules
    return _draft_with_model(llm, goal, passages, rules, settings)


def _draft_with_rules(goal: str, passages: list[Passage]) -> PurposeDrafts:
    """Each draft is one clause in its author's words (the goal's first, else the documents'),
    completed with facts the goal or the documents state and [slots] for the rest, then re-ordered."""
    clauses = _workspace_clauses(passages)
    deadline = _told_deadline(passages)
    used: list[tuple[Passage, str]] = []
    warnings: list[str] = []
    bases: list[str] = []
    if goal:
        own = goal_clauses(goal) or [goal]
        goal_facts = facts_of(goal)
        ranked = sorted(own, key=lambda c: (-facts_of(c).outcome.met, -_measured(c), -_met(c)))
        ranked = ranked[:1] + [c for c in ranked[1:] if opens_with_verb(c) and (_measured(c) or _met(c) > 1)]
        timeframe = _movable(goal_facts.timeframe.evidence)
        population = goal_facts.population.evidence
        if not timeframe and clauses and _movable(facts_of(clauses[0].text).timeframe.evidence):
            timeframe = _movable(facts_of(clauses[0].text).timeframe.evidence)
            used.append((clauses[0].passage, clauses[0].sentence))
        elif not timeframe and deadline:
            timeframe = deadline[0]
            used.append(deadline[1:])
        bases = [complete(shorten(c), timeframe=timeframe, population=population) for c in ranked[:2]]
        if not goal_facts.outcome.met and clauses:
            best = clauses[0]
            bases.append(complete(shorten(best.text), timeframe=timeframe, population=population))
            used.append((best.passage, best.sentence))
    elif clauses:
        timeframe = deadline[0] if deadline else None
        for clause in clauses[:2]:
            bases.append(complete(shorten(clause.text), timeframe=timeframe))
            used.append((clause.passage, clause.sentence))
        if deadline and not facts_of(clauses[0].text).timeframe.met:
            used.append(deadline[1:])
    else:
        bases = [complete(OUTCOME_SLOT)]
        warnings.append(NO_GOAL_IN_DOCUMENTS)
    statements = _unique([*bases, *_variants(bases[0]), *(v for b in bases[1:] for v in _variants(b))])
    drafts = [PurposeDraft(statement=s, check=check_purpose_rules(s)) for s in statements[:DRAFTS]]
    drafts.sort(key=lambda d: d.check.score, reverse=True)
    citations: dict[str, Citation] = {}
    for passage, sentence in used:
        citations.setdefault(passage.chunk_id, passage.citation(quote=sentence))
    return PurposeDrafts(drafts=drafts, citations=list(citations.values()), warnings=warnings)


def _variants(statement: str) -> list[str]:
    """The same statement re-ordered: the deadline first, the place first, or a focus to name."""
    found = [timeframe_first(statement), place_first(statement), with_focus(statement)]
    return [v for v in found if v]


def _workspace_clauses(passages: list[Passage]) -> list[_Clause]:
    """Goal clauses of the documents, best first: ones stated as a purpose ("Our goal is to…") or
    listed as an objective, that open with their verb and name a result; never a report of what
    happened, a decision in notes, or words cut from a heading."""
    found: list[_Clause] = []
    for number, passage in enumerate(passages):
        for line in passage.text.splitlines():
            listed = bool(_STATED.match(line))
            for sentence in split_sentences(_YAML_KEY.sub("", _MARKUP.sub("", line))):
                for part in re.split(r";\s+", sentence):
                    stripped = strip_lead(part)
                    stated = stripped.lower() != part.strip().rstrip(".").lower()
                    clause = shorten(stripped, limit=0)
                    facts = facts_of(clause)
                    if not (opens_with_verb(clause) and (stated or listed) and facts.outcome.met):
                        continue
                    if not clause.lower().startswith((facts.outcome.evidence or "").split()[0].lower()):
                        continue
                    met = facts.outcome.met + facts.population.met + facts.timeframe.met
                    found.append(
                        _Clause(clause, passage, " ".join(sentence.split()), (-stated, -met, number))
                    )
    found.sort(key=lambda c: c.rank)
    unique: dict[str, _Clause] = {}
    for candidate in found:
        unique.setdefault(candidate.text.lower(), candidate)
    return list(unique.values())


def _told_deadline(passages: list[Passage]) -> tuple[str, Passage, str] | None:
    """A deadline the documents tell in passing ("the target date is the end of 2027")."""
    for passage in passages:
        for sentence in split_sentences(passage.text):
            told = _DEADLINE.search(sentence)
            if told and _TOLD_DEADLINE.search(sentence):
                words = told.group(0)
                phrase = (
                    f"by {words}"
                    if words.lower().startswith(("the", "end", "close"))
                    else f"by {words.split()[-1]}"
                )
                return phrase, passage, " ".join(sentence.split())
    return None


def _movable(timeframe: str | None) -> str | None:
    """A timeframe that reads right at the end of another clause ("by 2030", "within two years")."""
    if timeframe and re.match(
        r"(?i)(?:by|within|over|during|between|through|until|before|no later than)\b", timeframe
    ):
        return timeframe[0].lower() + timeframe[1:]
    return None


def _measured(clause: str) -> bool:
    """Whether a clause gives a number besides its dates ("set aside 50% more land")."""
    when = facts_of(clause).timeframe.evidence or ""
    return bool(re.search(r"\d", clause.replace(when, "")))


def _met(clause: str) -> int:
    facts = facts_of(clause)
    return facts.outcome.met + facts.population.met + facts.timeframe.met


def _unique(statements: list[str]) -> list[str]:
    seen: list[str] = []
    for statement in statements:
        if statement.lower() not in (s.lower() for s in seen):
            seen.append(statement)
    return seen


def _draft_with_model(
    llm: BaseChatModel,
    goal: str,
    passages: list[Passage],
    rules: PurposeDrafts,
    settings: Settings | None,
) -> PurposeDrafts:
    listing = "\n\n".join(untrusted(p.text, f"{p.chunk_id} {p.source}") for p in passages) or "(none)"
    candidates = json.dumps([d.statement for d in rules.drafts], ensure_ascii=False)
    variables = {
        "goal": untrusted(goal, "goal") if goal else "(none)",
        "passages": listing,
        "candidates": untrusted(candidates, "rule candidates"),
    }
    return PURPOSE_DRAFT.refine(
        rules, llm, settings, lambda reply: _merge_model_drafts(rules, reply, passages), variables
    )


def _merge_model_drafts(rules: PurposeDrafts, reply: ModelDrafts, passages: list[Passage]) -> PurposeDrafts:
    """The model's statements first (each judged by the rules), then the rules' own; citations
    only for passages that were retrieved."""
    statements = _unique([" ".join(s.split()) for s in reply.statements if s.strip()])[:DRAFTS]
    drafts = [PurposeDraft(statement=s, check=check_purpose_rules(s)) for s in statements]
    drafts += [d for d in rules.drafts if d.statement not in statements][: DRAFTS - len(drafts)]
    by_id = {p.chunk_id: p for p in passages}
    cited = [by_id[i].citation() for i in reply.passage_ids if i in by_id]
    return PurposeDrafts(drafts=drafts, citations=keep_retrieved(cited, passages) or rules.citations)
