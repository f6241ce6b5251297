"""Isolation between workspaces, in the embedded store and on a `chroma run` server.

Two workspaces are seeded through the app's handlers with real coalition documents carrying canary
words of their own. Hundreds of randomized queries in each (the other workspace's canary words,
coalition questions, random words) must retrieve no chunk of the other workspace and put none of
its canaries in an answer. Deleting a workspace must leave no record of it: no collection, no
manifest entry, no chunk or canary in any collection, no file under ADVISOR_HOME, no conversation.
"""

from __future__ import annotations

import random
import re
import sqlite3
import uuid
from pathlib import Path

import pytest
import yaml

from advisor.capabilities.ask.offline import answer_question
from advisor.retrieval.passages import KNOWLEDGE_SCOPE
from advisor.service.runtime import Runtime
from advisor.store.chroma import workspace_collection
from advisor.store.index import MANIFEST_KEY
from advisor.web import chat as app_chat
from advisor.web import workspaces as app_workspaces
from advisor.web.state import AppContext

pytestmark = pytest.mark.slow
EVALS = Path(__file__).resolve().parents[1] / "evals"
QUERIES_PER_WORKSPACE = 120
SEED = 6
# Invented words found in no knowledge file, so any hit on them comes from a workspace.
CANARIES = {
    "A": ["zorblaxian", "quentarove", "mirvellish", "dravokin"],
    "B": ["trivandelic", "oskarunema", "pellaquist", "gorvantic"],
}
SOURCES = {
    "A": ["charters/riverside-safe-streets.md", "metrics/riverside-road-safety.notes.md"],
    "B": ["charters/harbor-asthma-collaborative.md", "metrics/eastside-housing-stability.notes.md"],
}
TEMPLATES = [
    "What does our charter say about {w}?",
    "Who decides on {w} and how?",
    "{w}",
    "Remind me of the {w} commitment and its deadline.",
    "How do members handle conflict over the {w} plan?",
]


@pytest.fixture
def runtime(backend_runtime: Runtime) -> Runtime:
    return backend_runtime


def _seed(text: str, canaries: list[str], rng: random.Random) -> str:
    """The document with a canary sentence after several of its paragraphs."""
    paragraphs = text.split("\n\n")
    positions = rng.sample(range(1, len(paragraphs)), k=min(8, len(paragraphs) - 1))
    for position in sorted(positions, reverse=True):
        word = rng.choice(canaries)
        paragraphs.insert(position, f"Members renewed the {word} pledge and the {word} review schedule.")
    return "\n\n".join(paragraphs)


def _canaries_in(text: str, label: str) -> list[str]:
    return [w for w in CANARIES[label] if w in text.lower()]


def _queries(rng: random.Random, other: str, vocabulary: list[str], questions: list[str]) -> list[str]:
    """A third each: the other workspace's canary words, coalition questions, random words."""
    queries = []
    for n in range(QUERIES_PER_WORKSPACE):
        if n % 3 == 0:
            words = " ".join(rng.sample(CANARIES[other], k=rng.randint(1, 2)))
            queries.append(rng.choice(TEMPLATES).format(w=words))
        elif n % 3 == 1:
            queries.append(rng.choice(questions))
        else:
            queries.append(" ".join(rng.choice(vocabulary) for _ in range(rng.randint(2, 9))))
    return queries


def test_randomized_queries_never_cross_workspaces_and_deletion_leaves_nothing(
    runtime: Runtime, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(SEED)
    ctx = AppContext(runtime)
    store, retriever = runtime.store, runtime.retriever
    names = {label: f"canary-{label.lower()}-{uuid.uuid4().hex[:6]}" for label in CANARIES}
    chunk_ids: dict[str, set[str]] = {}
    vocabulary: list[str] = []
    for label, name in names.items():
        app_workspaces.create_workspace(ctx, None, name)
        paths = []
        for source in SOURCES[label]:
            text = _seed((EVALS / "data" / source).read_text(encoding="utf-8"), CANARIES[label], rng)
            vocabulary += re.findall(r"[a-z]{4,}", text.lower())
            paths.append(str(tmp_path / label / Path(source).name))
            Path(paths[-1]).parent.mkdir(exist_ok=True)
            Path(paths[-1]).write_text(text, encoding="utf-8")
        results = list(app_workspaces.upload_files(ctx, None, name, paths))
        assert all(r.ok for r in results), [r.message for r in results]
        ids, texts, _ = store.get_all(store.collection(workspace_collection(name)), include=["documents"])
        chunk_ids[label] = set(ids)
        assert sum(bool(_canaries_in(t, label)) for t in texts) >= 4  # the canaries are in the index
        own = retriever.search(CANARIES[label][0], workspace=name, k=5)
        assert _canaries_in(" ".join(p.text for p in own), label), "a workspace must find its own canary"
    vocabulary += [w for ws in CANARIES.values() for w in ws] + ["".join(rng.sample("etaoinshr", 6))]
    questions = [q["question"] for q in yaml.safe_load((EVALS / "retrieval" / "questions.yaml").read_text())]

    plan = [
        (label, other, query)
        for label, other in (("A", "B"), ("B", "A"))
        for query in _queries(rng, other, sorted(set(vocabulary)), questions)
    ]
    # The query vectors in one batch: one by one they would be most of the test's time.
    model, texts = runtime.embeddings, [query for *_, query in plan]
    vectors, embed_one = dict(zip(texts, model.embed_documents(texts), strict=True)), model.embed_query
    monkeypatch.setattr(model, "embed_query", lambda text: vectors.get(text) or embed_one(text))
    queries = other_chunks = canaries_in_answers = passages_seen = 0
    for label, other, query in plan:
        passages = retriever.search(query, workspace=names[label], k=30)
        passages_seen += len(passages)
        other_chunks += sum(
            p.chunk_id in chunk_ids[other]
            or p.scope not in (names[label], KNOWLEDGE_SCOPE)
            or bool(_canaries_in(p.text, other))
            for p in passages
        )
        answer = answer_question(query, retriever=retriever, workspace=names[label])
        shown = answer.answer + " ".join(c.quote + c.source for c in answer.citations)
        canaries_in_answers += bool(_canaries_in(shown, other))
        queries += 1
    print(
        f"\nisolation ({store.mode}): {queries} queries, {passages_seen} passages; "
        f"chunks of the other workspace {other_chunks}, its canaries in answers {canaries_in_answers}"
    )
    assert queries >= 2 * QUERIES_PER_WORKSPACE
    assert other_chunks == 0 and canaries_in_answers == 0

    for label, name in names.items():  # a conversation in each, so deletion has rows to remove
        for _ in app_chat.chat(ctx, None, name, f"What is the {CANARIES[label][0]} pledge?", []):
            pass
    deleted = workspace_collection(names["B"])
    app_workspaces.delete_workspace(ctx, None, names["B"])
    left = _records_of(ctx, names["B"], deleted, "B")
    print(f"after deleting a workspace ({store.mode}), records left: {left}")
    assert left == {"collection": 0, "manifest": 0, "chunks": 0, "files": 0, "conversation": 0}
    kept = _records_of(ctx, names["A"], workspace_collection(names["A"]), "A")
    assert kept["collection"] == 1 and kept["chunks"] > 0 and kept["conversation"] >= 2  # A untouched
    app_workspaces.delete_workspace(ctx, None, names["A"])


def _records_of(ctx: AppContext, name: str, collection: str, label: str) -> dict[str, int]:
    """What the store, the files and the conversations still hold of a workspace."""
    store = ctx.runtime.store
    chunks = 0
    for other in store.collection_names():
        found = store.collection(other, create=False)
        _, texts, metas = store.get_all(found, include=["documents", "metadatas"])
        chunks += sum(
            collection in (m.get("scope"), m.get(MANIFEST_KEY)) or bool(_canaries_in(t, label))
            for t, m in zip(texts, metas, strict=True)
            if other != "advisor-manifest"
        )
    files = [
        p
        for p in (ctx.runtime.settings.home / "files").rglob("*")
        if p.is_file() and _canaries_in(p.read_bytes().decode("utf-8", "replace"), label)
    ]
    with sqlite3.connect(ctx.conversations.path) as db:
        rows = db.execute(
            "SELECT COUNT(*) FROM messages WHERE workspace = ? OR instr(lower(content), ?) > 0",
            (name, CANARIES[label][0]),
        ).fetchone()[0]
    return {
        "collection": int(store.has_collection(collection)),
        "manifest": len(store.manifest.get(where={MANIFEST_KEY: collection})["ids"]),
        "chunks": chunks,
        "files": len(files) + int(ctx.files.folder(name).exists()),
        "conversation": int(rows),
    }
