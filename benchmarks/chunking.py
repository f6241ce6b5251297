"""Benchmark chunking of pathological long lines and print a table.

    python benchmarks/chunking.py [--chars 1000000]

Each line repeats one unit (abbreviations, initials, one unbroken word) for `--chars` characters and a
quarter of that. Linear chunking takes about 4x the time for 4x the text; the tests count the work
(bounded look-backs, bounded tokenizer windows), this prints the seconds.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from advisor.documents.chunking import chunk_document  # noqa: E402
from advisor.documents.read import read_document  # noqa: E402

UNITS = ["Dr. X ", "e.g. ", "Hi! ", "a.b.c ", "word ", "x" * 64]


def seconds(folder: Path, unit: str, chars: int) -> tuple[float, int]:
    path = folder / "line.md"
    path.write_text("# One line\n\n" + unit * (chars // len(unit)), encoding="utf-8")
    started = time.perf_counter()
    chunks = chunk_document(read_document(path, max_bytes=2**25))
    return time.perf_counter() - started, len(chunks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    args = parser.parse_args()
    table = Table(title=f"Chunking one line of {args.chars:,} characters")
    for column in ("unit", "chunks", "1/4 line (s)", "whole line (s)", "ratio (linear: about 4)"):
        table.add_column(column)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        seconds(folder, "warm up the tokenizer ", 50_000)
        for unit in UNITS:
            quarter, _ = seconds(folder, unit, args.chars // 4)
            whole, chunks = seconds(folder, unit, args.chars)
            table.add_row(
                repr(unit[:8]),
                f"{chunks:,}",
                f"{quarter:.2f}",
                f"{whole:.2f}",
                f"{whole / max(quarter, 1e-3):.1f}",
            )
    Console(width=120).print(table)


if __name__ == "__main__":
    main()
