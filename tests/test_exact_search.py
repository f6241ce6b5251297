"""Small scopes (the knowledge base, small workspaces) are searched exactly in memory: the nearest
chunks are the ones Chroma's index returns, searches give the same passages as with every scope
sent to Chroma, a warm search asks the store for no vector query, and a write is seen at once."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml

from advisor.config import Settings
from advisor.retrieval.exact import ScopeVectors
from advisor.retrieval.hybrid import Retriever
from advisor.service.runtime import Runtime
from advisor.store.chroma import KNOWLEDGE_COLLECTION, workspace_collection
from advisor.store.index import ScopeIndex
from advisor.store.ingest import ingest_paths
from tests.conftest import write

QUESTIONS = Path(__file__).resolve().parents[1] / "evals" / "retrieval" / "questions.yaml"
NOTE = "Our steering group agreed that the lantern festival budget moves to the spring quarter."


def _questions() -> list[str]:
    return [q["question"] for q in yaml.safe_load(QUESTIONS.read_text())]


def _settings(runtime: Runtime, exact_max_chunks: int, hub_penalty: float | None = None) -> Settings:
    update: dict[str, float] = {"exact_max_chunks": exact_max_chunks}
    if hub_penalty is not None:
        update["hub_penalty"] = hub_penalty
    retrieval = runtime.settings.retrieval.model_copy(update=update)
    return runtime.settings.model_copy(update={"retrieval": retrieval})


def _ingest(runtime: Runtime, paths: list[Path], workspace: str) -> None:
    ingest_paths(
        paths, workspace, settings=runtime.settings, store=runtime.store, embeddings=runtime.embeddings
    )


def test_exact_nearest_chunks_are_chromas_top_k(runtime: Runtime) -> None:
    store, n = runtime.store, runtime.settings.retrieval.candidates
    scope = ScopeIndex(store, KNOWLEDGE_COLLECTION, runtime.embeddings)
    with store.reading():
        collection = store.collection(KNOWLEDGE_COLLECTION, create=False)
        lexical = scope.lexical(scope.current_generation())
        vectors = ScopeVectors.load(store, collection, None, lexical)
        assert vectors.size == lexical.size == collection.count()
        for question in _questions():
            query = np.asarray(runtime.embeddings.embed_query(question), dtype=np.float32)
            got = collection.query(query_embeddings=query[None, :], n_results=n, include=["distances"])
            ours = [(lexical.record(p)[0], s) for p, s in vectors.nearest(query, n)]
            theirs = {cid: 1.0 - d for cid, d in zip(got["ids"][0], got["distances"][0], strict=True)}
            # Chroma's index (HNSW) is approximate and built anew in each run: now and then it misses a
            # true neighbour near the cut-off, which exact search finds. So exact search is at least as
            # near at every rank, finds every chunk Chroma finds above its own cut-off, and agrees with
            # Chroma on the similarity of every chunk both return (Chroma sums in another order: 1e-6).
            mine = [s for _, s in ours]
            assert all(m >= t - 1e-6 for m, t in zip(mine, theirs.values(), strict=True)), question
            found = {cid for cid, _ in ours}
            assert {cid for cid, t in theirs.items() if t > mine[-1] + 1e-6} <= found, question
            for cid, similarity in ours:
                if cid in theirs:
                    assert similarity == pytest.approx(theirs[cid], abs=1e-6), question


def test_searches_give_the_same_passages_as_with_chroma_alone(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    files = [write(tmp_path / "notes.md", f"# Steering notes\n\n{NOTE}\n\nLandlords resisted inspections.\n")]
    _ingest(runtime, files, workspace_name)
    # Hubs are held back only in exact search (its vectors are in memory): compared without that.
    exact = Retriever(_settings(runtime, 2000, hub_penalty=0), runtime.store, runtime.embeddings)
    chroma = Retriever(_settings(runtime, 0, hub_penalty=0), runtime.store, runtime.embeddings)
    for question in _questions():
        for workspace in (None, workspace_name):
            ours, theirs = (
                exact.search(question, workspace=workspace),
                chroma.search(question, workspace=workspace),
            )
            assert [(p.chunk_id, p.score) for p in ours] == [(p.chunk_id, p.score) for p in theirs]
            assert [p.similarity for p in ours] == pytest.approx([p.similarity for p in theirs], abs=1e-5)


def test_a_warm_search_of_small_scopes_asks_the_store_for_no_vector_query(
    runtime: Runtime, tmp_path: Path, workspace_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chromadb.api.models.Collection import Collection

    _ingest(runtime, [write(tmp_path / "notes.md", f"# Notes\n\n{NOTE}\n")], workspace_name)
    retriever = Retriever(runtime.settings, runtime.store, runtime.embeddings)
    retriever.search("who sets the budget?", workspace=workspace_name)
    queries: list[str] = []
    original = Collection.query

    def query(self: Collection, *args: object, **kw: object):  # type: ignore[no-untyped-def]
        queries.append(self.name)
        return original(self, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(Collection, "query", query)
    assert retriever.search("when does the festival budget move?", workspace=workspace_name)
    assert queries == []


def test_a_write_is_seen_by_the_next_exact_search(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    first = write(tmp_path / "roster.md", "# Roster\n\nThe tenants' union and the clinic are members.\n")
    _ingest(runtime, [first], workspace_name)
    retriever = Retriever(runtime.settings, runtime.store, runtime.embeddings)

    def nearest(question: str) -> tuple[str, float | None]:
        found = retriever.search(question, workspace=workspace_name, knowledge=False, k=1)
        return found[0].source, found[0].similarity

    assert nearest(NOTE)[0] == "roster.md"  # the vectors of this generation are now in memory
    _ingest(runtime, [write(tmp_path / "notes.md", f"# Notes\n\n{NOTE}\n")], workspace_name)
    source, similarity = nearest(NOTE)
    assert source == "notes.md" and similarity is not None and similarity > 0.8
    ScopeIndex(runtime.store, workspace_collection(workspace_name), runtime.embeddings).remove("notes.md")
    assert nearest(NOTE)[0] == "roster.md"


def _unit(*values: float) -> np.ndarray:
    vector = np.asarray(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def test_a_passage_close_to_every_kind_of_question_no_longer_crowds_out_the_answer() -> None:
    # Row 0 is a hub: close to all the sample questions. Row 1 answers this query a little less
    # closely than the hub does, and is close to no other question.
    rows = np.stack([_unit(1, 1, 1, 0.2), _unit(0.2, 0.3, 1.5, 1)])
    vectors = ScopeVectors(rows, np.asarray([10, 11], dtype=np.int64))
    sample = np.stack([_unit(1, 0, 0, 0), _unit(0, 1, 0, 0), _unit(1, 1, 0, 0), _unit(0.9, 1.1, 0.2, 0)])
    query = _unit(0.6, 0.6, 1, 0.3)
    plain = vectors.nearest(query, 2)
    assert [p for p, _ in plain] == [10, 11]
    held_back = vectors.with_hubness(sample, 0.3, neighbours=2).nearest(query, 2)
    assert [p for p, _ in held_back] == [11, 10]
    # the similarities reported are still the plain cosines
    assert dict(held_back) == pytest.approx(dict(plain))
    assert vectors.with_hubness(sample, 0.0) is vectors
