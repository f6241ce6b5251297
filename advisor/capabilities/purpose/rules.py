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
    # in 2025 / for Q4 2025 / during 2026 (a year given as when the result is due)
    rf"(?<!launched )(?<!founded )(?<!formed )(?<!created )(?<!since )(?<!established )"
    rf"\b(?:in|for|during|from|proposed for|due)\s+(?:(?:Q[1-4]|H[12]|{_MONTHS})\.?\s+)?(?:the\s+)?{_YEAR}\b"
    r"(?!\s*[-–]?\s*\w*\s*(?:session|meeting|levels?))(?!\s+[a-z])",
    # "2030 targets:", "the 2022-25 strategy", "the period 2011-2020", "for our first year"
    rf"\b{_YEAR}\s+(?:targets?|goals?|strategy|strategic plan|plan|objectives?)\b",
    rf"\bthe\s+period\s+{_YEAR}",
    r"\b(?:for|in|during)\s+(?:our|its|the)\s+first\s+(?:year|two years|three years|months?)\b",
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

# A concrete output: making one artefact a reader can point at ("develop and maintain a robust data
# standard for solid biomass", "prepare an RFC"); a generic plural ("develop tools and resources") is not.
_ARTEFACTS = (
    r"standard|specification|framework|platform|model|methodology|roadmap|toolkit|playbook|guide|"
    r"catalog|catalogue|RFC|reference implementation|test suite|registry|database|dataset|curriculum|"
    r"inventory|report|manual|code of conduct|definition|website|portal|system|schema|ontology|vocabulary|"
    r"recommendation|charter|strategy|plan|map|index|benchmark|library|API"
)
_DELIVERABLE = re.compile(
    r"\b(?:develop|create|produce|publish|define|specify|standardi[sz]e|prepare|release|deliver|write|draft|"
    r"establish|design|launch|build|document)(?:s|es|ed|ing)?\b(?:\s+and\s+\w+)?\s+"
    r"(?:a|an|the|one|its|our)\s+(?:[\w’'()/-]+\s+){0,6}?(?:"
    + _ARTEFACTS
    + r")\b(?:\s+(?:for|of|on)\s+[\w’'()/ -]{3,60}?(?=[,.;:]|$))?"
    r"|\b(?:primary\s+)?deliverables?\s+(?:will\s+be|is|are|include)\s+[^.;]{5,120}",
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
VAGUE_GROUPS = _VAGUE_GROUPS


class Places(BaseModel, extra="forbid"):
    places: list[str]
    demonyms: list[str]


_GAZETTEER = load_lexicon("advisor.capabilities.purpose", "places.yaml", Places)
_PLACES = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(p) for p in sorted(_GAZETTEER.places + _GAZETTEER.demonyms, key=len, reverse=True))
    + r")(?![\w-])"
)
# A local place no list holds: capitalised words after "in", "across", "the city of"… ("in Oak Hollow").
# Capitalised words in any Latin script ("São Paulo", "Łódź", "Île-de-France").
_UPPER = "A-Z" + "".join(chr(c) for c in range(0xC0, 0x250) if chr(c).isupper())
_LOWER = "a-z" + "".join(chr(c) for c in range(0xC0, 0x250) if chr(c).islower())
_NAME = rf"[{_UPPER}][{_LOWER}]+(?:-(?:[{_LOWER}]+-)*[{_UPPER}][{_LOWER}]+)?"
_LOCAL_PLACE = re.compile(
    r"\b(?:in|across|throughout|near|around|(?:city|town|village|county|district|borough|region|"
    r"province|state) of)\s+(?:the\s+)?(?!(?:The|This|These|Our|Its|A|An)\b)"
    rf"(?P<place>{_NAME}(?:\s+{_NAME}){{0,2}})(?=\s+[a-z]|[,.;]|$)"
    rf"|\bfor\s+(?:the\s+)?(?P<end>{_NAME}(?:\s+{_NAME}){{0,2}})(?=[,.;]|$)"
    rf"|\b(?:on|from|along)\s+(?:the\s+)?(?P<street>{_NAME}(?:\s+(?:{_NAME}|\d+)){{0,2}}\s+(?:[Ss]treets?|[Rr]oads?|"
    r"corridors?|neighbou?rhoods?|estates?|schools?|blocks?|[Aa]venues?))\b"
)
# Words that make the capitalised words before them an organisation's name, not a place.
_ORGANISATION_WORDS = (
    r"Coalition|Alliance|Network|Foundation|Council|Consortium|Partnership|Project|Group|Committee|"
    r"Association|Initiative|Institute|Society|Plan|Program|Programme|Agency|Department|Office|"
    r"Commission|Board|Forum|Chapter|Collaborative|University|College|Centre|Center|Fund|Trust|Code"
)
_ORGANISATION_AFTER = re.compile(rf"(?:[\s-]+[A-Z][\w’'-]*)*?[\s-]+(?:{_ORGANISATION_WORDS})\b")
_NAME_BEFORE = re.compile(r"[A-Z][\w’'-]*\s+(?:[A-Z][\w’'-]*\s+)*$")
_PEOPLE = (
    r"people|persons|men|women|girls|boys|children|infants|newborns|babies|youth|young people|adults|"
    r"families|"
    r"households|patients|students|learners|pupils|workers|farmers|producers|residents|citizens|"
    r"communities|veterans|survivors|refugees|migrants|tenants|renters|seniors|mothers|parents"
)
_ROLES = (
    r"maintainers|developers|contributors|governments|agencies|authorities|departments|workforce|"
    r"researchers|scientists|funders|grantmakers|clinicians|nurses|teachers|educators|librarians|"
    r"municipalities|cities|councils|schools|districts|hospitals|clinics"
)
_DEFINED_GROUPS = re.compile(
    _GROUP.pattern
    + rf"|\b(?:{_PEOPLE})\s+(?:living|who|under|aged|of all ages|not in|experiencing|affected by|"
    rf"at risk of|in need of)\b[^.;,]{{0,60}}"
    + r"|\b(?:people|persons|children|adults|youth|women|men|students|veterans)\s+with\s+"
    r"(?:disabilit\w+|\w+\s+(?:conditions?|illness|needs))"
    + r"|\b(?:women and girls|girls and boys|boys and girls|infants|newborns)\b"
    + rf"|\b(?:open[ -]source|research software|public[ -]health|local|state|federal|tribal|municipal|"
    rf"county|city|regional|national|rural|urban|indigenous|small-scale|smallholder|early[ -]career)"
    rf"\s+(?:{_ROLES}|{_PEOPLE})\b"
    # a named project's or place's people: "Rust Project maintainers", "Kubernetes contributors"
    + rf"|(?<=\s)[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?\s+(?:{_ROLES}|{_PEOPLE})\b"
    + r"|\b(?:least developed|developing|low-income|middle-income|small island developing|member)\s+"
    r"(?:countries|states|nations|economies)\b",
)


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
    """A defined group ("children under 5", "open source maintainers", "local governments") or a
    place that is not part of an organisation's name ("in Singapore", "UK funders"); together when
    they are close ("climate-related scientists in Australia")."""
    groups = [m for m in _DEFINED_GROUPS.finditer(statement) if not _VAGUE_GROUPS.fullmatch(m.group(0))]
    places = [span for span in _place_matches(statement) if not _in_organisation_name(statement, span)]
    group = groups[0].span() if groups else None
    place = places[0] if places else None
    if group and place and max(group[1], place[1]) - min(group[0], place[0]) <= 80:
        group = (min(group[0], place[0]), max(group[1], place[1]))
    found = group or place
    return Finding(True, statement[found[0] : found[1]].strip(" ,;")) if found else Finding(False, None)


def _place_matches(statement: str) -> list[tuple[int, int]]:
    found = [(m.start(), m.end()) for m in _PLACES.finditer(statement)]
    found += [
        m.span(next(g for g in ("place", "end", "street") if m.group(g)))
        for m in _LOCAL_PLACE.finditer(statement)
        if not re.search(rf"\b(?:{_ORGANISATION_WORDS})\b", m.group(0))
    ]
    found += [
        m.span()
        for m in _CAPITALISED.finditer(statement)
        if re.search(rf"\b(?:{_PLACE_SUFFIX})$", m.group(0))
    ]
    return sorted(found)


def _in_organisation_name(statement: str, span: tuple[int, int]) -> bool:
    """ "Vision Zero Chicago", "Singapore Green Plan", "the Kenya Red Cross": a place inside a name."""
    after = statement[span[1] : span[1] + 60]
    before = statement[max(0, span[0] - 40) : span[0]]
    return bool(_ORGANISATION_AFTER.match(after) or _NAME_BEFORE.search(before))


def find_outcome(statement: str, timeframe: Finding, population: Finding) -> Finding:
    """A measurable change (a concrete verb with a quantity or end state) or a concrete output (one
    named or exactly described artefact: "develop a data standard for solid biomass")."""
    # Numbers inside the timeframe or a population ("over 18 months", "Route 9") are not targets.
    text = statement
    for evidence in (timeframe.evidence, population.evidence if _has_digit(population) else None):
        if evidence:
            text = text.replace(evidence, " " * len(evidence))
    text = _NOT_AN_OUTCOME_AFTER_RAISE.sub(lambda m: " " * len(m.group(0)), text)
    verbs = list(_CONCRETE.finditer(text))
    state = _STATE_RESULT.search(statement)
    if not verbs and state:
        return Finding(True, state.group(0).strip())
    for verb in verbs:
        clause_end = _clause_end(text, verb.end())
        clause = text[verb.start() : clause_end]
        if _QUANTITY.search(clause) or _STATE_RESULT.search(statement):
            return Finding(True, statement[verb.start() : clause_end].strip(" ,;.").strip())
    output = _DELIVERABLE.search(statement)
    if output:
        return Finding(True, output.group(0).strip(" ,;."))
    return Finding(False, None)


def _has_digit(finding: Finding) -> bool:
    return bool(finding.evidence and re.search(r"\d", finding.evidence))


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
