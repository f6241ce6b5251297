"""Score the interests and pivots capabilities on one batch of the dev part (never on test).

    python evals/coalitions/batches.py            # batch 2 (the files split.yaml marks as batch 2)
    python evals/coalitions/batches.py --batch 1  # batch 1's dev files

Batch 2 was written blind to the tool and was never tuned on before the generalised models, so its
figures from a code version that predates it are an honest measure of how that version generalises.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from advisor.capabilities.interests.analysis import map_interests_from_file
from advisor.capabilities.pivots.analysis import pivots_from_files
from advisor.cli.common import eval_runtime
from advisor.config import get_settings
from advisor.evaluation.coalitions import CoalitionFigures, score_coalitions
from advisor.service.capabilities import Capabilities

ROOT = Path(__file__).resolve().parent


def batch_files(batch: int, root: Path = ROOT) -> set[str]:
    """The dev files of a batch: batch N follows the `# batch N` comment in each dev list of split.yaml."""
    files: dict[int, set[str]] = {n: set() for n in range(1, 13)}
    part, current = "", 1
    for line in (root / "split.yaml").read_text("utf-8").splitlines():
        if re.match(r"^\s+(dev|test):", line):
            part, current = line.strip(" :"), 1
        elif m := re.match(r"^\s*#\s*batch (\d+)", line):
            current = int(m.group(1))
        elif part == "dev" and (m := re.match(r"^\s+-\s+(\S+)", line)):
            files[current].add(m.group(1))
    return files[batch]


def score_batch(batch: int) -> CoalitionFigures:
    """The product's figures on one batch of dev."""
    runtime = Capabilities(eval_runtime(get_settings()), llm=None).runtime
    return score_coalitions(
        ROOT,
        lambda roster, objectives: map_interests_from_file(roster, objectives, embeddings=runtime.embeddings),
        lambda metrics, notes, as_of: pivots_from_files(metrics, notes, as_of, retriever=runtime.retriever),
        parts=["dev"],
        files=batch_files(batch),
    )["dev"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, choices=range(1, 13), default=2)
    args = parser.parse_args()
    print_figures(args.batch, score_batch(args.batch))


def print_figures(batch: int, figures: CoalitionFigures) -> None:
    args = argparse.Namespace(batch=batch)
    rows = {f"gap {k}": c for k, c in figures.gaps.items()} | {
        f"signal {k}": c for k, c in figures.signals.items()
    }
    print(f"batch {args.batch}: {figures.rosters} rosters, {figures.tables} metric tables")
    for name, c in rows.items():
        print(
            f"{name:42} P {c.precision:.2f}  R {c.recall:.2f}  F1 {c.f1:.2f}  "
            f"(labelled {c.labelled}, found {c.found})"
        )
    for kind, c in figures.baseline_signals.items():
        print(f"baseline (keywords) signal {kind:22} P {c.precision:.2f}  R {c.recall:.2f}  F1 {c.f1:.2f}")
    extra = figures.model_dump(exclude={"gaps", "signals", "baseline_signals", "details"})
    if figures.signals_tied:
        print(f"signals tied to their metric: {figures.signals_tied_right / figures.signals_tied:.2f}")
    print(json.dumps(extra))


if __name__ == "__main__":
    main()
