"""Retrieval and offline answers on the leaders' question set (`evals/retrieval/questions-v2.yaml`),
written and labelled blind to the retriever, with a locked dev/test split (`split-questions.yaml`).

A question is put as a leader would: knowledge questions to the knowledge base alone, questions
about "our" documents with their workspace (1-3 public governance documents from the corpus) as
`advisor ask --workspace` does. Hits, in the top 3 passages:
- a knowledge question: a passage from one of its expected topics;
- a workspace question: a passage that holds one of its labelled passages (at least 60% of the
  labelled passage's five-word runs, with markup and white space folded: chunkers re-flow lines and
  a passage can straddle two chunks);
- a question labelled "both": either.
The same questions are run through fused search, BM25 alone and vectors alone, beside the simplest
baseline (always the three most common topics of dev). The offline answer is scored too: does it
quote a labelled passage (workspace questions), does it say plainly that nothing answers
(unanswerable questions), and how often does it say so of a question that is answered (false "not
covered"; the simplest baseline, always answering, says so of none).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from advisor.capabilities.ask.models import Answer
from advisor.errors import ConfigError
from advisor.retrieval.hybrid import Retriever
from advisor.retrieval.passages import Passage
from advisor.service.runtime import Runtime
from advisor.store.ingest import ingest_paths
from advisor.text.safe_yaml import load_yaml

Part = Literal["dev", "test"]
Kind = Literal["knowledge", "workspace", "both", "unanswerable"]
TOP = 3
PASSAGE_SHARE = 0.6
_MARKUP = re.compile(r"[*_#`>|]|^\s*(?:[-+•]|\d+[.)])\s+", re.M)
# How a plain answer says nothing answers (offline: "I found nothing…", "…do not seem to say…").
_NOTHING = re.compile(r"found nothing|do(?:es)? not seem to say|does not say|no .* answers", re.I)


class Question(BaseModel, extra="ignore"):
    id: str
    question: str
    kind: Kind
    style: str
    expected: list[str] = Field(default_factory=list)
    workspace: list[str] = Field(default_factory=list)
    passages: list[str] = Field(default_factory=list)


class PartFigures(BaseModel):
    """One part's figures: hit@3 of each retriever, and of the answers."""

    questions: int
    hit_at_3: float = Field(description="Fused search (the product), answerable questions.")
    hit_at_3_knowledge: float
    hit_at_3_workspace: float
    mrr_at_3: float
    bm25_hit_at_3: float
    vector_hit_at_3: float
    majority_hit_at_3: float = Field(description="Always the three most common topics of dev.")
    answer_quotes_passage: float = Field(
        description="Workspace questions whose answer quotes a labelled passage."
    )
    says_nothing_when_unanswerable: float
    says_nothing_when_answerable: float = Field(
        description='Answerable questions whose answer says nothing answers (false "not covered").'
    )
    misses: list[str] = Field(default_factory=list, description="Ids of answerable questions missed.")


def load_questions(root: Path) -> dict[Part, list[Question]]:
    """The questions of each part; `ConfigError` naming the file at fault."""
    path, split_path = root / "questions-v2.yaml", root / "split-questions.yaml"
    try:
        questions = {
            q.id: q for q in (Question.model_validate(x) for x in load_yaml(path.read_text("utf-8")))
        }
        split = load_yaml(split_path.read_text("utf-8"))
        return {part: [questions[i] for i in split[part]] for part in ("dev", "test")}
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(f"{path} or {split_path}: {' '.join(str(exc).split())[:300]}") from None


def score_questions(
    runtime: Runtime,
    parts: dict[Part, list[Question]],
    corpus_docs: Path,
    answer: Callable[[str, str | None], Answer],
) -> dict[Part, PartFigures]:
    """Figures per part; workspaces are ingested into `runtime`'s store (unchanged files are skipped)."""
    runtime.ensure_knowledge()
    workspaces = _ingest_workspaces(runtime, [q for qs in parts.values() for q in qs], corpus_docs)
    retrievers = {name: _retriever(runtime, name) for name in ("fused", "bm25", "vector")}
    common = [t for t, _ in Counter(t for q in parts["dev"] for t in q.expected).most_common(TOP)]
    return {
        part: _score_part(questions, workspaces, retrievers, common, answer)
        for part, questions in parts.items()
    }


def _score_part(
    questions: list[Question],
    workspaces: dict[str, str],
    retrievers: dict[str, Retriever],
    common: list[str],
    answer: Callable[[str, str | None], Answer],
) -> PartFigures:
    answerable = [q for q in questions if q.kind != "unanswerable"]
    ranks: dict[str, list[int | None]] = {name: [] for name in retrievers}
    for q in answerable:
        workspace = workspaces.get(q.id)
        for name, retriever in retrievers.items():
            found = retriever.search(q.question, workspace=workspace, k=TOP)
            ranks[name].append(next((i for i, p in enumerate(found) if _answers(q, p)), None))
    fused = ranks["fused"]

    def share(flags: list[bool]) -> float:
        return sum(flags) / len(flags) if flags else 0.0

    by_kind = {
        kind: share([r is not None for q, r in zip(answerable, fused, strict=True) if q.kind == kind])
        for kind in ("knowledge", "workspace")
    }
    quoting = [q for q in questions if q.kind in ("workspace", "both") and q.passages]
    unanswerable = [q for q in questions if q.kind == "unanswerable"]
    answers = {q.id: answer(q.question, workspaces.get(q.id)).answer for q in questions}
    return PartFigures(
        questions=len(questions),
        hit_at_3=share([r is not None for r in fused]),
        hit_at_3_knowledge=by_kind["knowledge"],
        hit_at_3_workspace=by_kind["workspace"],
        mrr_at_3=sum(1 / (r + 1) for r in fused if r is not None) / max(len(fused), 1),
        bm25_hit_at_3=share([r is not None for r in ranks["bm25"]]),
        vector_hit_at_3=share([r is not None for r in ranks["vector"]]),
        majority_hit_at_3=share([bool(set(common) & set(q.expected)) for q in answerable]),
        answer_quotes_passage=share([any(holds(answers[q.id], p) for p in q.passages) for q in quoting]),
        says_nothing_when_unanswerable=share([bool(_NOTHING.search(answers[q.id])) for q in unanswerable]),
        says_nothing_when_answerable=share([bool(_NOTHING.search(answers[q.id])) for q in answerable]),
        misses=[q.id for q, r in zip(answerable, fused, strict=True) if r is None],
    )


def _answers(question: Question, passage: Passage) -> bool:
    topic = passage.source.removeprefix("knowledge/").removesuffix(".md")
    if passage.scope == "knowledge":
        return topic in question.expected
    return any(holds(passage.text, labelled) for labelled in question.passages)


def holds(text: str, labelled: str) -> bool:
    """Whether `text` holds most of the labelled passage (its five-word runs, markup folded)."""
    want = _runs(labelled)
    have = " ".join(_fold(text))
    return bool(want) and sum(run in have for run in want) >= PASSAGE_SHARE * len(want)


def _runs(text: str) -> list[str]:
    words = _fold(text)
    return [" ".join(words[i : i + 5]) for i in range(max(len(words) - 4, 1))]


def _fold(text: str) -> list[str]:
    return _MARKUP.sub(" ", text).lower().split()


def _ingest_workspaces(runtime: Runtime, questions: list[Question], corpus_docs: Path) -> dict[str, str]:
    """Each question's workspace name, its documents ingested (once per distinct set)."""
    files = {p.stem: p for p in corpus_docs.iterdir() if p.is_file()}
    names: dict[str, str] = {}
    for q in questions:
        if not q.workspace:
            continue
        missing = [d for d in q.workspace if d not in files]
        if missing:
            raise ConfigError(f"question {q.id}: no corpus document {', '.join(missing)} in {corpus_docs}")
        name = "questions-" + hashlib.sha256("\0".join(sorted(q.workspace)).encode()).hexdigest()[:10]
        if name not in names.values():
            ingest_paths(
                [files[d] for d in q.workspace],
                name,
                settings=runtime.settings,
                store=runtime.store,
                embeddings=runtime.embeddings,
            )
        names[q.id] = name
    return names


def _retriever(runtime: Runtime, name: str) -> Retriever:
    weights = {
        "fused": {},
        "bm25": {"vector_weight": 0.0, "asks_weight": 0.0},
        "vector": {"lexical_weight": 0.0, "asks_weight": 0.0},
    }[name]
    settings = runtime.settings.model_copy(
        update={"retrieval": runtime.settings.retrieval.model_copy(update=weights)}
    )
    return Retriever(settings, runtime.store, runtime.embeddings)
