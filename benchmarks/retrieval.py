"""Benchmark the retrieval layer and print a table.

    python benchmarks/retrieval.py [--sizes 10000 100000] [--queries 60]

1. Ingest throughput: our whole pipeline (read, chunk, embed, write to Chroma, commit the manifest)
   against a plain `SentenceTransformer.encode` of the same chunk texts, model warm in both.
2. Query latency, warm, for a workspace of N chunks searched together with the knowledge base
   (hybrid: vector + BM25 + fusion + the query's own embedding). The N chunks are real knowledge-base
   sentences recombined, with real MiniLM vectors of knowledge chunks plus noise: embedding 100k texts
   would take half an hour here and measure the model, not the store.
3. `advisor --help` wall time (no torch import).
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
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
from advisor.llm.embeddings import MiniLMEmbeddings, load_minilm  # noqa: E402
from advisor.retrieval.hybrid import Retriever  # noqa: E402
from advisor.service.runtime import Runtime  # noqa: E402
from advisor.store.chroma import workspace_collection  # noqa: E402
from advisor.store.index import MANIFEST_KEY, ScopeIndex  # noqa: E402
from advisor.store.ingest import ingest_files  # noqa: E402

console = Console()
_ADVISOR = shutil.which("advisor")
HELP_COMMAND = [_ADVISOR, "--help"] if _ADVISOR else [sys.executable, "-m", "advisor.cli.main", "--help"]


def bench_ingest(home: Path, embeddings: MiniLMEmbeddings, copies: int = 3) -> dict[str, float]:
    """Ingest `copies` copies of the knowledge base as workspace files; compare with plain encode."""
    settings = Settings(home=home)
    runtime = Runtime(settings, embeddings=embeddings)
    docs_dir = home / "docs"
    docs_dir.mkdir(parents=True)
    for copy in range(copies):
        for path in sorted(settings.knowledge_dir.glob("*.md")):
            (docs_dir / f"{copy}-{path.name}").write_text(path.read_text() + f"\n\nCopy {copy}.\n")
    files = [(p, p.name) for p in sorted(docs_dir.glob("*.md"))]
    texts = [c.embedding_text for p, _ in files for c in chunk_document(read_document(p))]
    load_minilm()
    embeddings.encode_array(texts[:64])  # warm
    start = time.perf_counter()
    embeddings.encode_array(texts)
    plain = time.perf_counter() - start
    index = ScopeIndex(runtime.store, workspace_collection("bench-ingest"), embeddings)
    runtime.store.collection(index.name)
    start = time.perf_counter()
    report = ingest_files(files, index, settings)
    ours = time.perf_counter() - start
    chunks = sum(r.chunks for r in report.results)
    assert chunks == len(texts) and not report.failed
    return {
        "chunks": chunks,
        "plain_cps": chunks / plain,
        "ours_cps": chunks / ours,
        "overhead": ours / plain - 1,
    }


def seed_workspace(runtime: Runtime, name: str, size: int, rng: random.Random) -> None:
    """Fill a workspace with `size` realistic chunks in 100 files, written as ingest writes them."""
    settings = runtime.settings
    chunks = [
        c for p in sorted(settings.knowledge_dir.glob("*.md")) for c in chunk_document(read_document(p))
    ]
    sentences = [s for c in chunks for s in split_sentences(c.text)]
    base = np.asarray(
        runtime.embeddings.embed_documents([c.embedding_text for c in chunks]), dtype=np.float32
    )
    collection = runtime.store.collection(workspace_collection(name))
    files = 100
    per_file = size // files
    for f in range(files):
        ids = [f"bench-{f}-{i}" for i in range(per_file)]
        texts = [" ".join(rng.sample(sentences, 4)) for _ in ids]
        picks = rng.choices(range(len(base)), k=per_file)
        vectors = base[picks] + np.random.default_rng(f).normal(0, 0.04, (per_file, base.shape[1]))
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        source, sha = f"file-{f}.md", f"sha-{f}"
        metas = [
            {
                "scope": collection.name,
                "source": source,
                "title": f"File {f}",
                "heading": "",
                "index": i,
                "file_sha": sha,
            }
            for i in range(per_file)
        ]
        runtime.store.add(collection, ids, vectors, texts, metas)
        runtime.store.manifest.upsert(
            ids=[f"{collection.name}::{source}"],
            embeddings=np.ones((1, 1), dtype=np.float32),
            documents=[source],
            metadatas=[
                {
                    MANIFEST_KEY: collection.name,
                    "source": source,
                    "file_sha": sha,
                    "chunk_count": per_file,
                    "title": f"File {f}",
                    "ingested_at": "2026-01-01T00:00:00+00:00",
                }
            ],
        )


def bench_queries(runtime: Runtime, name: str, questions: list[str]) -> dict[str, float]:
    retriever = Retriever(runtime.settings, runtime.store, runtime.embeddings)
    start = time.perf_counter()
    retriever.search(questions[0], workspace=name)  # builds the BM25 index: a one-off per change
    first = time.perf_counter() - start
    for q in questions[:5]:
        retriever.search(q, workspace=name)
    timings = []
    for q in questions:
        start = time.perf_counter()
        retriever.search(q, workspace=name)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return {
        "first_s": first,
        "p50": statistics.median(timings),
        "p95": timings[int(0.95 * (len(timings) - 1))],
    }


def bench_help(runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(HELP_COMMAND, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=60)
    args = parser.parse_args()
    questions = [q["question"] for q in yaml.safe_load((ROOT / "evals/retrieval/questions.yaml").read_text())]
    questions = (questions * 3)[: args.queries]
    embeddings = MiniLMEmbeddings()
    rng = random.Random(7)
    table = Table(title="Coalition Advisor: retrieval benchmark", show_lines=False)
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_column("target", justify="right")
    with tempfile.TemporaryDirectory() as tmp:
        with console.status("ingest throughput…"):
            ingest = bench_ingest(Path(tmp) / "ingest", embeddings)
        table.add_row(
            f"plain SentenceTransformer.encode ({ingest['chunks']:.0f} chunks)",
            f"{ingest['plain_cps']:.1f} chunks/s",
            "",
        )
        table.add_row(
            "advisor ingest pipeline (read+chunk+embed+write)", f"{ingest['ours_cps']:.1f} chunks/s", ""
        )
        table.add_row("pipeline overhead over plain encode", f"{ingest['overhead']:+.1%}", "< 25%")
        runtime = Runtime(Settings(home=Path(tmp) / "query"), embeddings=embeddings)
        runtime.ensure_knowledge()
        for size in args.sizes:
            name = f"bench-{size}"
            with console.status(f"seeding {size:,} chunks…"):
                start = time.perf_counter()
                seed_workspace(runtime, name, size, rng)
                seeded = time.perf_counter() - start
            with console.status(f"querying {size:,} chunks…"):
                result = bench_queries(runtime, name, questions)
            table.add_row(
                f"seed {size:,} chunks into Chroma (precomputed vectors)", f"{size / seeded:,.0f} adds/s", ""
            )
            table.add_row(
                f"first query at {size:,} (builds BM25 index)", f"{result['first_s'] * 1000:,.0f} ms", ""
            )
            target = "≤ 50 ms" if size >= 100_000 else ""
            table.add_row(f"query p50 at {size:,} chunks (warm)", f"{result['p50']:.1f} ms", target)
            table.add_row(f"query p95 at {size:,} chunks (warm)", f"{result['p95']:.1f} ms", "")
    table.add_row("advisor --help wall time (median of 5)", f"{bench_help() * 1000:.0f} ms", "< 1000 ms")
    console.print(table)


if __name__ == "__main__":
    main()
