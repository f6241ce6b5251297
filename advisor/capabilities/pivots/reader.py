"""Trained reading of learning-review notes: which sentences carry which kinds of signal, and which
metric each signal concerns.

Signals: one logistic model per kind over a sentence's features: how much closer it reads to the
kind's prototype sentences (the lexicon's and the labelling guide's examples) than to neutral ones,
how close its heading (a section's or a paragraph's run-in head) reads to the kind, the lexicon's cue
points (after negation) and the cue points a negator turns off, whether it says "not" at all, whether
it is a plan, and its embedding (strongly regularised). Each kind has its own C and threshold. A
sentence may carry two kinds; a plan or decision carries none (the labelling guide: actions are not
signals, and no labelled signal is one).
Metrics: a logistic model over a (signal, metric) pair: how close in meaning the sentence, its
paragraph and its heading are to the metric's name, relative to the table's other metrics, and the
words and approaches they share. Both are trained on the real notes (dev and the retired test tables) by
`evals/coalitions/train.py` (thresholds by leave-one-coalition-out cross-validation) and shipped as
`reader.npz`. Without an embedding model, `signals.classify_note` and `evidence.Relater` decide.
The same metric model says which metrics the notes speak of at all (`spoken_of`): an option
may say the notes give no reason for a gap only when no sentence relates to that metric.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from advisor.capabilities.pivots.evidence import FoundSignal, MetricState, Relater, approaches_in
from advisor.capabilities.pivots.lexicon import LEXICON
from advisor.capabilities.pivots.signals import (
    HEADING_CUES,
    KINDS,
    PROTOTYPES,
    NoteSentence,
    SignalKind,
    cue_points,
    negated_points,
    note_sentences,
    with_what_follows,
)
from advisor.text.logistic import Array, Logistic, load_models
from advisor.text.vectors import unit_rows

MODEL_FILE = Path(__file__).with_name("reader.npz")
SIGNAL_FEATURES = (
    *(f"prototype_{k}" for k in KINDS),  # best prototype cosine of the kind minus the best neutral one
    *(f"heading_{k}" for k in KINDS),  # heading's cosine with the kind's prototypes (mean vector)
    *(f"heading_cue_{k}" for k in KINDS),  # the heading names the kind
    *(f"cues_{k}" for k in KINDS),  # cue points (capped at 2, halved)
    *(f"negated_{k}" for k in KINDS),  # cue points a negator turns off (capped at 2, halved)
    "negation",  # the sentence says "not", "no", "never"...
    "plan",  # a plan or decision, not a report
)  # followed by the sentence's own embedding (384 dimensions): chosen by cross-validation
METRIC_FEATURES = (
    "sentence",  # cosine of the sentence with the metric's name
    "sentence_gap",  # ... minus the best such cosine over the table's metrics
    "paragraph",  # cosine of the paragraph with the metric's name
    "paragraph_gap",
    "heading",  # cosine of the heading with the metric's name (0 without one)
    "heading_gap",
    "words",  # weighted share of the metric's words in the sentence (`Relater.lexical`)
    "paragraph_words",
    "approach",  # sentence and metric name the same approach
)


@dataclass(frozen=True)
class ReadSentence:
    """A sentence of the notes, the kinds of signal it carries and the metrics it concerns."""

    sentence: NoteSentence
    kinds: tuple[SignalKind, ...]


class Encoder:
    """Unit embeddings of texts, each distinct text encoded once per call of `encode`."""

    def __init__(self, embeddings: Embeddings) -> None:
        self.embeddings = embeddings
        self.vectors: dict[str, Array] = {}

    def encode(self, texts: Sequence[str]) -> None:
        new = list(dict.fromkeys(t for t in texts if t and t not in self.vectors))
        if new:
            self.vectors.update(zip(new, unit_rows(self.embeddings.embed_documents(new)), strict=True))

    def __call__(self, text: str) -> Array | None:
        return self.vectors.get(text)


_NEGATION = re.compile(LEXICON.negators, re.I)


@cache
def _prototype_texts() -> tuple[tuple[str, ...], tuple[str | None, ...]]:
    """The prototypes of every kind (and neutral ones), then the guide's examples, with their kinds."""
    examples: list[tuple[str | None, list[str]]] = list(LEXICON.signals.guide_examples.items())
    groups = [*((k, list(ts)) for k, ts in PROTOTYPES.items()), *examples]
    labels = tuple(kind for kind, texts in groups for _ in texts)
    return tuple(t for _, ts in groups for t in ts), labels


def signal_features(sentences: Sequence[NoteSentence], encoder: Encoder) -> Array:
    """(sentences, SIGNAL_FEATURES) for the sentences of one note."""
    texts, labels = _prototype_texts()
    encoder.encode([*texts, *(s.text for s in sentences), *(s.heading for s in sentences)])
    prototypes = np.stack([encoder.vectors[t] for t in texts])
    kind_rows = {k: [i for i, label in enumerate(labels) if label == k] for k in (*KINDS, None)}
    means = unit_rows([prototypes[kind_rows[k]].mean(axis=0) for k in KINDS])
    rows = []
    for s in sentences:
        similarity = prototypes @ encoder.vectors[s.text]
        neutral = similarity[kind_rows[None]].max()
        heading = encoder(s.heading)
        points, negated = cue_points(s.text), negated_points(s.text)
        rows.append(
            [
                *(similarity[kind_rows[k]].max() - neutral for k in KINDS),
                *((means @ heading) if heading is not None else np.zeros(len(KINDS))),
                *(float(bool(HEADING_CUES[k].search(s.heading))) for k in KINDS),
                *(min(points[k], 2) / 2 for k in KINDS),
                *(min(negated[k], 2) / 2 for k in KINDS),
                float(bool(_NEGATION.search(s.text))),
                float(s.is_plan),
                *encoder.vectors[s.text],
            ]
        )
    return np.asarray(rows, dtype=np.float64).reshape(len(sentences), -1)


def metric_features(
    sentence: NoteSentence, names: Sequence[str], encoder: Encoder, relater: Relater
) -> Array:
    """(metrics, METRIC_FEATURES) for one signal sentence against every metric of the table."""
    encoder.encode([sentence.text, sentence.paragraph, sentence.heading, *names])
    metrics = np.stack([encoder.vectors[n] for n in names])
    columns = []
    for text in (sentence.text, sentence.paragraph or sentence.text, sentence.heading):
        vector = encoder(text)
        cosines = metrics @ vector if vector is not None else np.zeros(len(names))
        columns += [cosines, cosines - cosines.max()]
    columns.append(np.array([relater.lexical(sentence.text, n) for n in names]))
    columns.append(np.array([relater.lexical(sentence.paragraph or sentence.text, n) for n in names]))
    approaches = set(approaches_in(sentence.text))
    columns.append(np.array([float(bool(approaches & set(approaches_in(n)))) for n in names]))
    return np.stack(columns, axis=1)


@cache
def reader_models() -> dict[str, Logistic]:
    """The shipped models (loaded once): `signals` (one output per kind) and `metrics`."""
    return load_models(MODEL_FILE, ("signals", "metrics"), "python evals/coalitions/train.py --write")


def read_note(text: str, encoder: Encoder, model: Logistic | None = None) -> list[ReadSentence]:
    """Every sentence of a note with the kinds of signal the model finds in it (possibly none)."""
    sentences = note_sentences(text)
    if not sentences:
        return []
    model = model or reader_models()["signals"]
    # one kind per sentence, the one its probability clears by most: a second kind on the same words
    # was mostly wrong (an adviser's review; on dev, precision rose on all four kinds, F1 on three)
    margins = model.probabilities(signal_features(sentences, encoder)) - np.asarray(model.thresholds)
    return [
        ReadSentence(s, () if s.is_plan or row.max() < 0 else (KINDS[int(row.argmax())],))
        for s, row in zip(sentences, margins, strict=True)
    ]


def metric_probabilities(
    sentence: NoteSentence,
    names: Sequence[str],
    encoder: Encoder,
    relater: Relater,
    model: Logistic | None = None,
) -> Array:
    """How likely the sentence concerns each metric (the tie model), in table order."""
    model = model or reader_models()["metrics"]
    return model.probabilities(metric_features(sentence, names, encoder, relater))[:, 0]


def assign_metrics(
    sentence: NoteSentence,
    names: Sequence[str],
    encoder: Encoder,
    relater: Relater,
    model: Logistic | None = None,
) -> tuple[str, ...]:
    """The metrics a signal sentence concerns (none when no metric reaches the threshold), best first."""
    if not names:
        return ()
    model = model or reader_models()["metrics"]
    probabilities = metric_probabilities(sentence, names, encoder, relater, model)
    order = np.argsort(-probabilities, kind="stable")
    return tuple(names[i] for i in order if probabilities[i] >= model.thresholds[0])


@dataclass(frozen=True)
class NoteReading:
    """What the reader takes from a note: its signals, and for each metric the notes speak of, the
    sentence (signal or not) that relates to it most."""

    signals: list[FoundSignal]
    spoken_of: dict[str, str]


def read_signals(text: str, states: Sequence[MetricState], embeddings: Embeddings) -> NoteReading:
    """The signals of a note, each with the neutral sentences of its section and the metrics it
    concerns, and the metrics any sentence of the note (plans aside) relates to by the same tie model."""
    encoder = Encoder(embeddings)
    read = read_note(text, encoder) if text.strip() else []
    names = [s.name for s in states]
    relater = Relater(list(states), [], None)
    neutral: dict[str, list[str]] = {}
    for r in read:
        if not r.kinds:
            neutral.setdefault(r.sentence.heading, []).append(r.sentence.text)
    found = []
    for r in read:
        if not r.kinds:
            continue
        context = tuple(neutral.get(r.sentence.heading, [])) if r.sentence.heading else ()
        metrics = _with_metrics_named_before(
            r.sentence, assign_metrics(r.sentence, names, encoder, relater), relater
        )
        found += [FoundSignal(r.sentence.text, kind, context, metrics) for kind in r.kinds]
    return NoteReading(found, spoken_of([r.sentence for r in read], names, encoder, relater))


def _with_metrics_named_before(
    sentence: NoteSentence, metrics: tuple[str, ...] | None, relater: Relater
) -> tuple[str, ...] | None:
    """The metrics a signal concerns, with any the same bullet or paragraph names just before it:
    "Buffer miles are far behind: 2.1 of 12. Landowners say the cost-share rate is too low" is about
    the buffers (it was tied to a cover-crop cost-share metric alone)."""
    at = sentence.paragraph.find(sentence.text)
    before = sentence.paragraph[:at].strip() if at > 0 else ""
    named = tuple(s.name for s in relater.states if before and relater.related(before, s.name))
    if not named:
        return metrics
    return tuple(dict.fromkeys([*named, *(metrics or ())]))


def spoken_of(
    sentences: Sequence[NoteSentence], names: Sequence[str], encoder: Encoder, relater: Relater
) -> dict[str, str]:
    """Metric name -> the sentence most likely about it, for metrics some sentence (not a plan) is
    about by the tie model's threshold."""
    reports = [s for s in sentences if not s.is_plan]
    if not names or not reports:
        return {}
    threshold = reader_models()["metrics"].thresholds[0]
    table = np.stack([metric_probabilities(s, names, encoder, relater) for s in reports])
    best = table.argmax(axis=0)
    return {
        name: with_what_follows(reports, int(best[j]))
        for j, name in enumerate(names)
        if table[best[j], j] >= threshold
    }
