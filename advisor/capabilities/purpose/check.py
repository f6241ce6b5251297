"""Purpose capability: check a coalition purpose statement (outcome, population, timeframe).

This module holds the rule-based check with its suggestions and a template
rewrite, and the model chain that reviews the rules' findings (verifiable evidence only) and writes
better suggestions and a rewrite. Drafting new statements lives in `purpose_draft.py`.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from advisor.capabilities.pattern import ModelStep
from advisor.capabilities.purpose.compose import (
    VAGUE_TIME,
    complete,
    facts_of,
    goal_clauses,
    opens_with_verb,
    shorten,
)
from advisor.capabilities.purpose.models import Criterion, Finding, PurposeCheck
from advisor.capabilities.purpose.reader import outcome_reader
from advisor.capabilities.purpose.rules import (
    VAGUE_VERBS,
    find_outcome,
    find_population,
    vague_groups,
    vague_verbs,
)
from advisor.capabilities.purpose.timeframe import find_timeframe
from advisor.capabilities.purpose.wishes import restate_wish
from advisor.config import Settings
from advisor.llm.prompts import untrusted
from advisor.llm.structured import Sentence
from advisor.text.language import NOT_ENGLISH_STATEMENT, reads_as_english

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

CRITERIA = ("outcome", "population", "timeframe")
CRITERION_POINTS = 30
CONCISE_POINTS = 10
CONCISE_WORDS = 40
READER_MIN_WORDS = 4  # shorter, the outcome reader's words say too little: the rules decide


class ModelCriterion(BaseModel):
    """One criterion as the model judges it."""

    met: bool = Field(description="True when the statement satisfies the criterion.")
    evidence: Sentence | None = Field(description="The words of the statement that satisfy it, or null.")


class ModelCriteria(BaseModel):
    """The three criteria, each once: a small model given an open mapping repeats keys without end."""

    outcome: ModelCriterion
    population: ModelCriterion
    timeframe: ModelCriterion


class ModelPurposeReview(BaseModel):
    """What the model is asked to return for a purpose statement (bounded, so a constrained small
    model cannot run on)."""

    criteria: ModelCriteria = Field(description="outcome, population and timeframe.")
    suggestions: list[Sentence] = Field(description="1 to 4 concrete suggestions.", max_length=4)
    rewrite: Sentence | None = Field(description="A statement meeting all three criteria.")


PURPOSE_REVIEW = ModelStep("purpose_check", ModelPurposeReview)


def check_purpose(
    statement: str, *, settings: Settings | None = None, llm: BaseChatModel | None = None
) -> PurposeCheck:
    """Judge `statement`: by the rules, then (with a model) reviewed and rewritten by the model."""
    rules = check_purpose_rules(statement)
    findings = json.dumps({k: v.model_dump() for k, v in rules.criteria.items()}, ensure_ascii=False)
    variables = {
        "statement": untrusted(rules.statement, "purpose statement"),
        "findings": untrusted(findings, "rule findings"),
        "vague_verbs": ", ".join(f'"{verb}"' for verb in VAGUE_VERBS),
    }
    return PURPOSE_REVIEW.refine(
        rules, llm, settings, lambda reply: merge_model_review(rules, reply), variables
    )


def merge_model_review(rules: PurposeCheck, model: ModelPurposeReview) -> PurposeCheck:
    """The model's verdicts where they can be verified: evidence must be words of the statement."""
    criteria = dict(rules.criteria)
    lowered = rules.statement.lower()
    for name in CRITERIA:
        verdict = getattr(model.criteria, name)
        if verdict.met and verdict.evidence and verdict.evidence.strip().lower() in lowered:
            start = lowered.index(verdict.evidence.strip().lower())
            evidence = rules.statement[start : start + len(verdict.evidence.strip())]
            criteria[name] = Criterion(met=True, evidence=evidence)
        elif not verdict.met:
            criteria[name] = Criterion(met=False, evidence=None)
    concise = len(rules.statement.split()) <= CONCISE_WORDS
    score = CRITERION_POINTS * sum(c.met for c in criteria.values()) + (CONCISE_POINTS if concise else 0)
    suggestions = [s.strip() for s in model.suggestions if s.strip()] or rules.suggestions
    rewrite = model.rewrite.strip() if model.rewrite and model.rewrite.strip() else rules.rewrite
    if all(c.met for c in criteria.values()) and concise:
        rewrite = None if rewrite == rules.rewrite else rewrite
    return PurposeCheck(
        statement=rules.statement, score=score, criteria=criteria, suggestions=suggestions, rewrite=rewrite
    )


_PLACEHOLDER = re.compile(r"\[[^\]]*\]")


def check_purpose_rules(statement: str) -> PurposeCheck:
    """Judge `statement` with the rules: evidence for each criterion, a score, suggestions, a rewrite."""
    statement = " ".join(statement.split())
    # A [placeholder] is a fact still missing: it never counts as evidence for a criterion.
    facts = _PLACEHOLDER.sub(lambda m: " " * len(m.group(0)), statement)
    timeframe = find_timeframe(facts)
    population = find_population(facts)
    outcome = find_outcome(facts, timeframe, population)
    if len(statement.split()) >= READER_MIN_WORDS and not _PLACEHOLDER.search(statement):
        outcome = _weighed(statement, outcome)  # (a template's [slots] are the rules' to judge)
    findings = {"outcome": outcome, "population": population, "timeframe": timeframe}
    concise = len(statement.split()) <= CONCISE_WORDS
    # a statement with a [slot] still to fill is not finished: it never scores full marks
    finished = concise and not _PLACEHOLDER.search(statement)
    score = CRITERION_POINTS * sum(f.met for f in findings.values()) + (CONCISE_POINTS if finished else 0)
    english = reads_as_english(statement)
    return PurposeCheck(
        statement=statement,
        score=score,
        criteria={name: Criterion(met=f.met, evidence=f.evidence) for name, f in findings.items()},
        suggestions=_suggestions(statement, findings, concise),
        # (an English template around words of another language helps nobody: no rewrite then)
        rewrite=_rewrite(statement, findings) if english else None,
        warnings=[] if english else [NOT_ENGLISH_STATEMENT],
    )


def _weighed(statement: str, outcome: Finding) -> Finding:
    """The rules' outcome weighed with the outcome reader's words (`reader.py`). Where the reader finds
    an outcome the rules missed, its evidence is the sentence or clause that reads most like one. It never
    finds one the rules missed in a statement led by a vague verb ("By 2030, we will foster a stronger
    culture": the year is no result): on the batches before they were read, this guard costs 0.004 of
    accuracy (0.863 -> 0.859, the rules alone 0.801)."""
    if not outcome.met and vague_verbs(statement):
        return outcome
    reader = outcome_reader()
    met = reader.outcome(statement, outcome.met)
    if met == outcome.met:
        return outcome
    if not met:
        return Finding(met=False, evidence=None)
    parts = [p.strip(" ,") for p in _CLAUSE_BREAK.split(statement) if len(p.split()) >= 3] or [statement]
    return Finding(met=True, evidence=max(parts, key=reader.score))


_CLAUSE_BREAK = re.compile(r"(?<=[.;:!?])\s+|\s+[-–—]\s+")


_CRITERION_TIPS = {
    "outcome": "State the observable change you will produce and by how much, e.g. 'cut pedestrian "
    "deaths by half', 'house 500 families', 'raise third-grade reading proficiency to 80%'.",
    "population": "Name who or where: a defined group or place, e.g. 'every child in Harbor County', "
    "'renters in the Eastside neighbourhood'.",
    "timeframe": "Add a deadline or a bounded period, e.g. 'by 2030' or 'within 18 months'.",
}
# Words that sound like a result but give no measure ("safer streets", "better health").
_VAGUE_RESULT = re.compile(
    r"\b(?:(?:safer|better|healthier|stronger|more\s+\w+|greater|thriving|vibrant|resilient|sustainable|"
    r"full potential|quality|wellness|well-being|wellbeing)\b)",
    re.IGNORECASE,
)


def vague_phrases(statement: str) -> list[str]:
    """The vague verbs of `statement` with the words they govern ("promote health and wellness"), in
    the order used: what a suggestion quotes back."""
    phrases = []
    for verb in sorted(vague_verbs(statement), key=lambda v: statement.lower().find(v.removesuffix("e"))):
        found = re.search(
            rf"\b{re.escape(verb.removesuffix('e'))}\w*(?:\s+[^\s,;.:]+){{0,4}}", statement, re.I
        )
        if found:
            words = found.group(0).split()
            stop = next((i for i, w in enumerate(words[1:], 1) if w.lower() in _PHRASE_ENDS), len(words))
            # "support research and" → "support research"
            while stop > 1 and words[stop - 1].lower() in _DANGLING:
                stop -= 1
            phrases.append(" ".join(words[:stop]))
    return phrases


_DANGLING = frozenset(["and", "or", "the", "a", "an", "our", "its", "their"])
_PHRASE_ENDS = frozenset(
    [
        "for",
        "in",
        "to",
        "through",
        "by",
        "across",
        "among",
        "with",
        "so",
        "that",
        "which",
        "who",
        "where",
        "on",
        "at",
        "of",
    ]
)


def _suggestions(statement: str, findings: dict[str, Finding], concise: bool) -> list[str]:
    tips: list[str] = []
    if not findings["outcome"].met:
        phrases = vague_phrases(statement)
        results = [m.group(0) for m in _VAGUE_RESULT.finditer(statement)]
        if phrases:
            quoted = " and ".join(f"'{p}'" for p in phrases[:2])
            verb = "names an activity" if len(phrases[:2]) == 1 else "name activities"
            lead = f"{quoted} {verb}, not a result. "
        elif results:
            lead = f"'{results[0]}' gives no measure: say by how much. "
        else:
            lead = ""
        tips.append(lead + _CRITERION_TIPS["outcome"])
    if not findings["population"].met:
        groups = vague_groups(statement)
        lead = " and ".join(f"'{g}'" for g in groups[:2]) + (
            " is too broad. " if len(groups) == 1 else " are too broad. "
        )
        tips.append((lead if groups else "") + _CRITERION_TIPS["population"])
    if not findings["timeframe"].met:
        when = VAGUE_TIME.search(statement)
        tips.append((f"'{when.group(0)}' is not a deadline. " if when else "") + _CRITERION_TIPS["timeframe"])
    if not concise:
        tips.append(f"Shorten it to one sentence of at most {CONCISE_WORDS} words so members can repeat it.")
    if not tips:
        tips.append(
            "Strong statement: test it by asking whether it would let the coalition say no to a "
            "well-meant project that does not serve it."
        )
    return tips


_MOVABLE_TIME = re.compile(
    r"^(?:by|within|in|over|during|between|through|until|before|no later than)\b", re.I
)


def _rewrite(statement: str, findings: dict[str, Finding]) -> str | None:
    """The statement's own goal clause, completed: [slots] only for what the whole statement does
    not say, facts said elsewhere in it moved into the one sentence."""
    if all(f.met for f in findings.values()):
        return None
    wished = restate_wish(statement)  # "We want fewer kids ..." -> "Cut the number of kids ..."
    clauses = goal_clauses(wished) or [wished]
    clause = shorten(max(clauses, key=lambda c: (_met(c), opens_with_verb(c), -clauses.index(c))))
    timeframe = findings["timeframe"].evidence
    population = findings["population"].evidence
    return complete(
        clause,
        timeframe=timeframe if timeframe and _MOVABLE_TIME.match(timeframe) else None,
        population=population,
    )


def _met(clause: str) -> int:
    facts = facts_of(clause)
    return facts.outcome.met + facts.population.met + facts.timeframe.met
