"""The pivots product on every real metric table, each read by a reader trained without it.

    python evals/coalitions/loo.py            # leave-one-coalition-out over the real tables
    python evals/coalitions/loo.py --current  # the same, with the shipped reader (trained on some of them)

For each table of `reader_data.real_tables` (dev and the retired test tables), the reader is refitted on the
others and the invented notes (C and thresholds as `train.py --cv` chooses them), written to a
temporary file, and the product (`pivots_from_files`, offline, with retrieval) is scored on the held-out
table exactly as the coalitions eval scores a part: signals per kind, ties of found signals to their
labelled metrics, and options that claim nothing in the notes explains a gap the labels say the notes
explain (and how often an option quotes the notes about a lagging metric instead). The invented
notes only ever train.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reader_data import ROOT, load_data, real_tables
from train import report, trained

from advisor.capabilities.interests.analysis import map_interests_from_file
from advisor.capabilities.pivots import reader
from advisor.capabilities.pivots.analysis import pivots_from_files
from advisor.capabilities.pivots.models import PivotAnalysis
from advisor.capabilities.pivots.rules import UNREAD_CAUSE
from advisor.cli.common import eval_runtime
from advisor.config import get_settings
from advisor.evaluation.coalitions import SIGNAL_KINDS, CoalitionFigures, Counts, load_split, score_coalitions
from advisor.service.capabilities import Capabilities
from advisor.text.logistic import save_models

# How the diagnose option speaks of a lagging metric the notes mention without a signal tied to it.
_QUOTES_THE_NOTES = UNREAD_CAUSE


def score_table(name: str, runtime: Any) -> tuple[CoalitionFigures, Counter[str]]:
    """The product's figures on one real table (with whatever reader `reader.MODEL_FILE` holds), and
    how often its options quote the notes about a lagging metric instead of calling them silent
    (`explained` / `unexplained` by the labels)."""
    data = load_split(ROOT)
    split, label = data["split"], data["expected"]["metrics"][name]
    part = "dev" if name in split["metrics"]["dev"] else "test"
    results: list[PivotAnalysis] = []

    def pivots(metrics: Path, notes: Path, as_of: date) -> PivotAnalysis:
        results.append(pivots_from_files(metrics, notes, as_of, retriever=runtime.retriever))
        return results[-1]

    figures = score_coalitions(
        ROOT,
        lambda roster, objectives: map_interests_from_file(roster, objectives, embeddings=None),
        pivots,
        parts=[part],
        files={name},
    )[part]
    explained = {g["metric"] for g in label.get("explained_gaps", [])}
    unexplained = set(label.get("unexplained_gaps") or [])
    quoted = {m for o in results[0].pivots if _QUOTES_THE_NOTES in o.rationale for m in o.addresses}
    return figures, Counter(explained=len(quoted & explained), unexplained=len(quoted & unexplained))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--current", action="store_true", help="score the shipped reader, not per-fold ones")
    args = parser.parse_args()
    names = real_tables(load_split(ROOT)["split"])
    runtime = Capabilities(eval_runtime(get_settings()), llm=None).runtime
    signals = {k: Counts() for k in SIGNAL_KINDS}
    tied = tied_right = claims = contradicted = 0
    quoted: Counter[str] = Counter()
    data = chosen = None
    if not args.current:
        data = load_data()
        chosen = report(data)
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            if data is not None and chosen is not None:
                reader.MODEL_FILE = Path(folder, "reader.npz")
                save_models(reader.MODEL_FILE, trained(data, chosen, without=name))
                reader.reader_models.cache_clear()
            figures, quotes = score_table(name, runtime)
            quoted += quotes
            for kind, c in figures.signals.items():
                for field in ("found", "labelled", "found_right", "caught"):
                    setattr(signals[kind], field, getattr(signals[kind], field) + getattr(c, field))
            tied += figures.signals_tied
            tied_right += figures.signals_tied_right
            claims += figures.unexplained_claims
            contradicted += figures.contradicted_claims
            print(
                f"{name:45} tied {figures.signals_tied_right}/{figures.signals_tied} "
                f"claims {figures.unexplained_claims} contradicted {figures.contradicted_claims}",
                flush=True,
            )
    print(f"{len(names)} real tables, {'shipped reader' if args.current else 'leave one coalition out'}")
    for kind, c in signals.items():
        print(
            f"signal {kind:16} F1 {c.f1:.2f}  P {c.precision:.2f}  R {c.recall:.2f}  "
            f"(labelled {c.labelled}, found {c.found})"
        )
    print(f"mean F1 {sum(c.f1 for c in signals.values()) / len(signals):.3f}")
    print(f"signals tied to their metric: {tied_right}/{tied} = {tied_right / max(tied, 1):.3f}")
    print(f"'nothing explains' claims: {claims}, contradicted by the labels: {contradicted}")
    print(
        "lagging metrics whose option quotes the notes instead: "
        f"{quoted['explained']} explained by the labels, {quoted['unexplained']} unexplained"
    )


if __name__ == "__main__":
    main()
