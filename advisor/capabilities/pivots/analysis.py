"""Pivots capability: read a metrics table against its pace and a learning review, and suggest how
to change course (`advisor pivots METRICS.csv [--notes FILE] --json`).

Each metric gets a status (on track, ahead, done, off track) from its progress against a steady pace;
the notes give field signals (`signals`); the rules in `rules` turn both into pivot options that
say which lagging metrics they address and why, each cited from the guidance.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from advisor.capabilities.pivots.evidence import FoundSignal, MetricState, Relater
from advisor.capabilities.pivots.model import review_pivots_with_model
from advisor.capabilities.pivots.models import MetricProgress, PivotAnalysis, PivotOption
from advisor.capabilities.pivots.reader import read_signals
from advisor.capabilities.pivots.rules import Evidence, PivotDraft, build_drafts
from advisor.capabilities.pivots.signals import (
    Signal,
    classify_note,
    is_title,
    note_sentences,
    with_what_follows,
)
from advisor.config import Settings, get_settings
from advisor.documents.coalition import Metric, parse_metrics
from advisor.documents.read import Document
from advisor.documents.sandbox import read_user_file
from advisor.retrieval.highlights import select_sentences
from advisor.retrieval.hybrid import Retriever
from advisor.retrieval.passages import Citation
from advisor.text.tables import table_cell

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

logger = logging.getLogger(__name__)
MAX_CITATIONS = 2
GUIDANCE_PASSAGES = 4


def analyze_pivots(
    metrics: list[Metric],
    *,
    notes_text: str | None = None,
    as_of: date | None = None,
    retriever: Retriever | None = None,
    settings: Settings | None = None,
    llm: BaseChatModel | None = None,
) -> PivotAnalysis:
    """Judge `metrics` on `as_of` (default today), read signals from `notes_text`, and suggest pivots.

    With a `retriever`, signals are read and tied to metrics by the trained reader (`reader`) and
    every option cites the knowledge base; without one, the analysis is words-only and uncited. With
    `llm`, the model improves the options (`pivots_llm`).
    """
    as_of = as_of or date.today()
    embeddings = retriever.embeddings if retriever is not None else None
    states = metric_states(metrics, as_of)
    if embeddings is not None:
        reading = read_signals(notes_text or "", states, embeddings)
        # a sentence sharing a metric's own words speaks of it even where the tie model doubts it: an
        # option once said "no sentence of the notes is clearly about" a metric the notes gave in figures
        spoken_of = {**_spoken_of_by_words(notes_text or "", states), **reading.spoken_of}
        found = reading.signals
    else:
        found = _found_signals(notes_text or "")
        spoken_of = _spoken_of_by_words(notes_text or "", states)
    found = [s for s in found if not is_title(s.text, notes_text or "")]
    assigned = {s.text: s.metrics for s in found if s.metrics is not None}
    relater = Relater(states, [s.text for s in found], embeddings, assigned)
    evidence = Evidence(as_of=as_of, states=states, signals=found, relater=relater, spoken_of=spoken_of)
    drafts = build_drafts(evidence)
    result = PivotAnalysis(
        as_of=as_of,
        metrics=[
            MetricProgress(
                metric=s.name, progress=round(s.progress, 3), expected=round(s.expected, 3), status=s.status
            )
            for s in states
        ],
        signals=[Signal(text=s.text, kind=s.kind, metrics=list(s.metrics or ())) for s in found],
        pivots=[
            PivotOption(
                title=d.title,
                rationale=d.rationale,
                addresses=d.addresses,
                citations=cite_guidance(d, retriever) if retriever is not None else [],
            )
            for d in drafts
        ],
    )
    return review_pivots_with_model(result, llm, retriever=retriever, settings=settings)


def pivots_from_files(
    metrics_path: Path | str,
    notes_paths: Path | str | Sequence[Path | str] | None = None,
    as_of: date | None = None,
    **kwargs: Any,
) -> PivotAnalysis:
    """`analyze_pivots` on a metrics CSV and (optionally) notes files (markdown, text, PDF, DOCX),
    every one of them read, in the order given."""
    metrics = parse_metrics(Path(metrics_path))
    settings = kwargs.get("settings") or get_settings()
    if notes_paths is None or isinstance(notes_paths, (str, Path)):
        notes_paths = [] if notes_paths is None else [notes_paths]
    texts = [notes_markdown(read_user_file(Path(path), settings)) for path in notes_paths]
    notes = "\n\n".join(texts) if texts else None
    return analyze_pivots(metrics, notes_text=notes, as_of=as_of, **kwargs)


def notes_markdown(document: Document) -> str:
    """A document's text with its section headings, so signals can use them."""
    return "\n\n".join(
        f"## {section.heading}\n{section.text}" if section.heading else section.text
        for section in document.sections
    )


def cite_guidance(draft: PivotDraft, retriever: Retriever) -> list[Citation]:
    """Up to `MAX_CITATIONS` knowledge-base passages for an option, each quoting its most relevant
    sentence (verbatim)."""

    query = draft.query
    passages = [p for p in retriever.search(query, k=GUIDANCE_PASSAGES) if p.scope == "knowledge"]
    if not passages:
        return []
    citations = []
    for passage, sentences in select_sentences(query, passages, retriever.embeddings):
        quote = next((q for _, q in sentences if q and q in passage.text), None)
        if quote is not None:
            citations.append(passage.citation(quote=quote))
        if len(citations) == MAX_CITATIONS:
            break
    return citations


def pivots_markdown(result: PivotAnalysis) -> str:
    """A readable report: the status table, the signals, and the options with their citations."""
    labels = {"on_track": "on track", "ahead": "ahead", "done": "done", "off_track": "**off track**"}
    lines = [
        f"# Pivot review, {result.as_of.isoformat()}",
        "",
        "| Metric | Progress | Pace | Status |",
        "|---|---:|---:|---|",
    ]
    lines += [
        f"| {table_cell(m.metric)} | {m.progress:.0%} | {m.expected:.0%} | {labels[m.status]} |"
        for m in result.metrics
    ]
    lines += [
        "",
        "Progress is the share of the way from baseline to target; pace is where a steady pace "
        "would be by now.",
        "",
        "## Signals from the notes",
        "",
    ]
    if result.signals:
        lines += [
            f"- *{s.kind}*: {s.text}" + (f" (concerns {join_quoted(s.metrics)})" if s.metrics else "")
            for s in result.signals
        ]
    else:
        lines.append("No notes given, or nothing in them reads as backlash, capacity or an opening.")
    lines += ["", "## Options", ""]
    for number, option in enumerate(result.pivots, 1):
        lines += [f"### {number}. {option.title}", "", option.rationale, ""]
        if option.addresses:
            lines += ["Addresses: " + ", ".join(option.addresses), ""]
        lines += [f"- “{c.quote}” ({c.title}, `{c.source}`)" for c in option.citations]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def metric_states(metrics: list[Metric], as_of: date) -> list[MetricState]:
    """Every metric with where it stands on `as_of`."""
    return [_state(m, as_of) for m in metrics]


def _state(metric: Metric, as_of: date) -> MetricState:
    progress, expected, status = metric.progress(), metric.expected(as_of), metric.status(as_of)
    # No movement at all while the clock runs is worth a look even inside the pace tolerance.
    stalled = status == "on_track" and progress <= 0 < expected
    return MetricState(metric, progress, expected, status, stalled)


def join_quoted(names: list[str]) -> str:
    return ", ".join(f"'{n}'" for n in names)


def _spoken_of_by_words(text: str, states: list[MetricState]) -> dict[str, str]:
    """Metric name -> the first sentence of the notes (not a plan) that shares its words or approach."""
    relater = Relater(states, [], None)
    reports = [s for s in note_sentences(text) if not s.is_plan] if text.strip() else []
    found: dict[str, str] = {}
    for state in states:
        index = next((i for i, r in enumerate(reports) if relater.related(r.text, state.name)), None)
        if index is None:  # "no sentence is about it" only when none shares a word that sets it apart
            index = next(
                (i for i, r in enumerate(reports) if relater.shares_a_word(r.text, state.name)), None
            )
        if index is not None:
            found[state.name] = with_what_follows(reports, index)
    return found


def _found_signals(text: str) -> list[FoundSignal]:
    """Signals by the cue rules alone (no embedding model)."""
    classified = classify_note(text) if text.strip() else []
    neutral_by_heading: dict[str, list[str]] = {}
    for sentence, kind in classified:
        if kind is None:
            neutral_by_heading.setdefault(sentence.heading, []).append(sentence.text)
    return [
        FoundSignal(s.text, kind, tuple(neutral_by_heading.get(s.heading, [])) if s.heading else ())
        for s, kind in classified
        if kind is not None
    ]
