"""Ingest into a real Chroma store with real embeddings: good files land, bad files leave nothing,
unchanged files cost nothing, changed files replace their old chunks, workspaces never mix.
Each test runs against the embedded store and against a `chroma run` server (see conftest)."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.config import Settings
from advisor.errors import ConfigError, StoreError, WorkspaceError
from advisor.service.runtime import Runtime
from advisor.store.chroma import Store, workspace_collection
from advisor.store.index import MANIFEST_KEY, ScopeIndex
from advisor.store.ingest import ingest_paths
from advisor.store.workspaces import delete_workspace, list_workspaces
from tests.conftest import CountingEmbeddings, StoreBackend, write

CHARTER = "# Harbor Alliance Charter\n\n## Purpose\nHalve asthma admissions in Harbor County by 2029.\n"
NOTES = (
    "Learning review, March: the school nurse pilot reached 400 families; landlords resisted inspections.\n"
)


@pytest.fixture
def runtime(backend_runtime: Runtime) -> Runtime:
    return backend_runtime


@pytest.fixture
def counting(embeddings: object) -> CountingEmbeddings:
    return CountingEmbeddings()


def _ingest(rt: Runtime, paths: list[Path], ws: str, emb: CountingEmbeddings | None = None):  # type: ignore[no-untyped-def]
    return ingest_paths(paths, ws, settings=rt.settings, store=rt.store, embeddings=emb or rt.embeddings)


def _chunks(rt: Runtime, ws: str) -> dict[str, dict]:  # type: ignore[type-arg]
    got = rt.store.collection(workspace_collection(ws)).get(include=["metadatas"])  # type: ignore[list-item]
    return dict(zip(got["ids"], got["metadatas"] or [], strict=True))  # type: ignore[arg-type]


def test_folder_with_a_bad_file_ingests_the_good_ones(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    write(tmp_path / "docs/charter.md", CHARTER)
    write(tmp_path / "docs/notes/march.txt", NOTES)
    (tmp_path / "docs/broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    report = _ingest(runtime, [tmp_path / "docs"], workspace_name)
    assert {r.source: r.status for r in report.results} == {
        "broken.pdf": "failed",
        "charter.md": "added",
        "notes/march.txt": "added",
    }
    assert "broken.pdf" in report.failed[0].error  # type: ignore[operator]
    sources = {m["source"] for m in _chunks(runtime, workspace_name).values()}
    assert sources == {"charter.md", "notes/march.txt"}


def test_unchanged_files_are_skipped_without_embedding(
    runtime: Runtime, tmp_path: Path, workspace_name: str, counting: CountingEmbeddings
) -> None:
    path = write(tmp_path / "charter.md", CHARTER)
    _ingest(runtime, [path], workspace_name, counting)
    before, embedded = _chunks(runtime, workspace_name), counting.embedded
    report = _ingest(runtime, [path], workspace_name, counting)
    assert [r.status for r in report.results] == ["unchanged"] and not report.changed
    assert counting.embedded == embedded
    assert _chunks(runtime, workspace_name) == before


def test_a_changed_file_replaces_its_old_chunks(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    path = write(tmp_path / "charter.md", CHARTER)
    _ingest(runtime, [path], workspace_name)
    write(path, CHARTER.replace("2029", "2031") + "\n## Roles\nThe health department convenes.\n")
    report = _ingest(runtime, [path], workspace_name)
    assert report.results[0].status == "updated"
    chunks = _chunks(runtime, workspace_name)
    assert len(chunks) == report.results[0].chunks
    texts = " ".join(runtime.store.collection(workspace_collection(workspace_name)).get()["documents"] or [])
    assert "2031" in texts and "2029" not in texts


class FailingStore(Store):
    """A real store whose chunk writes fail after the first batch is in, as a full disk would."""

    def add(self, collection, ids, embeddings, documents, metadatas):  # type: ignore[no-untyped-def]
        super().add(collection, ids[:1], embeddings[:1], documents[:1], metadatas[:1])
        raise OSError("disk full")


def test_a_failed_write_leaves_the_index_as_it_was(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    path = write(tmp_path / "charter.md", CHARTER)
    _ingest(runtime, [path], workspace_name)
    before = _chunks(runtime, workspace_name)
    index = ScopeIndex(runtime.store, workspace_collection(workspace_name), runtime.embeddings)
    manifest_before = index.entries()
    write(path, CHARTER + "\n## Roles\nEveryone helps.\n")
    failing = FailingStore(runtime.settings)
    report = ingest_paths(
        [path], workspace_name, settings=runtime.settings, store=failing, embeddings=runtime.embeddings
    )
    assert report.results[0].status == "failed" and "disk full" in (report.results[0].error or "")
    assert _chunks(runtime, workspace_name) == before
    assert index.entries() == manifest_before


def test_orphans_of_an_interrupted_ingest_are_swept_and_never_served(
    runtime: Runtime, tmp_path: Path, workspace_name: str
) -> None:
    _ingest(runtime, [write(tmp_path / "charter.md", CHARTER)], workspace_name)
    collection = runtime.store.collection(workspace_collection(workspace_name))
    collection.add(
        ids=["orphan"],
        embeddings=[runtime.embeddings.embed_query("asthma admissions Harbor")],
        documents=["ORPHAN asthma admissions Harbor"],
        metadatas=[{"scope": collection.name, "source": "half.md", "file_sha": "x", "title": "Half"}],
    )
    hits = runtime.retriever.search("asthma admissions Harbor", workspace=workspace_name, k=20)
    assert "orphan" not in {p.chunk_id for p in hits}
    _ingest(runtime, [tmp_path / "charter.md"], workspace_name)
    assert "orphan" not in _chunks(runtime, workspace_name)


def test_workspaces_are_isolated_and_deletion_leaves_nothing(runtime: Runtime, tmp_path: Path) -> None:
    write(tmp_path / "a/plan.md", "# Plan\nCanary phrase ZEPHYR-ORCHID: our tenants union meets Tuesdays.\n")
    write(tmp_path / "b/plan.md", "# Plan\nCanary phrase QUASAR-MAPLE: our tenants union meets Thursdays.\n")
    _ingest(runtime, [tmp_path / "a"], "Isolation A")
    _ingest(runtime, [tmp_path / "b"], "Isolation B")
    for query in ("When does the tenants union meet?", "QUASAR-MAPLE", "canary phrase"):
        texts = " ".join(p.text for p in runtime.retriever.search(query, workspace="Isolation A", k=20))
        assert "QUASAR" not in texts
    names = {w.name for w in list_workspaces(runtime.store)}
    assert {"Isolation A", "Isolation B"} <= names
    deleted = delete_workspace(runtime.store, "Isolation B")
    assert [f.source for f in deleted.files] == ["plan.md"]
    assert not runtime.store.has_collection(workspace_collection("Isolation B"))
    assert runtime.store.manifest.get(where={MANIFEST_KEY: workspace_collection("Isolation B")})["ids"] == []
    with pytest.raises(WorkspaceError, match="No workspace named 'Isolation B'"):
        runtime.retriever.search("tenants", workspace="Isolation B")


def test_knowledge_base_is_indexed_once_and_reindexed_only_when_a_file_changes(
    tmp_path: Path, store_backend: StoreBackend
) -> None:
    kb = tmp_path / "kb"
    write(kb / "one.md", "---\ntitle: One\nsummary: First.\n---\n# One\nConflict needs a protocol.\n")
    write(kb / "two.md", "---\ntitle: Two\nsummary: Second.\n---\n# Two\nPurpose needs a deadline.\n")
    emb = CountingEmbeddings()
    settings = store_backend.settings(tmp_path / "home", knowledge_dir=kb)
    rt = Runtime(settings, embeddings=emb)
    assert rt.ensure_knowledge().count("added") == 2  # type: ignore[union-attr]
    first = emb.embedded
    rt2 = Runtime(settings, embeddings=emb)
    assert rt2.ensure_knowledge().count("unchanged") == 2 and emb.embedded == first  # type: ignore[union-attr]
    write(
        kb / "two.md",
        "---\ntitle: Two\nsummary: Second.\n---\n# Two\nPurpose needs a deadline and a place.\n",
    )
    (kb / "one.md").unlink()
    report = Runtime(settings, embeddings=emb).ensure_knowledge()
    assert {r.source: r.status for r in report.results} == {  # type: ignore[union-attr]
        "knowledge/two.md": "updated",
        "knowledge/one.md": "removed",
    }
    assert emb.embedded == first + 1


def test_a_mistyped_knowledge_folder_stops_with_a_message_and_keeps_the_index(
    tmp_path: Path, store_backend: StoreBackend
) -> None:
    kb = tmp_path / "kb"
    write(kb / "one.md", "---\ntitle: One\nsummary: First.\n---\n# One\nConflict needs a protocol.\n")
    settings = store_backend.settings(tmp_path / "home", knowledge_dir=kb)
    assert Runtime(settings, embeddings=CountingEmbeddings()).ensure_knowledge().count("added") == 1  # type: ignore[union-attr]
    for wrong in (tmp_path / "kb-typo", tmp_path / "empty"):
        (tmp_path / "empty").mkdir(exist_ok=True)
        mistyped = settings.model_copy(update={"knowledge_dir": wrong})
        with pytest.raises(ConfigError, match="ADVISOR_KNOWLEDGE_DIR"):
            Runtime(mistyped, embeddings=CountingEmbeddings()).ensure_knowledge()
    again = Runtime(settings, embeddings=CountingEmbeddings()).ensure_knowledge()
    assert again is not None and again.count("unchanged") == 1  # nothing was removed meanwhile


def test_store_errors_say_what_to_check(tmp_path: Path) -> None:
    store = Store(Settings(home=tmp_path, chroma={"url": "http://127.0.0.1:9"}))  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="chroma run"):
        store.client  # noqa: B018


def test_a_warm_search_costs_one_store_call_per_scope_and_sees_every_write(
    runtime: Runtime, tmp_path: Path, workspace_name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chromadb.api.models.Collection import Collection

    _ingest(runtime, [write(tmp_path / "charter.md", CHARTER)], workspace_name)
    retriever = runtime.retriever
    retriever.search("asthma admissions", workspace=workspace_name)  # warm: state and BM25 cached
    calls: list[str] = []
    for method in ("get", "query", "count", "peek"):
        original = getattr(Collection, method)

        def counted(
            self: Collection, *args: object, _name: str = method, _f: object = original, **kw: object
        ):  # type: ignore[no-untyped-def]
            calls.append(_name)
            return _f(self, *args, **kw)  # type: ignore[operator]

        monkeypatch.setattr(Collection, method, counted)
    client = type(runtime.store.client) if runtime.store.settings.chroma.url else None
    if client is not None:  # server mode: collection lookups are calls too
        original_get = client.get_collection

        def get_collection(self: object, *args: object, **kw: object):  # type: ignore[no-untyped-def]
            calls.append("get_collection")
            return original_get(self, *args, **kw)

        monkeypatch.setattr(client, "get_collection", get_collection)
    retriever.search("asthma admissions", workspace=workspace_name)
    # knowledge and workspace: a query each; with a server, one call for both scopes' generation
    # tokens too (the embedded store's lock tells whether any process wrote since the last search)
    assert len(calls) <= (3 if client is not None else 2), calls
    print(f"store calls of a warm search: {calls}")
    monkeypatch.undo()
    write(tmp_path / "notes.md", NOTES)
    _ingest(runtime, [tmp_path / "notes.md"], workspace_name)  # a write the warm reader must see
    hits = retriever.search("school nurse pilot landlords inspections", workspace=workspace_name, k=3)
    assert any(p.source == "notes.md" for p in hits)
    ScopeIndex(runtime.store, workspace_collection(workspace_name), runtime.embeddings).remove("notes.md")
    hits = retriever.search("school nurse pilot landlords inspections", workspace=workspace_name, k=10)
    assert all(p.source != "notes.md" for p in hits)
    delete_workspace(runtime.store, workspace_name)
    with pytest.raises(WorkspaceError):
        retriever.search("asthma", workspace=workspace_name)
