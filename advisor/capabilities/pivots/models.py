"""The results of the pivots capability: metrics against pace, signals and options."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field, field_serializer

from advisor.capabilities.pattern import AdvisorResult
from advisor.capabilities.pivots.signals import Signal
from advisor.documents.coalition import MetricStatus
from advisor.retrieval.passages import Citation


class MetricProgress(BaseModel):
    """Where one metric stands against a steady pace from its start to its due date."""

    metric: str = Field(description="The metric's name, as in the table.")
    progress: float = Field(description="Share of the way from baseline to target (1 = target reached).")
    expected: float = Field(description="Share a steady pace would have reached by the as-of date.")
    status: MetricStatus = Field(
        description="done: target reached; ahead / off_track: 10 points or more above / below pace."
    )


class PivotOption(BaseModel):
    """One way to change course (or to hold it), with the metrics it is meant to move."""

    title: str = Field(description="The move, in a few words.")
    rationale: str = Field(description="Why: the metrics' numbers against pace and the notes' signals.")
    addresses: list[str] = Field(description="Names of the lagging metrics this option is meant to move.")
    citations: list[Citation] = Field(description="Guidance from the knowledge base behind the option.")


class PivotAnalysis(AdvisorResult):
    """Metrics against pace, signals from the notes, and pivot options (`advisor pivots --json`)."""

    as_of: date = Field(description="The date progress is judged at (ISO in JSON).")
    metrics: list[MetricProgress] = Field(description="Every metric of the table, in table order.")
    signals: list[Signal] = Field(description="Backlash, capacity and opportunity sentences of the notes.")
    pivots: list[PivotOption] = Field(description="Options, most decisive first.")

    @field_serializer("as_of")
    def _iso(self, value: date) -> str:
        return value.isoformat()
