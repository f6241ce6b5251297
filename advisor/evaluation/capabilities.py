"""Run one scenario's capability through its public function, and capture what it retrieved.

Each capability is called exactly as the CLI calls it (`check_purpose`, `draft_purpose`,
`map_interests`, `pivots_from_files`, `review_charter`, `answer_question` / `answer_with_model`),
with the backend's model or none. The retriever is wrapped so every passage a capability retrieved
is known, which is what citation validity and hit@k are judged against. Workspace documents are
ingested once per document set into a workspace named after their content.
"""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from advisor.config import Settings
from advisor.errors import AdvisorError
from advisor.evaluation.labels import Outcome
from advisor.evaluation.scenarios import Scenario
from advisor.retrieval.hybrid import Passage, Retriever

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from advisor.service.runtime import Runtime

WORKSPACE_PREFIX = "eval-"


class TracingRetriever(Retriever):
    """A retriever that delegates to another and remembers every result it gave."""

    def __init__(self, inner: Retriever) -> None:
        super().__init__(inner.settings, inner.store, inner.embeddings)
        self.inner = inner
        self.searches: list[list[Passage]] = []

    def search(
        self, query: str, *, workspace: str | None = None, k: int | None = None, knowledge: bool = True
    ) -> list[Passage]:
        passages = self.inner.search(query, workspace=workspace, k=k, knowledge=knowledge)
        self.searches.append(passages)
        return passages


@dataclass
class EvalContext:
    """What every scenario of a run shares."""

    runtime: Runtime
    settings: Settings
    llm: BaseChatModel | None
    evals_dir: Path
    workspaces: dict[str, str] = field(default_factory=dict)

    def path(self, relative: str) -> Path:
        return self.evals_dir / relative


def run_capability(scenario: Scenario, context: EvalContext) -> Outcome:
    """Run the scenario's capability; exceptions propagate (the runner records them as errors)."""
    retriever = TracingRetriever(context.runtime.retriever)
    inputs, settings, llm = scenario.inputs, context.settings, context.llm
    output: dict[str, Any]
    citations: list[dict[str, Any]] = []
    if scenario.capability == "purpose_check":
        from advisor.capabilities.purpose.check import check_purpose

        check = check_purpose(inputs.statement or "", settings=settings, llm=llm)
        output, warnings = check.model_dump(mode="json"), check.warnings
    elif scenario.capability == "purpose_draft":
        from advisor.capabilities.purpose.draft import draft_purpose

        workspace = ensure_workspace(context, inputs.documents) if inputs.documents else None
        drafts = draft_purpose(
            goal=inputs.goal, workspace=workspace, retriever=retriever, settings=settings, llm=llm
        )
        output, warnings = drafts.model_dump(mode="json"), drafts.warnings
        citations = list(output["citations"])
    elif scenario.capability == "interests":
        from advisor.capabilities.interests.analysis import map_interests
        from advisor.documents.coalition import parse_roster

        objectives = context.path(inputs.objectives) if inputs.objectives else None
        roster = parse_roster(context.path(inputs.roster or ""), objectives)
        found = map_interests(roster, embeddings=context.runtime.embeddings, settings=settings, llm=llm)
        output, warnings = found.model_dump(mode="json"), found.warnings
    elif scenario.capability == "pivots":
        from advisor.capabilities.pivots.analysis import pivots_from_files

        notes = context.path(inputs.notes) if inputs.notes else None
        analysis = pivots_from_files(
            context.path(inputs.metrics or ""),
            notes,
            inputs.as_of,
            retriever=retriever,
            settings=settings,
            llm=llm,
        )
        output, warnings = analysis.model_dump(mode="json"), analysis.warnings
        citations = [c for option in output["pivots"] for c in option["citations"]]
    elif scenario.capability == "charter":
        output, warnings = _review(scenario, context)
    else:
        output, warnings = _ask(scenario, context, retriever)
        citations = list(output["citations"])
    return Outcome(output=output, citations=citations, searches=retriever.searches, warnings=list(warnings))


def _review(scenario: Scenario, context: EvalContext) -> tuple[dict[str, Any], list[str]]:
    from advisor.capabilities.charter.review import review_charter

    if scenario.inputs.charter:
        review = review_charter(
            context.path(scenario.inputs.charter), settings=context.settings, llm=context.llm
        )
    else:
        with tempfile.TemporaryDirectory(prefix="advisor-eval-") as folder:
            path = Path(folder) / f"{scenario.id}.md"
            path.write_text(scenario.inputs.text or "", encoding="utf-8")
            review = review_charter(path, settings=context.settings, llm=context.llm)
    return review.model_dump(mode="json"), review.warnings


def _ask(scenario: Scenario, context: EvalContext, retriever: Retriever) -> tuple[dict[str, Any], list[str]]:
    from advisor.capabilities.ask.model import answer_with_model
    from advisor.capabilities.ask.offline import answer_question

    inputs = scenario.inputs
    workspace = ensure_workspace(context, inputs.documents) if inputs.documents else None
    if context.llm is None:
        answer = answer_question(inputs.question or "", retriever=retriever, workspace=workspace)
    else:
        answer = answer_with_model(
            inputs.question or "",
            retriever=retriever,
            llm=context.llm,
            workspace=workspace,
            settings=context.settings,
        )
    return answer.model_dump(mode="json"), answer.warnings


def ensure_workspace(context: EvalContext, documents: list[str]) -> str:
    """A workspace holding exactly these fixture files, named after their content (ingested once)."""
    paths = [context.path(d) for d in documents]
    digest = hashlib.sha1()
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    name = WORKSPACE_PREFIX + digest.hexdigest()[:12]
    if name in context.workspaces:
        return name
    from advisor.store.ingest import ingest_workspace_files

    runtime = context.runtime
    report = ingest_workspace_files(
        [(p, p.name) for p in paths],
        name,
        settings=runtime.settings,
        store=runtime.store,
        embeddings=runtime.embeddings,
    )
    if report.failed:
        raise AdvisorError(f"eval documents could not be ingested: {report.failed[0].error}")
    context.workspaces[name] = name
    return name
