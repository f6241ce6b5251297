"""The evidence pivots are built from: metrics against pace, signals, and which bears on which.

A signal the trained reader tied to metrics (`reader.assign_metrics`) bears on those and no other.
Otherwise a signal bears on a metric when they share words (weighted so words common to every metric name
count little), when both name the same approach (enforcement, mediation, peer outreach…), or, with an
embedding model, when they are close in meaning. Approaches are general ways of working coalitions
bet on; naming them lets the rules say what to shift from and to. The phrasing helpers at the end
put a metric's numbers and a signal's words into an option's rationale.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

import numpy as np
from langchain_core.embeddings import Embeddings

from advisor.capabilities.pivots.lexicon import LEXICON
from advisor.capabilities.pivots.signals import SignalKind
from advisor.documents.coalition import Metric, MetricStatus
from advisor.text.stemming import stem_words
from advisor.text.vectors import unit_rows

LEXICAL_RELATED = 0.3  # share of a metric's (weighted) words found in the text
SEMANTIC_RELATED = 0.45  # cosine similarity of MiniLM embeddings
SHARED_WORDS_RELATED = 2  # distinct content words in common
QUOTE_WORDS = 28


@dataclass(frozen=True)
class Approach:
    """A way of working a coalition may bet on, recognised by its words."""

    key: str
    label: str
    pattern: re.Pattern[str]


APPROACHES = tuple(
    Approach(key, entry.label, re.compile(rf"\b(?:{entry.words})", re.I))
    for key, entry in LEXICON.approaches.items()
)
_STOP = frozenset(LEXICON.metric_stopwords.split())


def approaches_in(text: str) -> Counter[str]:
    """How often each approach's words occur in `text`."""
    return Counter({a.key: n for a in APPROACHES if (n := len(a.pattern.findall(text)))})


def approach_label(key: str | None, fallback: str) -> str:
    return next((a.label for a in APPROACHES if a.key == key), fallback)


@dataclass(frozen=True)
class MetricState:
    """A metric with where it stands on `as_of`."""

    metric: Metric
    progress: float
    expected: float
    status: MetricStatus
    stalled: bool

    @property
    def name(self) -> str:
        return self.metric.metric

    @property
    def lagging(self) -> bool:
        return self.status == "off_track" or self.stalled


@dataclass(frozen=True)
class FoundSignal:
    """A signal sentence with the neutral sentences of its section (they often name the approach)."""

    text: str
    kind: SignalKind
    context: tuple[str, ...] = ()
    metrics: tuple[str, ...] | None = None  # the metrics it concerns, when a model assigned them


class Relater:
    """Decides whether a text (a signal or another metric) bears on a metric."""

    def __init__(
        self,
        states: list[MetricState],
        texts: list[str],
        embeddings: Embeddings | None,
        assigned: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.states = states
        # signals whose metrics the trained reader chose: those ties are final (none means none)
        self.assigned = assigned or {}
        names = [s.name for s in states]
        stems = [self.stems(n) for n in names]
        documents = len(names)
        frequency = Counter(stem for group in stems for stem in set(group))
        # A word in every metric name ("heat" in a heat coalition's table) says little about which one.
        self.weights = {stem: np.log(1 + documents / count) for stem, count in frequency.items()}
        self._metric_stems = dict(zip(names, stems, strict=True))
        self._cosine: dict[tuple[str, str], float] = {}
        if embeddings is not None and texts:
            unique = list(dict.fromkeys(texts + names))
            vectors = unit_rows(embeddings.embed_documents(unique))
            index = {t: i for i, t in enumerate(unique)}
            for text in texts + names:
                for name in names:
                    self._cosine[(text, name)] = float(vectors[index[text]] @ vectors[index[name]])

    @staticmethod
    def stems(text: str) -> list[str]:
        words = [w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2 and w not in _STOP]
        return stem_words(words)

    def lexical(self, text: str, name: str) -> float:
        """The weighted share of the metric's words in `text`; two shared words always count."""
        metric = set(self._metric_stems[name])
        total = sum(self.weights[s] for s in metric)
        shared = metric & set(self.stems(text))
        if len(shared) >= SHARED_WORDS_RELATED:
            return LEXICAL_RELATED
        return float(sum(self.weights[s] for s in shared) / total) if total else 0.0

    def shares_a_word(self, text: str, name: str) -> bool:
        """`text` holds a word of the metric's name that sets it apart from the other metrics (one that
        not every name holds): too little to tie a signal to it, enough to deny that no sentence is about
        it."""
        shared = set(self._metric_stems[name]) & set(self.stems(text))
        everywhere = np.log(2)  # the weight of a stem every metric name holds
        alone = len(self.states) == 1 and bool(shared)
        return alone or any(self.weights[s] > everywhere + 1e-9 for s in shared)

    def score(self, text: str, name: str) -> float:
        """How strongly `text` bears on metric `name` (0 = not at all); >= 1 counts as related."""
        if text in self.assigned:
            return 1.0 if name in self.assigned[text] else 0.0
        same_approach = bool(set(approaches_in(text)) & set(approaches_in(name)))
        return max(
            self.lexical(text, name) / LEXICAL_RELATED,
            1.0 if same_approach else 0.0,
            self._cosine.get((text, name), 0.0) / SEMANTIC_RELATED,
        )

    def related(self, text: str, name: str) -> bool:
        return self.score(text, name) >= 1.0

    def lagging_related(self, texts: list[str]) -> list[MetricState]:
        return [s for s in self.states if s.lagging and any(self.related(t, s.name) for t in texts)]


def describe_pace(state: MetricState, as_of: date) -> str:
    """'X' has covered 11% of the way from 42 to 15 percent (now 39); a steady pace would have
    covered 50% of the way by 2026-06-30. A metric that moved away from its target says so."""
    m = state.metric

    def show(value: float, *, with_unit: bool = False) -> str:
        return amount(value, m.unit if with_unit or _ATTACHED_UNIT.fullmatch(m.unit or "") else None)

    if state.progress < 0:  # "from 60 to 90 (now 41)" would read as if on the way
        moved = (
            f"has gone from {show(m.baseline)} to {show(m.current, with_unit=True)}, away from its target "
            f"of {show(m.target)}"
        )
    else:
        way = f"from {show(m.baseline)} to {show(m.target, with_unit=True)} (now {show(m.current)})"
        moved = f"has covered {percent(state.progress)} of the way {way}"
    steady = (
        f"the target was due by {m.due.isoformat()}"
        if as_of >= m.due
        else f"a steady pace would have covered {percent(state.expected)} of the way by {as_of.isoformat()}"
    )
    return f"'{m.metric}' {moved}; {steady}"


# Units written against the number ("41%", "$10,000"); a count needs no unit ("3", not "3 count").
_ATTACHED_UNIT = re.compile(r"%|percent|[$€£¥]")
_NO_UNIT = frozenset(["count", "number", "#", "n", "no.", "items", "total"])
_BEFORE = frozenset(["$", "€", "£", "¥"])


def amount(value: float, unit: str | None = None) -> str:
    """A figure as a reader writes it: "100,000 EUR", "41%", "$10,000", "2.5 tonnes", "3"."""
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    unit = (unit or "").strip()
    if not unit or unit.lower() in _NO_UNIT:
        return number
    if unit == "percent" or unit.startswith("%"):  # "41%", "400% of the poverty line"
        return f"{number}{unit.replace('percent', '%')}"
    if unit in _BEFORE:
        return f"{unit}{number}"
    return f"{number} {unit}"


def quote(text: str, limit: int = QUOTE_WORDS) -> str:
    """A signal in quotation marks, shortened to `limit` words."""
    words = text.split()
    return "“" + (" ".join(words[:limit]) + " …" if len(words) > limit else text) + "”"


def full_stop(text: str) -> str:
    """`text` ending in a full stop (unless it already ends in one, inside a quotation or not)."""
    return text if text.rstrip("”\"'").endswith((".", "!", "?", "…")) else f"{text}."


def join_and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def standing(state: MetricState) -> str:
    word = "done" if state.status == "done" else "ahead of pace"
    return f"{word} ({percent(state.progress)} of the way, {percent(state.expected)} expected)"


def percent(share: float) -> str:
    """A share as the status table shows it (rounded once, as the JSON keeps it: 0.975 -> "98%"), so the
    text never says 97% beside a table's 98%."""
    return f"{round(share, 3):.0%}"
