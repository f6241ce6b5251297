"""Purpose statements built from a user's own words: the goal clause of a sentence, completed with
[slots] only where a fact is missing, and the re-orderings the drafts offer.

Shared by the check's rewrite and the drafts, so both keep the user's numbers, places and dates
verbatim: a clause is never cut inside, only its lead-in ("Our goal is to", "2030 targets:") is
dropped and the missing criteria are appended.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from advisor.capabilities.purpose.models import Finding
from advisor.capabilities.purpose.rules import (
    CONCRETE_VERBS,
    VAGUE_GROUPS,
    VAGUE_VERBS,
    find_outcome,
    find_population,
    is_determiner,
)
from advisor.capabilities.purpose.timeframe import find_timeframe
from advisor.text.sentences import split_sentences

OUTCOME_SLOT = "[a result you can count, e.g. X falls by 30%]"
TARGET_SLOT = "[by how much, e.g. by 30% or to 500]"
POPULATION_SLOT = "[a defined group or place]"
TIMEFRAME_SLOT = "by [year]"
FOCUS_SLOT = "[the groups or places most affected]"

# Verbs a purpose clause can open with, in the base form ("develop", "keep"), besides the lexicon's.
_MORE_VERBS = (
    "make keep help give create develop maintain defend serve connect build produce publish lead advise "
    "facilitate share offer run establish grow become organise organize set stop put see turn bring "
    "transform shift secure guarantee protect cut halve deploy launch adopt pass win recruit release "
    "complete implement scan triage notify review propose drive double triple green electrify end"
)
BASE_VERBS = frozenset({v.split()[0] for v in (*CONCRETE_VERBS, *VAGUE_VERBS)} | set(_MORE_VERBS.split()))
# "Our goal is to", "The mission and goals of this Community Group are to", "We want to", "X exists to".
_PURPOSE_LEAD = re.compile(
    r"^(?:[^,;:]{0,80}?\b(?:mission|goals?|purposes?|aims?|vision|objectives?|role|task|intent)"
    r"(?:\s+and\s+\w+)?(?:\s+of\s+[^,;:]{1,60}?)?\s+(?:is|are|will\s+be|remains?)\s+(?:to|that)\s*:?\s+"
    r"|[^,;:]{0,80}?\b(?:exists?|aims?|wants?|hopes?|plans?|intends?|seeks?|strives?|commits?|pledges?|"
    r"is\s+committed|are\s+committed|resolved?|agreed|will\s+work|works?|need)\s+to\s+"
    r"|[^,;:]{0,80}?\b(?:agreed|decided|resolved)\s+that\s+[^,;:]{0,60}?\b(?:should|will|must|shall)\s+)",
    re.IGNORECASE,
)
# "2030 targets: Deploy…", "The purposes of this chapter are to: Defend…": a label before a colon.
_LABEL = re.compile(r"^(?P<label>[^:;]{1,70}):\s+(?=\S)")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_END = re.compile(r"[\s.;:,!?]+$")
_PLACE_PHRASE = re.compile(r"^[A-ZÀ-Þ][\w’'.-]*(?:\s+(?:of|the|and|[A-ZÀ-Þ][\w’'.-]*))*$")
VAGUE_TIME = re.compile(
    r"\b(?:soon|eventually|in the (?:near |long )?(?:future|term)|over time|long[- ]term|one day|someday)\b",
    re.I,
)
_RESULT_VERBS = frozenset(v.split()[0] for v in CONCRETE_VERBS)
# "We promote…", "Our alliance promotes…": the subject before the verb of a purpose.
_SUBJECT = re.compile(
    r"^(?:we|our|the\s+(?:coalition|alliance|partnership|network|partners|collaborative))\b", re.I
)
# "Launched in 2013, ...", "Founded by three clinics, ...": history before the subject, not the goal.
_HISTORY = re.compile(
    r"^(?:launched|founded|established|formed|created|started|incorporated|convened|set\s+up)\b[^,;:]{0,80},\s+",
    re.IGNORECASE,
)
# "By working collectively, we aim to ...", "Through our partners, the coalition will ...": the means
# before the subject; dropped only when a lead-in or subject follows it.
_MEANS = re.compile(r"^(?:by\s+\w+ing\b|through\s|via\s)[^,;:]{0,80},\s+(?=(?:we|our|the)\b)", re.IGNORECASE)
# "Code.org is a non-profit dedicated to expanding ...", "X is a network working towards ...": a
# description of who does the work; the goal is what follows.
_DESCRIBED = re.compile(
    r"^[^,;:]{0,80}?\b(?:is|are)\s+(?:an?\s+|the\s+)?[^,;:]{0,60}?\b"
    r"(?:(?:dedicated|committed|devoted)\s+to\s+(?P<gerund>\w+ing)\b|(?P<working>working)\s+(?=to(?:wards?)?\s))",
    re.IGNORECASE,
)
# "We want New York's governments to work ...": what the subject wants others to do.
_WANT_OTHERS = re.compile(
    r"^(?:we|the\s+\w+)\s+wants?\s+(?P<who>[^,;:]{1,60}?)\s+to\s+(?=[a-z])", re.IGNORECASE
)
_AND_GERUND = re.compile(r"(,\s+and\s+|;\s+and\s+)(\w+ing)\b")
# A clause goes on past these only to explain itself; a statement stops before them.
_TAIL = re.compile(r";|\s[–—]\s|,\s+(?:while|which|including|in particular|so that|because|but)\b|\s+if\s+")


@dataclass(frozen=True)
class Facts:
    """A statement's criteria as the rules find them in it."""

    outcome: Finding
    population: Finding
    timeframe: Finding


def facts_of(text: str) -> Facts:
    timeframe = find_timeframe(text)
    population = find_population(text)
    return Facts(find_outcome(text, timeframe, population), population, timeframe)


def goal_clauses(text: str) -> list[str]:
    """The clauses of `text` a purpose statement can be made of, lead-ins dropped: one per
    sentence (or per part of a sentence split by ';'), in order."""
    clauses = []
    for sentence in split_sentences(" ".join(text.split())):
        for part in re.split(r";\s+", sentence):
            clause = strip_lead(part)
            balanced = clause.count("(") == clause.count(")") and not clause[:1].isdigit()
            if len(clause.split()) >= 2 and balanced:
                clauses.append(clause)
    return clauses


def strip_lead(clause: str) -> str:
    """`clause` without its lead-in, so that it opens with its verb where it has one; a label's year
    ("2030 targets:") is kept as "By 2030," when the clause names no other time."""
    clause = _END.sub("", clause.strip())
    label = _LABEL.match(clause)
    if label and len(label.group("label").split()) <= 8:
        rest = clause[label.end() :]
        year = _YEAR.search(label.group("label"))
        lead = f"By {year.group(0)}, " if year and not find_timeframe(rest).met else ""
        inner = strip_lead(rest)
        if _opens_with_verb(inner) or lead:
            return lead + (_lower_first(inner) if lead else inner)
    for opening in (_HISTORY, _MEANS):
        opened = opening.match(clause)
        if opened and len(clause[opened.end() :].split()) >= 3:
            clause = clause[opened.end() :]
    described = _described_goal(clause)
    if described:
        return described
    wants = _WANT_OTHERS.match(clause)
    if wants:
        return f"Get {wants.group('who')} to {clause[wants.end() :]}"
    lead_in = _PURPOSE_LEAD.match(clause)
    if lead_in:
        rest = clause[lead_in.end() :]
        # after "aims to", "exists to", "is to": an infinitive, whatever the verb ("coordinate")
        infinitive = lead_in.group(0).rstrip().lower().endswith(" to") and rest[:1].islower()
        first = rest.split()[0] if rest.split() else ""
        if _opens_with_verb(rest) or (infinitive and first.isalpha() and first not in _FUNCTION_WORDS):
            return rest[0].upper() + rest[1:]
    subject = _SUBJECT.match(clause)
    words = clause.split()
    if subject:
        # "We cut…", "We will cut…", "Our alliance promotes…": the verb after the subject
        plural = subject.group(0).lower() == "we"
        for length in range(1, min(4, len(words))):
            word = words[length]
            after_modal = words[length - 1].lower() in {"will", "shall"}
            verb = _base_form(word) if plural or after_modal or word.endswith("s") else None
            if verb and not word[0].isupper() and word.lower() not in {"will", "shall"}:
                return " ".join([verb.capitalize(), *words[length + 1 :]])
    return clause[0].upper() + clause[1:] if clause else clause


def _described_goal(clause: str) -> str | None:
    """ "X is a non-profit dedicated to expanding A, and increasing B" → "Expand A, and increase B";
    "X is a network working towards Y" → "Work towards Y"; None for any other clause."""
    match = _DESCRIBED.match(clause)
    if not match:
        return None
    rest = clause[match.end() :]
    if match.group("working"):
        after_to = rest[3:] if rest.lower().startswith("to ") else ""
        return after_to[0].upper() + after_to[1:] if _opens_with_verb(after_to) else "Work " + rest
    verb = gerund_base(match.group("gerund"))
    if verb is None:
        return None

    def coordinate(item: re.Match[str]) -> str:
        base = gerund_base(item.group(2))
        return item.group(1) + base if base else item.group(0)

    return verb.capitalize() + _AND_GERUND.sub(coordinate, rest)


def gerund_base(word: str) -> str | None:
    """ "expanding" → "expand", "making" → "make", "running" → "run"; None when the base form is no
    verb a purpose opens with (the clause is then left as it is)."""
    word = word.lower()
    if not word.endswith("ing"):
        return None
    stem = word[:-3]
    for base in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""):
        if base in BASE_VERBS:
            return base
    return None


def _base_form(word: str) -> str | None:
    """ "promotes" → "promote", "cut" → "cut"; None when `word` is no verb a purpose opens with."""
    word = word.lower()
    for base in (word, word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith("es") else ""):
        if base in BASE_VERBS:
            return base
    return None


def _opens_with_verb(clause: str) -> bool:
    first = clause.split()[0].lower() if clause.split() else ""
    return first in BASE_VERBS


def opens_with_verb(clause: str) -> bool:
    """Whether `clause` starts with a base-form verb ("Cut…", "Develop…"): a goal, not a report."""
    return _opens_with_verb(clause)


def shorten(clause: str, limit: int = 40) -> str:
    """A long clause cut before the words that only explain it (", while…", "; …", " — …")."""
    if len(clause.split()) <= limit:
        return clause
    for match in _TAIL.finditer(clause):
        if len(clause[: match.start()].split()) >= 6:
            return clause[: match.start()].rstrip(" ,")
    return clause


def complete(clause: str, *, timeframe: str | None = None, population: str | None = None) -> str:
    """One sentence from `clause` (the user's words, unchanged) with each missing criterion filled
    by the given fact or a [slot]: a target after a result verb that has none, a result to count
    after an activity, a defined group in place of a vague one, a deadline in place of "soon"."""
    body = _END.sub("", clause.strip())
    facts = facts_of(body)
    when = "" if facts.timeframe.met else (timeframe or TIMEFRAME_SLOT)
    # slots go before a deadline the clause ends with: "…by 40 percent for [group] by 2028"
    tail = facts.timeframe.evidence or ""
    if tail and body.endswith(tail) and not body.startswith(tail):
        body, when = body[: -len(tail)].rstrip(" ,"), tail
    group = ""
    if not facts.population.met:
        found = _bare_vague_group(body)
        if population and population in body:
            pass  # named already ("New York's governments"), only not as the rules' population
        elif population:
            group = f" {_preposition(population)} {population}"
        elif found:
            slot = f"[a defined group or place, not '{found.group(0)}']"
            body = body[: found.start()] + slot + body[found.end() :]
        else:
            group = f" for {POPULATION_SLOT}"
    if facts.outcome.met or _QUANTITY.search(body):
        body += group
    elif body.split()[0].lower() in _RESULT_VERBS:
        body = f"{body} {TARGET_SLOT}{group}"
    else:
        body = f"{body}{group} so that {OUTCOME_SLOT}"
    vague_time = VAGUE_TIME.search(body) if when and not facts.timeframe.met else None
    if vague_time:  # "…safer soon" → "…safer by [year]", the slot where the vague time was
        body, when = body[: vague_time.start()] + when + body[vague_time.end() :], ""
    return sentence_case(f"{body} {when}")


# A number the user gave: the result has its measure even where the rules see no outcome.
_QUANTITY = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred|thousand|"
    r"million|billion|half|third|quarter|double|triple|zero|every|all)\b",
    re.IGNORECASE,
)
_QUALIFIED = re.compile(r"\s+(?:over|under|aged|in|on|who|with|living|from|at|of)\b")


def _bare_vague_group(body: str) -> re.Match[str] | None:
    """A vague group with nothing that defines it ("the community", but not "young people in Juárez")."""
    for match in VAGUE_GROUPS.finditer(body):
        before = body[: match.start()].split()[-1:]
        if _QUALIFIED.match(body, match.end()) or (
            before and before[0].lower() in {"young", "older", "local"}
        ):
            continue
        if is_determiner(body, match):
            continue  # "all data privacy requirements": a determiner, not a group
        return match
    return None


def _preposition(population: str) -> str:
    return "in" if _PLACE_PHRASE.match(population) else "for"


def sentence_case(body: str) -> str:
    body = " ".join(_END.sub("", body).split())
    return body[0].upper() + body[1:] + "." if body else body


def timeframe_first(statement: str) -> str | None:
    """The statement with its deadline moved to the front ("By 2028, cut…"), or None when the
    deadline is not its last words."""
    body = _END.sub("", statement)
    evidence = find_timeframe(body.replace(TIMEFRAME_SLOT, "by 2000")).evidence
    when = TIMEFRAME_SLOT if body.endswith(TIMEFRAME_SLOT) else evidence
    if not when or not body.endswith(when) or body.startswith(when):
        return None
    rest = body[: -len(when)].rstrip(" ,")
    if len(rest.split()) < 2:
        return None
    return sentence_case(f"{when[0].upper()}{when[1:]}, {_lower_first(rest)}")


def place_first(statement: str) -> str | None:
    """The statement opened by its place ("In Harbor County, cut the share of children…"), or None
    when no "in/across <Place>" can be moved without leaving a fragment."""
    body = _END.sub("", statement)
    match = re.search(
        r"\s(in|across|throughout)\s+(?P<place>[A-ZÀ-Þ][\w’'.-]*(?:\s+[A-ZÀ-Þ][\w’'.-]*){0,3})(?=[\s,]|$)",
        body,
    )
    if not match or not find_population(match.group(0)).met:
        return None
    rest = (body[: match.start()] + body[match.end() :]).strip()
    if len(rest.split()) < 3 or not opens_with_verb(rest):
        return None
    return sentence_case(f"{match.group(1).capitalize()} {match.group('place')}, {_lower_first(rest)}")


def with_focus(statement: str) -> str | None:
    if "starting with" in statement:
        return None
    return sentence_case(f"{_END.sub('', statement)}, starting with {FOCUS_SLOT}")


_FUNCTION_WORDS = frozenset(
    {"every", "all", "each", "the", "a", "an", "our", "their", "its", "this", "these", "no", "most"}
    | {"of", "in", "for", "to", "with", "at", "we"}
)


# what follows a name that is the sentence's subject ("Green Web Foundation is ...", "Singapore will be ...")
_SUBJECT_VERBS = frozenset(
    {"is", "are", "was", "were", "will", "shall", "has", "have", "aims", "seeks", "works"}
)


def _lower_first(text: str) -> str:
    """`text` to follow a comma: its first word lower-cased unless it is a name."""
    words = text.split()
    capitalised = next((i for i, word in enumerate(words) if not word[:1].isupper()), len(words))
    if 0 < capitalised < len(words) and words[capitalised].lower() in _SUBJECT_VERBS:
        return text  # a name as the subject: "Green Web Foundation is ..." keeps its capital
    first = words[0].lower() if words else ""
    common = first in BASE_VERBS or first in _FUNCTION_WORDS or first.endswith(("ed", "ing"))
    # "Fair and inclusive…", "Students build…": a capital only because the sentence began there
    sentence_start = len(words) > 1 and words[1][:1].islower() and not find_population(words[0]).met
    return text[0].lower() + text[1:] if common or sentence_start else text
