"""Grounded answers to free questions (`advisor ask`), offline.

The answer is extractive and built from whole units: the sections around the best retrieved
passages are put back together and cut into paragraphs, lists (kept whole and in order, with the
line that leads into them) and clauses (`advisor.retrieval.sections`). The units closest in meaning
to the question are quoted whole under "title › section", each cited. When the coalition's own
documents hold a relevant clause it comes first, quoted; when the question asks what "our charter"
(or notes, bylaws…) says and they hold nothing that answers, the answer says so plainly before it
gives the guidance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from advisor.capabilities.ask.answerable import unlikely_answered
from advisor.capabilities.ask.models import Answer
from advisor.documents.injection import find_injections, injection_warning
from advisor.retrieval.highlights import embed_cached
from advisor.retrieval.hybrid import Retriever
from advisor.retrieval.passages import Citation, Passage
from advisor.retrieval.sections import SectionChunk, Unit, section_units, shorten_list, unit_text
from advisor.retrieval.vocabulary import related_phrases
from advisor.store.files import named_like_a_charter
from advisor.store.lexical import query_terms
from advisor.text.stemming import stem_words
from advisor.text.vectors import cosine

# Below this cosine similarity between the question and the best passage, we say we found nothing.
MIN_RELEVANCE = 0.25
# A workspace unit this close to the question (or under a heading that names what the question asks
# about) is the coalition's own answer and is quoted first.
OWN_UNIT_RELEVANCE = 0.35
# ... and so is the closest unit of the passage the search ranked first, if it is this close.
TOP_RANKED_OWN_RELEVANCE = 0.22
# A workspace unit less close than this is never quoted unless its heading names the question's topic
# ("Who is our fiscal sponsor?" quoted a meeting's list of open questions at 0.14)
MIN_OWN_RELEVANCE = 0.2
MAX_UNITS = 3
ANSWER_PASSAGES = 8
OWN_PASSAGES = 3  # the workspace's own, searched alone when none made the places above
ANSWER_PER_SOURCE = 3
WORD_BUDGET = 320  # words quoted in one answer, over all its units
RELATIVE_DROP = 0.12  # a unit this much less relevant than the best one is left out
# ... unless it is this close to the question itself: "Why is Summer EBT enrollment so low?" found the
# metric's row (0.73) and left out the notes' line that says why (0.59)
CLOSE_ENOUGH = 0.5
SAME_SECTION_UNITS = 2
LIST_BONUS = 0.03  # a list is often the steps asked for, whole
RETRIEVED_BONUS = 0.05  # a unit in a chunk the search itself found (by meaning or by words)
STEPS_BONUS = 0.06  # "how do we…" asks for steps: a numbered list is the answer's shape
# the share of the question's topic words a unit uses ("join" in "To join, an organization sends…"):
# a short clause that says the thing in the question's own words embeds less close than a long list
WORDS_BONUS = 0.15
_HOW = re.compile(r"^\s*(?:so\s+)?how\b|\bwhat (?:are the )?steps\b|\bprocess\b|\bprocedure\b", re.I)
_NUMBERED = re.compile(r"^\s*1[.)]\s", re.M)
_ABOUT_OUR_DOCUMENTS = re.compile(
    r"\b(?:our|my)\s+(?:own\s+)?(?:charter|documents?|docs|agreement|bylaws|by-laws|terms of reference|"
    r"mou|constitution|rules|policy|policies|notes|minutes|plan|roster|governance)\b",
    re.I,
)
_ASKS_OUR_CHARTER = re.compile(
    r"\b(?:our|my|the)\s+(?:own\s+)?"
    r"(?:charter|agreement|bylaws|by-laws|terms of reference|mou|constitution)\b",
    re.I,
)
# A question of fact about the coalition itself ("Who is our fiscal sponsor?", "When is our next
# meeting?"): when its documents hold nothing on it, the answer says so before the guidance
_ASKS_A_FACT_OF_OURS = re.compile(
    r"^\s*(?:who|what|when|where|which|how\s+(?:much|many|often|long))\b(?:(?!\b(?:should|could|can|do|does)\b)"
    r"[^?])*?\b(?:our|my)\b",
    re.I,
)
# Someone telling of their own strain ("I'm exhausted", "I feel like I'm failing everyone"): a new user
# got five quoted bullets and not a word for them
_STRAIN = re.compile(
    r"\b(?:i(?:'m|’m| am)|i feel|we(?:'re|’re| are))\s+(?:so\s+|really\s+|completely\s+|just\s+)?"
    r"(?:exhausted|burn(?:ed|t)\s+out|overwhelmed|drowning|stressed|tired|worn\s+out|at\s+(?:my|our)\s+wits|"
    r"like\s+(?:i(?:'m|’m| am)|we(?:'re|’re| are))\s+failing|failing|losing\s+(?:it|hope)|alone|stuck)\b",
    re.I,
)
STRAIN_PREFACE = (
    "That sounds hard, and you are not alone in it: many people who lead coalitions reach this point. "
    "What the guidance suggests:\n\n"
)
# Words that name the document asked about, not the topic: "our charter" matches every charter heading.
_DOCUMENT_WORDS = (
    "charter document doc agreement bylaw terms reference mou constitution rule policy note minute plan",
    "roster governance say said coalition alliance partnership member",
)
_FUNCTION_WORDS = (
    "how do does did we our us what when who whom why which where can should would could will is are was "
    "were the a an to of in for on with about if it this that they them their i my me you your be been "
    "has have had get make there here any all some so not no just let one happen happens",
)
_DOCUMENT_STEMS = frozenset(stem_words(" ".join(_DOCUMENT_WORDS + _FUNCTION_WORDS).split()))
_DEPENDENT_OPENER = re.compile(r"^(this|these|that|those|it|they|such|only|also)\b", re.I)
DEPENDENT_PENALTY = 0.06


@dataclass(frozen=True)
class _Candidate:
    passage: Passage  # the best retrieved passage of the unit's section
    rank: int
    unit: Unit
    vector: list[float]
    relevance: float  # cosine similarity to the question
    score: float  # relevance with the passage's rank and the unit's shape weighed in

    heading_match: bool  # the section's heading names a topic word of the question

    @property
    def own(self) -> bool:
        return self.passage.scope != "knowledge"


def answer_question(
    question: str,
    *,
    retriever: Retriever,
    workspace: str | None = None,
    k: int | None = None,
) -> Answer:
    """Answer `question` from the knowledge base and, if given, the workspace's documents."""
    question = question.strip()
    # Sections, not passages, are what an answer quotes: it looks at a few more of them, and at more
    # than one or two per file (one guidance topic often holds the best three sections).
    passages = retriever.search(
        question, workspace=workspace, k=max(k or 0, ANSWER_PASSAGES), per_source=ANSWER_PER_SOURCE
    )
    if workspace and not any(p.scope != "knowledge" for p in passages):
        # the guidance filled every place: the coalition's own best passages are still weighed (a
        # charter's membership clause once fell just outside the places for "How do members join?")
        passages += retriever.search(question, workspace=workspace, knowledge=False, k=OWN_PASSAGES)
    elif workspace and all(p.scope != "knowledge" for p in passages):
        # ... and the other way round: three files of notes and a charter filled every place, and "the
        # farm bureau is furious about the buyout map, what do we do?" got the notes read back, no advice
        passages += retriever.search(question, k=OWN_PASSAGES)
    if not passages or max((p.similarity or 0.0) for p in passages) < MIN_RELEVANCE:
        where = "the knowledge base" + (f" or the {workspace!r} workspace" if workspace else "")
        return Answer(
            answer=f"I found nothing in {where} that answers this. Try rephrasing with the coalition "
            "situation you face (for example: members, purpose, charter, funding, conflict, measurement).",
            mode="offline",
            citations=[],
        )
    about_ours = bool(
        workspace and (_ABOUT_OUR_DOCUMENTS.search(question) or _ASKS_A_FACT_OF_OURS.search(question))
    )
    candidates = _candidates(question, passages, retriever)
    if workspace and _ASKS_OUR_CHARTER.search(question):
        # "What does our charter say about leaving?": the charter's own clauses before the meeting notes
        # that also speak of leaving, and among them the section whose heading names it
        candidates.sort(key=lambda c: not (c.own and _charter_unit(c) and c.heading_match))
    chosen = _choose(candidates, own_units=2)
    preface = ""
    if about_ours and not any(c.own for c in chosen):
        preface = (
            f"Your documents in {workspace!r} do not seem to say anything about this. "
            "What the guidance says:\n\n"
        )
    # the gate reads the question alone: it never overrules a clause of the coalition's own documents
    # close enough to lead the answer ("Only the Co-Chairs may speak to the media" answers who talks
    # to reporters, whatever the question's wording)
    elif not any(c.own for c in chosen) and unlikely_answered(retriever.embeddings.embed_query(question)):
        where = f"The guidance and your documents in {workspace!r} do" if workspace else "The guidance does"
        preface = f"{where} not seem to say anything about this. The nearest passages, in case one helps:\n\n"
    missing = [name for name in _names_in(question) if not any(_mentions(c, name) for c in chosen)]
    if missing and not preface:  # "... in Pike County?" answered with the coalition's own county's figure
        named = " or ".join(f"“{name}”" for name in missing)
        preface = f"The passages found do not mention {named}; read them with that in mind:\n\n"
    if _STRAIN.search(question):  # a person under strain hears that first, then the guidance
        preface = STRAIN_PREFACE + preface
    answer = _compose(chosen, preface)
    used = list({c.passage.chunk_id: c.passage for c in chosen}.values())
    return answer.model_copy(update={"warnings": injection_warnings(used)})


# a name of two or more capitalised words not opening the question: "Pike County", "New Hope Pantry"
_NAME = re.compile(r"(?<=[a-z,;:] )(?:[A-Z][a-z]+(?:['’]s)?\s+)+[A-Z][a-z]+\b")


def _names_in(question: str) -> list[str]:
    return list(dict.fromkeys(m.group(0) for m in _NAME.finditer(question)))


def _mentions(candidate: _Candidate, name: str) -> bool:
    text = f"{candidate.passage.title} {candidate.passage.heading} {candidate.unit.text}".lower()
    return name.lower() in text


def injection_warnings(passages: list[Passage]) -> list[str]:
    """A warning per source whose passages try to instruct an AI (they are still only data)."""
    warnings: dict[str, str] = {}
    for passage in passages:
        findings = find_injections(passage.text)
        if findings and passage.source not in warnings:
            warnings[passage.source] = injection_warning(passage.source, findings)
    return list(warnings.values())


def _candidates(question: str, passages: list[Passage], retriever: Retriever) -> list[_Candidate]:
    """Every unit of every section a retrieved passage sits in, scored against the question."""
    sections: dict[tuple[str, str, str], tuple[int, Passage]] = {}
    for rank, passage in enumerate(passages):
        sections.setdefault((passage.scope, passage.source, passage.heading), (rank, passage))
    pool: list[tuple[int, Passage, Unit]] = []
    for rank, passage in sections.values():
        chunks = retriever.section(passage) or [SectionChunk(passage.chunk_id, 0, passage.text)]
        pool.extend((rank, passage, unit) for unit in section_units(chunks))
    if not pool:
        return []
    vectors = embed_cached(retriever.embeddings, [unit_text(p.heading, p.title, u.text) for _, p, u in pool])
    query = retriever.embeddings.embed_query(question)
    retrieved = {p.chunk_id for p in passages}
    wants_steps = bool(_HOW.search(question))
    topic = _topic_stems(question)
    # a heading names the topic in the question's words or in a word of the same meaning ("leaving the
    # partnership" and "7. Withdrawal": a new user's withdrawal clause lost to a conflict-of-interest one)
    named = topic | _topic_stems(related_phrases(question))
    headings = {p.heading: bool(named & _topic_stems(p.heading)) for _, p, _ in pool}
    candidates = []
    for (rank, passage, unit), vector in zip(pool, vectors, strict=True):
        relevance = cosine(query, vector)
        score = (
            relevance
            + 0.08 / (1 + rank)
            - DEPENDENT_PENALTY * bool(_DEPENDENT_OPENER.match(unit.text))
            - 0.1 * (len(unit.text.split()) < 6)
            + LIST_BONUS * unit.is_list
            + RETRIEVED_BONUS * (unit.chunk_id in retrieved)
            + STEPS_BONUS * (wants_steps and bool(_NUMBERED.search(unit.text)))
            + WORDS_BONUS * _share_of(topic, unit.text)
        )
        candidates.append(
            _Candidate(passage, rank, unit, vector, relevance, score, headings[passage.heading])
        )
    return sorted(candidates, key=lambda c: c.score, reverse=True)


def _choose(candidates: list[_Candidate], *, own_units: int) -> list[_Candidate]:
    """The best units, the coalition's own first (up to `own_units` of them that answer for it:
    a clause of its own documents beats general guidance), without repeats, within the word budget."""
    chosen: list[_Candidate] = []
    words = 0

    def take(candidate: _Candidate) -> None:
        nonlocal words
        same_section = sum(1 for c in chosen if _section(c) == _section(candidate))
        repeats = any(cosine(candidate.vector, c.vector) > 0.85 for c in chosen)
        fits = not chosen or words + _words(candidate) <= WORD_BUDGET
        if same_section < SAME_SECTION_UNITS and not repeats and fits:
            chosen.append(candidate)
            words += _words(candidate)

    own = [c for c in candidates if c.own]
    if any(_answers_for_us(c) for c in own):
        # the documents answer: quote their best units by score, not only the ones that qualified
        # ("2.2 A member joins by written application" over a quorum rule in the top-ranked section),
        # never one far less relevant than the best ("share data when appropriate" after the
        # conflict clause asked about)
        near = max(c.relevance for c in own) - RELATIVE_DROP
        for candidate in own:
            if len(chosen) == own_units:
                break
            close = candidate.relevance >= TOP_RANKED_OWN_RELEVANCE
            near_enough = candidate.relevance >= min(near, CLOSE_ENOUGH)
            if (close and not chosen) or candidate.heading_match or (close and near_enough):
                take(candidate)
    # each kind of source against its own best: the coalition's clause, however close, leaves room for
    # the guidance's answer (a weak "try to get along" clause once displaced the five-step protocol)
    floor = {
        kind: min(
            max((c.relevance for c in candidates if c.own is kind), default=0.0) - RELATIVE_DROP, CLOSE_ENOUGH
        )
        for kind in (True, False)
    }
    for candidate in candidates:
        if len(chosen) == MAX_UNITS + sum(c.own for c in chosen):  # the guidance keeps its units
            break
        if candidate in chosen or candidate.relevance < floor[candidate.own]:
            continue
        if candidate.own and candidate.relevance < MIN_OWN_RELEVANCE and not candidate.heading_match:
            continue
        if candidate.own and sum(c.own for c in chosen) >= own_units:
            continue
        take(candidate)
    return chosen


def _charter_unit(candidate: _Candidate) -> bool:
    return named_like_a_charter(candidate.passage.source) or named_like_a_charter(candidate.passage.title)


def _answers_for_us(candidate: _Candidate) -> bool:
    """Whether a unit of the coalition's own documents is relevant enough to quote first."""
    return (
        candidate.relevance >= OWN_UNIT_RELEVANCE
        or candidate.heading_match
        or (candidate.rank == 0 and candidate.relevance >= TOP_RANKED_OWN_RELEVANCE)
    )


def _compose(chosen: list[_Candidate], preface: str) -> Answer:
    """Each unit under its "title › section" heading, quoted whole when it is the coalition's own."""
    blocks: list[str] = []
    citations: list[Citation] = []
    # Units of one section stay together and in reading order; sections keep their rank.
    sections: dict[tuple[str, str, str], list[_Candidate]] = {}
    for candidate in chosen:
        sections.setdefault(_section(candidate), []).append(candidate)
    for group in sections.values():
        passage = group[0].passage
        where = f"{passage.title} › {passage.heading}" if passage.heading else passage.title
        lines = [f"**{'Your documents: ' if group[0].own else ''}{where}**", ""]
        for candidate in sorted(group, key=lambda c: c.unit.start):
            citations.append(
                Citation(
                    source=passage.source,
                    title=passage.title,
                    section=passage.heading,
                    chunk_id=candidate.unit.chunk_id,
                    quote=candidate.unit.quote,
                )
            )
            text = shorten_list(candidate.unit.text) + f" [{len(citations)}]"
            if candidate.own:
                text = "\n".join(f"> {line}" if line.strip() else ">" for line in text.split("\n"))
            lines += [text, ""]
        blocks.append("\n".join(lines).strip())
    return Answer(answer=preface + "\n\n".join(blocks), mode="offline", citations=citations)


def _topic_stems(text: str) -> set[str]:
    """The stemmed content words of `text` that say what it is about (not which document)."""
    return set(query_terms(text)) - _DOCUMENT_STEMS


def _share_of(topic: set[str], text: str) -> float:
    """The share of the question's topic words that `text` uses."""
    return len(topic & set(query_terms(text))) / len(topic) if topic else 0.0


def _section(candidate: _Candidate) -> tuple[str, str, str]:
    return (candidate.passage.scope, candidate.passage.source, candidate.passage.heading)


def _words(candidate: _Candidate) -> int:
    return len(shorten_list(candidate.unit.text).split())
