"""The BM25 index is built when a scope changes, not by the first query after: a query on a scope
that was just written reads no chunk back from the store, in this process or a new one; an index
that is missing or damaged on disk is rebuilt once by the query that needs it."""

from __future__ import annotations

import shutil
from pathlib import Path

import bm25s
import pytest
import yaml

from advisor.retrieval.hybrid import Retriever
from advisor.retrieval.vocabulary import expand_query
from advisor.service.runtime import Runtime
from advisor.store.chroma import KNOWLEDGE_COLLECTION, workspace_collection
from advisor.store.index import ScopeIndex
from advisor.store.ingest import ingest_paths
from advisor.store.lexical import LexicalIndex, LexicalStore, corpus_text, query_terms, tokenize
from tests.conftest import write

CHARTER = "# Harbor Alliance Charter\n\n## Purpose\nHalve asthma admissions in Harbor County by 2029.\n"
QUESTIONS = Path(__file__).resolve().parents[1] / "evals" / "retrieval" / "questions.yaml"
NOTES = "Learning review: the quorum-sensing pilot reached 400 families; landlords resisted inspections.\n"


def _reads_of_chunks(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every `get` that fetches chunk texts (what building BM25 does), recorded."""
    from chromadb.api.models.Collection import Collection

    reads: list[object] = []
    original = Collection.get

    def get(self: Collection, *args: object, **kw: object):  # type: ignore[no-untyped-def]
        if "documents" in (kw.get("include") or []):  # type: ignore[operator]
            reads.append(self.name)
        return original(self, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(Collection, "get", get)
    return reads


def _fresh_process_view() -> None:
    LexicalStore._cache.clear()  # what a new process would have in memory: nothing


def _ingest(runtime: Runtime, paths: list[Path], workspace: str) -> None:
    ingest_paths(
        paths, workspace, settings=runtime.settings, store=runtime.store, embeddings=runtime.embeddings
    )


def _ingest_both(runtime: Runtime, tmp_path: Path, workspace: str) -> str:
    files = [write(tmp_path / "charter.md", CHARTER), write(tmp_path / "notes.md", NOTES)]
    _ingest(runtime, files, workspace)
    return workspace_collection(workspace)


def test_the_first_query_after_an_ingest_builds_nothing(
    runtime: Runtime, tmp_path: Path, workspace_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ingest(runtime, [write(tmp_path / "charter.md", CHARTER)], workspace_name)
    retriever = Retriever(runtime.settings, runtime.store, runtime.embeddings)
    retriever.search("asthma", workspace=workspace_name)
    _ingest(runtime, [write(tmp_path / "notes.md", NOTES)], workspace_name)  # a change after a query
    _fresh_process_view()
    reads = _reads_of_chunks(monkeypatch)
    for searcher in (retriever, Retriever(runtime.settings, runtime.store, runtime.embeddings)):
        hits = searcher.search("quorum-sensing pilot", workspace=workspace_name, k=3)
        assert any(p.source == "notes.md" for p in hits)
    assert reads == []


def test_a_missing_or_damaged_index_is_rebuilt_once_and_results_are_the_same(
    runtime: Runtime, tmp_path: Path, workspace_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = _ingest_both(runtime, tmp_path, workspace_name)
    query = "quorum-sensing landlords"
    expected = [p.chunk_id for p in runtime.retriever.search(query, workspace=workspace_name)]
    saved = runtime.store.lexical.root / name
    for damage in ("missing", "damaged"):
        (folder,) = saved.iterdir()
        if damage == "missing":
            shutil.rmtree(folder)
        else:
            (folder / "records.jsonl").unlink()
        _fresh_process_view()
        reads = _reads_of_chunks(monkeypatch)
        for _ in range(3):
            found = Retriever(runtime.settings, runtime.store, runtime.embeddings).search(
                query, workspace=workspace_name
            )
            assert [p.chunk_id for p in found] == expected
        assert reads == [name], damage  # rebuilt by the first query only, then saved again
        monkeypatch.undo()
        _fresh_process_view()
        assert runtime.store.lexical.get(name, folder.name) is not None  # saved whole again
    assert len(list(saved.iterdir())) == 1


def test_a_removal_saves_the_new_index_and_drops_the_old(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    name = _ingest_both(runtime, tmp_path, workspace_name)
    before = {p.name for p in (runtime.store.lexical.root / name).iterdir()}
    ScopeIndex(runtime.store, name, runtime.embeddings).remove("notes.md")
    after = {p.name for p in (runtime.store.lexical.root / name).iterdir()}
    assert len(after) == 1 and after != before
    hits = runtime.retriever.search("quorum-sensing landlords inspections", workspace=workspace_name, k=10)
    assert all(p.source != "notes.md" for p in hits)


def test_bm25_ranks_as_bm25s_does(runtime: Runtime) -> None:
    """The saved scores summed at query time give bm25s's own ranking and scores (its `retrieve`)."""
    store = runtime.store
    with store.reading():
        ids, texts, metadatas = store.get_all(
            store.collection(KNOWLEDGE_COLLECTION, create=False), include=["documents", "metadatas"]
        )
    ours = LexicalIndex.build(ids, texts, metadatas)
    theirs = bm25s.BM25()
    theirs.index(
        tokenize([corpus_text(t, m) for t, m in zip(texts, metadatas, strict=True)]), show_progress=False
    )
    for question in [q["question"] for q in yaml.safe_load(QUESTIONS.read_text())]:
        terms = query_terms(expand_query(question))
        found = ours.search(terms, 30)
        known = [t for t in terms if t in theirs.vocab_dict]
        docs, scores = theirs.retrieve([known], k=30, show_progress=False)
        expected = [(int(d), float(s)) for d, s in zip(docs[0], scores[0], strict=True) if s > 0]
        assert [p for p, _ in found] == [p for p, _ in expected], question
        assert [s for _, s in found] == pytest.approx([s for _, s in expected], rel=1e-6)
