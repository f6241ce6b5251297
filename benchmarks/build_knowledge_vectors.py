"""Rebuild the knowledge base's shipped vectors (advisor/data/vectors/knowledge.npz).

    python benchmarks/build_knowledge_vectors.py

Run it after editing `knowledge/`, the chunking or the embedding model: tests/test_knowledge_vectors.py
fails until the table matches. A dev command, never run by the product: a fresh home reads the
table instead of encoding the knowledge base (see advisor/llm/knowledge_vectors.py).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from advisor.config import Settings  # noqa: E402
from advisor.llm.embeddings import MiniLMEmbeddings  # noqa: E402
from advisor.llm.knowledge_vectors import VECTORS_PATH, build_table  # noqa: E402


def main() -> None:
    settings = Settings(knowledge_dir=ROOT / "knowledge")
    start = time.perf_counter()
    table = build_table(settings, MiniLMEmbeddings())
    table.save(VECTORS_PATH)
    size, took = VECTORS_PATH.stat().st_size, time.perf_counter() - start
    print(
        f"{len(table.rows)} texts from {settings.knowledge_dir} encoded in {took:.1f} s; "
        f"wrote {VECTORS_PATH.relative_to(ROOT)} ({size / 1024:.0f} KiB, model {table.model[:12]}…)"
    )


if __name__ == "__main__":
    main()
