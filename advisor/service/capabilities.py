"""The one door to the capabilities: the chat router, the CLI, the web views and the evals all call
`Capabilities`, so each capability gets the same settings, model, embeddings and retriever
wherever it is used, and charters are reviewed through the same cache.

Each capability is imported by the method that runs it: `advisor ask` in a fresh process then
loads the answer's modules only, not the rules, lexicons and models of the other four (about a
second of a cold start on 2 cores).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from advisor.capabilities.ask.model import AnswerUpdate
from advisor.capabilities.ask.models import Answer
from advisor.capabilities.ask.offline import answer_question
from advisor.config import Settings
from advisor.documents.coalition import Metric, Roster, parse_metrics, parse_roster
from advisor.errors import AdvisorError, DocumentError
from advisor.retrieval.hybrid import Retriever
from advisor.service.runtime import Runtime
from advisor.store.files import WorkspaceFiles

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from advisor.capabilities.charter.batch import BatchReport, ReportFormat, ReviewOutcome
    from advisor.capabilities.charter.models import CharterReview
    from advisor.capabilities.interests.models import InterestMap
    from advisor.capabilities.pivots.models import PivotAnalysis
    from advisor.capabilities.purpose.models import PurposeCheck, PurposeDrafts

_FROM_RUNTIME = object()


class Capabilities:
    """Every capability, wired to one runtime. `llm` and `retriever` default to the runtime's
    (the evals pass their backend's model and a retriever that records searches)."""

    def __init__(
        self,
        runtime: Runtime,
        *,
        llm: BaseChatModel | object | None = _FROM_RUNTIME,
        retriever: Retriever | None = None,
        settings: Settings | None = None,
    ) -> None:
        self.runtime = runtime
        self.settings = settings or runtime.settings
        self._llm = llm
        self._retriever = retriever

    @property
    def llm(self) -> BaseChatModel | None:
        """The chat model the capabilities use, or None offline."""
        if self._llm is _FROM_RUNTIME:
            return self.runtime.llm
        return self._llm  # type: ignore[return-value]

    @property
    def retriever(self) -> Retriever:
        """The retriever over the knowledge base and the workspaces (the knowledge base indexed first)."""
        return self._retriever if self._retriever is not None else self.runtime.retriever

    def check_purpose(self, statement: str) -> PurposeCheck:
        """A purpose statement judged for outcome, population and timeframe."""
        if not statement.strip():
            raise AdvisorError("No purpose statement to check", hint='give it in quotes: "Cut ... by 2030."')
        self._bounded("The purpose statement", statement)
        from advisor.capabilities.purpose.check import check_purpose

        return check_purpose(statement, settings=self.settings, llm=self.llm)

    def draft_purpose(self, goal: str | None = None, workspace: str | None = None) -> PurposeDrafts:
        """Up to three purpose statements from a goal and/or a workspace's documents."""
        self._bounded("The goal", goal or "")
        from advisor.capabilities.charter.classifier import purpose_sentence
        from advisor.capabilities.purpose.draft import draft_purpose

        return draft_purpose(
            goal=goal,
            workspace=workspace,
            retriever=self.retriever if workspace else None,
            settings=self.settings,
            llm=self.llm,
            rank_purpose=purpose_sentence,
            metrics=self._metrics_of(workspace) if workspace else None,
        )

    def _metrics_of(self, workspace: str) -> list[Metric]:
        """The workspace's metrics table (its newest), or none; one it cannot read is left to pivots,
        which says why."""
        path = WorkspaceFiles(self.settings).find(workspace, "metrics")
        try:
            return parse_metrics(path) if path else []
        except DocumentError:
            return []

    def workspace_roster(self, path: Path, workspace: str, objectives: Path | None = None) -> Roster:
        """A workspace's roster; one that lists no objectives (and no objectives file) takes the
        workspace's metrics as its objectives, and says so (a new user's map said "the roster lists no
        objectives" beside a metrics table that listed seven)."""
        roster = parse_roster(path, objectives)
        if roster.objectives:
            return roster
        metrics = self._metrics_of(workspace)
        if not metrics:
            return roster
        note = (
            "The roster lists no objectives: the workspace's metrics stand in for them ("
            + "; ".join(m.metric for m in metrics)
            + "). List them under `objectives:` in the roster to say otherwise."
        )
        return roster.model_copy(
            update={"objectives": [m.metric for m in metrics], "notes": [*roster.notes, note]}
        )

    def map_interests(self, roster: Roster | Path, objectives: Path | None = None) -> InterestMap:
        """The interests map of a roster (parsed from a file when given a path)."""
        from advisor.capabilities.interests.analysis import map_interests

        if isinstance(roster, Path):
            roster = parse_roster(roster, objectives)
        return map_interests(roster, embeddings=self.runtime.embeddings, settings=self.settings, llm=self.llm)

    def suggest_pivots(
        self, metrics: Path, notes: Path | Sequence[Path] | None = None, as_of: date | None = None
    ) -> PivotAnalysis:
        """Metrics against pace, signals from the notes (every file given), and cited options."""
        from advisor.capabilities.pivots.analysis import pivots_from_files

        return pivots_from_files(
            metrics, notes, as_of, retriever=self.retriever, settings=self.settings, llm=self.llm
        )

    def review_charter(self, path: Path, name: str | None = None) -> CharterReview:
        """One charter's review, from the review cache when the file and the rules are unchanged."""
        from advisor.capabilities.charter.batch import ReviewCache, review_cached

        cache = ReviewCache.for_settings(self.settings, self.llm)
        review, _ = review_cached(path, name or path.name, cache, settings=self.settings, llm=self.llm)
        return review

    def review_charters(
        self,
        files: list[tuple[Path, str]],
        *,
        out_dir: Path | None = None,
        report_format: ReportFormat = "md",
        on_result: Callable[[ReviewOutcome], None] | None = None,
    ) -> BatchReport:
        """Many charters: one report each and a summary; a failed file does not stop the rest."""
        from advisor.capabilities.charter.batch import review_batch

        return review_batch(
            files,
            settings=self.settings,
            llm=self.llm,
            out_dir=out_dir,
            report_format=report_format,
            on_result=on_result,
        )

    def stream_answer(
        self, question: str, workspace: str | None = None, k: int | None = None
    ) -> Iterator[AnswerUpdate]:
        """The answer as it grows (one update offline); the last update carries the cited answer."""
        if not question.strip():
            raise AdvisorError("No question to answer", hint='ask in your own words: "How do we ...?"')
        self._bounded("The question", question)
        llm = self.llm
        if llm is None:
            answer = answer_question(question, retriever=self.retriever, workspace=workspace, k=k)
            yield AnswerUpdate(answer.answer, answer)
            return
        from advisor.capabilities.ask.model import stream_answer

        yield from stream_answer(
            question, retriever=self.retriever, llm=llm, workspace=workspace, k=k, settings=self.settings
        )

    def _bounded(self, what: str, text: str) -> None:
        """`AdvisorError` when `text` is longer than any box of the app takes (the CLI too)."""
        limit = self.settings.app.max_text_chars
        if len(text) > limit:
            raise AdvisorError(
                f"{what} is {len(text):,} characters; the limit is {limit:,}",
                hint="shorten it, or raise ADVISOR_APP_MAX_TEXT_CHARS",
            )

    def ask(self, question: str, workspace: str | None = None, k: int | None = None) -> Answer:
        """A grounded, cited answer to a free question."""
        final: Answer | None = None
        for update in self.stream_answer(question, workspace, k):
            final = update.final or final
        assert final is not None  # the last update always carries the answer
        return final
