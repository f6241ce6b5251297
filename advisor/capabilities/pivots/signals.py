"""Field signals in a learning-review note: backlash, capacity shortfalls and openings.

A note is split into sentences (list items and headings kept apart); each sentence is scored
against cue phrases for the three kinds, with a small bonus when its section heading names a kind
("Pushback", "Capacity", "What worked"). A sentence becomes a signal when one kind scores at least
`MIN_SCORE` and beats the others. With an embedding model, a sentence with only one weak cue also
counts when it reads like that kind's prototype sentences more than like a neutral remark. Plans
and decisions ("Ask the foundation…") and attendance lines are not signals: they say what the
coalition will do, not what it is hearing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from advisor.capabilities.pivots.lexicon import LEXICON
from advisor.text.sentences import split_sentences
from advisor.text.vectors import unit_rows

if TYPE_CHECKING:
    from langchain_core.embeddings import Embeddings

SignalKind = Literal["backlash", "capacity", "opportunity", "external_change"]
KINDS: tuple[SignalKind, ...] = ("backlash", "capacity", "opportunity", "external_change")
MIN_SCORE = 2
HEADING_BONUS = 1
# A one-cue sentence is a signal when it is this much closer to its kind's prototypes than to neutral
# ones; a sentence with no cue at all needs a wider margin.
PROTOTYPE_MARGIN = 0.05
NO_CUE_MARGIN = 0.16
PROTOTYPES: dict[SignalKind | None, tuple[str, ...]] = {
    (None if kind == "neutral" else kind): tuple(texts)  # type: ignore[misc]
    for kind, texts in LEXICON.signals.prototypes.items()
}


class Signal(BaseModel):
    """One sentence of the notes that tells the coalition something its numbers may not show yet."""

    text: str = Field(description="The sentence, verbatim from the notes (whitespace normalised).")
    kind: SignalKind = Field(
        description="backlash: opposition or allies retreating; capacity: people, partners or money "
        "running short; opportunity: something that worked, or a new opening; external_change: a law, "
        "budget, economy or event outside the coalition changing the ground."
    )
    metrics: list[str] = Field(
        default_factory=list, description="The metrics of the table it concerns (empty: none of them)."
    )


@dataclass(frozen=True)
class NoteSentence:
    """A sentence of the notes with the heading it sits under (a section's, or a paragraph's run-in
    head) and its paragraph; plans are what the coalition will do."""

    text: str
    heading: str
    is_plan: bool
    paragraph: str = ""


# Cue patterns per kind (lexicon.yaml): strong ones score 2 (enough alone), weak ones 1 (need company).
# Every cue starts at a word boundary ("resent" must not match "representation").
_COMPILED = {
    kind: [(re.compile(rf"\b(?:{LEXICON.cue(p)})", re.I), 2) for p in LEXICON.signals.strong_cues[kind]]
    + [(re.compile(rf"\b(?:{LEXICON.cue(p)})", re.I), 1) for p in LEXICON.signals.weak_cues[kind]]
    for kind in KINDS
}
HEADING_CUES: dict[SignalKind, re.Pattern[str]] = {
    kind: re.compile(LEXICON.signals.heading_cues[kind], re.I) for kind in KINDS
}
# Headings of plans and decisions: what is listed under them is what the coalition will do.
_PLAN_HEADING = re.compile(r"next steps?|actions?|decisions?|to ?do|follow[\s-]?ups?|agenda|plan\b", re.I)
_ATTENDANCE = re.compile(r"^(?:present|attendees|attending|apologies|absent|date|chair|notes by)\s*:", re.I)
_IMPERATIVE = re.compile(
    r"^(?:ask|recruit|scale|replace|seek|negotiate|invite|put|hire|fund|schedule|send|draft|share|set|"
    r"hold|plan|review|agree|consider|create|build|develop|explore|follow|contact|reach|prepare|find|"
    r"apply|launch|move|shift|keep|stop|start|continue|expand|pilot|test|train|organi[sz]e|meet|"
    r"treat|make|write|publish|brief|check|confirm|add|drop|pause|assign|propose)\s",
    re.I,
)
# A sentence that records a decision or a plan ("The group agreed that…", "Future actions will…").
_DECISION = re.compile(
    r"^(?:(?:next|this\s+coming)\s+(?:quarter|month|year|week|spring|summer|autumn|fall|winter)|"
    r"in\s+the\s+(?:coming|next)\s+\w+)?,?\s*"  # "Next quarter we plan to draft ..."
    r"(?:the\s+(?:group|council|committee|coalition|partnership|board|members)\s+|we\s+|members\s+)"
    r"(?:(?:has|have)\s+)?(?:(?:agreed|decided|resolved)\s+(?:to\b|that\b[^.]*\b(?:should|will|would)\b)|will\b|"
    r"(?:plan|intend|aim|hope|want|are\s+going)\s+to\b|"
    # "We are applying to LA2050 ...", "We plan fruit-tree adoptions", "We want parents to help ..."
    r"(?:are|'re)\s+(?:now\s+)?(?:applying|preparing|planning|seeking|asking)\b|plan\s+(?!to\b)\w|want\s+[^.;]{1,80}?\s+to\b)"
    r"|^future (?:actions?|work|steps?) will\b"
    # "The top priority for 2022 is to bring case detection back ...": a plan, not what is working
    r"|^(?:the|our)\s+(?:(?:top|main|key|first|immediate)\s+)?(?:priorit(?:y|ies)|plan|task)\b[^.]{0,80}?"
    r"\b(?:is|are|will\s+be)\s+to\b",
    re.I,
)
_HEADING_LINE = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")
# A first line with no sentence's end, followed by the notes: their title, not a sentence.
_TITLE_LINE = re.compile(r"^(?!\s*(?:[-*+•]|\d+[.)])\s)(?:\S+\s+){0,14}\S+?\s*(?<![.!?:;,\"”])$")


def is_title(sentence: str, text: str) -> bool:
    """Whether `sentence` is the notes' first line and reads as their title ("Lakeshore Goes to
    College — learning review, fall 2026"): never a signal. (The reader is trained on sentences as
    `note_sentences` splits them, so titles are dropped from its findings, not from its input.)"""
    first = next((line.strip(" *_") for line in text.splitlines() if line.strip()), "")
    return " ".join(sentence.split()) == " ".join(first.split()) and bool(_TITLE_LINE.match(first))


_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
# A paragraph's run-in head: "**Corps and coaching.** All five…", "Indicators. Only three…".
# A plain one (no bold) counts only when two paragraphs or more of the note open that way: a short
# opening sentence ("It worked.") is not a head.
_BOLD_RUN_IN = re.compile(r"^(?:\*\*([^*]{2,60}?)[.:]?\*\*|__([^_]{2,60}?)[.:]?__)[.:]?\s+(?=\S)")
_PLAIN_RUN_IN = re.compile(r"^([A-Z][\w'’-]*(?: [\w'’-]+){0,2})[.:]\s+(?=\S)")


def run_in_head(paragraph: str, plain: bool = True) -> tuple[str, str]:
    """(the run-in head or "", the paragraph without it); `plain`: accept a head without bold."""
    match = _BOLD_RUN_IN.match(paragraph) or (_PLAIN_RUN_IN.match(paragraph) if plain else None)
    if match is None:
        return "", paragraph
    return next(g for g in match.groups() if g), paragraph[match.end() :]


def with_what_follows(sentences: Sequence[NoteSentence], index: int, limit: int = 2) -> str:
    """The sentence at `index` and up to `limit` sentences after it in its paragraph: the cause a
    note gives often follows the fact ("Only 7 homes done so far. Appraisals take four months ...")."""
    first = sentences[index]
    after = [
        s.text
        for s in sentences[index + 1 : index + 1 + limit]
        if first.paragraph and s.paragraph == first.paragraph and s.heading == first.heading
    ]
    return " ".join([first.text, *after])


def note_sentences(text: str) -> list[NoteSentence]:
    """The sentences of a note, in order; markdown headings set the heading of what follows."""
    heading = ""
    units: list[tuple[str, str, bool]] = []  # (heading, text, is a list item)
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            units.append((heading, " ".join(paragraph), False))
            paragraph.clear()

    for raw in text.splitlines():
        line = raw.strip()
        match = _HEADING_LINE.match(line)
        if match or not line or _LIST_ITEM.match(line):
            flush()
        if match:
            heading = match.group(1).strip()
        elif _LIST_ITEM.match(line):
            units.append((heading, _LIST_ITEM.sub("", line), True))
        elif line:
            paragraph.append(line)
    flush()
    plain_heads = sum(bool(_PLAIN_RUN_IN.match(u)) for _, u, item in units if not item) >= 2
    sentences = []
    for unit_heading, unit, is_item in units:
        # An item that opens with a verb ("- Ask the foundation…") is an action, even outside a plan
        # section; a paragraph that opens "Present:" is about attendance, all of it.
        is_plan = (
            bool(_PLAN_HEADING.search(unit_heading))
            or (is_item and bool(_IMPERATIVE.match(unit)))
            or bool(_ATTENDANCE.match(unit))
        )
        head, body = run_in_head(" ".join(unit.split()), plain_heads)
        heading_here = f"{unit_heading}: {head}" if unit_heading and head else head or unit_heading
        sentences += [
            NoteSentence(s, heading_here, is_plan or bool(_DECISION.match(s)), body)
            for s in split_sentences(body)
        ]
    return sentences


# A cue right after a negator ("not universally welcome", "no new funding") says the opposite.
_NEGATED = re.compile(rf"(?:{LEXICON.negators})(?:\W+\w+){{0,2}}\W*$", re.I)


def _cued(pattern: re.Pattern[str], sentence: str) -> bool:
    """Whether the cue occurs in the sentence other than right after a negator."""
    return any(not _NEGATED.search(sentence[: m.start()]) for m in pattern.finditer(sentence))


def cue_points(sentence: str) -> dict[SignalKind, int]:
    """Cue points per kind for the words of one sentence (cues right after a negator do not count)."""
    return {kind: sum(w for pattern, w in _COMPILED[kind] if _cued(pattern, sentence)) for kind in KINDS}


def negated_points(sentence: str) -> dict[SignalKind, int]:
    """Cue points per kind that a negator turns off ("No staff have been laid off"): words of a
    signal that say it did not happen."""
    return {
        kind: sum(
            w for pattern, w in _COMPILED[kind] if pattern.search(sentence) and not _cued(pattern, sentence)
        )
        for kind in KINDS
    }


def score_sentence(sentence: str, heading: str = "") -> dict[SignalKind, int]:
    """Cue points per kind, plus a point for a kind the sentence's heading names."""
    points = cue_points(sentence)
    # A heading alone never makes a signal: MIN_SCORE is higher than the bonus.
    return {k: points[k] + (HEADING_BONUS if HEADING_CUES[k].search(heading) else 0) for k in KINDS}


def classify_sentence(
    sentence: str, heading: str = "", prototype: tuple[SignalKind, float] | None = None
) -> SignalKind | None:
    """The kind of signal a sentence carries, or None for a neutral sentence.

    `prototype` is the kind whose prototypes the sentence resembles most and by how much it beats
    the neutral ones (from `PrototypeMatcher`): it confirms a sentence whose words give that kind a
    weak cue, or alone makes a signal when the margin is wide.
    """
    scores = score_sentence(sentence, heading)
    # Ties go to the kind the heading names, then to the bad news: it is the more urgent to act on.
    best = max(KINDS, key=lambda k: (scores[k], bool(HEADING_CUES[k].search(heading)), -KINDS.index(k)))
    if scores[best] >= MIN_SCORE:
        return best
    if prototype is None:
        return None
    kind, margin = prototype
    cued = cue_points(sentence)[kind] > 0 or bool(HEADING_CUES[kind].search(heading))
    if not cued and kind == "external_change":  # a change outside must be named, not just resembled
        return None
    return kind if margin >= (PROTOTYPE_MARGIN if cued else NO_CUE_MARGIN) else None


class PrototypeMatcher:
    """Which kind's prototype sentences a sentence resembles, by embedding similarity."""

    def __init__(self, embeddings: Embeddings) -> None:
        self.embeddings = embeddings
        self._labels = [kind for kind, texts in PROTOTYPES.items() for _ in texts]
        self._vectors = unit_rows(embeddings.embed_documents([t for ts in PROTOTYPES.values() for t in ts]))

    def kinds(self, sentences: list[str]) -> list[tuple[SignalKind, float]]:
        """For each sentence, the closest kind and by how much it beats the neutral prototypes."""
        if not sentences:
            return []
        similarity = unit_rows(self.embeddings.embed_documents(sentences)) @ self._vectors.T
        found: list[tuple[SignalKind, float]] = []
        for row in similarity:
            best = {
                label: float(row[[i for i, lb in enumerate(self._labels) if lb == label]].max())
                for label in PROTOTYPES
            }
            kind = max(KINDS, key=lambda k: best[k])
            found.append((kind, best[kind] - best[None]))
        return found


def other_kinds(sentence: str, kind: SignalKind | None) -> list[SignalKind]:
    """Kinds besides `kind` that a sentence's own words carry in full ("the county cut all prevention
    grants, so we lost two workers": capacity and external change, one fact of each)."""
    points = cue_points(sentence)
    return [k for k in KINDS if kind is not None and k != kind and points[k] >= MIN_SCORE]


def classify_note(
    text: str, matcher: PrototypeMatcher | None = None
) -> list[tuple[NoteSentence, SignalKind | None]]:
    """Every sentence of a note that is not a plan, with the kind of signal it carries (or None); a
    sentence that carries two kinds in full comes once for each."""
    sentences = [s for s in note_sentences(text) if not s.is_plan]
    # Only sentences the cues do not settle need the embedding opinion.
    doubtful = [s.text for s in sentences if max(score_sentence(s.text, s.heading).values()) < MIN_SCORE]
    opinions = dict(zip(doubtful, matcher.kinds(doubtful), strict=True)) if matcher else {}
    classified: list[tuple[NoteSentence, SignalKind | None]] = []
    for s in sentences:
        kind = classify_sentence(s.text, s.heading, opinions.get(s.text))
        classified += [(s, kind), *((s, other) for other in other_kinds(s.text, kind))]
    return classified


def find_signals(text: str, matcher: PrototypeMatcher | None = None) -> list[Signal]:
    """Every signal sentence of a learning-review note, in reading order."""
    return [Signal(text=s.text, kind=kind) for s, kind in classify_note(text, matcher) if kind is not None]
