"""Rule-based judgement of a purpose statement: does it name a specific outcome, a defined
population or place, and a timeframe? Each finding comes with the words that show it.

The rules are deliberately explainable: a concrete change verb with a measurable target is an
outcome ("halve asthma admissions"), vague verbs alone are not ("promote", "raise awareness"); a
named place or a qualified group is a population ("every child in Harbor County"), "the community"
is not; a deadline or bounded period is a timeframe ("by 2030", "within 18 months"), "soon" is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import BaseModel, Field

from advisor.text.lexicon import Regex, load_lexicon

_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|twenty-four|thirty|"
    r"thirty-six|a few|several"
)
_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_YEAR = r"(?:19|20)\d{2}(?:\s*[-–/]\s*(?:19|20)?\d{2})?"
TIMEFRAME_PATTERNS = [
    # by 2030 / by the end of 2027 / by June 2029 / by fall 2028 / by the 2027-28 school year
    rf"\bby\s+(?:the\s+)?(?:(?:end|close|middle|start|spring|summer|fall|autumn|winter|early|mid|late)\b[\s-]*(?:of\s+)?)?"
    rf"(?:(?:{_MONTHS})\.?\s+(?:\d{{1,2}},?\s+)?)?(?:the\s+)?{_YEAR}(?:\s+(?:school|fiscal|financial)\s+year)?",
    # within 18 months / over the next three years / in the next decade / during the first two years
    rf"\b(?:within|over|in|during|across)\s+(?:the\s+)?(?:next|coming|first|following)?\s*"
    rf"(?:\d+|{_NUMBER_WORDS})?\s*(?:months?|years?|weeks?|decades?)\b",
    # through 2029 / until 2030 / before 2028 / no later than 2027
    rf"\b(?:through|until|till|before|no later than|ending in)\s+(?:(?:{_MONTHS})\s+)?{_YEAR}",
    # between now and the end of 2026 / from 2025 to 2028 / summers of 2026 through 2028
    rf"\bbetween\s+(?:now|today|{_YEAR})\s+and\s+(?:the\s+end\s+of\s+)?{_YEAR}",
    rf"\b{_YEAR}\s+(?:to|through|until|-|–)\s+{_YEAR}",
    r"\bby\s+(?:year[- ]end|the end of (?:the|this|next) (?:year|decade))",
]
_TIMEFRAME = [re.compile(p, re.IGNORECASE) for p in TIMEFRAME_PATTERNS]


class PurposeLexicon(BaseModel, extra="forbid"):
    """The contents of `lexicon.yaml`."""

    vague_verbs: list[str] = Field(description="Activities, not results.")
    concrete_verbs: list[str] = Field(description="Verbs of an observable result.")
    place_suffixes: Regex = Field(description="Words that end a place name.")
    not_places: list[str] = Field(description="Capitalised words that never name a place or group.")
    vague_groups: Regex = Field(description="Groups too broad to be a population.")


LEXICON = load_lexicon("advisor.capabilities.purpose", "lexicon.yaml", PurposeLexicon)
VAGUE_VERBS = tuple(LEXICON.vague_verbs)
CONCRETE_VERBS = tuple(LEXICON.concrete_verbs)
_VERB_FORMS = r"(?:s|es|d|ed|ing)?"
_CONCRETE = re.compile(
    r"\b(?:" + "|".join(re.escape(v) for v in CONCRETE_VERBS) + rf"){_VERB_FORMS}\b", re.IGNORECASE
)
_NOT_AN_OUTCOME_AFTER_RAISE = re.compile(r"\braise\w*\s+(?:awareness|the profile|voices?)\b", re.IGNORECASE)
_QUANTITY = re.compile(
    r"(?i)(?:\b\d[\d,.]*\s*(?:%|percent|per cent)?|\$\d[\d,.]*|\b(?:zero|half|halve\w*|double\w*|triple\w*|"
    r"every|all|each|no more than|at least|under|below|above)\b)"
)
# "every asylum seeker … will have a representative", "make every crossing … meet standards"
_STATE_RESULT = re.compile(
    r"\b(?:every|all|each)\s+\w+[^.;]*?\b(?:will\s+|to\s+)?(?:be|have|has|meet|meets|get|gets|reach|reaches|receive|receives)\s+\w+",
    re.IGNORECASE,
)

_PLACE_SUFFIX = LEXICON.place_suffixes
_NOT_PLACES = set(LEXICON.not_places) | set(_MONTHS.split("|"))
_CAPITALISED = re.compile(
    r"\b[A-Z][a-z]+(?:[ -](?:of\s+(?:the\s+)?)?[A-Z][a-z]+)*(?:\s+(?:" + _PLACE_SUFFIX + r"))?"
)
_GROUP = re.compile(
    r"\b(?:every|all|each)\s+(?:[a-z-]+\s+){0,2}(?:child|children|student|students|resident|residents|family|"
    r"families|household|households|senior|seniors|adult|adults|worker|workers|renter|renters|tenant|tenants|"
    r"patient|patients|youth|infant|infants|crossing|school|schools|home|homes)\b|"
    r"\b(?:low-income|uninsured|homeless|older|elderly|immigrant|refugee|undocumented|disabled|unemployed|"
    r"unhoused|rural|pregnant|third-grade|elementary|middle-school|high-school)\s+(?:[a-z-]+\s+)?"
    r"(?:children|students|residents|families|households|seniors|adults|workers|renters|tenants|patients|"
    r"youth|women|men|people|veterans|farmworkers|graders)\b",
)
_VAGUE_GROUPS = re.compile(LEXICON.vague_groups, re.I)


@dataclass(frozen=True)
class Finding:
    """One criterion's verdict and the words that show it (None when not met)."""

    met: bool
    evidence: str | None


def find_timeframe(statement: str) -> Finding:
    matches = [m for pattern in _TIMEFRAME for m in pattern.finditer(statement)]
    if not matches:
        return Finding(False, None)
    best = max(matches, key=lambda m: len(m.group(0)))
    return Finding(True, best.group(0).strip())


def find_population(statement: str) -> Finding:
    group = _GROUP.search(statement)
    places = [m for m in _CAPITALISED.finditer(statement) if _is_place(statement, m)]
    if group and places:
        # "children in the Southgate district": the group and its place together
        start, end = min(group.start(), places[0].start()), max(group.end(), places[0].end())
        if end - start <= 80:
            return Finding(True, statement[start:end].strip())
    if places:
        return Finding(True, places[0].group(0).strip())
    if group:
        return Finding(True, group.group(0).strip())
    return Finding(False, None)


def find_outcome(statement: str, timeframe: Finding, population: Finding) -> Finding:
    # Numbers inside the timeframe or the population ("over 18 months", "Route 9") are not targets.
    text = statement
    for evidence in (timeframe.evidence, population.evidence):
        if evidence:
            text = text.replace(evidence, " " * len(evidence))
    text = _NOT_AN_OUTCOME_AFTER_RAISE.sub(lambda m: " " * len(m.group(0)), text)
    verbs = list(_CONCRETE.finditer(text))
    if not verbs:
        state = _STATE_RESULT.search(statement)
        return Finding(True, state.group(0).strip()) if state else Finding(False, None)
    for verb in verbs:
        clause_end = _clause_end(text, verb.end())
        clause = text[verb.start() : clause_end]
        if _QUANTITY.search(clause) or _STATE_RESULT.search(statement):
            return Finding(True, statement[verb.start() : clause_end].strip(" ,;.").strip())
    return Finding(False, None)


def vague_verbs(statement: str) -> list[str]:
    lowered = statement.lower()
    # match inflections too: promote → promoting, foster → fostered
    return [v for v in VAGUE_VERBS if re.search(rf"\b{re.escape(v.removesuffix('e'))}\w*", lowered)]


def vague_groups(statement: str) -> list[str]:
    return sorted({m.group(0).lower() for m in _VAGUE_GROUPS.finditer(statement)})


def _clause_end(text: str, start: int) -> int:
    match = re.compile(r"[.;]\s|[.;]$| through | so that | while ").search(text, start)
    return match.start() if match else len(text)


def _is_place(statement: str, match: re.Match[str]) -> bool:
    words = match.group(0).split()
    if words[0].lower() in _NOT_PLACES:
        if len(words) == 1:
            return False
        return _is_place_words(words[1:])
    sentence_start = match.start() == 0 or re.search(r"[.!?]\s*$", statement[: match.start()]) is not None
    if sentence_start and len(words) == 1:
        return False
    return _is_place_words(words)


def _is_place_words(words: list[str]) -> bool:
    return bool(words) and not all(w.lower() in _NOT_PLACES for w in words) and not words[0].isupper()
