"""Run one scenario's capability through its public function, and capture what it retrieved.

Each capability is called through `Capabilities`, as the CLI, chat and web app call it, with the
backend's model or none. The retriever is wrapped so every passage a capability retrieved
is known, which is what citation validity and hit@k are judged against. Workspace documents are
ingested once per document set into a workspace named after their content.
"""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from advisor.capabilities.charter.models import CharterReview
from advisor.capabilities.pattern import AdvisorResult
from advisor.config import Settings
from advisor.errors import AdvisorError
from advisor.evaluation.labels import Outcome
from advisor.evaluation.scenarios import Scenario
from advisor.retrieval.hybrid import Retriever
from advisor.retrieval.passages import Passage
from advisor.retrieval.sections import SectionChunk
from advisor.service.capabilities import Capabilities
from advisor.store.ingest import ingest_workspace_files

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
        self,
        query: str,
        *,
        workspace: str | None = None,
        k: int | None = None,
        knowledge: bool = True,
        per_source: int | None = None,
    ) -> list[Passage]:
        passages = self.inner.search(
            query, workspace=workspace, k=k, knowledge=knowledge, per_source=per_source
        )
        self.searches.append(passages)
        return passages

    def section(self, passage: Passage) -> list[SectionChunk]:
        """The section's chunks, remembered as read: an answer may quote any chunk of the section
        around a passage it retrieved (`retrieval.sections`), and citing it is citing what it read."""
        chunks = self.inner.section(passage)
        self.searches.append(
            [
                Passage(
                    chunk.chunk_id,
                    chunk.text,
                    passage.source,
                    passage.title,
                    passage.heading,
                    passage.scope,
                    0.0,
                )
                for chunk in chunks
            ]
        )
        return chunks


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
    capabilities = Capabilities(
        context.runtime, llm=context.llm, retriever=retriever, settings=context.settings
    )
    inputs = scenario.inputs
    result: AdvisorResult
    if scenario.capability == "purpose_check":
        result = capabilities.check_purpose(inputs.statement or "")
    elif scenario.capability == "purpose_draft":
        workspace = ensure_workspace(context, inputs.documents) if inputs.documents else None
        result = capabilities.draft_purpose(goal=inputs.goal, workspace=workspace)
    elif scenario.capability == "interests":
        objectives = context.path(inputs.objectives) if inputs.objectives else None
        result = capabilities.map_interests(context.path(inputs.roster or ""), objectives)
    elif scenario.capability == "pivots":
        notes = context.path(inputs.notes) if inputs.notes else None
        result = capabilities.suggest_pivots(context.path(inputs.metrics or ""), notes, inputs.as_of)
    elif scenario.capability == "charter":
        result = _review(scenario, context, capabilities)
    else:
        workspace = ensure_workspace(context, inputs.documents) if inputs.documents else None
        result = capabilities.ask(inputs.question or "", workspace)
    output: dict[str, Any] = result.model_dump(mode="json")
    if scenario.capability == "pivots":
        citations = [c for option in output["pivots"] for c in option["citations"]]
    else:
        citations = list(output.get("citations", []))
    return Outcome(
        output=output, citations=citations, searches=retriever.searches, warnings=list(result.warnings)
    )


def _review(scenario: Scenario, context: EvalContext, capabilities: Capabilities) -> CharterReview:
    if scenario.inputs.charter:
        return capabilities.review_charter(context.path(scenario.inputs.charter))
    with tempfile.TemporaryDirectory(prefix="advisor-eval-") as folder:
        path = Path(folder) / f"{scenario.id}.md"
        path.write_text(scenario.inputs.text or "", encoding="utf-8")
        return capabilities.review_charter(path)


def ensure_workspace(context: EvalContext, documents: list[str]) -> str:
    """A workspace holding exactly these fixture files, named after their content (ingested once)."""
    paths = [context.path(d) for d in documents]
    digest = hashlib.sha1()
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    name = WORKSPACE_PREFIX + digest.hexdigest()[:12]
    if name in context.workspaces:
        return name
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
